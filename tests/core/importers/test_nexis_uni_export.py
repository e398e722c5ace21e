"""Nexis Uni .docx exports (and the same export as RTF): one article per "End of Document"."""

from __future__ import annotations

import pytest
from tests.conftest import fixture_file

from core.importers import read_file
from core.importers.nexis_uni import parse_nexis_uni
from core.importers.word import docx_paragraphs, open_docx
from core.model.article import Origin
from core.model.import_result import UnreadableFile
from core.text.outlets import normalise_outlet

COUNTS = {
    "lexisnexis/sample.DOCX": 10,
    "nexis-uni/guardian1.docx": 2,
    "nexis-uni/guardian2.docx": 1,
    "nexis-uni/washington-post.docx": 50,
}


def _records(relative: str):
    document = open_docx(fixture_file(relative).read_bytes())
    return parse_nexis_uni([p.text for p in docx_paragraphs(document)])


@pytest.mark.parametrize("relative,count", COUNTS.items())
def test_each_export_splits_into_its_articles_with_title_and_body(relative, count):
    articles = read_file(fixture_file(relative))
    assert len(articles) == count
    for article in articles:
        assert article.title.strip()
        assert article.text.strip() != article.title.strip()
        assert article.date and article.date[:4].isdigit()
        assert article.origin("title") is Origin.FILE and article.origin("outlet") is Origin.FILE
        for furniture in ("End of Document", "Load-Date:", "Length:", "Byline:", "Client/Matter", "Classification"):
            assert furniture not in article.text


def test_guardian1_fields_as_the_export_gives_them():
    first, second = _records("nexis-uni/guardian1.docx")
    assert first.outlet == "Guardian.com"
    assert first.title == "Worried about immigration? Try living in a developing country"
    assert first.date == "2014-05-30"
    assert first.length == "937 words"
    assert first.byline == "Jonathan Glennie, theguardian.com"
    assert first.authors == ("Jonathan Glennie",)
    assert first.language == "en"
    assert first.body.startswith("ABSTRACT\nJonathan Glennie and David Turton")
    assert second.title == "Wythenshawe byelection: Cameron denies a Ukip breakthrough"
    assert second.date == "2014-02-14"


def test_guardian1_articles_carry_the_outlet_and_date():
    first, _ = read_file(fixture_file("nexis-uni/guardian1.docx"))
    assert first.outlet == normalise_outlet("Guardian.com")
    assert first.title == "Worried about immigration? Try living in a developing country"
    assert first.date == "2014-05-30"
    assert first.authors == ("Jonathan Glennie",)


def test_washington_post_cover_page_and_contents_are_skipped():
    records = _records("nexis-uni/washington-post.docx")
    assert len(records) == 50
    assert records[0].title.startswith("U.S., Europe Agree To Negotiate Over Airplane Subsidies")
    assert records[0].outlet == "The Washington Post"
    assert records[0].date == "2005-01-12"
    assert records[0].edition == "Final Edition"
    assert records[0].section == "Financial; E01"
    assert records[0].authors == ("Paul Blustein",)
    assert {r.outlet for r in records} == {"The Washington Post"}
    assert not any("Search Terms" in r.body or "Narrowed by" in r.body for r in records)


def test_sample_docx_with_german_cover_labels_keeps_times_with_their_zone():
    records = _records("lexisnexis/sample.DOCX")
    assert len(records) == 10
    assert records[0].outlet == "The Guardian(London)"
    assert records[0].date == "2019-07-01T09:20:00+00:00"
    assert records[0].authors == ("Mattha Busby", "Andrew Sparrow")
    assert records[-1].title == "What is Wikipedia"


def test_a_docx_without_articles_says_so_clearly():
    with pytest.raises(UnreadableFile, match="no article"):
        read_file(fixture_file("lexisnexis/test.DOCX"))


def test_the_same_export_saved_as_rtf_gives_the_same_articles(tmp_path):
    document = open_docx(fixture_file("nexis-uni/guardian1.docx").read_bytes())
    paragraphs = [p.text for p in docx_paragraphs(document)]
    path = tmp_path / "guardian1.rtf"
    path.write_bytes(_as_rtf(paragraphs))
    from_rtf = read_file(path)
    from_docx = read_file(fixture_file("nexis-uni/guardian1.docx"))
    assert [a.title for a in from_rtf] == [a.title for a in from_docx]
    assert [a.date for a in from_rtf] == [a.date for a in from_docx]
    assert [a.text for a in from_rtf] == [a.text for a in from_docx]


def _as_rtf(paragraphs: list[str]) -> bytes:
    """A minimal RTF with one \\par per paragraph; non-ASCII as \\uN? escapes."""
    def escape(text: str) -> str:
        out = []
        for char in text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"):
            if char == "\n":
                out.append("\\line ")
            elif ord(char) < 128:
                out.append(char)
            else:
                out.append(f"\\u{ord(char) if ord(char) < 32768 else ord(char) - 65536}?")
        return "".join(out)

    body = "".join(f"{{\\pard {escape(p)}\\par}}\n" for p in paragraphs)
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Arial;}}\n" + body + "}").encode("ascii")


def test_german_interface_labels():
    paragraphs = [
        "Dokumente (1)", "1. Streit um die Maut", "Quellen: Süddeutsche Zeitung; Content Type: News", "",
        "Streit um die Maut", "Süddeutsche Zeitung", "3. März 2017 Freitag", "Copyright 2017 Süddeutsche Zeitung GmbH",
        "Rubrik:\u00a0Politik; S. 5", "Länge:\u00a0412 Wörter", "Autor:\u00a0Max Muster", "Body",
        "Der erste Absatz.", "Der zweite Absatz.", "Klassifikation", "Sprache:\u00a0GERMAN; DEUTSCH",
        "Ladedatum:\u00a04. März 2017", "Ende des Dokuments",
    ]
    [record] = parse_nexis_uni(paragraphs)
    assert (record.title, record.outlet, record.date) == ("Streit um die Maut", "Süddeutsche Zeitung", "2017-03-03")
    assert (record.section, record.length, record.authors) == ("Politik; S. 5", "412 Wörter", ("Max Muster",))
    assert record.body == "Der erste Absatz.\nDer zweite Absatz."
    assert record.language == "de"


def test_paragraphs_without_end_of_document_are_not_an_export():
    assert parse_nexis_uni(["A title", "Some text", "Length: 3 words"]) is None
