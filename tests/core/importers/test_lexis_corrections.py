"""Lexis "Correction Appended" articles: the real headline and date, no correction notice, section,
'Graphic' or 'Body' line in the text; photo credits kept but not analysed (samples written for this test)."""

from __future__ import annotations

from pathlib import Path

from core.importers import read_file
from core.importers.nexis_uni import parse_nexis_uni
from core.model.article import Origin

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "articles" / "lexis" / "nyt_corrections.txt"


def test_correction_appended_is_a_note_not_the_headline():
    first, blog = read_file(SAMPLE)
    assert first.title == "Wind Farm Plan Draws Fire From Fishermen"
    assert (first.outlet, first.date, first.authors) == ("The New York Times", "2010-05-02", ("ANA RUIZ",))
    assert blog.title == "Should Offshore Drilling Continue?"  # no "; Green" section tail
    assert blog.date == "2010-05-06" and blog.origin("date") is Origin.GUESSED  # only the load date is printed


def test_corrections_layout_lines_and_credits_are_not_analysed():
    for article in read_file(SAMPLE):
        for absent in ("misstated", "Correction Appended", "CORRECTION", "http://www.nytimes.com", "\nGraphic\n"):
            assert absent not in article.text
        assert "Photograph by" not in article.analysed_text
    assert "Fishing boats in Hyannis Harbor" in read_file(SAMPLE)[0].text  # kept for the reader


def test_nexis_uni_correction_graphic_and_outlet_lines():
    paragraphs = [
        "Correction Appended", "Should Offshore Drilling Continue?", "The New York Times", "The New York Times Blogs",
        "May 5, 2010 Wednesday", "Copyright 2010 The New York Times Company", "Section: ENERGY", "Length: 120 words",
        "Byline: BEN OKAFOR", "Body",
        "After the spill in the Gulf, readers asked whether drilling off the Atlantic coast should go ahead.",
        "Graphic", "PHOTO: An oil platform off the coast of Louisiana. (Photograph by Jane Roe)",
        "Correction", "An earlier version of this post misstated the depth of the well.",
        "Load-Date: May 6, 2010", "End of Document",
    ]
    [record] = parse_nexis_uni(paragraphs)
    assert record.title == "Should Offshore Drilling Continue?"
    assert (record.outlet, record.date) == ("The New York Times Blogs", "2010-05-05")
    assert record.body == "After the spill in the Gulf, readers asked whether drilling off the Atlantic coast should go ahead."
