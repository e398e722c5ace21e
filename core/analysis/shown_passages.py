"""Shared passages between the articles being read side by side, whatever their stories.

``Project.passages`` aligns sentences within a story. A reader may put any
articles next to each other, so these are aligned as if they were one story.
"""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from core.analysis.passages import align_passages, sentence_status

SENTENCE_COLUMNS = ["article_id", "outlet", "story_id", "idx", "start", "end", "text"]


def sentences_of(project, article_ids: Iterable[str]) -> pd.DataFrame:
    """Analysed sentences of these articles (``Project.sentences`` columns; ``story_id`` 0)."""
    ids = list(article_ids)
    articles = {a.id: a for a in project.store.articles(ids)}
    rows = project.store.frame("sentences", ids)
    if rows.empty:
        return pd.DataFrame(columns=SENTENCE_COLUMNS)
    rows["text"] = [articles[a].text[s:e] for a, s, e in zip(rows["article_id"], rows["start"], rows["end"])]
    rows["outlet"] = rows["article_id"].map({a.id: a.outlet for a in articles.values()})
    rows["story_id"] = 0
    return rows[SENTENCE_COLUMNS]


def compare_articles(sentences: pd.DataFrame, mentions: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(alignment, status)`` of ``sentences`` (from :func:`sentences_of`).

    ``alignment``: ``Project.passages``' sentence pairs across outlets;
    ``status``: ``article_id, idx, status`` (reused, same_fact or unique).
    ``mentions``: canonical mentions (``entity`` column) used as anchors.
    """
    together = sentences.assign(story_id=0)
    named = None
    if mentions is not None and not mentions.empty:
        named = mentions.rename(columns={"entity": "name"})[["article_id", "start", "end", "name"]]
    alignment = align_passages(together, named)
    return alignment, sentence_status(together, alignment)
