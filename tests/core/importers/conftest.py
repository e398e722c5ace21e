"""Importer tests: isolated user folder, the shared real-world fixtures, store snapshots."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # makers.py

SHARED_FIXTURES = Path(__file__).resolve().parents[3] / ".." / "shared" / "fixtures"


@pytest.fixture(autouse=True)
def newsprism_home(tmp_path_factory, monkeypatch):
    """Never read or write a real user's data (outlet table, settings)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("NEWSPRISM_HOME", str(home))
    return home


@pytest.fixture
def store(tmp_path):
    from core.io.store import ProjectStore

    store = ProjectStore(tmp_path / "project.newsprism")
    yield store
    store.close()


def snapshot(store) -> dict[str, list]:
    """Every row of every table of the project file, to prove nothing changed."""
    with store.transaction() as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        dump = {}
        for table in tables:
            rows = db.execute(f"SELECT * FROM {table}").fetchall()
            dump[table] = sorted(tuple("" if v is None else v for v in row) for row in rows)
    return dump


@pytest.fixture
def store_snapshot():
    return snapshot


def project_file_rows(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
