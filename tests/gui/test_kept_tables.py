"""The window opening a big project from the tables its file keeps (every project counts as big here)."""

from __future__ import annotations

from core.view_state import kept_view


def _rows(window) -> list[tuple]:
    model = window.article_model
    return [tuple(model.index(r, c).data() for c in range(model.columnCount())) for r in range(model.rowCount())]


def test_reopening_shows_the_kept_tables_and_a_story_still_scopes_every_view(window, seven_outlets_window, qtbot,
                                                                          monkeypatch):
    monkeypatch.setattr(kept_view, "KEEP_FROM", 0)
    decoded = []
    made = kept_view.view_data_from
    monkeypatch.setattr(kept_view, "view_data_from", lambda *a: decoded.append(1) or made(*a))
    path = window.project.path
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        window.open_project(path)  # made from the rows, and kept
    shown, chart = _rows(window), window.chart_panel.table.copy()
    assert decoded == [] and len(shown) > 10
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        window.open_project(path)  # the kept tables
    assert decoded == [1]
    assert _rows(window) == shown and window.chart_panel.table.equals(chart)
    data = window.view_data
    story = int(data.story_of.value_counts().idxmax())
    window.docks["stories"].raise_()
    window.story_panel.select_stories([story])
    qtbot.waitUntil(lambda: window.scope.story_id == story, timeout=10_000)
    story_outlets = set(data.articles.loc[data.articles["id"].isin(data.story_of[data.story_of == story].index),
                                          "outlet"])
    assert set(window.chart_panel.table["outlet"]) <= story_outlets and len(story_outlets) >= 2
