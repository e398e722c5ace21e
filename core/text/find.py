"""Find a phrase across article texts (the window's Ctrl+F and its concordance)."""

from __future__ import annotations

import re
from typing import Iterable

from core.model.article import Article


def find_pattern(query: str, *, whole_words: bool = False, case: bool = False) -> re.Pattern | None:
    """The pattern the window and ``find`` look for: the query's words with any whitespace between.

    ``whole_words``: the hit neither starts nor ends inside a word ("war"
    does not find "software"); ``case``: letter case must match. An empty
    query has no pattern.
    """
    words = query.split()
    if not words:
        return None
    body = r"\s+".join(re.escape(w) for w in words)
    if whole_words:
        body = rf"(?<!\w){body}(?!\w)"
    return re.compile(body, 0 if case else re.IGNORECASE)


def hit_spans(text: str, query: str, *, whole_words: bool = False, case: bool = False) -> list[tuple[int, int]]:
    """``(start, end)`` of every hit of ``query`` in one text (what the side-by-side view marks)."""
    pattern = find_pattern(query, whole_words=whole_words, case=case)
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]


def find_in_articles(articles: Iterable[Article], query: str, *, whole_words: bool = False,
                     case: bool = False) -> dict[str, int]:
    """``article id -> occurrences`` of ``query`` (case-insensitive, whitespace-tolerant by default).

    Articles without it are left out; an empty query finds nothing.
    """
    pattern = find_pattern(query, whole_words=whole_words, case=case)
    if pattern is None:
        return {}
    found = {}
    for article in articles:
        count = len(pattern.findall(article.text))
        if count:
            found[article.id] = count
    return found
