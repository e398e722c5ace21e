"""Dates as news databases print them, in English and German, to ISO 8601.

"January 11, 2010 Monday", "May 21, 2000, Sunday, Final Edition",
"July 1, 2019 Monday 9:20 AM GMT", "13 November 2017",
"27. Februar 2012 Montag 9:50 PM GMT+1", "3. März 2017".

A small month table rather than dateparser: the exports use a handful of
fixed layouts, and a table is exact (no fuzzy guesses on headline text), fast
(tens of thousands of articles) and needs no heavy import.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from core.text.months import MONTHS


_MONTH = r"(?P<month>[A-Za-zÄäÖöÜü]{3,10})\.?"
_MONTH_FIRST = re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b")
_DAY_FIRST = re.compile(rf"\b(?P<day>\d{{1,2}})\.?\s+{_MONTH},?\s+(?P<year>\d{{4}})\b")
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_DOTTED = re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b")
_TIME = re.compile(
    r"\b(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?"
    r"(?:\s*(?P<zone>(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?|[A-Z]{2,5})\b)?"
)
_ZONES = {
    "GMT": 0, "UTC": 0, "Z": 0, "WET": 0, "BST": 60, "IST": 60, "CET": 60, "MEZ": 60,
    "CEST": 120, "MESZ": 120, "EET": 120, "EEST": 180, "MSK": 180,
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360,
    "PST": -480, "PDT": -420, "JST": 540, "KST": 540, "AEST": 600, "AEDT": 660,
}


def parse_export_date(text: str) -> str | None:
    """The first date in ``text`` as an ISO string, or None.

    With a time of day the result is an ISO datetime, with its UTC offset
    when the export names the time zone (``2019-07-01T09:20:00+00:00``).
    """
    found = _find_date(text)
    if found is None:
        return None
    day, end = found
    clock = _TIME.search(text, end)
    if clock is None or clock.start() - end > 40:
        return day.isoformat()
    moment = _with_time(day, clock)
    return moment.isoformat() if moment else day.isoformat()


def has_date(text: str) -> bool:
    return _find_date(text) is not None


def _find_date(text: str) -> tuple[date, int] | None:
    """The earliest valid date in the text and where it ends."""
    candidates: list[tuple[int, str, int | str, str, int]] = []
    for pattern in (_MONTH_FIRST, _DAY_FIRST):
        for match in pattern.finditer(text):
            named = MONTHS.get(match["month"].casefold())
            if named:
                candidates.append((match.start(), match["year"], named, match["day"], match.end()))
                break
    for pattern in (_ISO, _DOTTED):
        found = pattern.search(text)
        if found:
            candidates.append((found.start(), found["year"], found["month"], found["day"], found.end()))
    for _, year, month, day, end in sorted(candidates):
        try:
            return date(int(year), int(month), int(day)), end
        except ValueError:
            continue
    return None


def _with_time(day: date, clock: re.Match) -> datetime | None:
    hour, minute = int(clock["hour"]), int(clock["minute"])
    ampm = (clock["ampm"] or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        moment = datetime(day.year, day.month, day.day, hour, minute, int(clock["second"] or 0))
    except ValueError:
        return None
    offset = _zone_offset(clock["zone"])
    return moment.replace(tzinfo=timezone(timedelta(minutes=offset))) if offset is not None else moment


def _zone_offset(zone: str | None) -> int | None:
    """Minutes east of UTC for "GMT", "CEST", "GMT+1", "UTC-05:30"; None if unknown."""
    if not zone:
        return None
    zone = zone.replace(" ", "")
    if zone in _ZONES:
        return _ZONES[zone]
    match = re.fullmatch(r"(?:GMT|UTC)([+-])(\d{1,2}):?(\d{2})?", zone)
    if not match:
        return None
    minutes = int(match[2]) * 60 + int(match[3] or 0)
    return minutes if match[1] == "+" else -minutes
