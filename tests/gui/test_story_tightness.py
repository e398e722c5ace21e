"""Stories view: "Group stories: looser … tighter" regroups the project at once and keeps the user's edits."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _story_count(window) -> int:
    return window.story_panel.model.rowCount()


def test_the_slider_regroups_and_shows_the_projects_tightness(window, undated_seeds_file, qtbot):
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        assert window.open_project(undated_seeds_file)
    panel = window.story_panel
    assert panel.tightness.value() == panel.STEPS // 2 and _story_count(window) == 1
    assert panel.tightness.isVisible()
    with qtbot.waitSignal(window.controller.storiesRegrouped, timeout=60_000) as regrouped:
        panel.tightness.setValue(panel.STEPS)  # tightest: the two related events come apart
    assert regrouped.args == [2]
    qtbot.waitUntil(lambda: _story_count(window) == 2, timeout=30_000)
    assert window.project.story_tightness() == 1.0
    assert "2 stories" in window.statusBar().currentMessage()

    story_ids = panel.selected_story_ids() or [int(panel.row_values(0)["id"])]
    window.project.rename_story(story_ids[0], "Kept name")  # the user's own name survives regrouping
    panel.tightness.setFocus()
    with qtbot.waitSignal(window.controller.storiesRegrouped, timeout=60_000):
        for _ in range(panel.STEPS // 2):
            qtbot.keyClick(panel.tightness, Qt.Key.Key_Left)  # one regrouping after the keys settle
    qtbot.waitUntil(lambda: _story_count(window) == 1, timeout=30_000)
    assert window.project.story_tightness() == 0.5
    names = {panel.row_values(r)["name"] for r in range(_story_count(window))}
    assert names == {"Kept name"}


def test_reopening_shows_the_tightness_kept_in_the_project(window, undated_seeds_file, qtbot):
    from core.project import Project

    with Project(undated_seeds_file) as project:
        project.set_story_tightness(0.8)
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        assert window.open_project(undated_seeds_file)
    assert window.story_panel.tightness.value() == round(0.8 * window.story_panel.STEPS)
