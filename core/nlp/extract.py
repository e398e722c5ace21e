"""Everything the comparison needs from one parsed article, in one pass over its doc."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.nlp.descriptors import descriptors_of
from core.nlp.names import NEVER_ENTITIES, AliasTable, resolve_short_names


@dataclass
class ArticleAnalysis:
    """The stored analysis of one article (rows of the store's analysis tables)."""

    article_id: str
    text_hash: str
    model: str
    mentions: list[tuple] = field(default_factory=list)  # (start, end, text, label, name)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # (start, end)
    terms: list[tuple[str, str, int]] = field(default_factory=list)  # (term, kind, count)
    quotes: list = field(default_factory=list)  # core.nlp.quotes.Quote
    descriptors: list[tuple] = field(default_factory=list)  # (name, descriptor, kind, start, end)


@dataclass(frozen=True)
class AnalysisFailure:
    """An article that could not be analysed, and why; kept so it is not tried again on the same text."""

    article_id: str
    text_hash: str
    model: str
    reason: str


def mentions_of(doc) -> list[tuple]:
    """Entity mentions of one doc: ``(start, end, text, label, name)``."""
    raw = [(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents if e.label_ not in NEVER_ENTITIES]
    return [m for m in resolve_short_names(raw) if m[4]]


def sentences_of(doc) -> list[tuple[int, int]]:
    """Sentence spans, cut at line ends (a headline is never joined to the lead),
    trimmed, without those that are only blanked boilerplate."""
    out = []
    for sent in doc.sents:
        offset = sent.start_char
        for line in sent.text.split("\n"):
            stripped = line.strip()
            if any(ch.isalnum() for ch in stripped):
                start = offset + (len(line) - len(line.lstrip()))
                out.append((start, start + len(stripped)))
            offset += len(line) + 1
    return out


def analyse_doc(article_id: str, text_hash: str, model: str, doc, aliases: AliasTable) -> ArticleAnalysis:
    """All analysis rows of one article from its parsed doc."""
    from core.analysis.keyness import terms_of
    from core.nlp.quotes import find_quotes

    mentions = mentions_of(doc)
    return ArticleAnalysis(
        article_id,
        text_hash,
        model,
        mentions=mentions,
        sentences=sentences_of(doc),
        terms=[(term, kind, n) for (term, kind), n in terms_of(doc, mentions).items()],
        quotes=find_quotes(doc, mentions),
        descriptors=descriptors_of(doc, mentions, aliases),
    )
