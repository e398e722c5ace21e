"""Fixtures of the workbook tests: the report project, analysed once with the real model."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from core.project import Project
from tests.conftest import SEEDS, date_the_seeds
from tests.core.export.excel_fixtures import PLANET


@pytest.fixture(scope="session")
def _report_file(tmp_path_factory, nlp):
    """The two seed articles plus a Daily Planet article that reuses three of Yahoo News' sentences,
    dated, with the Planet in Yahoo's story: two stories, one of them covered by two of three outlets."""
    folder = tmp_path_factory.mktemp("report")
    planet = folder / "Daily Planet"
    planet.mkdir()
    (planet / "kim.txt").write_text(PLANET, encoding="utf-8")
    path = folder / "report.newsprism"
    with Project(path) as project:
        project.import_paths([SEEDS, planet])
        project.analyse()
        date_the_seeds(project)
        story_of = project.story_of()
        outlets = project.articles_frame().set_index("id")["outlet"]
        by_outlet = {outlets[a]: int(s) for a, s in story_of.items()}
        if by_outlet["Daily Planet"] != by_outlet["Yahoo News"]:
            project.merge_stories([by_outlet["Yahoo News"], by_outlet["Daily Planet"]])
    return path


@pytest.fixture
def report_project(_report_file, tmp_path):
    """A fresh copy of the report project, open."""
    path = tmp_path / "report.newsprism"
    shutil.copy(_report_file, path)
    project = Project(path)
    yield project
    project.close()


@pytest.fixture
def report(report_project, tmp_path):
    """The report project, its workbook, and the workbook's sheets read by pandas."""
    target = report_project.export_xlsx(tmp_path / "report.xlsx")
    return report_project, target, pd.read_excel(target, sheet_name=None)


#: Generated articles in the corpus project: 5 stories, 9 outlets (benchmarks.corpus, seed 0).
CORPUS_ARTICLES = 24


@pytest.fixture(scope="session")
def corpus_export(tmp_path_factory, nlp):
    """A project of generated articles from many outlets, analysed, and its workbook (read only, once)."""
    from benchmarks.corpus import write_corpus

    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder / "articles", CORPUS_ARTICLES)
    project = Project(folder / "corpus.newsprism")
    project.import_paths([folder / "articles"])
    project.analyse()
    target = project.export_xlsx(folder / "corpus.xlsx")
    yield project, target
    project.close()
