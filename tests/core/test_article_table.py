"""The corpus table counts each article's entity mentions, zero when it has none."""

import pandas as pd

from core.analysis.article_table import ARTICLE_TABLE_COLUMNS, article_table


def test_counts_mentions_per_article_and_keeps_order():
    articles = pd.DataFrame({
        "id": ["b", "a"], "outlet": ["X", "Y"], "title": ["B", "A"], "date": [None, "2024-06-19"],
        "word_count": [10, 20], "origins": [{}, {"outlet": "guessed"}], "url": ["", ""],
    })
    mentions = pd.DataFrame({"article_id": ["a", "a", "a"], "entity": ["K", "K", "P"]})
    table = article_table(articles, mentions)
    assert list(table.columns) == ARTICLE_TABLE_COLUMNS
    assert list(table["id"]) == ["b", "a"]
    assert list(table["entities"]) == [0, 3]


def test_empty_mentions():
    articles = pd.DataFrame({"id": ["a"], "outlet": ["X"], "title": ["A"], "date": [None],
                             "word_count": [1], "origins": [{}]})
    assert list(article_table(articles, pd.DataFrame()).loc[:, "entities"]) == [0]
