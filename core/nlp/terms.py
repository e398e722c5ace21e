"""The terms of one parsed article: content-word lemmas, two-word phrases and entity names.

What distinctive language (core.analysis.keyness) and story grouping
(core.analysis.story_features) count, read from the doc once at analysis.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable


def terms_of(doc, mentions: Iterable[tuple]) -> Counter:
    """``Counter[(term, kind)]`` of one spaCy doc (needs the lemmatizer).

    Words: lower-cased lemmas of alphabetic non-stop-word tokens outside any
    entity span (named mentions, and spaCy's dates and numbers). Phrases: two
    such lemmas on adjacent tokens of one sentence. Entities: the canonical
    names of ``mentions`` (``(start, end, text, label, name)``).
    """
    return _counted(doc, mentions)[0]


def term_rows(doc, mentions: Iterable[tuple]) -> list[tuple[str, str, int, str | None]]:
    """``(term, kind, count, surface)`` of one doc: the counts of :func:`terms_of` and, for a word or
    phrase, the form the article used most, lower-cased ("data" for the lemma "datum"; ties: the
    first used), or None when that is the term itself and for entities."""
    counts, forms = _counted(doc, mentions)
    most_used: dict[tuple[str, str], str] = {}
    for (term, kind, form), _ in forms.most_common():
        most_used.setdefault((term, kind), form)
    rows = []
    for (term, kind), n in counts.items():
        form = most_used.get((term, kind))
        rows.append((term, kind, n, form if form != term else None))
    return rows


def _counted(doc, mentions: Iterable[tuple]) -> tuple[Counter, Counter]:
    """Terms counted, and their forms: ``Counter[(term, kind, form)]`` for words and phrases."""
    mentions = list(mentions)
    inside = _entity_tokens(doc, [(m[0], m[1]) for m in mentions])
    counts: Counter = Counter((m[4], "entity") for m in mentions if m[4])
    forms: Counter = Counter()
    previous = previous_form = None
    for lemma, form, sent_start in _content_words(doc, inside):
        if lemma and previous and sent_start != 1:
            counts[(f"{previous} {lemma}", "phrase")] += 1
            forms[(f"{previous} {lemma}", "phrase", f"{previous_form} {form}")] += 1
        if lemma:
            counts[(lemma, "word")] += 1
            forms[(lemma, "word", form)] += 1
        previous, previous_form = lemma, form
    return counts, forms


def _entity_tokens(doc, spans: list[tuple[int, int]]) -> set[int]:
    spans = spans + [(e.start_char, e.end_char) for e in doc.ents]
    inside: set[int] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


def _content_words(doc, inside: set[int]):
    """``(lemma, form, sent_start)`` per token; lemma and form None unless it is a counted word
    (read from arrays: making a Python object of every token cost more than the counting)."""
    from spacy.attrs import IS_ALPHA, IS_STOP, LEMMA, LOWER, SENT_START

    if not len(doc):
        return
    strings, vocab = doc.vocab.strings, doc.vocab
    lemmas: dict[int, str | None] = {}
    table = doc.to_array([IS_ALPHA, IS_STOP, LEMMA, LOWER, SENT_START]).tolist()
    for i, (alpha, stop, lemma_id, lower_id, sent_start) in enumerate(table):
        if i in inside or not alpha or stop:
            yield None, None, sent_start
            continue
        if lemma_id not in lemmas:
            lemmas[lemma_id] = _word_lemma(strings[lemma_id], vocab)
        lemma = lemmas[lemma_id]
        yield lemma, strings[lower_id] if lemma else None, sent_start


def _word_lemma(lemma: str, vocab) -> str | None:
    lemma = lemma.lower()
    if not lemma.isalpha() or len(lemma) < 2 or _is_stop(vocab, lemma):
        return None
    return lemma


_stop_words: dict[int, dict[str, bool]] = {}  # per vocab: looking a word up in the vocab costs ~20 µs


def _is_stop(vocab, word: str) -> bool:
    known = _stop_words.setdefault(id(vocab), {})
    if word not in known:
        known[word] = vocab[word].is_stop
    return known[word]
