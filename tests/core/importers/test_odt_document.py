"""OpenDocument text: headings, spans, metadata; damaged files and bombs."""

from __future__ import annotations

import pytest
from tests.core.importers.doc_makers import BODY, add_member, make_odt, replace_member, with_entity_bomb

from core.importers import read_file
from core.model.article import Origin
from core.model.import_result import UnreadableFile


def _read(tmp_path, data: bytes):
    path = tmp_path / "story.odt"
    path.write_bytes(data)
    return read_file(path)


def test_heading_body_and_metadata(tmp_path):
    data = make_odt(heading="Minister resigns over leak", lines=[BODY, "Second paragraph."], author="Jane Doe")
    [article] = _read(tmp_path, data)
    assert article.title == "Minister resigns over leak" and article.origin("title") is Origin.EXTRACTED
    assert article.text == f"Minister resigns over leak\n{BODY}\nSecond paragraph."
    assert article.authors == ("Jane Doe",) and article.origin("authors") is Origin.FILE
    assert article.date == "2021-03-04" and article.origin("date") is Origin.GUESSED


def test_title_property_without_heading(tmp_path):
    [article] = _read(tmp_path, make_odt(lines=["By Jane Doe", BODY], title="Leak inquiry"))
    assert article.title == "Leak inquiry" and article.origin("title") is Origin.FILE
    assert article.authors == ("Jane Doe",) and article.origin("authors") is Origin.EXTRACTED
    assert article.text == f"Leak inquiry\n{BODY}"


def test_an_entity_bomb_in_the_content_is_refused(tmp_path):
    bombed = replace_member(make_odt(lines=["Headline", BODY]), "content.xml", lambda xml: with_entity_bomb(xml, text_tag=b"<text:p"))
    with pytest.raises(UnreadableFile, match="XML bomb"):
        _read(tmp_path, bombed)


def test_a_truncated_odt_is_reported_as_damaged(tmp_path):
    data = make_odt(lines=["Headline", BODY])
    with pytest.raises(UnreadableFile, match="damaged|incomplete|not an OpenDocument"):
        _read(tmp_path, data[: len(data) // 2])


def test_a_zip_bomb_inside_an_odt_is_refused(tmp_path):
    data = add_member(make_odt(lines=["Headline", BODY]), "Pictures/huge.bin", b"\0" * (12 * 2**20))
    with pytest.raises(UnreadableFile, match="zip bomb"):
        _read(tmp_path, data)
