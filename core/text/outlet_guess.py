"""Guess the outlet of an article from how it refers to itself.

Tried in order of reliability: a dateline naming a wire agency ("LONDON
(Reuters) -"), "Read more from X", "X is committed to …", "X has emailed /
contacted / asked …". The last is what people do as often as outlets
("Taylor has asked…", "President Obama has asked…"), so it counts only for a
name that reads as an outlet's. Nothing inside quotation marks counts: a
quote names other people's outlets. ("told Reuters" is never used: outlets
quote wires.)
"""

from __future__ import annotations

import re

from core.text.outlets import looks_like_outlet

_NAME = r"((?:The )?[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3})"
_STRONG = (
    re.compile(rf"^\s*Read more from {_NAME}\s*:?\s*$", re.M),
    re.compile(rf"\b{_NAME} is committed to (?:challenging|bringing|providing|delivering|covering|reporting|telling)\b"),
)
_WEAK = (re.compile(rf"\b{_NAME} (?:has|had) (?:emailed|contacted|reached out to|asked)\b"),)
_NOT_OUTLETS = {"He", "She", "It", "They", "We", "The", "This", "That", "Officials"}
#: Titles and forms of address: a name after one of these is a person's.
_PERSON_TITLES = re.compile(
    r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|St|Sir|Dame|Lord|Lady|President|Prime Minister|"
    r"Minister|Secretary|Senator|Governor|Mayor|Judge|Justice|Chancellor|King|Queen|Prince|Princess|Pope|Rev|Father|"
    r"Officer|Detective|Chief|Director|Chairman|Chairwoman|Professor|Doctor|Coach|Speaker|Ambassador)\b\.?",
)
#: A full stop after a word (not an initial, as in "U.S.") ends the sentence before the name.
_SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.\s+")
_QUOTED = re.compile(r"“[^”]{0,2000}”|\"[^\"\n]{0,2000}\"|„[^“”]{0,2000}[“”]|«[^»]{0,2000}»")

#: Wire agencies as datelines name them, and the outlet each stands for.
AGENCIES = {
    "reuters": "Reuters", "ap": "Associated Press", "afp": "AFP", "dpa": "dpa", "bloomberg": "Bloomberg",
    "upi": "UPI", "pa": "PA Media", "xinhua": "Xinhua", "ansa": "ANSA", "efe": "EFE", "kyodo": "Kyodo News",
    "yonhap": "Yonhap", "interfax": "Interfax", "tass": "TASS", "apa": "APA", "kna": "KNA", "epd": "epd",
    "anadolu": "Anadolu Agency", "ians": "IANS", "pti": "PTI", "aap": "AAP", "cp": "The Canadian Press",
}
_DATELINE = re.compile(
    r"^\s*[A-ZÀ-Þ][A-ZÀ-Þ .'’/-]{1,40}(?:,\s*[A-Za-zÀ-ÿ .]{2,30}?)?(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
    r"\((?P<agency>[A-Za-z]{2,10})\)\s*[-–—:]",
    re.M,
)
#: Lines at the top of the body where a dateline may stand (after the headline and a byline or two).
_DATELINE_LINES = 4


def guess_outlet(text: str) -> str | None:
    """The outlet named by the text's references to itself, or ``None``."""
    agency = dateline_agency(text)
    if agency:
        return agency
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    for pattern in _STRONG:
        name = _first_name(pattern, text, quoted, strict=False)
        if name:
            return name
    for pattern in _WEAK:
        name = _first_name(pattern, text, quoted, strict=True)
        if name:
            return name
    return None


def dateline_agency(text: str) -> str:
    """The wire agency a dateline near the top names ("LONDON (Reuters) - …" -> "Reuters"), else ""."""
    top = "\n".join(text.split("\n")[: _DATELINE_LINES + 1])
    for match in _DATELINE.finditer(top):
        agency = AGENCIES.get(match["agency"].casefold())
        if agency:
            return agency
    return ""


def _first_name(pattern: re.Pattern, text: str, quoted: list[tuple[int, int]], *, strict: bool) -> str | None:
    for match in pattern.finditer(text):
        if any(start <= match.start() < end for start, end in quoted):
            continue
        name = _SENTENCE_END.split(match.group(1).strip())[-1].rstrip(".")
        if name in _NOT_OUTLETS or _PERSON_TITLES.match(name) or _after_title(text, match.start(1)):
            continue
        if strict and not looks_like_outlet(name):
            continue
        return name
    return None


def _after_title(text: str, start: int) -> bool:
    """"Mr. Cowan has asked": the name follows a title the pattern did not take in."""
    before = text[max(0, start - 30):start]
    return bool(re.search(r"\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|President|Minister|Senator|Mayor|Judge)\.?\s+$", before))
