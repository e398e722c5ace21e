"""Factiva full-article pages saved as HTML, English and German interface."""

from __future__ import annotations

import re
from datetime import date

import pytest
from tests.conftest import fixture_file

from core.importers import read_file
from core.importers.factiva import parse_factiva
from core.importers.html import decode_html

COUNTS = {
    "factiva/irish-independence_1_2017-11-14.html": 44,
    "factiva/suddeutsche_1_2017-11-19.html": 51,
    "factiva/german-ui.html": 100,
}


@pytest.mark.parametrize("relative,count", COUNTS.items())
def test_each_page_splits_into_articles_with_title_body_and_date(relative, count):
    articles = read_file(fixture_file(relative))
    assert len(articles) == count
    for article in articles:
        assert article.title.strip()
        assert len(article.text) > len(article.title) + 20
        assert date.fromisoformat(article.date[:10])
        assert not re.search(r"^(?:Document|Dokument) \w{20,}$", article.text, re.M)


def test_irish_independent_fields_and_topic():
    articles = read_file(fixture_file("factiva/irish-independence_1_2017-11-14.html"))
    first = articles[0]
    assert first.title == "Is all sexual harassment equal?"
    assert first.date == "2017-11-13"
    assert first.section == "News"
    assert first.language == "en"
    for article in articles:
        assert re.search(r"Dáil|speech|parliament|debate", article.text, re.I), article.title


def test_irish_independent_records_keep_word_count_source_and_document_id():
    records = parse_factiva(decode_html(fixture_file("factiva/irish-independence_1_2017-11-14.html").read_bytes()))
    first = records[0]
    assert (first.outlet, first.length, first.date_text) == ("Irish Independent", "808 words", "13 November 2017")
    assert first.extra["source_code"] == "IINM"
    assert first.extra["document"] == "IINM000020171113edbd0000d"
    assert first.body.startswith("MIND MATTERS WITH PATRICIA CASEY\n")
    assert "Independent Newspapers Ireland Limited" not in first.body


def test_suddeutsche_authors_and_language():
    records = parse_factiva(decode_html(fixture_file("factiva/suddeutsche_1_2017-11-19.html").read_bytes()))
    assert {r.outlet for r in records} == {"Süddeutsche Zeitung"}
    assert {r.language for r in records} == {"de"}
    assert records[0].byline == "GCA"
    assert not any(r.body.startswith("Fotos:") or "\nFotos:" in r.body for r in records)


def test_german_interface_numbering_is_taken_off_headlines():
    records = parse_factiva(decode_html(fixture_file("factiva/german-ui.html").read_bytes()))
    assert records[0].title == "Zu Fuß von Kreuzberg nach Kopenhagen"
    assert records[0].length == "1285 Wörter"
    assert records[0].authors == ("Sarah Pepin",)
    assert not any(re.match(r"\d+\) ", r.title) for r in records)
    assert {r.date[:10] for r in records} == {"2017-04-01", "2017-04-02", "2017-04-03"}


def test_an_ordinary_web_page_is_not_taken_for_a_factiva_page(tmp_path):
    from core.importers.factiva import read_factiva

    page = b'<html><body><div id="hd">Menu</div><p class="intro">Text</p></body></html>'
    assert read_factiva(tmp_path / "page.html", page) is None
