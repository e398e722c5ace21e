"""Shared fixtures: isolated user folders, the real spaCy model loaded once, fixture paths."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
#: Real articles and fixtures that may not be copied into the repo: CI has them beside the checkout.
SHARED = REPO.parent / "shared"
SHARED_FIXTURES = SHARED / "fixtures"
#: Real coverage with true story labels (150 articles, 3 outlets, 50 events).
REAL_STORIES = SHARED / "dev-data" / "real-news-stories" / "articles.csv"
#: Set to 1 where ../shared is absent on purpose: the tests that need it skip instead of failing.
NO_SHARED = "NEWSPRISM_NO_SHARED"


def require_shared(path: Path) -> Path:
    """A file or folder of ``../shared`` the tests need.

    Missing, the test fails and says where it looked: a silent skip would let CI
    pass without the real-world fixtures. ``NEWSPRISM_NO_SHARED=1`` skips instead.
    """
    if not path.exists():
        missing = f"{path} is missing: the tests need ../shared beside the checkout (as CI has it)"
        if os.environ.get(NO_SHARED) == "1":
            pytest.skip(f"{missing}; {NO_SHARED}=1 says it is absent on purpose")
        pytest.fail(f"{missing}, or {NO_SHARED}=1 to skip the tests that use it", pytrace=False)
    return path


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


#: When the two sample articles were published (the events they report: Kim's expected
#: trip to Vladivostok in September 2023, Putin's arrival in Pyongyang on 19 June 2024).
#: The files carry no dates; undated, the two related events are one story.
SEED_DATES = {"Yahoo News": "2023-09-05", "Newsweek": "2024-06-19"}


def date_the_seeds(project):
    """Set the sample articles' dates as a user would in the Articles table, and regroup: two stories."""
    for article in project.articles():
        if article.outlet in SEED_DATES:
            project.edit_article(article.id, date=SEED_DATES[article.outlet])
    project.update_stories()
    return project


#: Derived tables: the meta counters move on, the kept entity counts are made again after a change.
DERIVED_TABLES = ("meta", "counted_entities", "counted_mentions", "counted_outlets")


def project_tables(path) -> dict[str, list[tuple]]:
    """Every row of every table of a project file but :data:`DERIVED_TABLES`, with rowids."""
    import sqlite3

    db = sqlite3.connect(path)
    try:
        names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                 if r[0] not in DERIVED_TABLES]
        return {name: db.execute(f"SELECT rowid, * FROM {name} ORDER BY rowid").fetchall() for name in names}
    finally:
        db.close()


@pytest.fixture
def dated_seeds_project(seeds_project):
    """The sample project with its dates set: each article a story of its own."""
    return date_the_seeds(seeds_project)


@pytest.fixture
def seeds_project(_analysed_seeds_file, tmp_path):
    """A fresh copy of the analysed sample project, open; closed after the test."""
    from core.project import Project

    path = tmp_path / "seeds.newsprism"
    shutil.copy(_analysed_seeds_file, path)
    project = Project(path)
    yield project
    project.close()


def fixture_file(relative: str) -> Path:
    """A file of ``../shared/fixtures``; missing, the test fails (see :func:`require_shared`)."""
    return require_shared(SHARED_FIXTURES / relative)
