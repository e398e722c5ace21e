"""Importer tests: an isolated user folder and project store, and store snapshots."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def newsprism_home(tmp_path_factory, monkeypatch):
    """Never read or write a real user's data (outlet table, settings)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("NEWSPRISM_HOME", str(home))
    return home


@pytest.fixture
def store(tmp_path):
    from core.store.store import ProjectStore

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
