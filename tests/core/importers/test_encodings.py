"""Encodings as real files come: cp1252 (not a rare code page), UTF-16 without BOM, mixed lines, mojibake, .gz."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from tests.core.importers.importer_makers import PARAGRAPHS, news_page

from core.importers import read_file
from core.ingest.importing import import_paths
from core.model.import_result import Status, UnreadableFile

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "encodings"


def _text(name: str) -> str:
    [article] = read_file(SAMPLES / name)
    return article.text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("german_cp1252.txt", "Käthe Weiß, sagte am Dienstag in Düsseldorf, die Straßenbahn werde „so schnell wie möglich“"),
        ("french_cp1252.txt", "« Nous voulons être entendus », a déclaré Chloé Lefèvre"),
        ("english_utf16le_nobom.txt", "“We are grateful for the patience of everyone"),
        ("german_utf16be_nobom.txt", "rund 4,5 Millionen € – mehr als zunächst geplant"),
        ("russian_cp1251.txt", "Новый мост через реку Казанку открыли"),
        ("mixed_utf8_cp1252.txt", "“We never expected this,” Müller said – the prize comes with €5,000."),
        ("mixed_utf8_cp1252.txt", "Judges praised the café’s crème brûlée and its “naïve” murals."),
        ("mixed_utf8_cp1252.txt", "Señor Muñoz, a regular, called the news “très bien”."),
        ("mojibake_utf8.txt", "Café owners in Zürich say “prices” rose"),
    ],
)
def test_each_encoding_reads_as_written(name, expected):
    assert expected in _text(name)


@pytest.mark.parametrize(
    "sample",
    ["Gebühren heißt Zürich heißt über März Zürich",  # read as mac_iceland before ("Geb¸hren")
     "Düsseldorf die müssen“ mit – der der sagte",  # read as cp857 ("D³sseldorf")
     "5 die über Mio. Montag € Montag € und Montag"],  # read as cp852 ("Řber", "Ç")
)
def test_short_western_text_is_cp1252_not_a_rare_code_page(tmp_path, sample):
    path = tmp_path / "kurz.txt"
    path.write_bytes(f"Kurzmeldung\n{sample}".encode("cp1252"))
    [article] = read_file(path)
    assert sample in article.text


def test_whitespace_only_lines_are_stored_empty(tmp_path, store):
    path = tmp_path / "spaces.txt"
    path.write_text("Harbour bridge reopens\n   \t\n\u00a0\nThe bridge reopened on Monday.   \n\u200b\nRepairs took eight weeks.",
                    encoding="utf-8")
    [result] = import_paths(store, [path])
    [article] = store.articles()
    assert article.text == "Harbour bridge reopens\n\n\nThe bridge reopened on Monday.\n\nRepairs took eight weeks."
    assert result.status is Status.IMPORTED


def test_gzipped_text_and_pages_are_read_by_their_inner_type(tmp_path, store):
    page = tmp_path / "rail.html.gz"
    page.write_bytes(gzip.compress(news_page("Rail plan for the valleys", PARAGRAPHS, site="Valley News").encode("utf-8")))
    results = import_paths(store, [SAMPLES / "harbour.txt.gz", page])
    assert [r.status for r in results] == [Status.IMPORTED, Status.IMPORTED]
    by_title = {a.title: a for a in store.articles()}
    assert by_title["Harbour bridge reopens after repairs"].source_path == str(SAMPLES / "harbour.txt.gz")
    rail = by_title["Rail plan for the valleys"]
    assert rail.outlet == "Valley News" and PARAGRAPHS[0] in rail.text and rail.source_path == str(page)


def test_a_folder_walk_finds_gz_files(tmp_path, store):
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "harbour.txt.gz").write_bytes((SAMPLES / "harbour.txt.gz").read_bytes())
    [result] = import_paths(store, [folder])
    assert result.status is Status.IMPORTED


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [("broken.txt.gz", b"\x1f\x8b\x08\x00garbage", "damaged"),
     ("table.xyz.gz", gzip.compress(b"a,b\n1,2\n"), "not supported"),
     ("empty.txt.gz", gzip.compress(b"   "), "empty")],
)
def test_bad_gz_files_say_why(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UnreadableFile, match=message):
        read_file(path)
