"""Everything the comparison needs from one parsed article, in one pass over its doc."""

from __future__ import annotations

from core.model.analysis import AnalysisFailure, ArticleAnalysis  # noqa: F401 - made here, named here too
from core.nlp.descriptors import descriptors_of
from core.nlp.doc_text import doc_text, sentence_ranges
from core.nlp.terms import term_rows
from core.text.names import NEVER_ENTITIES, AliasTable, resolve_short_names
from core.nlp.span_cleaning import is_common_word, clean_spans


#: Bumped when the extraction changes what it stores, so every article is analysed again
#: (2: entity spans cut back to the name, core/nlp/span_cleaning.py; 3: each word's and phrase's most
#: used form beside its lemma, so distinctive terms read as written).
EXTRACTION_VERSION = 3


def analysis_key(model: str) -> str:
    """What an analysis is valid for: the model and the extraction that read its output."""
    return f"{model}#{EXTRACTION_VERSION}"


def mentions_of(doc) -> list[tuple]:
    """Entity mentions of one doc: ``(start, end, text, label, name)``, spans cut back to the name."""
    raw = [(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents if e.label_ not in NEVER_ENTITIES]
    return [m for m in resolve_short_names(clean_spans(raw, doc_text(doc), _common_word(doc))) if m[4]]


def _common_word(doc):
    """Is the word at these offsets a common word: lower case elsewhere in the article, or not a proper noun?"""
    text = doc_text(doc)

    def common(start: int, end: int) -> bool:
        span = doc.char_span(start, end, alignment_mode="expand")
        tagged = span is not None and all(t.pos_ not in ("PROPN", "") for t in span)
        return tagged or is_common_word(text[start:end], text)

    return common


def sentences_of(doc) -> list[tuple[int, int]]:
    """Sentence spans, cut at line ends (a headline is never joined to the lead),
    trimmed, without those that are only blanked boilerplate."""
    out = []
    text = doc_text(doc)
    for _, _, offset, end in sentence_ranges(doc):
        for line in text[offset:end].split("\n"):
            stripped = line.strip()
            if any(ch.isalnum() for ch in stripped):
                start = offset + (len(line) - len(line.lstrip()))
                out.append((start, start + len(stripped)))
            offset += len(line) + 1
    return out


def analyse_doc(article_id: str, text_hash: str, model: str, doc, aliases: AliasTable) -> ArticleAnalysis:
    """All analysis rows of one article from its parsed doc."""
    from core.nlp.quotes import find_quotes

    mentions = mentions_of(doc)
    return ArticleAnalysis(
        article_id,
        text_hash,
        analysis_key(model),
        mentions=mentions,
        sentences=sentences_of(doc),
        terms=term_rows(doc, mentions),
        quotes=find_quotes(doc, mentions),
        descriptors=descriptors_of(doc, mentions, aliases),
    )
