"""The corpus table: one row per article with the counts the window lists."""

from __future__ import annotations

import pandas as pd

ARTICLE_TABLE_COLUMNS = ["id", "outlet", "title", "date", "word_count", "entities", "origins"]


def article_table(articles: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Articles (``articles_frame``) with ``entities``: their counted entity mentions.

    ``mentions`` is the output of ``canonical_mentions`` (already restricted to
    the counted entity types), so the count matches ``summary --json``.
    """
    counts = mentions.groupby("article_id").size() if not mentions.empty else pd.Series(dtype="int64")
    table = articles.copy()
    table["entities"] = table["id"].map(counts).fillna(0).astype("int64")
    for column in ARTICLE_TABLE_COLUMNS:
        if column not in table:
            table[column] = None
    return table[ARTICLE_TABLE_COLUMNS].reset_index(drop=True)
