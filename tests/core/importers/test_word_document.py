"""Generic Word documents: title, byline, date, properties; damaged files and bombs."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.core.importers.doc_makers import BODY, add_member, make_docx, replace_member, with_entity_bomb

from core.importers import read_file
from core.model.article import Origin
from core.model.import_result import UnreadableFile


def _read(tmp_path, data: bytes, name: str = "story.docx"):
    path = tmp_path / name
    path.write_bytes(data)
    return read_file(path)


def test_heading_byline_and_date_lines_become_fields(tmp_path):
    data = make_docx(heading="Minister resigns over leak", lines=["By Jane Doe and John Roe", "3 March 2021", BODY, "Second paragraph."])
    [article] = _read(tmp_path, data)
    assert article.title == "Minister resigns over leak"
    assert article.authors == ("Jane Doe", "John Roe")
    assert article.date == "2021-03-03"
    assert article.text == f"Minister resigns over leak\n{BODY}\nSecond paragraph."
    assert (article.origin("title"), article.origin("authors"), article.origin("date")) == (Origin.EXTRACTED,) * 3


def test_without_heading_the_document_properties_are_used(tmp_path):
    data = make_docx(lines=[BODY], title="Leak inquiry", author="Jane Doe", created=dt.datetime(2020, 5, 6, 7, 8))
    [article] = _read(tmp_path, data)
    assert article.title == "Leak inquiry"
    assert article.authors == ("Jane Doe",)
    assert article.date == "2020-05-06"
    assert article.origin("title") is Origin.FILE and article.origin("authors") is Origin.FILE
    assert article.origin("date") is Origin.GUESSED  # when the file was made, not when the article ran
    assert article.text == f"Leak inquiry\n{BODY}"


def test_without_heading_or_title_property_the_first_line_is_the_title(tmp_path):
    [article] = _read(tmp_path, make_docx(lines=["A plain first line", BODY]))
    assert article.title == "A plain first line"
    assert article.text.split("\n")[1] == BODY


def test_a_document_with_only_a_title_has_no_article(tmp_path):
    with pytest.raises(UnreadableFile, match="no article was found .* only the line 'Just a title'"):
        _read(tmp_path, make_docx(lines=["Just a title"]))


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_truncated_docx_is_reported_as_damaged(tmp_path, cut):
    data = make_docx(heading="Title", lines=[BODY])
    with pytest.raises(UnreadableFile, match="damaged or incomplete"):
        _read(tmp_path, data[: int(len(data) * cut)])


def test_a_file_that_is_no_zip_at_all(tmp_path):
    with pytest.raises(UnreadableFile, match="Word document is damaged"):
        _read(tmp_path, b"This is plain text saved with the wrong extension.\n" * 20)


def test_a_zip_without_a_document_part(tmp_path):
    data = replace_member(make_docx(lines=[BODY]), "word/document.xml", lambda d: d)
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info.filename, source.read(info))
    with pytest.raises(UnreadableFile, match="'word/document.xml' is missing"):
        _read(tmp_path, out.getvalue())


def test_an_xml_entity_bomb_is_refused_with_a_message(tmp_path):
    data = make_docx(heading="Bomb", lines=["Before the bomb", BODY])
    bombed = replace_member(data, "word/document.xml", lambda xml: with_entity_bomb(xml, text_tag=b"<w:t"))
    with pytest.raises(UnreadableFile, match="XML bomb"):
        _read(tmp_path, bombed)


def test_a_small_internal_entity_is_left_unexpanded(tmp_path):
    """python-docx parses with resolve_entities=False: entity text never reaches the article."""
    def declare(xml: bytes) -> bytes:
        end = xml.index(b"?>") + 2
        close = xml.index(b"</w:t>", end)
        return xml[:end] + b'<!DOCTYPE d [<!ENTITY secret "SECRET">]>' + xml[end:close] + b"&secret;" + xml[close:]

    data = replace_member(make_docx(lines=["Headline here", BODY]), "word/document.xml", declare)
    [article] = _read(tmp_path, data)
    assert "SECRET" not in article.text
    assert article.title == "Headline here"
    assert BODY in article.text


def test_a_zip_bomb_inside_a_docx_is_refused_before_parsing(tmp_path):
    data = add_member(make_docx(heading="Title", lines=[BODY]), "word/media/huge.bin", b"\0" * (12 * 2**20))
    with pytest.raises(UnreadableFile, match="zip bomb"):
        _read(tmp_path, data)


def test_an_ordinary_document_with_an_end_of_document_line_is_not_taken_for_an_export(tmp_path):
    [article] = _read(tmp_path, make_docx(heading="Minutes", lines=[BODY, "End of Document"]))
    assert article.title == "Minutes"
    assert article.text == f"Minutes\n{BODY}\nEnd of Document"
