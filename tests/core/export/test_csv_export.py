"""CSV export: one UTF-8 (BOM) file per table, formula-safe, all or nothing."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from core.export.excel import export_table
from core.project import Project
from core.tasks import Cancelled, TaskState
from tests.core.export.excel_fixtures import article_with, store_articles, synthetic_project

TABLES = ["Summary", "Articles", "Entity mentions", "Entities by outlet", "Entity matrix", "Coverage"]


@pytest.fixture
def project(tmp_path):
    project = synthetic_project(tmp_path / "synthetic.newsprism", 12, 6)
    store_articles(project, [article_with("Vladimir Putin spoke.", title='=HYPERLINK("http://x","y") Putin',
                                          outlet="Zürich Zeitung")])
    yield project
    project.close()


def _read(path) -> pd.DataFrame:
    return pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False)


def test_one_csv_per_table_with_bom_and_the_workbook_counts(project, tmp_path):
    paths = project.export_csv(tmp_path / "csv")
    assert paths[0].stem == "Summary" and set(TABLES) <= {p.stem for p in paths}
    assert all(p.read_bytes().startswith(b"\xef\xbb\xbf") for p in paths)
    mentions = _read(tmp_path / "csv" / "Entity mentions.csv")
    long = _read(tmp_path / "csv" / "Entities by outlet.csv")
    assert Counter(zip(mentions["Outlet"], mentions["Entity"])) == dict(zip(zip(long["Outlet"], long["Entity"]), long["Mentions"]))
    articles = _read(tmp_path / "csv" / "Articles.csv")
    assert len(articles) == 13 and "Zürich Zeitung" in set(articles["Outlet"])
    summary = _read(tmp_path / "csv" / "Summary.csv")
    assert dict(zip(summary["Item"], summary["Value"]))["Articles"] == "13"


def test_formula_like_text_gets_an_apostrophe(project, tmp_path):
    project.export_csv(tmp_path / "csv")
    titles = set(_read(tmp_path / "csv" / "Articles.csv")["Title"])
    assert "'=HYPERLINK(\"http://x\",\"y\") Putin" in titles
    assert not any(t.startswith("=") for t in titles)


def test_cancel_writes_nothing_and_keeps_old_files(project, tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "Articles.csv").write_text("old")
    state = TaskState()
    state._on_progress = lambda f, m: state.cancel() if "Entity mentions" in m else None
    with pytest.raises(Cancelled):
        project.export_csv(folder, state=state)
    assert sorted(p.name for p in folder.iterdir()) == ["Articles.csv"]
    assert (folder / "Articles.csv").read_text() == "old"


def test_a_selection_and_a_single_view(project, tmp_path):
    first = project.articles()[0]
    project.export_csv(tmp_path / "one", article_ids=[first.id])
    assert list(_read(tmp_path / "one" / "Articles.csv")["Article id"]) == [first.id]
    frame = pd.DataFrame({"Entity": ["@Kremlin", "Putin"], "Mentions": [1, -2]})
    export_table(frame, tmp_path / "view.csv")
    back = _read(tmp_path / "view.csv")
    assert list(back["Entity"]) == ["'@Kremlin", "Putin"] and list(back["Mentions"]) == [1, -2]


def test_empty_project_gives_header_only_files(tmp_path):
    with Project(tmp_path / "empty.newsprism") as project:
        paths = project.export_csv(tmp_path / "csv")
    assert all(_read(p).empty for p in paths if p.stem != "Summary")
    assert "Article id" in _read(tmp_path / "csv" / "Articles.csv").columns
