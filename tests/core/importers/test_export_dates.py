"""Dates as the exports print them, English and German, to ISO 8601 with the zone where given."""

from __future__ import annotations

import pytest

from core.importers.export_dates import parse_export_date

CASES = {
    "January 11, 2010 Monday": "2010-01-11",
    "May 21, 2000, Sunday, Final Edition": "2000-05-21",
    "July 1, 2019 Monday 9:20 AM GMT": "2019-07-01T09:20:00+00:00",
    "July 3, 2019 Wednesday 12:02 AM GMT": "2019-07-03T00:02:00+00:00",
    "Wednesday, December 19, 2018 7:13:00 PM JST": "2018-12-19T19:13:00+09:00",
    "13 November 2017": "2017-11-13",
    "27. Februar 2012 Montag 9:50 PM GMT+1": "2012-02-27T21:50:00+01:00",
    "3. März 2017": "2017-03-03",
    "1. Mai 2016 Sonntag 10:15 MESZ": "2016-05-01T10:15:00+02:00",
    "12. Okt. 2015": "2015-10-12",
    "17 Dezember 2013": "2013-12-17",
    "Friday, 5. July 2019 09:31:00 CEST": "2019-07-05T09:31:00+02:00",
    "2017-04-01": "2017-04-01",
    "14.11.2017": "2017-11-14",
    "October 5, 2020 10:00 EDT": "2020-10-05T10:00:00-04:00",
    "June 2, 2021 14:30": "2021-06-02T14:30:00",
}


@pytest.mark.parametrize("text,expected", CASES.items())
def test_export_dates(text, expected):
    assert parse_export_date(text) == expected


@pytest.mark.parametrize("text", ["", "No date here", "Page 13 of 40", "February 30, 2019", "Mayday 12, 2019", "Copyright 2017"])
def test_text_without_a_valid_date(text):
    assert parse_export_date(text) is None
