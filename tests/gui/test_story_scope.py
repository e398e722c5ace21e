"""Story scope: choosing a story scopes every view to it; the story comparison page matches `compare`."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.analysis.story_comparison import COLUMNS


def _story_of_outlet(window, outlet: str) -> int:
    data = window.view_data
    article = data.articles.loc[data.articles["outlet"] == outlet, "id"].iloc[0]
    return int(data.story_of[article])


def _choose(window, qtbot, story_id: int) -> None:
    window.docks["stories"].raise_()
    window.story_panel.select_stories([story_id])
    qtbot.waitUntil(lambda: window.scope.story_id == story_id, timeout=10_000)


def test_choosing_a_story_scopes_every_view_and_one_click_shows_the_whole_project(open_window, qtbot):
    window = open_window  # the dated sample: one story per outlet
    whole_entities = set(window.chart_panel.table["entity"])
    story = _story_of_outlet(window, "Newsweek")
    _choose(window, qtbot, story)
    assert window.scope_bar.label.text().startswith("Story: ") and "1 outlet" in window.scope_bar.label.text()
    assert window.scope_bar.whole_button.isVisible()
    assert window.chart_panel.outlets == ["Newsweek"]
    assert set(window.chart_panel.table["outlet"]) == {"Newsweek"}
    assert set(window.chart_panel.table["entity"]) < whole_entities  # Wagner is Yahoo's only
    listed = window.entity_panel.model.frame()
    assert "Wagner" not in set(listed["entity"]) and "Wagner" in whole_entities
    qtbot.waitUntil(lambda: window.quotes_panel.model.rowCount() > 0, timeout=30_000)
    assert set(window.quotes_panel.model.frame()["outlet"]) == {"Newsweek"}
    qtbot.waitUntil(lambda: not window.controller.terms.is_running(), timeout=30_000)
    terms = window.terms_panel.model.frame()
    assert terms.empty or set(terms["outlet"]) <= {"Newsweek"}  # one outlet: nothing to compare within it
    assert window.side_by_side.shown_ids() == list(window.scope.tables.articles["id"])
    window.select_entity("Kim Jong Un")  # dated: the timeline draws the story's outlet only
    qtbot.waitUntil(lambda: bool(window.timeline.lines), timeout=10_000)
    assert sorted(window.timeline.lines) == ["Newsweek"]

    qtbot.mouseClick(window.scope_bar.whole_button, Qt.MouseButton.LeftButton)
    assert window.scope.story_id is None and window.scope_bar.label.text().startswith("Whole project")
    assert not window.scope_bar.whole_button.isVisible()
    assert set(window.chart_panel.table["outlet"]) == {"Newsweek", "Yahoo News"}
    assert "Wagner" in set(window.entity_panel.model.frame()["entity"])
    assert sorted(window.timeline.lines) == ["Newsweek", "Yahoo News"]


def test_selecting_articles_of_one_story_scopes_to_it(open_window, qtbot):
    window = open_window
    yahoo = window.view_data.articles.loc[window.view_data.articles["outlet"] == "Yahoo News", "id"].iloc[0]
    window.article_panel.select_ids([yahoo])
    qtbot.waitUntil(lambda: window.scope.story_id == _story_of_outlet(window, "Yahoo News"), timeout=10_000)
    both = list(window.view_data.articles["id"])
    window.article_panel.select_ids(both)  # two stories: the whole project
    qtbot.waitUntil(lambda: window.scope.story_id is None, timeout=10_000)


def test_the_comparison_page_shows_the_numbers_of_compare(window, undated_seeds_file, qtbot, tmp_path):
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        assert window.open_project(undated_seeds_file)  # undated: both outlets in one story
    story = int(window.view_data.stories["id"].iloc[0])
    _choose(window, qtbot, story)
    qtbot.waitUntil(lambda: window.comparison_panel.story_id == story, timeout=60_000)
    qtbot.mouseClick(window.scope_bar.compare_button, Qt.MouseButton.LeftButton)
    assert window.docks["comparison"].isVisible()
    page = window.comparison_panel
    expected = window.project.story_comparison_table(story).set_index("Outlet")
    comparison = window.project.compare_story(story)
    for outlet in ("Newsweek", "Yahoo News"):
        assert page.cell("Articles", outlet) == "1"
        assert page.cell("Quotes", outlet) == f"{expected.loc[outlet, 'Quotes']:,}"
        assert page.cell("Anonymous sourcing", outlet) == f"{comparison['outlets'][outlet]['anonymous_share']:.0%}"
        assert page.cell("Shared text", outlet) == f"{expected.loc[outlet, 'Shared text']:.0%}"
    assert page.table.verticalHeaderItem(0).toolTip() == COLUMNS["Articles"]
    assert "Covered by Newsweek, Yahoo News" in page.title.text()

    target = tmp_path / "page.xlsx"
    with qtbot.waitSignal(window.controller.exportFinished, timeout=60_000):
        window.controller.export_story_comparison(story, target)
    assert target.exists() and target.stat().st_size > 0
