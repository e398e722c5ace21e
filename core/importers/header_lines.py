"""Outlet, date and authors from the header lines of plain text and documents.

Agencies and papers print them in a handful of layouts, before or right
after the headline:

* ``By Ana Ruiz | Capital Wire | August 14, 2024`` (segments split by ``|``,
  ``·``, ``•`` or a spaced dash), ``Von Anna Schmidt | Hamburger Abendblatt``;
* ``Coastline Post — 15 August 2024``, ``Capital Wire, 14.08.2024``;
* ``By ANA RUIZ, Capital Wire Staff Writer``, ``Ana Ruiz for Capital Wire``;
* ``Published: 14 August 2024 10:32 BST``, ``Updated …``, ``Posted on …``;
* ``Source: Capital Wire``, ``Quelle: …``, ``Publication: …``;
* an outlet line and a date line on their own (``Capital Wire`` / ``August 14, 2024``);

(A dateline naming a wire agency, ``LONDON (Reuters) -``, is read with the
other self-references in :mod:`core.text.outlet_guess`.) A line counts as a header only when every part of it is one of these (so a
headline that mentions a date stays the headline). Outlets read here are
marked as guesses by the caller; names inside quotation marks never count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.importers.export_dates import MONTHS, has_date, parse_export_date
from core.importers.export_record import clean_line, split_byline
from core.text.outlets import looks_like_outlet as _outlet_like
from core.text.outlets import name_shaped as _name_shaped
from core.text.outlets import outlet_key, outlet_table

#: Lines at the top of a text searched for header lines (the headline among them).
TOP_LINES = 6

_SEPARATORS = re.compile(r"\s+[|·•]\s+|\s+[—–-]{1,2}\s+|\s*\|\s*")
_BY = re.compile(r"^(?:by|von|par|por|door|di|av|af)\s+(?P<names>\S.{1,120})$", re.I)
_FOR = re.compile(r"^(?P<names>[A-ZÀ-Þ][\w.'’-]+(?:\s+[A-ZÀ-Þ][\w.'’-]+){1,3})\s+(?:for|für|pour)\s+(?P<outlet>.{2,60})$")
_OUTLET_LABEL = re.compile(
    r"^(?:source|sources|quelle|publication|publisher|outlet|newspaper|medium|herausgeber)\s*:\s*(?P<value>.{2,80})$", re.I)
_DATE_LABEL = re.compile(
    r"^(?:published|publication date|posted|updated|last updated|first published|date|datum|stand|veröffentlicht|"
    r"aktualisiert|publié le|publié|mis à jour)(?:\s+on)?\s*:?\s*(?P<value>.{6,80})$",
    re.I,
)
_READING_TIME = re.compile(r"^\d{1,3}\s*(?:-\s*)?(?:min(?:ute)?s?|minuten?)(?:\s+(?:read|lesezeit|de lecture))?$", re.I)
_WEEKDAYS = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b",
    re.I,
)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:uhr|[A-Z]{2,5}|(?:GMT|UTC)[+-]\d{1,2}))?\b", re.I)
_QUOTES = re.compile(r"[\"“”„«»]")


@dataclass
class Header:
    """What the header lines say; ``lines`` are their indices in the lines given."""

    outlet: str = ""
    date: str | None = None
    authors: tuple[str, ...] = ()
    lines: list[int] = field(default_factory=list)

    def take(self, other: "Header") -> None:
        """Fill what is still missing from another line's reading."""
        self.outlet = self.outlet or other.outlet
        self.date = self.date or other.date
        self.authors = self.authors or other.authors


def read_header(lines: list[str], *, start: int = 0) -> Header:
    """The header lines among ``lines[start:start + TOP_LINES]`` (non-empty lines, headline included).

    A lone name line counts (as the outlet) only next to another header line.
    """
    found = Header()
    lone: list[tuple[int, str]] = []
    end = min(len(lines), start + TOP_LINES)
    for index in range(start, end):
        line = clean_line(lines[index])
        reading = header_line(line)
        if reading is not None:
            found.take(reading)
            found.lines.append(index)
        elif _outlet_like(line):
            lone.append((index, line))
    for index, line in lone:
        if not found.outlet and _lone_outlet(lines, index, line, found.lines):
            found.outlet = line
            found.lines.append(index)
    found.lines.sort()
    return found


def _lone_outlet(lines: list[str], index: int, line: str, header: list[int]) -> bool:
    """A line that is only a name is the outlet when it is a known one next to a header line,
    or when a header line follows it and a headline follows that (not a paragraph)."""
    if outlet_key(line) in outlet_table() and (index - 1 in header or index + 1 in header):
        return True
    after = clean_line(lines[index + 2]) if index + 2 < len(lines) else ""
    return index + 1 in header and 0 < len(after) < 150 and not after.endswith(".")


def header_line(line: str) -> Header | None:
    """The reading of one line if every segment of it is header matter; ``None`` for a headline or text."""
    line = clean_line(line)
    if not line or len(line) > 200 or _QUOTES.search(line):
        return None
    reading, kinds, names = Header(), [], []
    for segment in (s.strip(" ,;") for s in _SEPARATORS.split(line)):
        if not segment:
            continue
        kind = _segment(segment, reading)
        if kind is None:
            return None
        kinds.append(kind)
        if kind == "name":
            names.append(segment)
    if not set(kinds) - {"name", "skip"}:
        return None
    if names and not reading.outlet:
        outlets = [n for n in names if _outlet_like(n)]
        if not outlets and "byline" not in kinds:
            return None  # "Floods — 15 August 2024" is a headline
        reading.outlet = (outlets or names)[-1]
        people = [n for n in names if n != reading.outlet and _person_shaped(n)]
        reading.authors = reading.authors or tuple(people)
    return reading


def _segment(segment: str, reading: Header) -> str | None:
    """Fill ``reading`` from one segment; its kind, or ``None`` if it is not header matter."""
    if _READING_TIME.match(segment):
        return "skip"
    label = _OUTLET_LABEL.match(segment)
    if label:
        reading.outlet = reading.outlet or label["value"].strip()
        return "label"
    label = _DATE_LABEL.match(segment)
    if label and _date_only(label["value"]):
        reading.date = reading.date or parse_export_date(label["value"])
        return "date"
    if _date_only(segment):
        reading.date = reading.date or parse_export_date(segment)
        return "date"
    by = _BY.match(segment)
    if by:
        names, outlet = _names_and_outlet(by["names"])
        if names:
            reading.authors = reading.authors or names
            reading.outlet = reading.outlet or outlet
            return "byline"
        return None
    credit = _FOR.match(segment)
    if credit and _outlet_like(credit["outlet"]):
        reading.authors = reading.authors or split_byline(credit["names"])
        reading.outlet = reading.outlet or credit["outlet"].strip()
        return "byline"
    if _name_shaped(segment):
        return "name"
    return None


def _names_and_outlet(text: str) -> tuple[tuple[str, ...], str]:
    """"Ana Ruiz, Capital Wire" -> (("Ana Ruiz",), "Capital Wire"); an outlet is the part that looks like one."""
    parts = [p.strip() for p in re.split(r",\s*|\s+for\s+", text) if p.strip()]
    outlet = next((p for p in parts[1:] if _outlet_like(p) and not _role(p)), "")
    people = ", ".join(p for p in parts if p != outlet)
    names = tuple(n for n in split_byline(people, outlet=outlet) if _person_shaped(n))
    return names, _without_role(outlet)


_ROLE = re.compile(r"\b(?:staff writer|staff|correspondent|reporter|editor|columnist|writer)s?\b", re.I)


def _role(text: str) -> bool:
    return bool(_ROLE.search(text)) and not _outlet_like(_ROLE.sub("", text).strip(" ,-") or "-")


def _without_role(outlet: str) -> str:
    return _ROLE.sub("", outlet).strip(" ,-")


def _date_only(segment: str) -> bool:
    """A segment that is a date (with weekday, time or "Published") and little else."""
    if len(segment) > 60 or not has_date(segment):
        return False
    rest = _CLOCK.sub(" ", _WEEKDAYS.sub(" ", segment))
    rest = re.sub(r"\d{1,4}(?:st|nd|rd|th)?|[A-Za-zÄäÖöÜüéû]{3,10}\.?", lambda m: "" if _is_date_word(m[0]) else m[0], rest)
    return len(re.findall(r"[A-Za-zÀ-ÿ]{3,}", rest)) == 0


def _is_date_word(word: str) -> bool:
    word = word.rstrip(".").casefold()
    return word.isdigit() or word[:-2].isdigit() or word in MONTHS or word in {"on", "am", "um", "le", "den", "the", "of"}


def _person_shaped(name: str) -> bool:
    words = name.split()
    particles = {"de", "van", "von", "der", "da", "di", "al", "bin", "la", "le"}
    return 1 <= len(words) <= 5 and all(w[:1].isupper() for w in words if w.casefold() not in particles)
