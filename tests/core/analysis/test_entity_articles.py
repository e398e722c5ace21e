"""Following an entity: the articles naming it, one per outlet first."""

import pandas as pd

from core.analysis.entity_articles import articles_naming, one_article_per_outlet


def test_articles_naming_and_one_per_outlet():
    mentions = pd.DataFrame({
        "article_id": ["a1", "a1", "a2", "b1", "b1", "b1", "c1"],
        "outlet": ["A", "A", "A", "B", "B", "B", "C"],
        "entity": ["Kim", "Kim", "Kim", "Kim", "Kim", "Kim", "Putin"],
    })
    naming = articles_naming(mentions, "Kim")
    assert list(naming["article_id"]) == ["b1", "a1", "a2"]
    assert list(naming["mentions"]) == [3, 2, 1]
    assert one_article_per_outlet(naming, 2) == ["b1", "a1"]
    assert one_article_per_outlet(naming, 6) == ["b1", "a1", "a2"]
    assert articles_naming(mentions, "Nobody").empty
    assert articles_naming(pd.DataFrame(), "Kim").empty
