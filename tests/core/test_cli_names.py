"""Hostile file names through newsprism-cli: every file imported, every name printed harmlessly."""

from __future__ import annotations

import json
import os

from core.cli import main
from core.project import Project

BODY = b"\nThe council of Springfield approved the harbour bridge on Monday, the mayor said."


def _write(folder, name: bytes, title: bytes) -> None:
    with open(os.path.join(os.fsencode(folder), name), "wb") as f:
        f.write(title + BODY + b" " + title)


def test_a_name_that_is_not_utf8_is_imported_with_the_files_after_it(tmp_path, capsys):
    folder = tmp_path / "drop"
    folder.mkdir()
    _write(folder, b"a-caf\xff.txt", b"First headline")
    _write(folder, b"b-plain.txt", b"Second headline")
    _write(folder, b"c-plain.txt", b"Third headline")
    project = tmp_path / "names.newsprism"

    assert main(["import", str(folder), "--project", str(project), "--no-analyse"]) == 0
    out = capsys.readouterr().out
    assert "3 articles imported from 3 files; 0 files failed" in out
    assert "a-caf\\xff.txt" in out

    assert main(["import", str(folder), "--project", str(tmp_path / "j.newsprism"), "--no-analyse", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["status"] for r in rows] == ["imported"] * 3
    assert rows[0]["source"].endswith("a-caf\\xff.txt")
    with Project(project) as opened:
        assert sorted(os.path.basename(a.source_path) for a in opened.articles()) == [
            "a-caf\\xff.txt", "b-plain.txt", "c-plain.txt"]


def test_control_characters_in_names_are_printed_as_escapes(tmp_path, capsys):
    folder = tmp_path / "drop"
    folder.mkdir()
    _write(folder, b"red\x1b[31mname\rOVER.txt", b"Escape headline")
    (folder / "bell\x07\x9b.txt").write_bytes(b"")  # U+009B (CSI); empty: fails, its name printed too

    main(["import", str(folder), "--project", str(tmp_path / "p.newsprism"), "--no-analyse"])
    captured = capsys.readouterr()
    printed = captured.out + captured.err
    assert "red\\x1b[31mname\\x0dOVER.txt" in printed
    assert "bell\\x07\\x9b.txt: the file is empty" in printed
    assert not any(c in printed for c in "\x1b\r\x07\x9b")
