"""Body text of saved web pages: Newsprism against bare trafilatura, F1 per page.

    python -m benchmarks.page_text [--pages DIR ...]

Each folder holds pages and an ``expected.json`` giving, per file, strings
the article text must contain (``with``) and boilerplate it must not
(``without``) — the evaluation trafilatura's own benchmark uses. Per page:
precision = found wanted / (found wanted + found unwanted), recall = found
wanted / wanted, F1 their harmonic mean. "trafilatura" is ``trafilatura.extract``
with its defaults but without comments (Newsprism never keeps comments);
"Newsprism" is the body (after the headline line) of the article
``read_file`` makes. Default folders: the shared fixtures' ``html-pages``
and ``tests/data/pages`` (pages written for Newsprism's tests).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FOLDERS = (REPO.parent / "shared" / "fixtures" / "html-pages", REPO / "tests" / "data" / "pages")


def score(text: str, wanted: list[str], unwanted: list[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 of one extraction against the page's strings."""
    found = sum(1 for w in wanted if w in text)
    leaked = sum(1 for u in unwanted if u in text)
    precision = found / (found + leaked) if found + leaked else 0.0
    recall = found / len(wanted) if wanted else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def newsprism_text(path: Path) -> str:
    from core.importers import read_file

    [article] = read_file(path)
    return article.text.split("\n", 1)[1] if "\n" in article.text else ""


def trafilatura_text(path: Path, url: str) -> str:
    import trafilatura

    from core.importers.web_page import decode_html

    html = decode_html(path.read_bytes())
    return trafilatura.extract(html, url=url or None, include_comments=False) or ""


def pages(folders) -> list[tuple[Path, dict]]:
    found = []
    for folder in folders:
        expected = Path(folder) / "expected.json"
        if expected.exists():
            for name, entry in sorted(json.loads(expected.read_text(encoding="utf-8")).items()):
                found.append((Path(folder) / name, entry))
    return found


def run(folders) -> list[dict]:
    rows = []
    for path, entry in pages(folders):
        wanted, unwanted = entry.get("with", []), entry.get("without", [])
        ours = score(newsprism_text(path), wanted, unwanted)
        theirs = score(trafilatura_text(path, entry.get("url", "")), wanted, unwanted)
        rows.append({"page": path.name, "folder": path.parent.name, "newsprism": ours[2], "trafilatura": theirs[2],
                     "newsprism_pr": ours[:2], "trafilatura_pr": theirs[:2]})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", nargs="*", type=Path, default=list(DEFAULT_FOLDERS))
    args = parser.parse_args(argv)
    rows = run(args.pages)
    print("| page | Newsprism F1 | trafilatura F1 | difference |")
    print("|---|---|---|---|")
    for row in rows:
        print(f"| {row['folder']}/{row['page']} | {row['newsprism']:.3f} | {row['trafilatura']:.3f} | "
              f"{row['newsprism'] - row['trafilatura']:+.3f} |")
    if rows:
        mean = lambda key: sum(r[key] for r in rows) / len(rows)  # noqa: E731
        worse = sum(r["newsprism"] < r["trafilatura"] for r in rows)
        print(f"| mean of {len(rows)} pages | {mean('newsprism'):.3f} | {mean('trafilatura'):.3f} | "
              f"{mean('newsprism') - mean('trafilatura'):+.3f} |")
        print(f"\nPages where Newsprism scores below trafilatura: {worse}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
