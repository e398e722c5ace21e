"""Each article analysed on its own: long ones in pieces, one that fails marked, the rest never stopped.

spaCy refuses a text over ``nlp.max_length`` (E088, 1,000,000 characters)
and needs about 3.3 MB of memory per 1,000 characters it parses at once
(docs/reliability.md). So articles are parsed in groups of at most
``GROUP_CHARS`` characters, a longer article in pieces cut at paragraph
ends, each piece analysed like an article and the results put back at their
offsets: memory stays bounded whatever the input. An article that still
cannot be analysed (too long, a model error on odd text) becomes an
:class:`~core.nlp.extract.AnalysisFailure` with its reason; the others in
its group are analysed one by one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Iterable, Iterator

from core.model.article import MAX_TEXT_CHARS, content_hash
from core.model.analysis import AnalysisFailure, ArticleAnalysis
from core.nlp.extract import analyse_doc, analysis_key
from core.text.names import AliasTable

#: Characters spaCy parses at once at most, in one group of articles or one piece of a long one (~350 MB).
GROUP_CHARS = 100_000
#: Articles longer than this are not analysed (they are not imported either; a long book takes minutes).
MAX_ANALYSED_CHARS = MAX_TEXT_CHARS

Outcome = ArticleAnalysis | AnalysisFailure


def analyse_texts(nlp, items: Iterable[tuple[str, str]], model_name: str, aliases: AliasTable,
                  batch: int) -> Iterator[Outcome]:
    """One outcome per ``(article id, analysed text)``, in order."""
    limit = min(GROUP_CHARS, nlp.max_length - 1)
    group: list[tuple[str, str]] = []
    size = 0
    for article_id, text in items:
        if len(text) > MAX_ANALYSED_CHARS:
            yield AnalysisFailure(article_id, content_hash(text), analysis_key(model_name),
                                  f"it is too long to analyse ({len(text):,} characters; the limit is {MAX_ANALYSED_CHARS:,})")
            continue
        if len(text) > limit:
            yield from _group(nlp, group, model_name, aliases)
            group, size = [], 0
            yield _long(nlp, article_id, text, limit, model_name, aliases)
            continue
        if group and (len(group) >= batch or size + len(text) > limit):
            yield from _group(nlp, group, model_name, aliases)
            group, size = [], 0
        group.append((article_id, text))
        size += len(text)
    yield from _group(nlp, group, model_name, aliases)


def _group(nlp, group: list[tuple[str, str]], model_name: str, aliases: AliasTable) -> Iterator[Outcome]:
    """A group parsed together; if that fails, each article alone, so one bad text stops only itself."""
    if not group:
        return
    try:
        docs = list(nlp.pipe([text for _, text in group], batch_size=len(group)))
    except Exception:  # noqa: BLE001 - which article broke it is found below
        docs = [None] * len(group)
    for (article_id, text), doc in zip(group, docs):
        yield _one(nlp, article_id, text, model_name, aliases, doc)


def _one(nlp, article_id: str, text: str, model_name: str, aliases: AliasTable, doc=None) -> Outcome:
    text_hash = content_hash(text)
    try:
        return analyse_doc(article_id, text_hash, model_name, doc if doc is not None else nlp(text), aliases)
    except Exception as exc:  # noqa: BLE001 - a model or extraction error on odd text: this article only
        return AnalysisFailure(article_id, text_hash, analysis_key(model_name), f"the analysis failed ({_reason(exc)})")


def _long(nlp, article_id: str, text: str, limit: int, model_name: str, aliases: AliasTable) -> Outcome:
    """An article longer than ``limit``: analysed a piece at a time, the results at the article's offsets."""
    text_hash = content_hash(text)
    parts = pieces(text, limit)
    whole = ArticleAnalysis(article_id, text_hash, analysis_key(model_name))
    terms: Counter = Counter()
    forms: dict[tuple[str, str], Counter] = {}
    for number, (offset, piece) in enumerate(parts, 1):
        try:
            part = analyse_doc(article_id, text_hash, model_name, nlp(piece), aliases)
        except Exception as exc:  # noqa: BLE001 - as for a short article, but say where
            return AnalysisFailure(article_id, text_hash, analysis_key(model_name),
                                   f"the analysis failed in part {number} of {len(parts)} ({_reason(exc)})")
        _add_shifted(whole, part, offset)
        for term, kind, n, surface in part.terms:
            terms[(term, kind)] += n
            forms.setdefault((term, kind), Counter())[surface] += n
    whole.terms = [(term, kind, n, forms[(term, kind)].most_common(1)[0][0]) for (term, kind), n in terms.items()]
    return whole


def _add_shifted(whole: ArticleAnalysis, part: ArticleAnalysis, offset: int) -> None:
    """``part``'s rows (offsets within its piece) added to ``whole`` at the piece's offset."""
    whole.mentions += [(s + offset, e + offset, *rest) for s, e, *rest in part.mentions]
    whole.sentences += [(s + offset, e + offset) for s, e in part.sentences]
    whole.quotes += [replace(q, start=q.start + offset, end=q.end + offset,
                             speaker_start=None if q.speaker_start is None else q.speaker_start + offset)
                     for q in part.quotes]
    whole.descriptors += [(*head, s + offset, e + offset) for *head, s, e in part.descriptors]


def pieces(text: str, limit: int) -> list[tuple[int, str]]:
    """``(offset, piece)`` covering ``text`` exactly, each at most ``limit`` characters.

    Cut after the last line break that fits (paragraph blocks), else after
    the last space, else anywhere.
    """
    out = []
    start = 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            cut = text.rfind("\n", start, end)
            if cut < start + limit // 2:
                cut = max(cut, text.rfind(" ", start, end))
            end = cut + 1 if cut > start else end
        out.append((start, text[start:end]))
        start = end
    return out


def _reason(exc: BaseException) -> str:
    message = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else ""
    return f"{exc.__class__.__name__}: {message}" if message else exc.__class__.__name__
