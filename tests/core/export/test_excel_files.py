"""Export as a file operation: progress, cancel, replacing files, unwritable targets, big tables."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

import pandas as pd
import pytest

from core.export import excel_output, excel_writer
from core.export.excel import ExportError
from core.project import Project
from core.tasks import Cancelled, TaskState
from tests.core.export.excel_fixtures import synthetic_project, table_rows, workbook


@pytest.fixture
def project(tmp_path):
    project = synthetic_project(tmp_path / "synthetic.newsprism", 60, 10)
    yield project
    project.close()


@pytest.fixture
def private_tmp(tmp_path, monkeypatch):
    """openpyxl's own temporary sheet files go here, so the test can see them."""
    folder = tmp_path / "openpyxl-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _cancel_when(predicate) -> TaskState:
    state = TaskState()

    def on_progress(fraction, message):
        if predicate(fraction, message):
            state.cancel()

    state._on_progress = on_progress
    return state


def test_progress_rises_to_one_and_names_the_sheets(project, tmp_path):
    seen = []
    project.export_xlsx(tmp_path / "out.xlsx", state=TaskState(lambda f, m: seen.append((f, m))))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    messages = " ".join(m for _, m in seen)
    assert "Entity mentions" in messages and "Saving" in messages


def test_cancel_leaves_no_file_and_no_temporary_files(project, tmp_path, private_tmp):
    target = tmp_path / "out.xlsx"
    state = _cancel_when(lambda f, m: "Entity mentions" in m)
    with pytest.raises(Cancelled):
        project.export_xlsx(target, state=state)
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".part", ".xlsx")] == []
    assert list(private_tmp.iterdir()) == []


def test_cancel_keeps_an_existing_file_intact(project, tmp_path):
    target = tmp_path / "out.xlsx"
    project.export_xlsx(target)
    before = target.read_bytes()
    with pytest.raises(Cancelled):
        project.export_xlsx(target, state=_cancel_when(lambda f, m: "Saving" in m))
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".part")) == []


def test_a_finished_export_replaces_the_old_file(project, tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old workbook")
    project.export_xlsx(target)
    assert target.read_bytes()[:2] == b"PK" and "Articles" in workbook(target).sheetnames


def test_target_that_is_a_folder_or_in_a_missing_folder_gets_a_clear_error(project, tmp_path):
    with pytest.raises(ExportError, match="is a folder"):
        project.export_xlsx(tmp_path)
    with pytest.raises(ExportError, match="does not exist"):
        project.export_xlsx(tmp_path / "missing" / "out.xlsx")


def _read_only(path):
    """Make ``path`` unwritable (for root too: the immutable flag); returns the undo."""
    if os.name == "posix" and os.geteuid() == 0:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(path)]).returncode != 0:
            pytest.skip("cannot make a file read-only for root here")
        return lambda: subprocess.run(["chattr", "-i", str(path)], check=True)
    mode = path.stat().st_mode
    os.chmod(path, 0o555 if path.is_dir() else 0o444)
    return lambda: os.chmod(path, mode)


def test_read_only_file_and_folder_get_a_clear_error(project, tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "out.xlsx").write_bytes(b"old")
    undo = _read_only(locked / "out.xlsx")
    try:
        with pytest.raises(ExportError, match="read-only or open in another program"):
            project.export_xlsx(locked / "out.xlsx")
    finally:
        undo()
    undo = _read_only(locked)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            project.export_xlsx(locked / "new.xlsx")
    finally:
        undo()
    assert (locked / "out.xlsx").read_bytes() == b"old" and not (locked / "new.xlsx").exists()


def test_a_file_locked_by_another_program_gets_a_clear_error_and_stays_intact(project, tmp_path, monkeypatch):
    """Excel on Windows locks an open workbook: renaming over it fails with PermissionError."""
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"open in Excel")

    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file", str(dst))

    monkeypatch.setattr(excel_output.os, "replace", locked)
    with pytest.raises(ExportError, match="open in another program"):
        project.export_xlsx(target)
    assert target.read_bytes() == b"open in Excel"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_a_table_longer_than_the_row_limit_continues_on_another_sheet(project, tmp_path, monkeypatch):
    monkeypatch.setattr(excel_writer, "MAX_DATA_ROWS", 250)
    target = project.export_xlsx(tmp_path / "out.xlsx")
    book = workbook(target)
    parts = [name for name in book.sheetnames if name.startswith("Entity mentions")]
    assert parts[:2] == ["Entity mentions", "Entity mentions (2)"]
    rows = [row for name in parts for row in table_rows(book[name])]
    assert len(rows) == len(project.mentions()) and all(len(table_rows(book[n])) <= 250 for n in parts)
    assert {t for name in parts for t in book[name].tables} == {"EntityMentions", *(f"EntityMentions{i}" for i in range(2, len(parts) + 1))}


def test_an_empty_project_exports_valid_empty_tables(tmp_path):
    with Project(tmp_path / "empty.newsprism") as project:
        target = project.export_xlsx(tmp_path / "empty.xlsx")
    book = workbook(target)
    assert "Top entities" not in book.sheetnames
    for name in ("Articles", "Entity mentions", "Entities by outlet", "Entity matrix", "Coverage"):
        assert book[name].tables, name
        assert pd.read_excel(target, sheet_name=name).empty


def test_an_empty_selection_is_refused(project, tmp_path):
    with pytest.raises(ExportError, match="No articles are selected"):
        project.export_xlsx(tmp_path / "out.xlsx", article_ids=[])


def test_the_command_line_reports_an_unwritable_target_clearly(project, tmp_path, capsys):
    from core.cli import main

    project.close()
    assert main(["export", "--project", str(project.path), "--xlsx", str(tmp_path)]) == 1
    assert "is a folder; choose a file name" in capsys.readouterr().err
    assert main(["export", "--project", str(project.path), "--xlsx", str(tmp_path / "ok.xlsx")]) == 0
    assert (tmp_path / "ok.xlsx").exists()
