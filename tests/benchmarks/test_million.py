"""The synthetic big project (benchmarks/million.py) opens as an analysed one: small here, the same code."""

from __future__ import annotations

from benchmarks.million import write
from core.analysis.analyse import articles_to_analyse
from core.project import Project
from core.tasks import TaskState
from core.text.names import DEFAULT_TYPES
from core.view_state import kept_view
from core.view_state.view_data import load_view_data, make_view_data


def test_a_generated_project_opens_from_its_kept_tables(tmp_path, monkeypatch):
    monkeypatch.setattr(kept_view, "KEEP_FROM", 100)
    path = tmp_path / "big.newsprism"
    assert write(path, 300)["articles"] == 300
    decoded = []
    made = kept_view.view_data_from
    monkeypatch.setattr(kept_view, "view_data_from", lambda *a: decoded.append(1) or made(*a))
    with Project(path) as project:
        data = load_view_data(project, tuple(DEFAULT_TYPES), state=TaskState())
        assert decoded == [1] and len(data.article_rows) == 300 and not data.stories.empty
        fresh = make_view_data(project, tuple(DEFAULT_TYPES), state=TaskState())
        assert data.article_rows.equals(fresh.article_rows) and data.entities.equals(fresh.entities)
        assert set(data.outlets) == set(fresh.outlets) and len(data.outlets) == 10
        todo, current = articles_to_analyse(project.store, project.model)
        assert (todo, current) == ([], 300)  # analysed, as far as the analysis can tell
