"""RTF documents: info group, code-page escapes, Unicode; exports dispatched to their parsers."""

from __future__ import annotations

import pytest
from tests.core.importers.doc_makers import BODY, make_rtf

from core.importers import read_file
from core.model.article import Origin
from core.model.import_result import UnreadableFile


def _read(tmp_path, data: bytes):
    path = tmp_path / "story.rtf"
    path.write_bytes(data)
    return read_file(path)


def test_title_author_and_date_from_the_info_group(tmp_path):
    data = make_rtf([BODY, "Zweiter Absatz über Änderungen – mit Gedankenstrich."], title="Rücktritt der Ministerin", author="Jane Doe")
    [article] = _read(tmp_path, data)
    assert article.title == "Rücktritt der Ministerin"
    assert article.origin("title") is Origin.FILE
    assert article.authors == ("Jane Doe",)
    assert article.date == "2021-03-04" and article.origin("date") is Origin.GUESSED
    assert article.text == f"Rücktritt der Ministerin\n{BODY}\nZweiter Absatz über Änderungen – mit Gedankenstrich."


def test_without_info_the_first_line_is_the_title_and_a_byline_is_found(tmp_path):
    [article] = _read(tmp_path, make_rtf(["Leak inquiry opens", "By Jane Doe", BODY]))
    assert article.title == "Leak inquiry opens"
    assert article.authors == ("Jane Doe",) and article.origin("authors") is Origin.EXTRACTED
    assert article.text == f"Leak inquiry opens\n{BODY}"


def test_a_lexisnexis_text_export_saved_as_rtf_is_split(tmp_path):
    lines = []
    for n in (1, 2):
        lines += [f"{n} of 2 DOCUMENTS", "", "The Times (London)", "", "January 11, 2010 Monday", "",
                  f"Headline number {n}", "", "BYLINE: Tom Coghlan", "", "LENGTH: 40 words", "", BODY, "",
                  "LOAD-DATE: January 11, 2010", "", "LANGUAGE: ENGLISH", ""]
    articles = _read(tmp_path, make_rtf(lines))
    assert [a.title for a in articles] == ["Headline number 1", "Headline number 2"]
    assert {a.date for a in articles} == {"2010-01-11"}


def test_a_file_that_is_not_rtf(tmp_path):
    with pytest.raises(UnreadableFile, match="not an RTF document"):
        _read(tmp_path, b"Plain text with the wrong extension")


def test_a_truncated_rtf_still_gives_its_text_or_a_message(tmp_path):
    data = make_rtf(["Leak inquiry opens", BODY, BODY])
    try:
        [article] = _read(tmp_path, data[: len(data) * 2 // 3])
    except UnreadableFile as exc:
        assert "RTF" in str(exc)
    else:
        assert article.title == "Leak inquiry opens"


def test_an_rtf_header_followed_by_random_bytes_is_refused_as_damaged(tmp_path):
    import random

    rng = random.Random(16)
    with pytest.raises(UnreadableFile, match="damaged"):
        _read(tmp_path, b"{\\rtf1\\ansi " + bytes(rng.randrange(256) for _ in range(4096)))


def test_control_characters_written_as_rtf_escapes_never_reach_the_article(tmp_path):
    data = (b"{\\rtf1\\ansi {\\info{\\title Bell\\'07 and escape\\'1b[31m title}}"
            b"Null\\'00 headline\\par " + BODY.encode() + b"\\par}")
    [article] = _read(tmp_path, data)
    for text in (article.title, article.text):
        assert not any(ord(c) < 32 and c not in "\n\t" for c in text), repr(text)
    assert article.title == "Bell and escape[31m title"
