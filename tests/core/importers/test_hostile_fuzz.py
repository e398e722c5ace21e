"""Hypothesis over hostile file names and archive layouts: never a traceback, a lost file, a leak or a write.

File names are bytes on Linux: not UTF-8 (0xFF), control characters (ESC, CR,
C1), bidirectional overrides, very long, dotted; some are links out of the
folder. Archives hold members named ``../x``, ``/abs``, ``C:\\x``, duplicates,
folders, hidden files, nested archives, empty and binary members, and entries
that share their bytes.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import warnings
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.cli import main
from core.importers import read_file
from core.ingest.importing import import_paths
from core.store.store import ProjectStore
from core.model.import_result import Status, UnreadableFile, plural
from core.project import Project
from tests.core.importers.test_archive_budgets import _raw_zip

SECRET = "SECRET-OUTSIDE-THE-FOLDER"
SUPPORTED = (".txt", ".md", ".csv", ".html")
_UNSHOWABLE = {chr(c) for c in [*range(0, 32), *range(0x7F, 0xA0)]} - {"\n"} | {"\u202e", "\u2066"}

name_bytes = st.lists(
    st.one_of(
        st.sampled_from([b"\xff", b"\xfe", b"\x80", b"\x1b[2J", b"\r", b"\x07", b"\t", b"\n", b" ", b"..", b"-",
                         "\u202e".encode(), "\u009b".encode(), "📰".encode(), "مقالة".encode(), "東京".encode()]),
        st.binary(min_size=1, max_size=4).map(lambda b: b.replace(b"/", b"_").replace(b"\0", b"_")),
        st.text(alphabet="abcxyz", min_size=1, max_size=12).map(str.encode),
    ),
    min_size=1, max_size=8,
).map(b"".join).filter(lambda b: b not in (b".", b"..") and not b.startswith(b"."))


def _article(i: int, kind: str) -> bytes:
    text = f"Headline number {i}\nThe council of town {i} approved bridge {i * 7} on Monday, the mayor said."
    if kind == ".csv":
        return f'title,text\n"Row {i}","{text.replace(chr(10), " ")}"\n'.encode()
    if kind == ".html":
        return f"<html><head><title>Page {i}</title></head><body><article><h1>Page {i}</h1><p>{text}</p></article></body></html>".encode()
    return text.encode()


def _run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out), redirect_stderr(out):
        code = main(argv)
    return code, out.getvalue()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names=st.lists(st.tuples(name_bytes, st.sampled_from(SUPPORTED)), min_size=1, max_size=6,
                      unique_by=lambda t: t[0] + t[1].encode()),
       link_out=st.booleans(), as_json=st.booleans())
def test_any_file_names_import_with_one_printable_row_each_and_nothing_from_outside(names, link_out, as_json):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "outside.txt").write_text(f"Outside\n{SECRET} must never be imported from a folder.")
        folder = root / "drop"
        folder.mkdir()
        for i, (name, suffix) in enumerate(names):
            with open(os.path.join(os.fsencode(folder), name + suffix.encode()), "wb") as f:
                f.write(_article(i, suffix))
        if link_out:
            (folder / "link.txt").symlink_to(root / "outside.txt")
        project = root / "p.newsprism"

        code, printed = _run(["import", str(folder), "--project", str(project), "--no-analyse",
                              *(["--json"] if as_json else [])])

        assert code in (0, 1)
        assert not (_UNSHOWABLE & set(printed)), repr(printed)
        if as_json:
            rows = json.loads(printed)
            assert len(rows) == len(names) + link_out
            assert sum(r["status"] == "imported" for r in rows) == len(names)
        else:
            assert f"{plural(len(names), 'article')} imported from {plural(len(names), 'file')}" in printed
            assert len(printed.splitlines()) == len(names) + link_out + 1  # a name never breaks its line
        with Project(project) as opened:
            articles = opened.articles()
            assert len(articles) == len(names)
            assert all(SECRET not in a.text for a in articles)
            for article in articles:
                article.source_path.encode("utf-8")  # stored as valid UTF-8, whatever the name's bytes


member_names = st.one_of(
    st.sampled_from(["../../escape.txt", "/etc/cron.d/x.txt", "C:\\Windows\\x.txt", "..\\up.txt", "a/../../b.txt",
                     "dir/", "__MACOSX/._a.txt", ".hidden.txt", "same.txt", "x" * 300 + ".txt", "nul\x01.txt",
                     "news\u202etxt.exe.txt"]),
    st.tuples(st.text(alphabet="ab/._-", min_size=1, max_size=10), st.sampled_from([".txt", ".csv", ".zip", ".bin", ""]))
    .map("".join),
)
contents = st.sampled_from(["article", "empty", "binary", "nested"])


def _member_bytes(kind: str, i: int, depth: int, draw_nested) -> bytes:
    if kind == "article":
        return _article(i, ".txt")
    if kind == "binary":
        return bytes(range(256)) * 8
    if kind == "nested" and depth < 3:
        return draw_nested(depth + 1)
    return b""


@st.composite
def archives(draw, depth: int = 1):
    if draw(st.integers(0, 9)) == 0:  # entries sharing their bytes, written by hand
        count = draw(st.integers(2, 40))
        return _raw_zip([f"e{i}.txt" for i in range(count)], _article(0, ".txt") * 20, shared=True)
    buffer = io.BytesIO()
    method = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
    with zipfile.ZipFile(buffer, "w", method) as z, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Duplicate name": written on purpose
        for i, (name, kind) in enumerate(draw(st.lists(st.tuples(member_names, contents), max_size=6))):
            data = _member_bytes(kind, i, depth, lambda d: draw(archives(depth=d)))
            if name.endswith("/"):
                z.writestr(zipfile.ZipInfo(name), b"")
            else:
                z.writestr(name, data)
    return buffer.getvalue()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=archives())
def test_any_archive_layout_gives_articles_or_messages_and_writes_nothing(data):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path = root / "in" / "upload.zip"
        path.parent.mkdir()
        path.write_bytes(data)
        before = sorted(p for p in root.rglob("*"))
        try:
            articles = read_file(path)
        except UnreadableFile as exc:  # MembersUnreadable too: its good articles are checked below
            articles = getattr(exc, "articles", [])
            assert str(exc)
            for name, why in getattr(exc, "failures", []):
                assert isinstance(name, str) and why
        for article in articles:
            assert article.source_path.startswith(f"{path}/")
            assert ".." not in Path(article.source_path[len(str(path)) + 1:]).parts
        assert sorted(p for p in root.rglob("*")) == before  # nothing unpacked anywhere

        store = ProjectStore(root / "p.newsprism")
        try:
            results = import_paths(store, [path])
        finally:
            store.close()
        assert results[0].source == str(path)
        assert all(r.status in tuple(Status) for r in results)
        assert sum(len(r.article_ids) for r in results) <= len(articles) or not articles
