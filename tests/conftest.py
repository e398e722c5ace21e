"""Shared fixtures: isolated user folders, the real spaCy model loaded once, fixture paths."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED_FIXTURES = REPO.parent / "shared" / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    """Tests never read or write a real user's settings or projects."""
    home = tmp_path_factory.mktemp("newsprism-home")
    monkeypatch.setenv("NEWSPRISM_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def nlp():
    """The real English pipeline, loaded once for the whole run."""
    from core.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def _analysed_seeds_file(tmp_path_factory, nlp):
    from core.project import Project

    path = tmp_path_factory.mktemp("seeds-project") / "seeds.newsprism"
    with Project(path) as project:
        project.import_paths([SEEDS])
        project.analyse()
    return path


@pytest.fixture
def seeds_project(_analysed_seeds_file, tmp_path):
    """A fresh copy of the analysed sample project, open; closed after the test."""
    from core.project import Project

    path = tmp_path / "seeds.newsprism"
    shutil.copy(_analysed_seeds_file, path)
    project = Project(path)
    yield project
    project.close()
