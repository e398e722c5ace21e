"""Ctrl+F across texts: case and line breaks do not matter; misses are left out."""

from core.model.article import make_article
from core.text.find import find_in_articles


def test_counts_occurrences_per_article():
    a = make_article("Putin met Kim.\nPUTIN left.", title="One")
    b = make_article("Nothing here.", title="Two")
    c = make_article("Vladimir\nPutin spoke.", title="Three")
    assert find_in_articles([a, b, c], "putin") == {a.id: 2, c.id: 1}
    assert find_in_articles([a, b, c], "Vladimir  Putin") == {c.id: 1}
    assert find_in_articles([a, b, c], "  ") == {}
    assert find_in_articles([a], "Kim.") == {a.id: 1}
