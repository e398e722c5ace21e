"""The date editor's parser: common written dates read, everything else refused with a reason."""

from __future__ import annotations

from datetime import date

import pytest

from core.text.written_dates import DateRefused, display_date, parse_written_date

TODAY = date(2025, 1, 15)
NOV_20 = date(2024, 11, 20)


@pytest.mark.parametrize("written", [
    "20 November 2024",
    "20 Nov 2024",  # as the article table shows dates: editing one unchanged keeps it
    "20th Nov. 2024",
    "  20   november   2024 ",
    "Nov 20, 2024",
    "November 20 2024",
    "Nov. 20th, 2024",
    "2024-11-20",
    "2024/11/20",
    "2024-11-20T09:30:00+00:00",
    "20/11/2024",
    "20.11.2024",
    "20-11-2024",
    "Wednesday, 20 November 2024",
    "Wed 20 Nov 2024",
])
def test_common_written_dates_are_read(written):
    assert parse_written_date(written, today=TODAY) == NOV_20


def test_numbers_are_read_day_first():
    assert parse_written_date("03/04/2024", today=TODAY) == date(2024, 4, 3)
    assert parse_written_date("3.4.2024", today=TODAY) == date(2024, 4, 3)


def test_german_month_names_of_the_exports_are_read():
    assert parse_written_date("20. März 2024", today=TODAY) == date(2024, 3, 20)


@pytest.mark.parametrize("written, reason", [
    ("", "No date given"),
    ("   ", "No date given"),
    ("31 February 2024", "31 February 2024 does not exist (February 2024 has 29 days)"),
    ("29 Feb 2023", "February 2023 has 28 days"),
    ("yesterday", "depends on when it is read"),
    ("next Tuesday", "depends on when it is read"),
    ("20 November 2031", "is in the future"),
    ("11/20/2024", "numbers are read day first, and there is no month 20 (20/11/2024 would be 20 November 2024)"),
    ("2024-13-05", "there is no month 13"),
    ("20/11/24", "write the year in full"),
    ("Tuesday, 20 November 2024", "20 November 2024 was a Wednesday, not a Tuesday"),
    ("20 Brumaire 2024", "“Brumaire” is not a month"),
    ("the day after the vote", "is not a date Newsprism can read"),
    ("1066-10-14", "before the first printed newspapers"),
])
def test_refusals_say_why(written, reason):
    with pytest.raises(DateRefused) as refused:
        parse_written_date(written, today=TODAY)
    assert reason in str(refused.value)


def test_tomorrow_is_allowed_for_time_zones_but_not_the_day_after():
    assert parse_written_date("16 January 2025", today=TODAY) == date(2025, 1, 16)
    with pytest.raises(DateRefused, match="future"):
        parse_written_date("17 January 2025", today=TODAY)


def test_stored_dates_display_as_dates():
    assert display_date("2024-11-20T00:00:00+00:00") == "20 Nov 2024"
    assert display_date("2024-06-09") == "9 Jun 2024"
    assert display_date(None) == "" and display_date("") == ""
    assert display_date("sometime in 2024") == "sometime in 2024"  # not a stored date: shown as it is
