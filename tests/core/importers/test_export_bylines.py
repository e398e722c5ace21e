"""Bylines as exports print them, to the list of people."""

from __future__ import annotations

import pytest

from core.importers.export_record import language_code, split_byline

CASES = {
    "Andrew Sparrow": ("Andrew Sparrow",),
    "BY STEPHEN POLLARD": ("STEPHEN POLLARD",),
    "Ross Ihaka and Robert Gentleman": ("Ross Ihaka", "Robert Gentleman"),
    "Paul Blustein, Washington Post Staff Writer": ("Paul Blustein",),
    "Barton Gellman , Washington Post Staff Writer": ("Barton Gellman",),
    "Jonathan Glennie, theguardian.com": ("Jonathan Glennie",),
    "Mattha Busby (now), Andrew Sparrow (earlier)": ("Mattha Busby", "Andrew Sparrow"),
    "Daniel Boffey in Brussels": ("Daniel Boffey",),
    "Albrecht, Bernhard": ("Bernhard Albrecht",),
    "Böll, Sven; Müller, Peter; Rohr, Mathieu von": ("Sven Böll", "Peter Müller", "Mathieu von Rohr"),
    "Severin Weiland ; Philipp Wittrock": ("Severin Weiland", "Philipp Wittrock"),
    "Von AXEL LIER und RALF GÜNTHER (Fotos)": ("AXEL LIER", "RALF GÜNTHER"),
    "PAUL-ANTON KRÜGER UND MIKE SZYMANSKI": ("PAUL-ANTON KRÜGER", "MIKE SZYMANSKI"),
    "BAC, SZ": ("BAC", "SZ"),
    "": (),
}


@pytest.mark.parametrize("byline,people", CASES.items())
def test_split_byline(byline, people):
    assert split_byline(byline) == people


def test_the_outlet_itself_is_not_an_author():
    assert split_byline("Reuters", outlet="Reuters") == ("Reuters",)  # nothing else: kept as printed
    assert split_byline("Jane Doe, The Guardian", outlet="The Guardian") == ("Jane Doe",)


@pytest.mark.parametrize("name,code", [("ENGLISH", "en"), ("GERMAN; DEUTSCH", "de"), ("Deutsch", "de"), ("English", "en"), ("Klingon", "")])
def test_language_code(name, code):
    assert language_code(name) == code
