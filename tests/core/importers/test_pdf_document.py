"""Text-based PDF documents: title, byline, date, joined lines; scans and damaged files get a message."""

from __future__ import annotations

import pytest
from tests.core.importers.doc_makers import BODY, make_image_only_pdf, make_pdf

from core.importers import read_file
from core.importers.pdf import join_broken_lines
from core.model.article import Origin
from core.model.import_result import UnreadableFile


def _read(tmp_path, data: bytes):
    path = tmp_path / "story.pdf"
    path.write_bytes(data)
    return read_file(path)


def test_title_byline_date_and_body(tmp_path):
    long_paragraph = " ".join([BODY] * 3)
    data = make_pdf(["Minister resigns over leak", "By Jane Doe", "3 March 2021", long_paragraph], title="Minister resigns over leak")
    [article] = _read(tmp_path, data)
    assert article.title == "Minister resigns over leak"
    assert article.origin("title") is Origin.FILE
    assert article.authors == ("Jane Doe",)
    assert article.date == "2021-03-03"
    body_lines = article.text.split("\n")[1:]
    assert " ".join(body_lines) == long_paragraph
    assert all(line.endswith(".") for line in body_lines)  # no sentence is left broken by the page layout


def test_metadata_author_and_creation_date_when_the_text_has_none(tmp_path):
    [article] = _read(tmp_path, make_pdf(["Leak inquiry opens", BODY], author="Jane Doe"))
    assert article.title == "Leak inquiry opens"
    assert article.origin("title") is Origin.EXTRACTED
    assert article.authors == ("Jane Doe",) and article.origin("authors") is Origin.FILE
    assert article.date == "2021-03-04" and article.origin("date") is Origin.GUESSED


def test_a_word_export_file_name_is_not_taken_for_a_title(tmp_path):
    [article] = _read(tmp_path, make_pdf(["Real headline", BODY], title="Microsoft Word - draft3.docx"))
    assert article.title == "Real headline"


def test_a_pdf_without_text_says_it_needs_text_recognition(tmp_path):
    with pytest.raises(UnreadableFile, match="no text layer.*OCR"):
        _read(tmp_path, make_image_only_pdf())


@pytest.mark.parametrize("keep", [0.3, 0.6])
def test_a_truncated_pdf_is_reported_as_damaged(tmp_path, keep):
    data = make_pdf(["Headline", BODY])
    with pytest.raises(UnreadableFile, match="damaged or incomplete|no text layer"):
        _read(tmp_path, data[: int(len(data) * keep)])


def test_a_file_that_is_not_a_pdf(tmp_path):
    with pytest.raises(UnreadableFile, match="not a PDF"):
        _read(tmp_path, b"<html><body>saved page</body></html>")


def test_join_broken_lines_keeps_headings_and_paragraphs():
    lines = ["A heading", "The report was", "published on", "Monday. A new", "sentence starts.", "", "Next para-", "graph here."]
    assert join_broken_lines(lines) == [
        "A heading",
        "The report was published on Monday. A new sentence starts.",
        "Next paragraph here.",
    ]
