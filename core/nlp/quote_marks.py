"""Pairing quotation marks in raw text, before any parsing.

News text mixes styles: “English”, ‘British’, "ASCII", „German“, »German«,
« French », ‚nested German‘, and the apostrophe shares a character with the
British closing mark. A quote left open at the end of a paragraph and reopened
at the start of the next is one quote (journalistic convention). Marks nested
inside a quote belong to it; single marks are paired only outside double ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_MARKS = "“”„«»\""
SINGLE_MARKS = "‘’‚‹›'"
#: Closers accepted for each opener (typographers are not always consistent).
_DOUBLE_CLOSERS = {"“": "”\"“", "„": "“”\"", "«": "»", "»": "«", "\"": "\"”“", "”": "”\""}
_SINGLE_CLOSERS = {"‘": "’'", "‚": "‘’", "‹": "›", "›": "‹", "'": "'’"}
_OPEN_CONTEXT = " \t([{—–-/:;,"  # characters after which a mark opens
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class MarkedQuote:
    """A paired quotation: ``start``/``end`` delimit the words between the marks."""

    open_at: int  # offset of the opening mark
    close_at: int  # offset of the closing mark, or the paragraph end if left open
    start: int
    end: int
    single: bool  # paired with single marks (headlines, British style)


def find_marked_quotes(text: str) -> list[MarkedQuote]:
    """All top-level quotations in ``text``, in order, continuations merged."""
    quotes: list[MarkedQuote] = []
    pending: MarkedQuote | None = None  # left open at the previous paragraph end
    for paragraph in _PARAGRAPH.finditer(text):
        first = _first_visible(text, paragraph.start(), paragraph.end())
        found = _pair_paragraph(text, paragraph.start(), paragraph.end())
        if pending is not None:
            continues = found and found[0].open_at == first
            if continues:
                head = found.pop(0)
                found.insert(0, MarkedQuote(pending.open_at, head.close_at, pending.start, head.end, pending.single))
            else:
                quotes.append(pending)
            pending = None
        if found and found[-1].close_at == paragraph.end():
            pending = found.pop()
        quotes.extend(found)
    if pending is not None:
        quotes.append(pending)
    return quotes


def _first_visible(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _pair_paragraph(text: str, start: int, end: int) -> list[MarkedQuote]:
    """Quotes inside one paragraph; one left open runs to the paragraph end.

    The family of the first opening mark is the outer one (‘…“…”…’ in
    British text, “…‘…’…” in American); the other family is paired only
    outside the outer quotes.
    """
    rev = _guillemets_reversed(text, start, end)
    families = [(DOUBLE_MARKS, _DOUBLE_CLOSERS, False), (SINGLE_MARKS, _SINGLE_CLOSERS, True)]
    if _single_opens_first(text, start, end, rev):
        families.reverse()
    (outer_marks, outer_closers, outer_single), (inner_marks, inner_closers, inner_single) = families
    outer = _pair(text, start, end, outer_marks, outer_closers, rev, single=outer_single)
    inner: list[MarkedQuote] = []
    gaps = [(start, end)]
    for quote in outer:
        last_start, last_end = gaps.pop()
        gaps += [(last_start, quote.open_at), (min(quote.close_at + 1, end), last_end)]
    for gap_start, gap_end in gaps:
        if gap_end > gap_start:
            inner += _pair(text, gap_start, gap_end, inner_marks, inner_closers, rev, single=inner_single, may_stay_open=gap_end == end)
    return sorted(outer + inner, key=lambda q: q.open_at)


def _single_opens_first(text: str, start: int, end: int, rev: bool) -> bool:
    for i in range(start, end):
        if text[i] in DOUBLE_MARKS and _can_open(text, i, start, end, rev, False):
            return False
        if text[i] in "‘‚‹›" and _can_open(text, i, start, end, rev, True):
            return bool(_pair(text, i, end, SINGLE_MARKS, _SINGLE_CLOSERS, rev, single=True))
    return False


def _guillemets_reversed(text: str, start: int, end: int) -> bool:
    """German »…« style when the paragraph's first guillemet points right."""
    for char in text[start:end]:
        if char in "«»‹›":
            return char in "»›"
    return False


def _pair(text, start, end, marks, closers, reversed_guillemets, single, may_stay_open=True) -> list[MarkedQuote]:
    out: list[MarkedQuote] = []
    open_at: int | None = None
    i = start
    while i < end:
        char = text[i]
        if char in marks:
            if open_at is None:
                if _can_open(text, i, start, end, reversed_guillemets, single):
                    open_at = i
            elif _can_close(text, open_at, i, end, closers, single):
                if not single or _best_single_close(text, open_at, i, end, closers) == i:
                    out.append(MarkedQuote(open_at, i, open_at + 1, i, single))
                    open_at = None
        i += 1
    if open_at is not None and may_stay_open and (not single or text[open_at] in "‘‚‹›") and _first_word_after(text, open_at, end):
        out.append(MarkedQuote(open_at, end, open_at + 1, end, single))
    return [_trimmed(text, q) for q in out if text[q.start : q.end].strip()]


def _trimmed(text: str, quote: MarkedQuote) -> MarkedQuote:
    """« French spacing » inside the marks is not part of the quote."""
    start, end = quote.start, quote.end
    while text[start].isspace():
        start += 1
    while text[end - 1].isspace():
        end -= 1
    return MarkedQuote(quote.open_at, quote.close_at, start, end, quote.single)


def _can_open(text, i, start, end, reversed_guillemets, single) -> bool:
    char = text[i]
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if char in "«‹":
        return not reversed_guillemets
    if char in "»›":
        return reversed_guillemets
    if char in "„‚":
        return True
    if char in "“‘":
        return not before.isalnum()
    if char == "”":  # some sites use ” for both marks
        return (before.isspace() or i == start) and after.isalnum()
    if char in "\"'":
        return (before in _OPEN_CONTEXT or i == start) and not after.isspace()
    return False


def _can_close(text, open_at, i, end, closers, single) -> bool:
    char = text[i]
    if char not in closers.get(text[open_at], ""):
        return False
    after = text[i + 1] if i + 1 < end else " "
    before = text[i - 1]
    if char in "«»‹›":
        return True
    if single or char in "\"":
        # an apostrophe inside a word (don’t, Kremlin’s) never closes
        return not after.isalnum() and not before.isspace()
    return True


def _best_single_close(text, open_at, i, end, closers) -> int:
    """Among candidate closers of a single quote, skip plural possessives (players’ union)."""
    candidates = []
    j = i
    while j < end:
        char = text[j]
        if char in "‘‚'" and j > i and _can_open(text, j, open_at, end, False, True) and char == text[open_at]:
            break
        if char in closers.get(text[open_at], "") and _can_close(text, open_at, j, end, closers, True):
            candidates.append(j)
        j += 1
    for j in candidates:
        after = text[j + 1] if j + 1 < end else " "
        if text[j - 1] not in "sS" or not after.isspace():
            return j
    return candidates[-1] if candidates else i


def _first_word_after(text: str, open_at: int, end: int) -> bool:
    return any(c.isalnum() for c in text[open_at + 1 : min(end, open_at + 40)])
