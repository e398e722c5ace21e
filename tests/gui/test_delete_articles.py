"""Deleting articles in the window: the Delete key, Edit > Delete Articles, the right-click menu; Ctrl+Z, Ctrl+Y."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from tests.conftest import project_tables
from tests.gui.helpers import menu_action, right_click, row_of


def _newsweek(window) -> str:
    proxy = window.article_panel.proxy
    return proxy.index(row_of(proxy, 0, "Newsweek"), 0).data(Qt.ItemDataRole.UserRole + 2)


def _focus_article_table(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.article_panel.table.setFocus()
    qtbot.waitUntil(lambda: window.article_panel.table.hasFocus())


def _shown_ids(window) -> list[str]:
    return [window.article_model.article_id(r) for r in range(window.article_model.rowCount())]


def test_the_delete_key_deletes_the_selected_article_and_ctrl_z_brings_it_back_exactly(open_window, qtbot):
    window = open_window
    gone = _newsweek(window)
    before = project_tables(window.project.path)
    window.article_panel.select_ids([gone])
    _focus_article_table(window, qtbot)
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        qtbot.keyClick(window.article_panel.table, Qt.Key.Key_Delete)
    assert gone not in _shown_ids(window) and len(_shown_ids(window)) == 1
    assert not window.project.store.has_article(gone)
    assert "Newsweek" not in window.chart_panel.chart.legend_labels()
    assert "Ctrl+Z" in window.statusBar().currentMessage()

    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.Undo))
    assert gone in _shown_ids(window)
    assert project_tables(window.project.path) == before  # analysis, story, pins: all as they were
    assert "Newsweek" in window.chart_panel.chart.legend_labels()

    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        qtbot.keySequence(window, QKeySequence("Ctrl+Y"))
    assert gone not in _shown_ids(window)


def test_edit_menu_deletes_the_selection_and_is_off_without_one(open_window, qtbot):
    window = open_window
    action = window.actions.delete_articles
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert action in edit_menu.actions()
    window.article_panel.select_ids([])
    assert not action.isEnabled()
    window.article_panel.select_ids(_shown_ids(window))
    assert action.isEnabled()
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        action.trigger()
    assert window.article_model.rowCount() == 0 and window.project.store.article_count() == 0
    assert window.undo_stack.undoText() == "delete 2 articles"
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        window.actions.undo.trigger()
    assert window.article_model.rowCount() == 2 and len(window.view_data.stories) == 2


def test_right_click_on_an_article_offers_delete_for_that_row(open_window, qtbot):
    window = open_window
    table, proxy = window.article_panel.table, window.article_panel.proxy
    window.article_panel.select_ids([])
    row = row_of(proxy, 0, "Newsweek")
    menu = right_click(table, row, 1)
    assert window.article_panel.selected_ids() == [_newsweek(window)]  # the row under the mouse is selected
    assert menu_action(menu, "Edit Title").isEnabled()
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        menu_action(menu, "Delete Articles").trigger()
    assert window.project.store.article_count() == 1
    assert "Newsweek" not in {proxy.index(r, 0).data() for r in range(proxy.rowCount())}


def test_the_delete_key_elsewhere_deletes_no_article(open_window, qtbot):
    window = open_window
    window.article_panel.select_ids(_shown_ids(window))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    filter_box = window.article_panel.filter_box  # inside the article panel, but typing there is not deleting
    filter_box.setFocus()
    qtbot.waitUntil(filter_box.hasFocus)
    qtbot.keyClick(filter_box, Qt.Key.Key_Delete)
    window.entity_panel.table.setFocus()
    qtbot.keyClick(window.entity_panel.table, Qt.Key.Key_Delete)
    assert window.project.store.article_count() == 2 and window.undo_stack.count() == 0
