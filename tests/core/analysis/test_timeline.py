"""Mentions per day and outlet, undated articles left out and counted."""

import pandas as pd

from core.analysis.timeline import TIMELINE_COLUMNS, mentions_per_day, undated_share

ARTICLES = pd.DataFrame({
    "id": ["a", "b", "c", "d"],
    "outlet": ["X", "X", "Y", "Y"],
    "date": ["2024-06-18", "2024-06-18T09:30:00", None, "2024-06-19"],
})
MENTIONS = pd.DataFrame({
    "article_id": ["a", "a", "b", "c", "d", "d"],
    "outlet": ["X", "X", "X", "Y", "Y", "Y"],
    "entity": ["Putin", "Kim", "Putin", "Putin", "Putin", "Putin"],
})


def test_per_day_and_outlet():
    table = mentions_per_day(MENTIONS, ARTICLES, ["Putin"])
    assert list(table.columns) == TIMELINE_COLUMNS
    rows = [(str(r.day.date()), r.outlet, r.mentions, r.articles) for r in table.itertuples()]
    assert rows == [("2024-06-18", "X", 2, 2), ("2024-06-19", "Y", 2, 1)]


def test_nothing_to_draw_and_undated_share():
    assert mentions_per_day(MENTIONS, ARTICLES, []).empty
    assert mentions_per_day(MENTIONS, ARTICLES, ["Nobody"]).empty
    assert mentions_per_day(pd.DataFrame(), ARTICLES, ["Putin"]).empty
    reprints = ARTICLES.assign(version_of=["", "", "", "a"])  # named only in a later version: not counted
    assert mentions_per_day(MENTIONS[MENTIONS["article_id"] == "d"], reprints, ["Putin"]).empty
    assert undated_share(ARTICLES) == 0.25
    assert undated_share(ARTICLES.iloc[0:0]) == 0.0
