"""Everything the comparison needs from one parsed article, in one pass over its doc."""

from __future__ import annotations

from collections import Counter
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


def mentions_of(doc) -> list[tuple]:
    """Entity mentions of one doc: ``(start, end, text, label, name)``."""
    raw = [(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents if e.label_ not in NEVER_ENTITIES]
    return [m for m in resolve_short_names(raw) if m[4]]


def sentences_of(doc) -> list[tuple[int, int]]:
    """Sentence spans, trimmed, without those that are only blanked boilerplate."""
    out = []
    for sent in doc.sents:
        text = sent.text
        stripped = text.strip()
        if any(ch.isalnum() for ch in stripped):
            start = sent.start_char + (len(text) - len(text.lstrip()))
            out.append((start, start + len(stripped)))
    return out


def terms_of(doc, mentions: list[tuple]) -> list[tuple[str, str, int]]:
    """Word lemmas, two-word phrases and entity names with their counts.

    Words are lower-cased lemmas of alphabetic, non-stop tokens outside
    entity mentions; a phrase is two such words next to each other.
    """
    in_entity = set()
    for start, end, *_ in mentions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            in_entity.update(range(span.start, span.end))
    counts: Counter = Counter()
    previous = None
    for token in doc:
        content = token.is_alpha and not token.is_stop and len(token) > 1 and token.i not in in_entity
        if not content:
            previous = None
            continue
        lemma = token.lemma_.lower()
        counts[(lemma, "word")] += 1
        if previous is not None and not token.is_sent_start:
            counts[(f"{previous} {lemma}", "phrase")] += 1
        previous = lemma
    for *_, name in mentions:
        counts[(name, "entity")] += 1
    return [(term, kind, n) for (term, kind), n in counts.items()]


def analyse_doc(article_id: str, text_hash: str, model: str, doc, aliases: AliasTable) -> ArticleAnalysis:
    """All analysis rows of one article from its parsed doc."""
    from core.nlp.quotes import find_quotes

    mentions = mentions_of(doc)
    return ArticleAnalysis(
        article_id,
        text_hash,
        model,
        mentions=mentions,
        sentences=sentences_of(doc),
        terms=terms_of(doc, mentions),
        quotes=find_quotes(doc, mentions),
        descriptors=descriptors_of(doc, mentions, aliases),
    )
