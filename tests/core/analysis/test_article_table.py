"""The corpus table counts each article's entity mentions and quotes, and names its story."""

import pandas as pd

from core.analysis.article_table import ARTICLE_TABLE_COLUMNS, article_table

ARTICLES = pd.DataFrame({
    "id": ["b", "a"], "outlet": ["X", "Y"], "title": ["B", "A"], "date": [None, "2024-06-19"],
    "word_count": [10, 20], "origins": [{}, {"outlet": "guessed"}], "url": ["", ""],
})


def test_counts_mentions_and_quotes_per_article_and_keeps_order():
    mentions = pd.DataFrame({"article_id": ["a", "a", "a"], "entity": ["K", "K", "P"]})
    quotes = pd.DataFrame({"article_id": ["b"], "text": ["“No,” he said."]})
    table = article_table(ARTICLES, mentions, quotes=quotes)
    assert list(table.columns) == ARTICLE_TABLE_COLUMNS
    assert list(table["id"]) == ["b", "a"]
    assert list(table["entities"]) == [0, 3]
    assert list(table["quotes"]) == [1, 0]
    assert list(table["story"]) == ["", ""]


def test_story_names():
    story_of = pd.Series({"a": 7}, name="story_id")
    stories = pd.DataFrame({"id": [7], "name": ["Summit in Pyongyang"]})
    table = article_table(ARTICLES, pd.DataFrame(), story_of=story_of, stories=stories)
    assert list(table["story"]) == ["", "Summit in Pyongyang"]
    assert table["story_id"].iloc[1] == 7 and pd.isna(table["story_id"].iloc[0])
    assert list(table["entities"]) == [0, 0]


def test_quote_counts_from_the_project_equal_counting_its_quotes(seeds_project):
    articles, mentions = seeds_project.articles_frame(), seeds_project.mentions()
    counted = article_table(articles, mentions, quotes=seeds_project.quotes())
    quick = article_table(articles, mentions, quote_counts=seeds_project.quote_counts())
    assert counted["quotes"].tolist() == quick["quotes"].tolist()
    assert min(quick["quotes"]) > 0
