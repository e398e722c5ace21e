"""Outlet names: one name per outlet, a table the user can extend."""

from __future__ import annotations

import pytest

from core.model.article import Origin, make_article
from core.text.article_text import finish_article
from core.text.outlets import normalise_outlet


@pytest.mark.parametrize(
    "spelling",
    ["Guardian.com", "The Guardian", "theguardian.com", "guardian.co.uk", "the guardian", "GUARDIAN",
     "https://www.theguardian.com/world/2024/x", "The Guardian (London)"],
)
def test_guardian_spellings(spelling):
    assert normalise_outlet(spelling) == "The Guardian"


@pytest.mark.parametrize(
    ("spelling", "outlet"),
    [("The Times (London)", "The Times"), ("MAIL ON SUNDAY (London)", "The Mail on Sunday"),
     ("DAILY MAIL (London)", "Daily Mail"), ("The Sun (England)", "The Sun"), ("edition.cnn.com", "CNN"),
     ("uk.reuters.com", "Reuters"), ("Der Spiegel", "Der Spiegel"), ("SPIEGEL ONLINE", "Der Spiegel")],
)
def test_other_outlets(spelling, outlet):
    assert normalise_outlet(spelling) == outlet


def test_unknown_outlets_are_kept_tidy():
    assert normalise_outlet("  Valley   News ") == "Valley News"
    assert normalise_outlet("Unknown") == "Unknown"


def test_user_table_extends_and_overrides(newsprism_home):
    assert normalise_outlet("valleynews.example") == "valleynews.example"
    (newsprism_home / "outlets.csv").write_text(
        "alias,outlet\nvalleynews.example,Valley News\nValley News Online,Valley News\nGuardian.com,Guardian (web)\n",
        encoding="utf-8",
    )
    assert normalise_outlet("valleynews.example") == "Valley News"
    assert normalise_outlet("valley news online") == "Valley News"
    assert normalise_outlet("Guardian.com") == "Guardian (web)"


def test_a_broken_user_table_does_not_stop_anything(newsprism_home):
    (newsprism_home / "outlets.csv").write_bytes(b"\xff\xfe\x00garbage")
    assert normalise_outlet("theguardian.com") == "The Guardian"


def test_finish_article_normalises_and_keeps_the_origin():
    article = make_article("Body", title="T", outlet="Guardian.com", origins={"outlet": Origin.FILE})
    finished = finish_article(article)
    assert finished.outlet == "The Guardian" and finished.origin("outlet") is Origin.FILE
