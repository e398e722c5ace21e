"""The corpus table: guessed values marked, outlet edited in place, undo, filter and find."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from core.model.article import Origin
from gui.models.article_table_model import GUESSED_TIP
from tests.gui.helpers import row_of


def test_guessed_outlets_are_italic_with_a_hint(open_window):
    proxy = open_window.article_panel.proxy
    index = proxy.index(row_of(proxy, 0, "Newsweek"), 0)
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert GUESSED_TIP in index.data(Qt.ItemDataRole.ToolTipRole)


def test_editing_the_outlet_in_place_changes_the_project_and_undo_restores_it(open_window, qtbot):
    window = open_window
    table, proxy = window.article_panel.table, window.article_panel.proxy
    index = proxy.index(row_of(proxy, 0, "Yahoo News"), 0)
    article_id = index.data(Qt.ItemDataRole.UserRole + 2)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QLineEdit)
    qtbot.waitUntil(lambda: table.findChild(QLineEdit) is not None and table.findChild(QLineEdit).isVisible())
    editor = [e for e in table.findChildren(QLineEdit) if e.isVisible()][0]
    editor.selectAll()
    qtbot.keyClicks(editor, "Yahoo! News")
    with qtbot.waitSignal(window.dataRefreshed, timeout=30_000):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    article = window.project.store.article(article_id)
    assert article.outlet == "Yahoo! News" and article.origin("outlet") == Origin.EDITED
    assert "Yahoo! News" in window.chart_panel.chart.legend_labels()
    row = window.article_model.row_of(article_id)
    assert not window.article_model.index(row, 0).data(Qt.ItemDataRole.FontRole)  # no longer a guess

    with qtbot.waitSignal(window.dataRefreshed, timeout=30_000):
        window.actions.undo.trigger()
    article = window.project.store.article(article_id)
    assert article.outlet == "Yahoo News" and article.origin("outlet") == Origin.GUESSED
    assert "Yahoo News" in window.chart_panel.chart.legend_labels()
    with qtbot.waitSignal(window.dataRefreshed, timeout=30_000):
        window.actions.redo.trigger()
    assert window.project.store.article(article_id).outlet == "Yahoo! News"


def test_find_box_filters_the_table_to_articles_containing_the_phrase(open_window, qtbot):
    window = open_window
    window.actions.find.trigger()
    with qtbot.waitSignal(window.controller.findFinished, timeout=30_000):
        qtbot.keyClicks(window.find_box, "Shoigu")
        qtbot.keyClick(window.find_box, Qt.Key.Key_Return)
    assert window.article_panel.proxy.rowCount() == 1
    assert window.article_panel.proxy.index(0, 0).data() == "Yahoo News"
    assert "in 1 article" in window.statusBar().currentMessage()
    window.find_box.clear()
    qtbot.waitUntil(lambda: window.article_panel.proxy.rowCount() == 2)


def test_filter_box_and_sorting(open_window, qtbot):
    panel = open_window.article_panel
    qtbot.keyClicks(panel.filter_box, "newsweek")
    assert panel.proxy.rowCount() == 1
    assert "1 of 2 articles" in panel.count_label.text()
    panel.filter_box.clear()
    panel.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # words, as numbers
    words = [panel.proxy.index(r, 3).data(Qt.ItemDataRole.UserRole + 1) for r in range(2)]
    assert words == sorted(words, reverse=True)


def test_opening_a_project_compares_its_first_two_articles_at_once(open_window, qtbot):
    qtbot.waitUntil(lambda: len(open_window.side_by_side.shown_ids()) == 2, timeout=30_000)
    assert len(open_window.article_panel.selected_ids()) == 2


def test_the_title_column_takes_the_spare_width(open_window):
    table = open_window.article_panel.table
    title, story = table.columnWidth(1), table.columnWidth(6)
    assert title > story and title > table.columnWidth(0)


def test_columns_follow_the_content_until_the_user_sizes_one(window, qtbot, tmp_path):
    from core.project import Project
    from tests.gui.conftest import SEEDS

    with Project(tmp_path / "unanalysed.newsprism") as project:  # as the sample project first opens
        project.import_paths([SEEDS])
    with qtbot.waitSignal(window.controller.analysisFinished, timeout=120_000):
        window.open_project(tmp_path / "unanalysed.newsprism")
    table, story = window.article_panel.table, 6
    qtbot.waitUntil(lambda: window.article_model.index(0, story).data() not in (None, ""), timeout=60_000)
    qtbot.waitUntil(lambda: table.columnWidth(story) >= 0.9 * min(table.sizeHintForColumn(story), 110), timeout=10_000)
    table.setColumnWidth(story, 40)  # the user narrows it
    with qtbot.waitSignal(window.dataRefreshed, timeout=30_000):
        window.controller.refresh()
    assert table.columnWidth(story) == 40


def test_the_selection_survives_reloads_that_arrive_one_after_another(open_window, qtbot):
    import dataclasses

    window = open_window
    selected = window.article_panel.selected_ids()
    assert len(selected) == 2  # the sample's two articles, compared at once
    with qtbot.waitSignal(window.dataRefreshed, timeout=30_000):
        window._on_data(dataclasses.replace(window.view_data))
        window._on_data(dataclasses.replace(window.view_data))  # before the first was fully shown
    assert window.article_panel.selected_ids() == selected
    assert window.side_by_side.shown_ids() == selected


def test_the_note_column_shows_only_when_an_article_has_a_note(qtbot):
    from gui.models.article_table_model import COLUMNS, ArticleTableModel
    from gui.views.article_panel import NOTE_COLUMN, ArticlePanel

    model = ArticleTableModel()
    panel = ArticlePanel(model)
    qtbot.addWidget(panel)
    row = {"id": "a", "outlet": "Seoul Daily", "title": "서울시 조명 교체", "date": None, "word_count": 40, "entities": 0,
           "quotes": 0, "story": "", "note": "", "origins": {}}
    model.set_records([row])
    assert COLUMNS[NOTE_COLUMN][0] == "note" and panel.table.isColumnHidden(NOTE_COLUMN)
    model.set_records([{**row, "note": "not analysed: language ko"}])
    assert not panel.table.isColumnHidden(NOTE_COLUMN)
    assert model.index(0, NOTE_COLUMN).data() == "not analysed: language ko"
