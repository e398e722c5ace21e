"""The corpus table: one row per article with the counts the window lists."""

from __future__ import annotations

import pandas as pd

from core.analysis.entities import mention_weights

ARTICLE_TABLE_COLUMNS = ["id", "outlet", "title", "date", "word_count", "entities", "quotes", "story_id", "story",
                         "note", "origins"]


def article_table(
    articles: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    *,
    entity_totals: pd.Series | None = None,
    quotes: pd.DataFrame | None = None,
    quote_counts: pd.Series | None = None,
    story_of: pd.Series | None = None,
    stories: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Articles (``articles_frame``) with their counts and story.

    ``entities``: counted entity mentions (``mentions`` from
    ``canonical_mentions`` or ``count_mentions``, already restricted to the counted types, so the
    count matches ``summary --json``), or ``entity_totals`` (those counts
    summed per article id: ``Project.entity_totals``); ``quotes``: rows of ``Project.quotes``
    per article, or ``quote_counts`` (``Project.quote_counts``); ``story_id`` and ``story`` (its name) from ``Project.story_of``
    and ``Project.stories``. Missing inputs give zeros and blanks. ``note`` says
    why an article does not count: "not analysed: language ko", "version of
    'Title'" (a reprint, counted once with its first version).
    """
    table = articles.copy()
    if entity_totals is not None:
        table["entities"] = table["id"].map(entity_totals).fillna(0).astype("int64")
    else:
        table["entities"] = _count(table["id"], mentions)
    if quote_counts is not None:
        table["quotes"] = table["id"].map(quote_counts).fillna(0).astype("int64")
    else:
        table["quotes"] = _count(table["id"], quotes)
    if story_of is not None and not story_of.empty:
        table["story_id"] = table["id"].map(story_of).astype("Int64")
    else:
        table["story_id"] = pd.Series(pd.NA, index=table.index, dtype="Int64")
    names = stories.set_index("id")["name"] if stories is not None and not stories.empty else pd.Series(dtype=object)
    table["story"] = table["story_id"].astype(object).map(names).astype(object).fillna("")
    table["note"] = notes(table)
    for column in ARTICLE_TABLE_COLUMNS:
        if column not in table:
            table[column] = None
    return table[ARTICLE_TABLE_COLUMNS].reset_index(drop=True)


def _count(ids: pd.Series, rows: pd.DataFrame | None) -> pd.Series:
    if rows is None or rows.empty:
        return pd.Series(0, index=ids.index, dtype="int64")
    return ids.map(mention_weights(rows).groupby(rows["article_id"]).sum()).fillna(0).astype("int64")


def notes(articles: pd.DataFrame) -> pd.Series:
    """Why each article is left out of the comparisons ("" when it counts)."""
    note = articles["analysis"].fillna("").astype(object) if "analysis" in articles else pd.Series("", index=articles.index, dtype=object)
    if "version_of" in articles:
        titles = articles.set_index("id")["title"]
        first = articles["version_of"].fillna("")
        version = first.map(lambda i: f"version of '{titles.get(i, i)}'" if i else "")
        note = note.where(note != "", version)
    return note.astype(object)
