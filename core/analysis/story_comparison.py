"""A story's outlets side by side as one table: the window's story page and the workbook's sheet.

``Project.compare_story`` gathers, per outlet, what tells its coverage
apart; here that becomes one row per outlet of the project — those that did
not cover the story too, marked so — with numbers an analyst can read and a
note on what each column means.
"""

from __future__ import annotations

import pandas as pd

#: Column -> what it means (tooltips in the window, a note row in the workbook).
COLUMNS = {
    "Outlet": "The outlet; outlets of the project that did not cover this story are listed as absent.",
    "Covered": "Whether the outlet has an article in this story.",
    "Articles": "The outlet's articles in this story.",
    "Words": "Words in those articles (boilerplate left out).",
    "Only this outlet names": "Entities no other outlet of the story names.",
    "Quotes": "Direct and reported quotes in the outlet's articles.",
    "Quoted most": "Who the outlet quotes, with how many quotes.",
    "Anonymous sourcing": "Share of the outlet's quotes given to unnamed sources (\"an official said\").",
    "Describes": "How the outlet describes the story's key people and places (appositions, titles).",
    "Distinctive words": "Words and phrases the outlet uses markedly more than the story's other outlets "
                         "(log-likelihood keyness).",
    "Shared text": "Share of the outlet's sentences that other outlets of the story also carry (same or "
                   "near-same wording); the rest is its own.",
}


def comparison_table(comparison: dict, project_outlets: list[str], top: int = 5) -> pd.DataFrame:
    """One row per outlet of the project for ``comparison`` (``Project.compare_story``)."""
    rows = []
    for outlet in sorted(set(project_outlets) | set(comparison["outlets"])):
        data = comparison["outlets"].get(outlet)
        rows.append(_row(outlet, data, top) if data else _absent(outlet))
    return pd.DataFrame(rows, columns=list(COLUMNS))


def _row(outlet: str, data: dict, top: int) -> dict:
    sources = data["sources"]
    return {
        "Outlet": outlet,
        "Covered": "yes",
        "Articles": len(data["articles"]),
        "Words": sum(a["words"] for a in data["articles"]),
        "Only this outlet names": ", ".join(data["only_here"][:top * 2]),
        "Quotes": sum(int(s["quotes"]) for s in sources),
        "Quoted most": ", ".join(f"{s['speaker']} ({s['quotes']})" for s in sources[:top]),
        "Anonymous sourcing": round(float(data["anonymous_share"]), 3),
        "Describes": "; ".join(f"{d['entity']}: {d['descriptor']}" for d in data["descriptors"][:top]),
        "Distinctive words": ", ".join(t["term"] for t in data["distinctive_terms"][:top * 2]),
        "Shared text": round(float(data["shared_text_share"]), 3),
    }


def _absent(outlet: str) -> dict:
    return {"Outlet": outlet, "Covered": "no (absent)", "Articles": 0, "Words": 0, "Only this outlet names": "",
            "Quotes": 0, "Quoted most": "", "Anonymous sourcing": None, "Describes": "",
            "Distinctive words": "", "Shared text": None}


def absent_outlets(comparison: dict, project_outlets: list[str]) -> list[str]:
    """The project's outlets with no article in the story: who did not cover it."""
    return sorted(set(project_outlets) - set(comparison["outlets"]))
