"""Entity and story edits as a user makes them: merge by dragging, Ctrl+Z, story merge/split/move."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QInputDialog

from gui.views.entity_table_view import entity_mime
from tests.gui.helpers import row_of


def _totals(window):
    return window.chart_panel.chart.rows.groupby("entity")["mentions"].sum()


def _dialog(window) -> QInputDialog:
    dialogs = [d for d in window.findChildren(QInputDialog) if d.objectName() == "entityDialog" and d.isVisible()]
    assert dialogs, "no name dialog opened"
    return dialogs[-1]


def _undo(window, qtbot):
    """Ctrl+Z as the user presses it."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.Undo))


def _drop_entity(panel, names, onto) -> bool:
    table = panel.table
    index = table.model().index(row_of(table.model(), 0, onto), 0)
    table.scrollTo(index)
    rect = table.visualRect(index)
    mime, at = entity_mime(names), rect.center()  # a QPoint for enter, a QPointF for drop
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at, Qt.DropAction.MoveAction, mime, buttons, keys)
    QApplication.sendEvent(table.viewport(), enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(at), Qt.DropAction.MoveAction, mime, buttons, keys)
    QApplication.sendEvent(table.viewport(), drop)
    return drop.isAccepted()


def test_dragging_an_entity_onto_another_merges_them_and_ctrl_z_undoes_it(open_window, qtbot):
    window = open_window
    before = _totals(window)
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        assert _drop_entity(window.entity_panel, ["Kremlin"], "Moscow")
    merged = _totals(window)
    assert "Kremlin" not in merged.index
    assert merged["Moscow"] == before["Kremlin"] + before["Moscow"]
    assert window.project.entity_names("Moscow") == sorted(["Kremlin", "Moscow"])
    _undo(window, qtbot)
    assert _totals(window).to_dict() == before.to_dict()
    assert "Kremlin" in window.chart_panel.chart.entities or "Kremlin" in _totals(window).index
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        window.undo_stack.redo()
    assert "Kremlin" not in _totals(window).index


def test_undo_of_a_rename_and_of_a_split_restores_what_was_there(open_window, qtbot):
    window = open_window
    before = _totals(window)
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        window.edits.merge_entities(["Moscow", "Kremlin"], "Moscow")
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        window.edits.split_entity("Kremlin")
    assert _totals(window)["Kremlin"] == before["Kremlin"]
    _undo(window, qtbot)  # the split: Kremlin counts as Moscow again (the earlier merge is kept)
    assert "Kremlin" not in _totals(window).index
    _undo(window, qtbot)  # the merge
    assert _totals(window).to_dict() == before.to_dict()

    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        window.edits.rename_entity("Vladimir Putin", "Vladimir V. Putin")
    assert "Vladimir V. Putin" in window.chart_panel.chart.entities
    _undo(window, qtbot)
    assert "Vladimir Putin" in window.chart_panel.chart.entities
    assert "Vladimir V. Putin" not in window.chart_panel.chart.entities


def test_renaming_a_story_can_be_undone(open_window, qtbot):
    window = open_window
    names = lambda: dict(zip(window.view_data.stories["id"], window.view_data.stories["name"]))  # noqa: E731
    story_id, old = next(iter(names().items()))
    window.story_panel.select_stories([story_id])
    qtbot.mouseClick(window.story_panel.rename_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(window)
    dialog.setTextValue("Summit in Pyongyang")
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        dialog.accept()
    assert names()[story_id] == "Summit in Pyongyang"
    _undo(window, qtbot)
    assert names()[story_id] == old


def _split_off(window, qtbot, article_id: str, name: str) -> None:
    """Select one article, press Split off in the Stories view and name the new story."""
    window.article_panel.select_ids([article_id])
    qtbot.mouseClick(window.story_panel.split_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(window)
    dialog.setTextValue(name)
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        dialog.accept()


def _story_count(window) -> int:
    return len(window.view_data.stories)


def test_split_off_move_and_merge_stories_from_the_stories_view(open_window, qtbot):
    window = open_window
    panel = window.story_panel
    window.docks["stories"].raise_()
    ids = [window.article_model.article_id(r) for r in range(window.article_model.rowCount())]
    story_of = window.view_data.story_of
    count = _story_count(window)
    if story_of[ids[0]] != story_of[ids[1]]:  # put both in one story first, through the view
        panel.select_stories([int(story_of[ids[0]]), int(story_of[ids[1]])])
        assert panel.merge_button.isEnabled()
        with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
            qtbot.mouseClick(panel.merge_button, Qt.MouseButton.LeftButton)
        count -= 1
        assert _story_count(window) == count

    _split_off(window, qtbot, ids[1], "Newsweek's angle")
    assert _story_count(window) == count + 1
    story_of = window.view_data.story_of
    assert story_of[ids[0]] != story_of[ids[1]]
    names = dict(zip(window.view_data.stories["id"], window.view_data.stories["name"]))
    assert names[int(story_of[ids[1]])] == "Newsweek's angle"

    window.article_panel.select_ids([ids[1]])
    panel._fill_move_menu()
    target = next(a for a in panel.move_menu.actions() if a.text() == names[int(story_of[ids[0]])])
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        target.trigger()
    story_of = window.view_data.story_of
    assert story_of[ids[0]] == story_of[ids[1]]
    assert _story_count(window) == count


def test_ctrl_z_undoes_a_story_split_and_a_merge_and_redo_makes_them_again(open_window, qtbot):
    window = open_window
    panel = window.story_panel
    ids = [window.article_model.article_id(r) for r in range(window.article_model.rowCount())]
    stories = lambda: sorted(window.view_data.stories["name"])  # noqa: E731
    before, before_of = stories(), window.view_data.story_of.to_dict()
    assert len(before) == 2

    panel.select_stories(list(window.view_data.stories["id"]))
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        qtbot.mouseClick(panel.merge_button, Qt.MouseButton.LeftButton)
    assert len(stories()) == 1
    _undo(window, qtbot)
    assert stories() == before and window.view_data.story_of.to_dict() == before_of

    _split_off(window, qtbot, ids[0], "Split off")
    assert "Split off" in stories()
    _undo(window, qtbot)
    assert stories() == before and window.view_data.story_of.to_dict() == before_of
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        window.undo_stack.redo()
    assert "Split off" in stories()
