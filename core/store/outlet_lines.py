"""Lines an outlet prints under every article (sign-up lines, mission statements) marked as boilerplate.

Run after an import over the outlets it touched: their articles are read
once, lines found in several of them (:func:`core.text.boilerplate.repeated_across`)
are marked in each, and the articles whose marks changed are saved (their
analysis is then stale and redone). Marks are only added: the text stays,
greyed, in the window.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from core.store.store import ProjectStore
from core.text.boilerplate import line_spans, repeated_across


def mark_outlet_boilerplate(store: ProjectStore, article_ids: Iterable[str]) -> int:
    """Mark the repeated lines of the outlets of ``article_ids``; returns how many articles changed."""
    ids = set(article_ids)
    if not ids:
        return 0
    frame = store.articles_frame()
    outlets = set(frame.loc[frame["id"].isin(ids), "outlet"])
    with store.reading() as db:
        roots = dict(db.execute("SELECT article_id, version_of FROM article_versions").fetchall())
    changed = 0
    for outlet in sorted(outlets):
        members = list(frame.loc[frame["outlet"] == outlet, "id"])
        if len(members) < 2:
            continue
        articles = store.articles(members)
        groups: dict[str, list[str]] = {}
        for article in articles:
            groups.setdefault(roots.get(article.id, article.id), []).append(article.text)
        repeated = repeated_across(list(groups.values()))
        if not repeated:
            continue
        with store.transaction():
            for article in articles:
                spans = set(article.boilerplate) | set(line_spans(article.text, repeated))
                if spans != set(article.boilerplate):
                    store.update_article(replace(article, boilerplate=tuple(sorted(spans))))
                    changed += 1
    return changed
