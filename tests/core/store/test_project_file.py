"""The project file under attack: foreign, read-only, immutable, damaged, on a full disk.

Each case gives a message and a clean exit code through newsprism-cli, and
never changes a file that is not a project or may not be changed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import textwrap

import openpyxl
import pytest

from core.cli import main
from core.store.store import ProjectError
from core.project import Project
from tests.conftest import REPO


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _article_file(folder, name: str, words: int = 60):
    path = folder / name
    body = " ".join(f"{name.split('.')[0]}word{i}" for i in range(words))
    path.write_text(f"Headline of {name}\nThe council in Springfield met on Monday. {body}.")
    return path


@pytest.mark.parametrize("version", [0, 7])
def test_another_applications_sqlite_file_is_refused_and_never_written(tmp_path, capsys, version):
    foreign = tmp_path / "addresses.newsprism"
    db = sqlite3.connect(foreign)
    db.executescript(f"CREATE TABLE people (name TEXT, email TEXT); INSERT INTO people VALUES ('Ann', 'a@x');"
                     f"PRAGMA user_version = {version};")
    db.close()
    before = _digest(foreign)
    text = _article_file(tmp_path, "one.txt")

    for argv in (["summary"], ["import", str(text)], ["export", "--xlsx", str(tmp_path / "x.xlsx")]):
        assert main([*argv, "--project", str(foreign)]) == 1, argv
        err = capsys.readouterr().err
        assert "not a Newsprism project" in err, err
    with pytest.raises(ProjectError, match="not a Newsprism project"):
        Project(foreign)
    assert _digest(foreign) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["addresses.newsprism", "one.txt"]


@pytest.fixture
def read_only_project(_analysed_seeds_file, tmp_path):
    """A copy of the analysed sample project without its stored counts, made read-only."""
    path = tmp_path / "shared.newsprism"
    shutil.copy(_analysed_seeds_file, path)
    db = sqlite3.connect(path)
    db.execute("DELETE FROM meta WHERE key = 'counted_mentions_stamp'")  # summary must count without saving
    db.commit()
    db.close()
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    yield path
    path.chmod(0o644)


def test_a_read_only_project_is_summarised_compared_and_exported_and_refuses_edits(read_only_project, tmp_path, capsys):
    before = _digest(read_only_project)

    assert main(["summary", "--project", str(read_only_project)]) == 0
    assert "Newsweek" in capsys.readouterr().out
    assert main(["compare", "--project", str(read_only_project)]) == 0
    assert "Story 1" in capsys.readouterr().out
    target = tmp_path / "report.xlsx"
    assert main(["export", "--project", str(read_only_project), "--xlsx", str(target)]) == 0
    assert "Articles" in openpyxl.load_workbook(target, read_only=True).sheetnames

    assert main(["import", str(_article_file(tmp_path, "new.txt")), "--project", str(read_only_project)]) == 1
    assert "read-only" in capsys.readouterr().err
    with Project(read_only_project) as project:
        assert project.read_only
        with pytest.raises(ProjectError, match="read-only"):
            project.rename_story(1, "Renamed")
        with pytest.raises(ProjectError, match="read-only"):
            project.edit_article(project.articles()[0].id, title="Edited")
        project.save_as(tmp_path / "copy.newsprism")  # the way out: a writable copy
    with Project(tmp_path / "copy.newsprism") as copy:
        assert not copy.read_only
        copy.rename_story(1, "Renamed")
    assert _digest(read_only_project) == before


def _chattr(flag: str, path) -> bool:
    try:
        return subprocess.run(["chattr", flag, str(path)], capture_output=True).returncode == 0
    except OSError:
        return False


def test_an_immutable_project_gives_a_message_on_import_and_opens_read_only(tmp_path, capsys):
    project = tmp_path / "frozen.newsprism"
    assert main(["import", str(_article_file(tmp_path, "one.txt")), "--project", str(project), "--no-analyse"]) == 0
    capsys.readouterr()
    if not _chattr("+i", project):
        pytest.skip("chattr +i needs root on a file system that supports it")
    try:
        assert main(["import", str(_article_file(tmp_path, "two.txt")), "--project", str(project), "--no-analyse"]) == 1
        assert "read-only" in capsys.readouterr().err
        assert main(["summary", "--project", str(project), "--json"]) == 0
    finally:
        _chattr("-i", project)


def _damage_the_articles_table(path) -> None:
    db = sqlite3.connect(path)
    page_size = db.execute("PRAGMA page_size").fetchone()[0]
    root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'articles'").fetchone()[0]
    db.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(bytes(range(7, 256)) * (page_size // 249) + b"\x00" * (page_size % 249))


def test_a_project_with_a_damaged_page_gives_a_message_per_file_and_on_export(_analysed_seeds_file, tmp_path, capsys):
    project = tmp_path / "damaged.newsprism"
    shutil.copy(_analysed_seeds_file, project)
    _damage_the_articles_table(project)
    files = [_article_file(tmp_path, "one.txt"), _article_file(tmp_path, "two.txt")]

    assert main(["import", *map(str, files), "--project", str(project)]) == 1
    failed = [line for line in capsys.readouterr().out.splitlines() if line.startswith("FAILED")]
    assert len(failed) == 2 and all("could not be saved" in line and "is damaged" in line for line in failed), failed
    assert main(["export", "--project", str(project), "--xlsx", str(tmp_path / "r.xlsx")]) == 1
    assert "damaged" in capsys.readouterr().err
    assert main(["summary", "--project", str(project)]) == 1
    assert "damaged" in capsys.readouterr().err


_FULL_DISK_CHILD = textwrap.dedent("""
    import resource, signal, sys
    from core.cli import main
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG, as on a full disk
    limit = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    sys.exit(main(sys.argv[2:]))
""")


def test_a_full_disk_during_import_gives_a_message_per_file_and_loses_nothing(tmp_path):
    project = tmp_path / "full.newsprism"
    assert main(["import", str(_article_file(tmp_path, "first.txt")), "--project", str(project), "--no-analyse"]) == 0
    with Project(project):
        pass  # checkpointed: the file holds everything
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(12):
        _article_file(folder, f"big{i:02d}.txt", words=6_000)
    limit = project.stat().st_size + 160 * 1024
    child = subprocess.run(
        [sys.executable, "-c", _FULL_DISK_CHILD, str(limit), "import", str(folder), "--project", str(project), "--no-analyse"],
        capture_output=True, text=True, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=300,
    )
    assert "Traceback" not in child.stderr, child.stderr
    assert child.returncode in (0, 1), child.stderr
    failed = [line for line in child.stdout.splitlines() if line.startswith("FAILED")]
    imported = [line for line in child.stdout.splitlines() if line.startswith("IMPORTED")]
    assert failed and all("could not be saved" in line for line in failed), child.stdout
    with Project(project) as opened:  # what was reported imported is there, and the first import too
        titles = {a.title for a in opened.articles()}
    assert "Headline of first.txt" in titles
    assert len(titles) == 1 + len(imported)


def test_a_project_missing_a_table_gives_a_message(_analysed_seeds_file, tmp_path, capsys):
    project = tmp_path / "incomplete.newsprism"
    shutil.copy(_analysed_seeds_file, project)
    db = sqlite3.connect(project)
    db.execute("DROP TABLE story_members")
    db.commit()
    db.close()
    assert main(["summary", "--project", str(project)]) == 1
    assert "incomplete.newsprism is damaged or incomplete" in capsys.readouterr().err
