"""What the analysis of one article stores: the rows the store writes to its analysis tables.

A plain record, so that the store saves analyses without knowing how they
were made (core.nlp.extract makes them).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class ArticleAnalysis:
    """The stored analysis of one article (rows of the store's analysis tables)."""

    article_id: str
    text_hash: str
    model: str
    mentions: list[tuple] = field(default_factory=list)  # (start, end, text, label, name)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # (start, end)
    terms: list[tuple[str, str, int, str | None]] = field(default_factory=list)  # (term, kind, count, surface)
    quotes: list = field(default_factory=list)  # core.nlp.quotes.Quote
    descriptors: list[tuple] = field(default_factory=list)  # (name, descriptor, kind, start, end)


@dataclass(frozen=True)
class AnalysisFailure:
    """An article that could not be analysed, and why; kept so it is not tried again on the same text."""

    article_id: str
    text_hash: str
    model: str
    reason: str
