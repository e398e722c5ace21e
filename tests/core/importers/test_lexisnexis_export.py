"""LexisNexis Academic plain-text export: every field of the source project's expected parse."""

from __future__ import annotations

import csv

import pytest
from tests.conftest import fixture_file

from core.importers import read_file
from core.importers.export_record import split_byline
from core.importers.lexisnexis import parse_lexisnexis_text
from core.importers.decode import decode_text
from core.model.article import Origin
from core.text.outlets import normalise_outlet


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def expected():
    with open(fixture_file("lexisnexis/sample.TXT.expected.csv"), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def records():
    return parse_lexisnexis_text(decode_text(fixture_file("lexisnexis/sample.TXT").read_bytes()))


def test_sample_txt_splits_into_ten_records(records):
    assert len(records) == 10


@pytest.mark.parametrize("index", range(10))
def test_each_record_matches_every_expected_field(records, expected, index):
    record, row = records[index], expected[index]
    assert record.outlet == row["Newspaper"]
    assert record.date == row["Date"]
    assert record.length == row["Length"]
    assert record.section == row["Section"]
    assert record.byline == row["Author"]
    assert record.edition == row["Edition"]
    assert record.title == row["Headline"]
    assert _squash(record.body) == _squash(row["Article"])


def test_articles_keep_the_export_fields_marked_as_file_metadata(expected):
    articles = read_file(fixture_file("lexisnexis/sample.TXT"))
    assert len(articles) == 10
    for article, row in zip(articles, expected):
        assert article.outlet == normalise_outlet(row["Newspaper"])
        assert article.date == row["Date"]
        assert article.section == row["Section"]
        assert article.title == _squash(row["Headline"])
        assert article.authors == split_byline(row["Author"])
        assert article.language == "en"
        assert article.text.startswith(article.title)
        assert _squash(article.text).endswith(_squash(row["Article"]))
        for name in ("outlet", "date", "title"):
            assert article.origin(name) is Origin.FILE
    assert articles[8].authors == ("Ross Ihaka", "Robert Gentleman")
    assert articles[7].authors == ("STEPHEN POLLARD",)


def test_export_furniture_stays_out_of_the_text():
    for article in read_file(fixture_file("lexisnexis/sample.TXT")):
        for furniture in ("LOAD-DATE:", "LANGUAGE:", "BYLINE:", "LENGTH:", "DOCUMENTS", "All Rights Reserved"):
            assert furniture not in article.text


def test_a_plain_text_file_without_the_layout_is_still_one_article(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("A headline\nThe body mentions 1 of 10 documents in passing.\n", encoding="utf-8")
    [article] = read_file(path)
    assert article.title == "A headline"


def test_german_labels_and_document_lines(tmp_path):
    text = (
        "                         Dokument 1 von 1\n\n"
        "                            Der Spiegel\n\n"
        "                      3. März 2017 Freitag\n\n"
        "Ein Titel über die Wahl\n\n"
        "AUTOR: Albrecht, Bernhard\n\n"
        "RUBRIK: POLITIK; S. 20\n\n"
        "LÄNGE: 120 Wörter\n\n\n"
        "Der erste Absatz des Textes\nläuft über zwei Zeilen.\n\n"
        "Der zweite Absatz.\n\n"
        "UPDATE: 4. März 2017\n\nSPRACHE: GERMAN; DEUTSCH\n"
    )
    path = tmp_path / "spiegel.txt"
    path.write_text(text, encoding="utf-8")
    [article] = read_file(path)
    assert (article.outlet, article.date, article.section) == (normalise_outlet("Der Spiegel"), "2017-03-03", "POLITIK; S. 20")
    assert article.title == "Ein Titel über die Wahl"
    assert article.authors == ("Bernhard Albrecht",)
    assert article.language == "de"
    assert article.text.split("\n")[1:] == ["Der erste Absatz des Textes läuft über zwei Zeilen.", "Der zweite Absatz."]
