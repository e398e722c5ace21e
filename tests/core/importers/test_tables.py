"""Tables of articles: recognised columns, mapping, encodings, damaged and hostile spreadsheets."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from tests.core.importers.importer_makers import ENTITY_BOMB_DOCTYPE, minimal_xlsx

from core.importers import read_file
from core.importers.tables import UnmappedColumns, read_table_with_mapping, table_columns
from core.model.article import Origin
from core.model.import_result import UnreadableFile

ROWS = [
    {"Headline": "Bridge vote passes", "Body": "The council approved the bridge on Tuesday.", "media_name": "theguardian.com",
     "publish_date": "2024-03-05", "Byline": "Jane Smith and Tom Jones", "Link": "https://example.org/a"},
    {"Headline": "Rail plan unveiled", "Body": "The government unveiled a rail plan.", "media_name": "BBC",
     "publish_date": "2024-03-06T08:00:00Z", "Byline": "", "Link": ""},
]


def _check(articles):
    assert [a.title for a in articles] == ["Bridge vote passes", "Rail plan unveiled"]
    first, second = articles
    assert first.outlet == "The Guardian" and second.outlet == "BBC News"
    assert first.date == "2024-03-05" and second.date == "2024-03-06T08:00:00+00:00"
    assert first.authors == ("Jane Smith", "Tom Jones")
    assert first.url == "https://example.org/a"
    assert first.text == "Bridge vote passes\nThe council approved the bridge on Tuesday."
    assert first.origin("outlet") is Origin.FILE and first.origin("date") is Origin.FILE


@pytest.mark.parametrize(
    ("name", "write"),
    [
        ("articles.csv", lambda p: pd.DataFrame(ROWS).to_csv(p, index=False)),
        ("articles_semicolon.csv", lambda p: pd.DataFrame(ROWS).to_csv(p, index=False, sep=";", encoding="cp1252")),
        ("articles.tsv", lambda p: pd.DataFrame(ROWS).to_csv(p, index=False, sep="\t", encoding="utf-16")),
        ("articles.xlsx", lambda p: pd.DataFrame(ROWS).to_excel(p, index=False)),
        ("articles.json", lambda p: p.write_text(json.dumps({"articles": ROWS}), encoding="utf-8")),
        ("articles.jsonl", lambda p: p.write_text("\n".join(json.dumps(r) for r in ROWS), encoding="utf-8")),
    ],
)
def test_tables_are_read_by_column_names(tmp_path, name, write):
    path = tmp_path / name
    write(path)
    _check(read_file(path))


def test_json_lists_of_authors_and_nested_outlets(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"title": "T", "text": "Body words here.", "authors": ["A One", "B Two"],
                                 "source": {"name": "Reuters"}}]), encoding="utf-8")
    [article] = read_file(path)
    assert article.authors == ("A One", "B Two") and article.outlet == "Reuters"


def test_unrecognised_columns_are_listed_and_can_be_mapped(tmp_path):
    path = tmp_path / "export.csv"
    pd.DataFrame({"Überschrift": ["Brücke gebaut"], "Inhalt": ["Der Rat stimmte zu."], "Zeitung": ["taz"]}).to_csv(path, index=False)
    with pytest.raises(UnmappedColumns) as caught:
        read_file(path)
    assert caught.value.columns == ["Überschrift", "Inhalt", "Zeitung"]
    assert "'Inhalt'" in str(caught.value)
    assert table_columns(path) == ["Überschrift", "Inhalt", "Zeitung"]
    [article] = read_table_with_mapping(path, {"title": "Überschrift", "text": "Inhalt", "outlet": "Zeitung"})
    assert article.title == "Brücke gebaut" and article.outlet == "taz"
    with pytest.raises(UnreadableFile, match="no column"):
        read_table_with_mapping(path, {"text": "Nope"})


@pytest.mark.parametrize("entity_in", ["strings", "sheet"])
def test_xlsx_entity_bomb_is_refused(tmp_path, entity_in):
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(minimal_xlsx([["title", "text"], ["t", "some text"]], doctype=ENTITY_BOMB_DOCTYPE, entity_in=entity_in))
    with pytest.raises(UnreadableFile, match="XML entities"):
        read_file(path)


def test_minimal_xlsx_without_bomb_reads(tmp_path):
    path = tmp_path / "ok.xlsx"
    path.write_bytes(minimal_xlsx([["title", "text"], ["Headline", "Some text"]]))
    assert read_file(path)[0].text == "Headline\nSome text"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.xlsx", b"PK\x03\x04 this is not really a zip", "damaged"),
        ("bad.json", b'{"articles": [{"title": "x", ', "not valid JSON"),
        ("deep.json", b"[" * 100_000 + b"]" * 100_000, "JSON"),
        ("bad.jsonl", b'{"title": "a", "text": "b"}\n{oops}\n', "line 2"),
        ("numbers.json", b"[1, 2, 3]", "no records"),
        ("header_only.csv", b"title,text\n", "no rows"),
        ("blank_rows.csv", b"title,text\n,\n,\n", "empty"),
        ("ragged.csv", b'title,text\n"unterminated,quote\nx,y,z,w\n', "could not be read|no column|empty"),
    ],
)
def test_damaged_tables_get_clear_messages(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=message):
        read_file(path)


def test_truncated_xlsx(tmp_path):
    buffer = tmp_path / "full.xlsx"
    pd.DataFrame(ROWS).to_excel(buffer, index=False)
    path = tmp_path / "truncated.xlsx"
    path.write_bytes(buffer.read_bytes()[: buffer.stat().st_size // 2])
    with pytest.raises(UnreadableFile, match="damaged"):
        read_file(path)
