"""Dates in the article table: shown as dates, sorted by time, typed as people write them, refused with a reason."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from gui.models.roles import RAW_ROLE
from gui.views.article_column import ArticleColumn
from tests.gui.helpers import row_of

DATE = 2


def _date_cell(window, outlet: str):
    proxy = window.article_panel.proxy
    return proxy.index(row_of(proxy, 0, outlet), DATE)


def _type_into(window, qtbot, index, text: str) -> None:
    """Double-click-edit a cell as the user does: select the text, type, press Enter."""
    table = window.article_panel.table
    table.setCurrentIndex(index)
    table.edit(index)
    qtbot.waitUntil(lambda: any(e.isVisible() for e in table.findChildren(QLineEdit)))
    editor = next(e for e in table.findChildren(QLineEdit) if e.isVisible())
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_cells_and_the_side_by_side_headers_show_dates_as_dates(open_window, qtbot):
    window = open_window
    cell = _date_cell(window, "Newsweek")
    assert cell.data() == "19 Jun 2024" and cell.data(RAW_ROLE) == "2024-06-19"
    qtbot.waitUntil(lambda: len(window.side_by_side.shown_ids()) == 2, timeout=30_000)
    headers = " ".join(column.header.text() for column in window.side_by_side.findChildren(ArticleColumn))
    assert "19 Jun 2024" in headers and "5 Sep 2023" in headers and "2024-06-19" not in headers


def test_sorting_by_date_is_chronological_not_alphabetical(open_window):
    panel = open_window.article_panel
    panel.table.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
    shown = [panel.proxy.index(r, DATE).data() for r in range(panel.proxy.rowCount())]
    assert shown == ["5 Sep 2023", "19 Jun 2024"]  # alphabetically "19 Jun 2024" would come first
    panel.table.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
    assert panel.proxy.index(0, DATE).data() == "19 Jun 2024"


def test_the_filter_box_finds_a_date_as_shown_and_as_stored(open_window, qtbot):
    panel = open_window.article_panel
    for typed in ("Jun 2024", "2024-06"):
        panel.filter_box.setText(typed)
        assert panel.proxy.rowCount() == 1 and panel.proxy.index(0, 0).data() == "Newsweek"


@pytest.mark.parametrize("typed", ["20 November 2023", "Nov 20, 2023", "20/11/2023", "20.11.2023"])
def test_a_written_date_is_stored_and_undo_restores_the_old_one(open_window, qtbot, typed):
    window = open_window
    article_id = _date_cell(window, "Yahoo News").data(Qt.ItemDataRole.UserRole + 2)
    with qtbot.waitSignal(window.dataRefreshed, timeout=30_000):
        _type_into(window, qtbot, _date_cell(window, "Yahoo News"), typed)
    assert window.project.article(article_id).date == "2023-11-20"
    assert _date_cell(window, "Yahoo News").data() == "20 Nov 2023"
    with qtbot.waitSignal(window.dataRefreshed, timeout=30_000):
        window.actions.undo.trigger()
    assert window.project.article(article_id).date == "2023-09-05"


@pytest.mark.parametrize("typed, reason", [
    ("31 February 2024", "does not exist"),
    ("yesterday", "depends on when it is read"),
    ("11/20/2023", "numbers are read day first"),
    ("20 November 2999", "in the future"),
])
def test_a_date_that_cannot_be_read_is_refused_with_the_reason_and_nothing_changes(open_window, qtbot, typed, reason):
    window = open_window
    article_id = _date_cell(window, "Yahoo News").data(Qt.ItemDataRole.UserRole + 2)
    with qtbot.waitSignal(window.article_model.editRejected, timeout=10_000):  # Enter commits on the next event
        _type_into(window, qtbot, _date_cell(window, "Yahoo News"), typed)
    assert reason in window.statusBar().currentMessage()
    assert window.project.article(article_id).date == "2023-09-05"
    assert window.undo_stack.count() == 0
    assert _date_cell(window, "Yahoo News").data() == "5 Sep 2023"
