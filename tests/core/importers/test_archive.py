"""Zip archives: members read by type, bombs refused, names never used as paths."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest
from tests.core.importers.importer_makers import PARAGRAPHS, make_zip, news_page, zip_bomb

from core.importers import archive, read_file
from core.importers.archive import MembersUnreadable
from core.model.import_result import UnreadableFile


def _page(title: str) -> bytes:
    return news_page(title, PARAGRAPHS, site="Valley News").encode("utf-8")


def test_members_of_every_type_are_read(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("deep.txt", "Nested headline\nNested body text.")
    path = make_zip(tmp_path / "mixed.zip", {
        "guardian/one.html": _page("First page"),
        "two.txt": b"Plain headline\nPlain body.",
        "table.csv": b"title,text\nRow headline,Row body\n",
        "inner.zip": inner.getvalue(),
        "__MACOSX/._one.html": b"\0\0junk",
        ".hidden.txt": b"Hidden\nnot read",
        "image.png": b"\x89PNG not a reader type",
    })
    articles = read_file(path)
    assert sorted(a.title for a in articles) == ["First page", "Nested headline", "Plain headline", "Row headline"]
    assert {a.source_path for a in articles} >= {f"{path}/two.txt", f"{path}/inner.zip/deep.txt"}


def test_bad_members_are_reported_each_and_the_rest_read(tmp_path):
    path = make_zip(tmp_path / "some_bad.zip", {
        "good.txt": b"Good headline\nGood body.",
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 8,
        "broken.json": b"{",
    })
    with pytest.raises(MembersUnreadable) as caught:
        read_file(path)
    assert [a.title for a in caught.value.articles] == ["Good headline"]
    failures = dict(caught.value.failures)
    assert failures.keys() == {"empty.txt", "binary.txt", "broken.json"}
    assert failures["empty.txt"] == "the file is empty"
    assert "binary" in failures["binary.txt"]


def test_member_names_cannot_escape(tmp_path):
    target = tmp_path / "outside"
    target.mkdir()
    path = make_zip(target / "evil.zip", {
        "../../escaped.txt": b"Escaped headline\nBody.",
        "/abs/rooted.txt": b"Rooted headline\nBody.",
        "C:\\win\\drive.txt": b"Drive headline\nBody.",
    })
    articles = read_file(path)
    assert sorted(a.title for a in articles) == ["Drive headline", "Escaped headline", "Rooted headline"]
    assert all(".." not in a.source_path for a in articles)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["evil.zip", "outside"]


def test_generated_zip_bomb_by_ratio(tmp_path):
    path = zip_bomb(tmp_path / "bomb.zip", size=64 * 1024**2)
    assert path.stat().st_size < 1024**2
    with pytest.raises(UnreadableFile, match="zip bomb"):
        read_file(path)


def test_zip_bomb_by_total_size(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 2 * 1024**2)
    path = make_zip(tmp_path / "big.zip", {f"part{i}.txt": (f"Headline {i}\n" + "word " * 200_000).encode() for i in range(3)})
    with pytest.raises(UnreadableFile, match="would unpack to .* zip bomb"):
        read_file(path)


def test_too_many_members(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_MEMBERS", 10)
    path = make_zip(tmp_path / "many.zip", {f"{i}.txt": f"Title {i}\nBody".encode() for i in range(11)})
    with pytest.raises(UnreadableFile, match="too many files"):
        read_file(path)


def test_member_whose_header_lies_about_its_size(tmp_path):
    data = b"Lying headline\n" + b"a" * 500_000
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("liar.txt", data)
        z.writestr("honest.txt", b"Honest headline\nBody.")
    raw = bytearray(buffer.getvalue())
    # declare 1,000 bytes in the local header (offset 22) and the central directory entry (offset 24)
    local = raw.find(b"PK\x03\x04")
    struct.pack_into("<I", raw, local + 22, 1000)
    central = raw.find(b"PK\x01\x02")
    struct.pack_into("<I", raw, central + 24, 1000)
    path = tmp_path / "liar.zip"
    path.write_bytes(bytes(raw))
    with pytest.raises(MembersUnreadable) as caught:
        read_file(path)
    assert [a.title for a in caught.value.articles] == ["Honest headline"]
    assert [name for name, _ in caught.value.failures] == ["liar.txt"]
    assert all(len(a.text) < 2000 for a in caught.value.articles)


def test_nesting_is_limited(tmp_path):
    level = b"Deep\nBody"
    name = "x.txt"
    for depth in range(4):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            z.writestr(name, level)
        level, name = buffer.getvalue(), f"level{depth}.zip"
    path = tmp_path / "nested.zip"
    path.write_bytes(level)
    with pytest.raises(MembersUnreadable) as caught:
        read_file(path)
    assert "nested" in caught.value.failures[0][1]


@pytest.mark.parametrize("content", [b"", b"PK\x05\x06" + b"\0" * 18, b"PK\x03\x04garbage", b"not a zip at all"])
def test_damaged_archives(tmp_path, content):
    path = tmp_path / "damaged.zip"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile):
        read_file(path)


def test_truncated_archive(tmp_path):
    full = make_zip(tmp_path / "full.zip", {f"{i}.html": _page(f"Page {i}") for i in range(3)})
    path = tmp_path / "cut.zip"
    path.write_bytes(full.read_bytes()[:-200])
    with pytest.raises(UnreadableFile, match="damaged or not a zip"):
        read_file(path)
