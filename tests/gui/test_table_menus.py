"""Right-click menus on the tables: copy the cell or the rows, and each panel's own actions for that row."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QInputDialog

from tests.gui.helpers import menu_action, right_click, row_of


def test_copy_cell_and_copy_rows_copy_what_the_table_shows(open_window):
    table = open_window.article_panel.table
    row = row_of(table.model(), 0, "Newsweek")
    menu = right_click(table, row, 2)
    menu_action(menu, "Copy Cell").trigger()
    assert QApplication.clipboard().text() == "19 Jun 2024"
    assert len(open_window.article_panel.selected_ids()) == 2  # as the project opened: both articles
    menu = right_click(table, row, 0)
    menu_action(menu, "Copy Rows").trigger()  # the selection, under a header line: pastes into a spreadsheet
    header, *lines = QApplication.clipboard().text().split("\n")
    assert header.split("\t")[:3] == ["Outlet", "Title", "Date"]
    assert sorted(line.split("\t")[2] for line in lines) == ["19 Jun 2024", "5 Sep 2023"]


def test_right_click_on_an_unselected_row_acts_on_that_row(open_window):
    panel = open_window.entity_panel
    open_window.docks["entities"].raise_()
    panel.select_entities(["Vladimir Putin"])
    row = row_of(panel.proxy, 0, "Kim Jong Un")
    menu = right_click(panel.table, row)
    assert panel.selected_entities() == ["Kim Jong Un"]
    assert [a.text() for a in menu.actions() if a.text()] == ["Copy Cell", "Copy Row", "Merge…", "Rename…", "Split…"]
    assert not menu_action(menu, "Merge").isEnabled()  # one entity: nothing to merge it with
    menu_action(menu, "Rename").trigger()
    dialogs = [d for d in open_window.findChildren(QInputDialog) if d.isVisible()]
    assert dialogs and "Kim Jong Un" in dialogs[-1].labelText()
    dialogs[-1].reject()


def test_the_stories_menu_offers_rename_merge_split_and_move(open_window):
    panel = open_window.story_panel
    open_window.docks["stories"].raise_()
    panel.select_stories(list(open_window.view_data.stories["id"]))
    menu = right_click(panel.table, 0)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[2:] == ["Rename…", "Merge Selected Stories", "Split Selected Articles Off…", "Move Selected Articles To"]
    assert menu_action(menu, "Merge Selected Stories").isEnabled() and not menu_action(menu, "Rename").isEnabled()


def test_the_terms_menu_finds_the_term_in_the_texts(open_window, qtbot):
    window = open_window
    panel = window.terms_panel
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=60_000)
    window.docks["terms"].raise_()
    term = str(panel.row_values(0)["term"])
    menu = right_click(panel.table, 0)
    with qtbot.waitSignal(window.controller.findFinished, timeout=30_000):
        menu_action(menu, f"Find “{term}” in Texts").trigger()
    assert window.find_box.text() == term


def test_the_sources_menu_lists_the_quotes_of_a_speaker(open_window, qtbot):
    panel = open_window.quotes_panel
    qtbot.waitUntil(lambda: panel.quotes_model.rowCount() > 0, timeout=60_000)
    open_window.docks["quotes"].raise_()
    panel.mode.setCurrentIndex(panel.mode.findData("sources"))
    row = row_of(panel.proxy, 1, "Jake Sullivan")
    menu = right_click(panel.table, row, 1)
    assert "Correct Speaker…" not in [a.text() for a in menu.actions()]  # a source is not one quote
    menu_action(menu, "List the Quotes of “Jake Sullivan”").trigger()
    assert not panel.showing_sources() and panel.filter_box.text() == "Jake Sullivan"
    assert panel.proxy.rowCount() == 3
