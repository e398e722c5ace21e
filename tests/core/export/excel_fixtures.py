"""Projects and helpers for the Excel and CSV export tests.

``synthetic_project`` writes articles and mentions straight into a store
(no spaCy), so tests can plant hostile text and exact counts; the real-model
seeds project comes from the session fixture in ``tests/conftest.py``.
"""

from __future__ import annotations

import random
from pathlib import Path

from openpyxl import load_workbook

from core.model.article import Origin, make_article
from core.project import Project

ENTITIES = [
    ("Vladimir Putin", "PERSON"), ("Kim Jong Un", "PERSON"), ("Russia", "GPE"), ("North Korea", "GPE"),
    ("Kremlin", "ORG"), ("United Nations", "ORG"), ("Ukraine", "GPE"), ("NATO", "ORG"),
]
OUTLETS = ["Daily Planet", "Gotham Gazette", "Metropolis Mirror"]
#: Three of Yahoo News' seed sentences, reused by the Daily Planet in the report project (tests/core/conftest.py).
REUSED = [
    "North Korean leader Kim Jong Un may travel to Russia to discuss a possible deal that could see the Hermit "
    "Kingdom supply weapons to the Kremlin’s war in Ukraine, a U.S. official said.",
    "Speaking to the Associated Press on the condition of anonymity, the official said the meeting is expected "
    "to happen later this month in the Russian port city of Vladivostok, 79 miles from the North Korean border.",
    "On Tuesday, U.S. national security adviser Jake Sullivan warned that North Korea would “pay a price” for "
    "engaging in arms deals with Russia.",
]
PLANET = "\n".join([
    "Kim Jong Un may visit Vladivostok to meet Vladimir Putin", *REUSED,
    "The Daily Planet could not reach the Kremlin for comment on the reported meeting between Vladimir Putin "
    "and Kim Jong Un.",
])


def article_with(body: str, *, title: str, outlet: str, date: str | None = "2023-09-05", **meta):
    origins = {"title": Origin.EXTRACTED, "outlet": Origin.EDITED, "date": Origin.FILE}
    return make_article(body, title=title, outlet=outlet, date=date, origins=origins, **meta)


def mentions_in(text: str, names=ENTITIES) -> list[tuple]:
    """``(start, end, text, label, name)`` of every occurrence of each known name."""
    found = []
    for name, label in names:
        start = text.find(name)
        while start >= 0:
            found.append((start, start + len(name), name, label, name))
            start = text.find(name, start + 1)
    return sorted(found)


def store_articles(project: Project, articles, mentions=mentions_in) -> None:
    """Add articles and their mentions as if analysed."""
    project.store.add_articles(articles)
    project.store.save_analyses([(a.id, "hash", "synthetic", mentions(a.text)) for a in articles])


def synthetic_project(path: Path, n_articles: int, mentions_per_article: int, seed: int = 7) -> Project:
    """A project of generated articles, each naming entities ``mentions_per_article`` times."""
    rng = random.Random(seed)
    project = Project(path)
    articles, results = [], []
    for i in range(n_articles):
        names = [rng.choice(ENTITIES) for _ in range(mentions_per_article)]
        sentences = [f"Officials said {name} met envoys on day {i} to discuss item {k}." for k, (name, _) in enumerate(names)]
        body = " ".join(sentences)
        article = article_with(body, title=f"Report {i}: talks continue", outlet=OUTLETS[i % len(OUTLETS)],
                               date=f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}")
        articles.append(article)
    project.store.add_articles(articles)
    for start in range(0, n_articles, 200):
        batch = articles[start:start + 200]
        results = [(a.id, "hash", "synthetic", mentions_in(a.text, sorted(set(ENTITIES)))) for a in batch]
        project.store.save_analyses(results)
    return project


def workbook(path: Path):
    return load_workbook(path)


def table_rows(ws) -> list[dict]:
    """The rows of the sheet's only table as dicts (header -> value), read with openpyxl."""
    (table,) = ws.tables.values()
    rows = list(ws[table.ref])
    header = [c.value for c in rows[0]]
    return [dict(zip(header, (c.value for c in row))) for row in rows[1:]]
