"""Find a phrase across article texts (the window's Ctrl+F)."""

from __future__ import annotations

import re
from typing import Iterable

from core.model.article import Article


def find_in_articles(articles: Iterable[Article], query: str) -> dict[str, int]:
    """``article id -> occurrences`` of ``query`` (case-insensitive, whitespace-tolerant).

    Articles without it are left out; an empty query finds nothing.
    """
    words = query.split()
    if not words:
        return {}
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    found = {}
    for article in articles:
        count = sum(1 for _ in pattern.finditer(article.text))
        if count:
            found[article.id] = count
    return found
