"""The analyst's lists: stories, entities (merge, rename, split), quotes, distinctive terms, About."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from tests.gui.helpers import row_of


def _click_row(qtbot, table, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _entity_dialog(window) -> QInputDialog:
    dialogs = [d for d in window.findChildren(QInputDialog) if d.objectName() == "entityDialog" and d.isVisible()]
    assert dialogs, "no entity dialog opened"
    return dialogs[-1]


def test_choosing_a_story_shows_its_articles_side_by_side(open_window, qtbot):
    panel = open_window.story_panel
    assert panel.proxy.rowCount() >= 1
    open_window.docks["stories"].raise_()
    _click_row(qtbot, panel.table, 0)
    story_id = int(panel.row_values(0)["id"])
    story_of = open_window.view_data.story_of
    expected = sorted(story_of[story_of == story_id].index)
    qtbot.waitUntil(lambda: sorted(open_window.side_by_side.shown_ids()) == expected)


def test_merging_two_entities_changes_the_chart(open_window, qtbot):
    window = open_window
    chart = window.chart_panel.chart
    totals = chart.rows.groupby("entity")["mentions"].sum()
    assert {"Kremlin", "Moscow"} <= set(totals.index)
    panel = window.entity_panel
    panel.select_entities(["Kremlin", "Moscow"])
    assert panel.merge_button.isEnabled()
    qtbot.mouseClick(panel.merge_button, Qt.MouseButton.LeftButton)
    dialog = _entity_dialog(window)
    dialog.setTextValue("Moscow")
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        dialog.accept()
    merged = chart.rows.groupby("entity")["mentions"].sum()
    assert "Kremlin" not in merged.index
    assert merged["Moscow"] == totals["Kremlin"] + totals["Moscow"]

    panel.select_entities(["Moscow"])
    qtbot.mouseClick(panel.split_button, Qt.MouseButton.LeftButton)
    dialog = _entity_dialog(window)
    assert dialog.comboBoxItems() == ["Kremlin"]
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        dialog.accept()
    assert chart.rows.groupby("entity")["mentions"].sum()["Kremlin"] == totals["Kremlin"]


def test_renaming_an_entity(open_window, qtbot):
    panel = open_window.entity_panel
    panel.select_entities(["Vladimir Putin"])
    qtbot.mouseClick(panel.rename_button, Qt.MouseButton.LeftButton)
    dialog = _entity_dialog(open_window)
    dialog.setTextValue("Vladimir V. Putin")
    with qtbot.waitSignal(open_window.dataRefreshed, timeout=60_000):
        dialog.accept()
    assert "Vladimir V. Putin" in open_window.chart_panel.chart.entities
    assert "Vladimir Putin" not in open_window.chart_panel.chart.entities


def test_clicking_a_quote_shows_it_in_its_article(open_window, qtbot):
    panel = open_window.quotes_panel
    qtbot.waitUntil(lambda: panel.proxy.rowCount() > 0, timeout=60_000)  # quotes load after the rest

    open_window.docks["quotes"].raise_()
    _click_row(qtbot, panel.table, 0)
    quote = panel.row_values(0)
    view = open_window.side_by_side
    qtbot.waitUntil(lambda: quote["article_id"] in view.shown_ids())
    column = next(c for c in view.columns if c.article.id == quote["article_id"])
    assert column.focus == (quote["start"], quote["end"])
    assert column.first_position(lambda f: "focus" in f.anchorNames()) is not None


def test_clicking_a_distinctive_term_finds_it_in_the_texts(open_window, qtbot):
    panel = open_window.terms_panel
    qtbot.waitUntil(lambda: panel.proxy.rowCount() > 0, timeout=60_000)  # loaded after the rest
    row = row_of(panel.proxy, 1, "Moscow")
    open_window.docks["terms"].raise_()
    with qtbot.waitSignal(open_window.controller.findFinished, timeout=30_000):
        _click_row(qtbot, panel.table, row)
    assert open_window.find_box.text() == "Moscow"
    assert open_window.article_panel.proxy.rowCount() >= 1


def test_about_box_lists_versions_and_licences(open_window):
    open_window.actions.about.trigger()
    boxes = [b for b in open_window.findChildren(QMessageBox) if b.objectName() == "aboutDialog"]
    assert boxes and boxes[-1].isVisible()
    text = boxes[-1].text()
    assert "spaCy" in text and "LGPL-3.0" in text and "MIT" in text
    boxes[-1].close()


def test_sources_mode_lists_who_is_quoted_and_leads_to_their_quotes(open_window, qtbot):
    panel = open_window.quotes_panel
    qtbot.waitUntil(lambda: panel.quotes_model.rowCount() > 0, timeout=60_000)  # quotes load after the rest
    open_window.docks["quotes"].raise_()
    panel.mode.setCurrentIndex(panel.mode.findData("sources"))
    assert panel.proxy.rowCount() > 0
    speakers = [panel.row_values(r)["speaker"] for r in range(panel.proxy.rowCount())]
    row = next(r for r, s in enumerate(speakers) if s == "Adrienne Watson")
    _click_row(qtbot, panel.table, row)
    assert not panel.showing_sources()
    assert panel.filter_box.text() == "Adrienne Watson"
    assert panel.proxy.rowCount() >= 1
    assert all(panel.row_values(r)["speaker"] == "Adrienne Watson" for r in range(panel.proxy.rowCount()))


def test_renaming_a_story(open_window, qtbot):
    panel = open_window.story_panel
    open_window.docks["stories"].raise_()
    _click_row(qtbot, panel.table, 0)
    story_id = int(panel.row_values(0)["id"])
    qtbot.mouseClick(panel.rename_button, Qt.MouseButton.LeftButton)
    dialog = _entity_dialog(open_window)
    dialog.setTextValue("Kim and Putin")
    with qtbot.waitSignal(open_window.dataRefreshed, timeout=60_000):
        dialog.accept()
    names = dict(zip(open_window.view_data.stories["id"], open_window.view_data.stories["name"]))
    assert names[story_id] == "Kim and Putin"
    stories = [open_window.article_model.index(r, 6).data() for r in range(open_window.article_model.rowCount())]
    assert "Kim and Putin" in stories


def test_quotes_arrive_after_the_main_views_and_agree_with_the_article_table(open_window, qtbot):
    panel, model = open_window.quotes_panel, open_window.article_model
    qtbot.waitUntil(lambda: panel.quotes_model.rowCount() > 0, timeout=60_000)
    quotes = panel.quotes_model.frame()
    counted = quotes.groupby("article_id").size().to_dict()
    from gui.models.article_table_model import COLUMNS
    from gui.models.roles import RAW_ROLE

    column = [key for key, *_ in COLUMNS].index("quotes")
    listed = {model.article_id(r): model.index(r, column).data(RAW_ROLE) for r in range(model.rowCount())}
    assert listed == counted
