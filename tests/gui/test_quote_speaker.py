"""Correcting a quote's speaker in Quotes and sources: the dialog, the sources count, Ctrl+Z."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from gui.dialogs.speaker_dialog import SpeakerDialog
from tests.gui.helpers import menu_action, right_click

HEADLINE = "pay a price"  # Yahoo News's headline quote, which the analysis gives to the United States


def _quotes_shown(window, qtbot):
    qtbot.waitUntil(lambda: window.quotes_panel.quotes_model.rowCount() > 0, timeout=60_000)
    window.docks["quotes"].raise_()
    return window.quotes_panel


def _select_headline_quote(panel) -> int:
    """Select the headline's quote (the shortest quote saying it); returns its row."""
    panel.filter_box.setText(HEADLINE)
    rows = sorted(range(panel.proxy.rowCount()), key=lambda r: len(panel.row_values(r)["text"]))
    panel.table.selectRow(rows[0])
    return rows[0]


def _dialog(window) -> SpeakerDialog:
    dialogs = [d for d in window.findChildren(QDialog, "speakerDialog") if d.isVisible()]
    assert dialogs, "no speaker dialog opened"
    return dialogs[-1]


def _press_ok(dialog: SpeakerDialog, window, qtbot) -> None:
    with qtbot.waitSignal(window.controller.quotesLoaded, timeout=60_000):  # the views reload, quotes last
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _yahoo_sources(window) -> dict[str, int]:
    sources = window.quotes_panel.sources_model.frame()
    yahoo = sources[sources["outlet"] == "Yahoo News"]
    return dict(zip(yahoo["speaker"], yahoo["quotes"]))


def _speaker_column(panel) -> int:
    return [panel.model.column_name(c) for c in range(panel.model.columnCount())].index("speaker")


def test_correct_speaker_changes_the_quote_and_the_sources_count_and_ctrl_z_undoes_it(open_window, qtbot):
    window = open_window
    panel = _quotes_shown(window, qtbot)
    before = _yahoo_sources(window)
    assert before["United States"] == 1
    _select_headline_quote(panel)
    assert panel.correct_button.isEnabled()
    qtbot.mouseClick(panel.correct_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(window)
    assert dialog.speaker.currentText() == "United States"
    assert dialog.speaker.findText("Jake Sullivan") >= 0  # the project's speakers are offered
    dialog.speaker.setCurrentText("Jake Sullivan")
    _press_ok(dialog, window, qtbot)
    after = _yahoo_sources(window)
    assert after["Jake Sullivan"] == before["Jake Sullivan"] + 1 and "United States" not in after
    row = panel.row_values(_select_headline_quote(panel))
    assert row["speaker"] == "Jake Sullivan" and row["source"] == "named (corrected)"
    panel.filter_box.setText("corrected")  # the filter lists the user's corrections
    assert panel.proxy.rowCount() == 1

    with qtbot.waitSignal(window.controller.quotesLoaded, timeout=60_000):
        window.actions.undo.trigger()
    assert _yahoo_sources(window) == before
    with qtbot.waitSignal(window.controller.quotesLoaded, timeout=60_000):
        window.actions.redo.trigger()
    assert _yahoo_sources(window)["Jake Sullivan"] == before["Jake Sullivan"] + 1


def test_double_click_and_the_right_click_menu_open_the_dialog_and_a_correction_can_be_dropped(open_window, qtbot):
    window = open_window
    panel = _quotes_shown(window, qtbot)
    row = _select_headline_quote(panel)
    index = panel.proxy.index(row, _speaker_column(panel))
    at = panel.table.visualRect(index).center()
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=at)  # a double-click's first press
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=at)
    _dialog(window).reject()

    menu = right_click(panel.table, row, _speaker_column(panel))
    menu_action(menu, "Correct Speaker").trigger()
    dialog = _dialog(window)
    assert dialog.reset_button is None  # nothing corrected yet
    dialog.speaker.setCurrentText("a White House aide")
    dialog.source_type.setCurrentIndex(dialog.source_type.findData("anonymous"))
    _press_ok(dialog, window, qtbot)
    sources = panel.sources_model.frame()
    row = sources[sources["speaker"] == "a White House aide"].iloc[0]
    assert (row["outlet"], row["source_type"], row["quotes"]) == ("Yahoo News", "anonymous", 1)

    _select_headline_quote(panel)
    panel.request_correction()
    dialog = _dialog(window)
    with qtbot.waitSignal(window.controller.quotesLoaded, timeout=60_000):
        qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)  # "Use the Speaker Found"
    assert _yahoo_sources(window)["United States"] == 1
    assert "a White House aide" not in _yahoo_sources(window)
