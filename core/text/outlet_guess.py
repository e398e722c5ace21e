"""Guess the outlet of a plain-text article from how it refers to itself."""

from __future__ import annotations

import re

_NAME = r"((?:The )?[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3})"
_SELF_REFERENCES = (
    re.compile(rf"^\s*Read more from {_NAME}\s*:?\s*$", re.M),
    re.compile(rf"\b{_NAME} has (?:emailed|contacted|reached out to|asked)\b"),
    re.compile(rf"\b{_NAME} is committed to\b"),
)
_NOT_OUTLETS = {"He", "She", "It", "They", "We", "The", "This", "That", "Officials"}
#: A full stop after a word (not an initial, as in "U.S.") ends the sentence before the name.
_SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.\s+")


def guess_outlet(text: str) -> str | None:
    """The outlet named by the text's references to itself, or ``None``.

    Tried in order of reliability: "Read more from X", "X has emailed …",
    "X is committed to …". ("told Reuters" is not used: outlets quote wires.)
    """
    for pattern in _SELF_REFERENCES:
        for match in pattern.finditer(text):
            name = _SENTENCE_END.split(match.group(1).strip())[-1].rstrip(".")
            if name not in _NOT_OUTLETS:
                return name
    return None
