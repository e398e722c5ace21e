"""Nexis UK HTML export: the LexisNexis "N of M DOCUMENTS" layout in markup, German labels."""

from __future__ import annotations

import pytest
from tests.conftest import fixture_file

from core.importers import read_file
from core.importers.nexis_uk import read_nexis_uk_html


@pytest.fixture(scope="module")
def articles():
    return read_file(fixture_file("nexis-uk-html/spiegel_2012-02-01_0001.html"))


def test_spiegel_export_has_49_articles_with_title_body_and_date(articles):
    assert len(articles) == 49
    for article in articles:
        assert article.title.strip() and article.date
        assert len(article.text) > 200
        for furniture in ("DOCUMENTS", "LÄNGE:", "RUBRIK:", "SPRACHE:", "UPDATE:", "Copyright"):
            assert furniture not in article.text


def test_first_article_fields(articles):
    first = articles[0]
    assert first.title == "Warnschuss für Merkels Euro-Kurs"
    assert first.date == "2012-02-27T21:50:00+01:00"
    assert first.authors == ("Annett Meiritz",)
    assert first.section == "GRIECHENLAND-VOTUM IM BUNDESTAG"
    assert first.url == "http://www.spiegel.de/politik/deutschland/0,1518,817937,00.html"
    assert first.language == "de"
    assert first.text.split("\n")[1].startswith("Der Bundestag hat neue Milliardenhilfen")


def test_surname_first_author_lists_are_turned_round(articles):
    second = articles[1]
    assert second.authors == ("Bernhard Albrecht",)
    assert any(a.authors[:2] == ("Sven Böll", "Peter Müller") for a in articles)


def test_a_web_page_without_the_layout_is_left_to_the_page_reader(tmp_path):
    assert read_nexis_uk_html(tmp_path / "x.html", b"<html><body><p>Hello</p></body></html>") is None
