"""Quotes and their sources in one parsed article.

What counts (the rules the gold set in ``tests/data/quotes`` was annotated by):

* **direct** – words in quotation marks that the text attributes to a source.
  A quote interrupted by its attribution (“A,” she said, “B.”) gives two
  quotes; a quote running over sentences or over paragraphs (opening mark
  repeated, closing mark left off) gives one. Quoted words inside the object
  of a speech verb count ("pledges his “full support”", "called it “reckless”").
* **indirect** – a reporting verb with a content clause ("Sullivan warned that
  North Korea would …"). If the clause holds quoted words (a mixed quote) the
  whole clause is one indirect quote and the quoted words are not counted again.
* **according_to** – a statement qualified by "according to X" (or the German
  "…, so X"); when the sentence also has a reporting verb, an opening
  "According to X, …" makes X the source, a closing "…, according to X"
  makes X only the channel and adds no quote.
* **not counted** – quoted words no source is given for: scare quotes
  ("hegemonic policy" would be one if "blaming" did not make North Korea its
  source), terms, titles of films, shows and newspapers; impersonal reports
  ("it was reported that"); verbs of belief ("officials fear that"); the
  reporter's own questions and scoops ("MailOnline can reveal").

An unattributed quoted sentence continues the speaker of the quote or
attribution just before it (same or previous paragraph), or the person the
previous sentence is about; one opening a paragraph far from any attribution
counts only if it speaks in the first person right after a named person.
Every quote returned has a speaker: quotes whose source cannot be found are
left out, so ``speaker`` is never None here (``source_type`` "unknown" is
reserved for callers that keep such quotes).

Speakers and source types: see :mod:`core.nlp.quote_speakers` and
:mod:`core.nlp.quote_pronouns`. The parser reads better with
:func:`core.nlp.quote_pipeline.add_line_breaks` in the pipeline.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

from core.nlp.doc_text import doc_text, first_line_end
from core.nlp.quote_cues import Cue, find_cues
from core.nlp.quote_lexicon import quote_lexicon
from core.nlp.quote_marks import find_marked_quotes
from core.nlp.quote_speakers import Speaker, SpeakerResolver

KINDS = ("direct", "indirect", "according_to")
SOURCE_TYPES = ("named", "anonymous", "unnamed", "media", "unknown")
#: Attribution search stops this many tokens away from a quote.
_WINDOW = 30
_SENTENCE_END = {".", "!", "?"}
#: How a quoted fragment may hang below the speech verb that attributes it.
_OBJECT_DEPS = ("dobj", "oprd", "attr", "acomp", "ccomp", "xcomp", "conj", "amod", "npadvmod")
_OBJECT_PREPS = ("as", "of", "about", "against")
#: A quote attached like this to anything but its verb is a name or a term.
_MODIFIER_DEPS = ("compound", "amod", "nmod", "poss", "appos", "nsubj", "nsubjpass", "pobj", "attr", "dobj")


@dataclass(frozen=True)
class Quote:
    start: int  # offsets of the quoted or reported content in doc.text
    end: int
    text: str
    kind: str  # "direct" | "indirect" | "according_to"
    speaker: str | None  # canonical name, a short description, or None
    speaker_text: str | None  # the words naming the speaker ("he", "Sullivan")
    speaker_start: int | None
    verb: str | None  # reporting verb lemma ("say", "warn") or "according to"
    source_type: str  # named | anonymous | unnamed | media | unknown


@dataclass
class _Draft:
    start: int
    end: int
    kind: str
    cue: Cue | None  # None: continues the previous speaker
    source: Any | None = None  # spaCy Token; overrides cue.source (colon attributions)


def find_quotes(doc, mentions: list[tuple]) -> list[Quote]:
    """Direct, indirect and "according to" quotes of ``doc`` with their speakers.

    ``doc`` comes from the full pipeline (parser needed); ``mentions`` are
    ``(start, end, text, label, name)`` as made by
    :func:`core.analysis.analyse.mentions_of`.
    """
    if len(doc) and not doc.has_annotation("DEP"):
        raise ValueError("find_quotes needs a parsed doc: run a pipeline with its 'parser' component")
    lexicon = quote_lexicon()
    marked = find_marked_quotes(doc_text(doc))
    starts = [t.idx for t in doc]
    in_quote = [False] * len(doc)
    ranges = []
    for quote in marked:
        first = bisect.bisect_left(starts, quote.open_at)
        last = bisect.bisect_left(starts, quote.close_at + 1)
        for i in range(first, last):
            in_quote[i] = True
        ranges.append((bisect.bisect_left(starts, quote.start), bisect.bisect_left(starts, quote.end)))
    cues = find_cues(doc, lexicon, in_quote)
    drafts = _clause_drafts(doc, cues, marked, ranges, in_quote)
    drafts += _direct_drafts(doc, cues, marked, ranges, in_quote, drafts, lexicon)
    drafts = _without_nested(drafts)
    resolver = SpeakerResolver(doc, mentions, lexicon, in_quote)
    return _anonymity_carried(_resolved(doc, drafts, resolver))


# -- clauses: indirect quotes, "according to", and the quotes they attribute ------------------
def _clause_drafts(doc, cues, marked, ranges, in_quote) -> list[_Draft]:
    drafts = []
    for cue in cues:
        if not cue.content or cue.source is None:
            continue
        words_outside = sum(1 for i in cue.content if doc[i].is_alpha and not in_quote[i])
        start = doc[cue.content[0]].idx
        end = doc[cue.content[-1]].idx + len(doc[cue.content[-1]])
        kind = "according_to" if cue.lemma == "according to" else "indirect"
        if words_outside >= 2:
            drafts.append(_Draft(start, end, kind, cue))
        else:
            for quote in marked:
                if quote.start < end and quote.end > start:
                    drafts.append(_Draft(quote.start, quote.end, "direct", cue))
    according = [d for d in drafts if d.kind == "according_to"]
    others = [d for d in drafts if d.kind != "according_to"]
    kept = [a for a in according if (a.cue is not None and _opens_sentence(a.cue.verb)) or not any(_overlap(a, o) > 0 for o in others)]
    return others + kept


def _opens_sentence(token) -> bool:
    """"According to X, Y said …": X is the source; "Y said …, according to X": X is the channel."""
    for before in reversed(token.doc[token.sent.start : token.i]):
        if "\n" in before.text:
            return True
        if not (before.is_punct or before.dep_ == "cc"):
            return False
    return True


def _overlap(a: _Draft, b: _Draft) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


# -- direct quotes -------------------------------------------------------------------------
def _direct_drafts(doc, cues, marked, ranges, in_quote, clause_drafts, lexicon) -> list[_Draft]:
    cue_at = {cue.verb.i: cue for cue in cues}
    taken = [(d.start, d.end) for d in clause_drafts]
    titles = {i for quote, (first, last) in zip(marked, ranges) if _short(doc, first, last) for i in range(first - 1, last + 1)}
    drafts = []
    for quote, (first, last) in zip(marked, ranges):
        if any(min(e, quote.end) - max(s, quote.start) >= (quote.end - quote.start) / 2 for s, e in taken) or first >= last:
            continue
        tokens = doc[first:last]
        root = _root(tokens)
        draft = (
            _object_of_speech(doc, quote, root, cue_at, lexicon)
            or _adjacent(doc, quote, first, last, root, cue_at, in_quote, titles)
            or _after_colon(doc, quote, first)
            or _headline_name_after(doc, quote, last)
            or _continuation(doc, quote, first)
        )
        if draft is not None:
            drafts.append(draft)
    return drafts


def _root(tokens):
    """The token of a quote whose head lies outside it (the first, if several)."""
    for token in tokens:
        if not (tokens.start <= token.head.i < tokens.end) or token.head.i == token.i:
            if not token.is_punct:
                return token
    return tokens[0]


def _object_of_speech(doc, quote, root, cue_at, lexicon) -> _Draft | None:
    """Quoted words in the object of a speech verb: pledges his “full support”."""
    token = root
    for _ in range(6):
        if token.dep_ == "pobj" and token.head.lower_ in _OBJECT_PREPS:
            token = token.head.head
        elif token.dep_ in _OBJECT_DEPS or token.dep_ == "prep" and token.lower_ in _OBJECT_PREPS:
            token = token.head
        else:
            return None
        cue = cue_at.get(token.i)
        if cue is not None and cue.source is not None:
            if _looks_like_title(doc_text(doc)[quote.start : quote.end]):
                return None
            return _Draft(quote.start, quote.end, "direct", cue)
    return None


def _adjacent(doc, quote, first, last, root, cue_at, in_quote, titles) -> _Draft | None:
    """An attribution right after the quote, or right before it, in its sentence."""
    after = _window(doc, last, +1, in_quote, titles)
    before = _window(doc, first - 1, -1, in_quote, titles)
    for index in after + before:
        cue = cue_at.get(index)
        if cue is None or cue.source is None:
            continue
        touching = [i for i in (after if index in after else before) if not doc[i].is_punct][:1] == [index]
        if not touching and root.dep_ in _MODIFIER_DEPS and root.head.i != cue.verb.i:
            return None
        if _looks_like_title(doc_text(doc)[quote.start : quote.end]):
            return None
        return _Draft(quote.start, quote.end, "direct", cue)
    return None


def _short(doc, first: int, last: int) -> bool:
    """A quoted name or term ("CBS This Morning"), which an attribution may reach across."""
    words = [t for t in doc[first:last] if t.is_alpha]
    return len(words) <= 5 and not any(t.text in _SENTENCE_END for t in doc[first:last])


def _window(doc, index: int, step: int, in_quote, titles=frozenset()) -> list[int]:
    """Token indices from ``index`` outwards up to a sentence end, another quote or paragraph break."""
    out: list[int] = []
    while 0 <= index < len(doc) and len(out) < _WINDOW:
        token = doc[index]
        if index in titles and not token.is_quote:
            index += step
            continue
        if "\n" in token.text or in_quote[index] and not token.is_quote:
            break
        if in_quote[index]:  # the closing mark of the quote itself
            index += step
            continue
        if token.text in _SENTENCE_END and (step < 0 or out):
            break
        out.append(index)
        index += step
    return out


def _after_colon(doc, quote, first) -> _Draft | None:
    """``Her neighbour was more sceptical: “…”`` – the clause before the colon names the source."""
    before = doc_text(doc)[: quote.open_at].rstrip(" ")
    if not before.endswith(":") or first < 2:
        return None
    colon = doc[first - 2] if doc[first - 1].is_quote else doc[first - 1]
    if colon.text != ":":
        return None
    head = doc[colon.i - 1]
    while head.head.i != head.i and head.head.i < colon.i and head.sent == colon.sent:
        head = head.head
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    source = subjects[0] if subjects else (head if head.pos_ in ("NOUN", "PROPN") else None)
    if source is None:
        return None
    return _Draft(quote.start, quote.end, "direct", None, source)


def _headline_name_after(doc, quote, last) -> _Draft | None:
    """"‘I thought my career was over’: Kessler’s long road back" – a headline names the speaker after a colon."""
    if quote.open_at > first_line_end(doc):  # not in the headline
        return None
    after = [t for t in doc[last : last + 4] if not t.is_quote]
    if len(after) >= 2 and after[0].text == ":" and after[1].pos_ == "PROPN":
        return _Draft(quote.start, quote.end, "direct", None, after[1])
    return None


def _continuation(doc, quote, first) -> _Draft | None:
    """A quote opening a sentence or paragraph with no attribution continues the last speaker."""
    before = doc_text(doc)[: quote.open_at].rstrip(" ")
    if before and before[-1] not in ".!?\n”’\"«»“" or _looks_like_title(doc_text(doc)[quote.start : quote.end]):
        return None
    return _Draft(quote.start, quote.end, "direct", None)


def _looks_like_title(text: str) -> bool:
    """“Once Upon A Time in Hollywood”, „Rheinische Post“: capitalised words, no sentence."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    if not words or len(words) > 7 or text.isupper() or text.rstrip()[-1:] in ".!?":
        return False
    capitals = sum(1 for w in words if w.lstrip("‘'\"“(")[:1].isupper())
    return capitals / len(words) > 0.6


def _without_nested(drafts: list[_Draft]) -> list[_Draft]:
    """A quote lying inside another (reported speech within reported speech) belongs to it."""
    drafts.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[_Draft] = []
    for draft in drafts:
        if kept and draft.start >= kept[-1].start and draft.end <= kept[-1].end:
            continue
        kept.append(draft)
    return kept


# -- speakers ------------------------------------------------------------------------------
def _resolved(doc, drafts: list[_Draft], resolver: SpeakerResolver) -> list[Quote]:
    quotes: list[Quote] = []
    by_token: dict[int, Speaker] = {}
    last: tuple[int, Speaker] | None = None
    for draft in drafts:
        verb = None
        if draft.cue is None and draft.source is None:
            focus = resolver.focus_before(draft.start)
            if last is None or _paragraphs_between(doc_text(doc), last[0], draft.start) > 1:
                focus = focus or resolver.focus_before(draft.start, back=2)
                if focus is None or not focus.person or not _first_person(draft, doc):
                    continue  # unattributed: counted only if it speaks in the first person about someone just named
                speaker = focus
            else:
                speaker = focus if focus is not None and focus.person else last[1]
        else:
            source = draft.source if draft.source is not None or draft.cue is None else draft.cue.source
            assert source is not None  # drafts come from cues with a source, or carry their own
            if source.i not in by_token:
                by_token[source.i] = resolver.resolve(source)
            speaker = by_token[source.i]
            verb = draft.cue.lemma if draft.cue is not None else None
        if speaker.name is None and draft.kind != "direct":
            continue
        if speaker.name is not None:
            last = (draft.end, speaker)
        quotes.append(_quote(doc, draft, speaker, verb))
    return [q for q in quotes if q.speaker is not None]


def _first_person(draft: _Draft, doc) -> bool:
    words = set(doc_text(doc)[draft.start : draft.end].lower().replace("’", "'").split())
    return bool(words & {"i", "i'm", "i've", "my", "me", "we", "we're", "our", "us"})


def _paragraphs_between(text: str, end: int, start: int) -> int:
    return text.count("\n", end, start)


def _quote(doc, draft: _Draft, speaker: Speaker, verb: str | None) -> Quote:
    return Quote(
        draft.start, draft.end, doc_text(doc)[draft.start : draft.end], draft.kind, speaker.name,
        speaker.text, speaker.start, verb, speaker.source_type if speaker.name else "unknown",
    )


def _anonymity_carried(quotes: list[Quote]) -> list[Quote]:
    """Once a described source is anonymous, all its quotes in the article are."""
    anonymous = {q.speaker for q in quotes if q.source_type == "anonymous"}
    out = []
    for quote in quotes:
        if quote.source_type == "unnamed" and quote.speaker in anonymous:
            quote = Quote(**{**quote.__dict__, "source_type": "anonymous"})
        out.append(quote)
    return out
