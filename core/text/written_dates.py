"""Dates as people write them, read strictly: what the article table's date editor accepts.

Accepted (whole text, an optional weekday in front, case and spacing free):

- ``20 November 2024``, ``20th Nov. 2024``, ``20. März 2024`` (the export month table: English and German)
- ``November 20, 2024``, ``Nov 20 2024``, ``Nov. 20th, 2024``
- ``2024-11-20`` (also ``2024/11/20`` and an ISO date-time: its date is kept)
- ``20/11/2024``, ``20.11.2024``, ``20-11-2024``: numbers are read **day first**, as
  in most of the world; ``11/20/2024`` is refused (there is no month 20), never
  silently read as 11 February.

Refused, each with a reason the window shows: an empty text, words that depend
on when they are read ("yesterday"), days that do not exist ("31 February
2024"), two-digit years, a weekday that does not fit the date, dates in the
future (an article's date is the day it was published) and dates before the
first printed newspapers. Unlike ``dateutil`` nothing is guessed: a text either
is one of the forms above or is refused.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from core.text.months import MONTHS

#: Dates more than this far after today are refused (one day allows for time zones).
FUTURE_MARGIN = timedelta(days=1)
#: The earliest year accepted (the first printed newspapers, 1605).
FIRST_YEAR = 1605
EXAMPLES = "20 November 2024, Nov 20, 2024, 2024-11-20 or 20/11/2024 (day first)"
_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = {name: number for number, names in enumerate((
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thur", "thurs"),
    ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"))) for name in names}
_RELATIVE = {"today", "yesterday", "tomorrow", "now", "tonight", "last", "next", "this", "ago", "week", "weeks",
             "days", "month", "months", "year", "years", "recently"}

_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\.?"
_MONTH_NAME = r"(?P<month>[^\W\d_]{3,10})\.?"
_YEAR = r"(?P<year>\d+)"
_FORMS = (
    re.compile(r"(?P<year>\d{4})[-/](?P<month>\d{1,2})[-/](?P<day>\d{1,2})(?:[T ]\d{1,2}:\d{2}.*)?"),
    re.compile(rf"{_DAY}\s*{_MONTH_NAME},?\s*{_YEAR}"),
    re.compile(rf"{_MONTH_NAME}\s*{_DAY},?\s*{_YEAR}"),
    re.compile(rf"(?P<day>\d{{1,2}})(?P<sep>[/.\-])(?P<month>\d{{1,2}})(?P=sep){_YEAR}"),
)


class DateRefused(ValueError):
    """A written date that cannot be stored; ``str(exc)`` says why, for the user."""


def parse_written_date(text: str, *, today: date | None = None) -> date:
    """The date ``text`` names, or :class:`DateRefused` with the reason."""
    today = today or date.today()
    written = " ".join(str(text).split()).strip(" .")
    if not written:
        raise DateRefused(f"No date given; write one such as {EXAMPLES}.")
    body, weekday = _without_weekday(written)
    words = set(re.findall(r"[^\W\d_]+", written.casefold()))
    if words & _RELATIVE:
        raise DateRefused(f"“{written}” depends on when it is read; write the date itself, such as 20 November 2024.")
    for form in _FORMS:
        match = form.fullmatch(body)
        if match:
            day = _checked(written, match)
            _check_weekday(day, weekday)
            _check_range(day, today)
            return day
    raise DateRefused(f"“{written}” is not a date Newsprism can read; write it as {EXAMPLES}.")


def display_date(value: str | None) -> str:
    """A stored ISO date or date-time as a reader writes it (``20 Nov 2024``); other text as it is."""
    if not value:
        return ""
    try:
        day = date.fromisoformat(str(value)[:10])
    except ValueError:
        return str(value)
    return f"{day.day} {_ABBREVIATIONS[day.month - 1]} {day.year}"


def _without_weekday(written: str) -> tuple[str, int | None]:
    """The text without a leading weekday ("Wednesday, 20 November 2024"), and that weekday."""
    match = re.match(r"([^\W\d_]+)\.?,?\s+(?=\S)", written)
    if match and match[1].casefold() in _WEEKDAYS:
        return written[match.end():], _WEEKDAYS[match[1].casefold()]
    return written, None


def _checked(written: str, match: re.Match) -> date:
    """The matched date if it exists; else why not."""
    year_text, month_text, day = match["year"], match["month"], int(match["day"])
    if len(year_text) != 4:
        raise DateRefused(f"“{written}”: write the year in full, with four digits (e.g. 2024).")
    year = int(year_text)
    if month_text.isdigit():
        month = int(month_text)
        if not 1 <= month <= 12:
            sep = match.groupdict().get("sep")
            if sep and month <= 31 and 1 <= day <= 12:  # perhaps written month first
                raise DateRefused(f"“{written}”: numbers are read day first, and there is no month {month} "
                                  f"({month}{sep}{day}{sep}{year} would be {_written(year, day, month)}).")
            raise DateRefused(f"“{written}”: there is no month {month}.")
    else:
        named = MONTHS.get(month_text.casefold())
        if named is None:
            raise DateRefused(f"“{written}”: “{month_text}” is not a month; write it as {EXAMPLES}.")
        month = named
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateRefused(f"{day} {calendar.month_name[month]} {year} does not exist "
                          f"({calendar.month_name[month]} {year} has {last} days).")
    return date(year, month, day)


def _written(year: int, month: int, day: int) -> str:
    return f"{day} {calendar.month_name[month]} {year}"


def _check_weekday(day: date, weekday: int | None) -> None:
    if weekday is not None and day.weekday() != weekday:
        raise DateRefused(f"{_written(day.year, day.month, day.day)} was a {calendar.day_name[day.weekday()]}, "
                          f"not a {calendar.day_name[weekday]}.")


def _check_range(day: date, today: date) -> None:
    if day > today + FUTURE_MARGIN:
        raise DateRefused(f"{_written(day.year, day.month, day.day)} is in the future; "
                          "an article's date is the day it was published.")
    if day.year < FIRST_YEAR:
        raise DateRefused(f"{day.year} is before the first printed newspapers ({FIRST_YEAR}); check the year.")
