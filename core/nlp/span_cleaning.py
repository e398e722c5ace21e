"""Entity spans cut back to the name: what spaCy's recogniser swallows around it.

Seen in real coverage (the development set of real news):

- a capitalised function word at a sentence start: "Between Obama" → "Obama";
- a possessive and what follows: "Mitt Romney’s Medicare" → "Mitt Romney",
  "Fusion’s Jorge Ramos" → "Jorge Ramos" (the name the article uses elsewhere);
- title-case headline words: "Michael Steele Criticized", "Afghanistan
  Comments" → "Michael Steele", "Afghanistan", when the article names them
  alone elsewhere and the extra words are common words (lower case in the
  article, or not proper nouns) or names the article also uses alone
  ("Glenn Beck CPAC" → "Glenn Beck").

Mentions are ``(start, end, text, label)``; a cleaned mention keeps exact
character offsets into the article.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from core.text.names import normalise_name
from core.paths import resources_dir

#: Words that begin a sentence, never a name.
LEADING_WORDS = frozenset("""
about after against although amid and as at because before between but by despite during for from how if in
into like meanwhile of on or over since so than that then though to under unlike until upon when whereas
whether while why with within without yet
""".split())
_POSSESSIVE = re.compile(r"['’]s?\s+(?=\S)")
_WORD = re.compile(r"[^\W_][\w'’.-]*")


def clean_spans(mentions: list[tuple], text: str, common: Callable[[int, int], bool] | None = None) -> list[tuple]:
    """Each mention cut back to its name (mentions left empty by the cut are dropped).

    ``common(start, end)`` tells whether a headline word is a common word
    (spaCy's tag, say); by default, whether the article writes it in lower case.
    """
    common = common or (lambda s, e: is_common_word(text[s:e], text))
    headline_end = _headline_end(text)
    known = {normalise_name(t) for s, _, t, _ in mentions if s >= headline_end}
    out = []
    for start, end, span, label in mentions:
        start, end = _without_leading_words(start, end, text)
        start, end = _without_possessive(start, end, text, label, known)
        if start < headline_end:
            start, end = _headline_name(start, end, text, known, common)
        if end > start and any(ch.isalpha() for ch in text[start:end]):
            out.append((start, end, text[start:end], label))
    return out


def _headline_end(text: str) -> int:
    """Where the first line (the headline, for most articles) ends."""
    newline = text.find("\n")
    return newline if newline >= 0 else 0


def _words(start: int, end: int, text: str) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in _WORD.finditer(text[start:end])]


def _without_leading_words(start: int, end: int, text: str) -> tuple[int, int]:
    words = _words(start, end, text)
    while len(words) > 1 and text[words[0][0]:words[0][1]].lower() in LEADING_WORDS \
            and text[words[0][0]].isupper() and not text[words[0][0]:words[0][1]].isupper():
        words = words[1:]
    return (words[0][0], end) if words else (start, end)


def _without_possessive(start: int, end: int, text: str, label: str, known: set[str]) -> tuple[int, int]:
    """``X’s Y``: Y if the article names Y alone; else X if X is a person or a name the article uses."""
    match = _POSSESSIVE.search(text, start, end)
    if not match or match.start() <= start:
        return start, end
    before, after = (start, match.start()), (match.end(), end)
    if normalise_name(text[after[0]:after[1]]) in known:
        return after
    if label == "PERSON" or normalise_name(text[before[0]:before[1]]) in known:
        return before
    return start, end


def _headline_name(start: int, end: int, text: str, known: set[str], common: Callable) -> tuple[int, int]:
    """The longest name the article uses alone inside a headline span, if the rest are common words."""
    name = normalise_name(text[start:end])
    if name in known:
        return start, end
    words = _words(start, end, text)
    for size in range(len(words) - 1, 0, -1):
        for first in range(len(words) - size + 1):
            inner = (words[first][0], words[first + size - 1][1])
            if normalise_name(text[inner[0]:inner[1]]) not in known:
                continue
            rest = words[:first] + words[first + size:]
            if all(common(s, e) or normalise_name(text[s:e]) in known for s, e in rest):
                return inner
    return start, end


def is_common_word(word: str, text: str) -> bool:
    """A headline word the article also writes in lower case ("Criticized", "Comments"), or a
    headline verb (``resources/headline_words.txt``: "Says", "Slams")."""
    word = re.sub(r"['’]s?$", "", word).lower()
    if word in headline_words():
        return True
    return bool(word) and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None


@lru_cache(maxsize=1)
def headline_words() -> frozenset[str]:
    path = resources_dir() / "headline_words.txt"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))
