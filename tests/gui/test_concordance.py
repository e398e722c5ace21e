"""The Concordance: Find lists every hit with its context; sort, step with Enter/F3, open a hit in its text."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor

from core.text.concordance import concordance, sort_hits
from gui.models.concordance_table_model import HIT_COLUMN, LEFT_COLUMN
from gui.views.side_by_side_view import CURRENT_HIT, FOUND


def _find(window, qtbot, query: str) -> None:
    """Type ``query`` in the toolbar's find box and press Enter, as a reader would."""
    window.find_box.clear()
    window.finder.focus_find()
    with qtbot.waitSignal(window.controller.findFinished, timeout=30_000):
        qtbot.keyClicks(window.find_box, query)
        qtbot.keyClick(window.find_box, Qt.Key.Key_Return)


def _listed(panel) -> list[tuple]:
    model = panel.model
    return [(model.hit(r)["article_id"], model.hit(r)["start"]) for r in range(model.rowCount())]


def _expected(window, query: str, **options):
    return concordance(window.project.articles(), query, **options)


def _marks(window, article_id: str) -> list[tuple[str, str]]:
    """The find marks in an article shown side by side: (marked text, colour)."""
    column = next(c for c in window.side_by_side.columns if c.article.id == article_id)
    return [(s.cursor.selectedText(), s.format.background().color().name())
            for s in column.browser.extraSelections()]


def test_typing_a_query_lists_every_hit_with_its_context(open_window, qtbot):
    _find(open_window, qtbot, "Pyongyang")
    panel, expected = open_window.concordance, _expected(open_window, "Pyongyang")
    assert len(expected) >= 5
    assert _listed(panel) == list(zip(expected["article_id"], expected["start"]))
    model = panel.model
    for row in range(model.rowCount()):
        hit = model.hit(row)
        assert model.index(row, HIT_COLUMN).data() == "Pyongyang"
        assert model.index(row, LEFT_COLUMN).data() == hit["left"] and model.index(row, 0).data() == hit["outlet"]
    assert open_window.docks["concordance"].isVisible()
    assert not open_window.docks["concordance"].visibleRegion().isEmpty()  # in front of its tab group
    assert panel.summary.text() == f"“Pyongyang”: {len(expected)} hits in 2 articles."


def test_clicking_a_header_sorts_the_hits_by_that_context(open_window, qtbot):
    _find(open_window, qtbot, "Kim Jong Un")
    table = open_window.concordance.table
    header = table.horizontalHeader()
    expected = _expected(open_window, "Kim Jong Un")
    for column, by in ((LEFT_COLUMN, "left"), (HIT_COLUMN + 1, "right"), (0, "outlet")):
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
        order = header.sortIndicatorOrder()
        wanted = sort_hits(expected, by, descending=order == Qt.SortOrder.DescendingOrder)
        assert _listed(open_window.concordance) == list(zip(wanted["article_id"], wanted["start"])), by
    assert list(sort_hits(expected, "left")["start"]) != list(expected["start"])  # sorting changed the order


def test_enter_and_f3_go_to_the_next_hit_and_shift_f3_to_the_one_before(open_window, qtbot):
    _find(open_window, qtbot, "Kremlin")
    panel = open_window.concordance
    count = panel.hit_count()
    assert count >= 3
    qtbot.keyClick(open_window.find_box, Qt.Key.Key_Return)  # the list shows this query: Enter goes to a hit
    assert panel.current_row() == 0
    _assert_shown(open_window, qtbot, panel.current_hit())
    open_window.activateWindow()
    qtbot.keyClick(open_window.find_box, Qt.Key.Key_F3)
    assert panel.current_row() == 1
    _assert_shown(open_window, qtbot, panel.current_hit())
    qtbot.keyClick(open_window.find_box, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(open_window.find_box, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert panel.current_row() == count - 1  # round the start to the last hit
    _assert_shown(open_window, qtbot, panel.current_hit())


def test_double_clicking_a_hit_opens_its_article_scrolled_to_it_and_marked(open_window, qtbot):
    _find(open_window, qtbot, "Shoigu")
    panel = open_window.concordance
    table = panel.table
    row = panel.hit_count() - 1
    rect = table.visualRect(panel.model.index(row, HIT_COLUMN))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's first press
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _assert_shown(open_window, qtbot, panel.model.hit(row))


def test_enter_in_the_list_opens_the_current_hit(open_window, qtbot):
    _find(open_window, qtbot, "Moscow")
    panel = open_window.concordance
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(2, HIT_COLUMN))
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    _assert_shown(open_window, qtbot, panel.model.hit(2))


def test_whole_words_and_match_case_find_again(open_window, qtbot):
    _find(open_window, qtbot, "war")
    panel = open_window.concordance
    loose = panel.hit_count()
    with qtbot.waitSignal(open_window.controller.findFinished, timeout=30_000):
        panel.whole_words.setChecked(True)
    whole = _expected(open_window, "war", whole_words=True)
    assert panel.hit_count() == len(whole) < loose
    with qtbot.waitSignal(open_window.controller.findFinished, timeout=30_000):
        panel.match_case.setChecked(True)
    assert panel.hit_count() == len(_expected(open_window, "war", whole_words=True, case=True))
    open_window.find_box.clear()
    qtbot.waitUntil(lambda: panel.hit_count() == 0)


def _assert_shown(window, qtbot, hit: dict) -> None:
    """The hit's article is side by side, its column focused on the hit, marked apart from the other hits."""
    view = window.side_by_side
    qtbot.waitUntil(lambda: hit["article_id"] in view.shown_ids())
    column = next(c for c in view.columns if c.article.id == hit["article_id"])
    assert column.focus == (hit["start"], hit["end"])
    marks = _marks(window, hit["article_id"])
    assert (hit["hit"], QColor(CURRENT_HIT).name()) in marks
    assert all(text.lower() == hit["hit"].lower() for text, _ in marks)
    assert [colour for _, colour in marks].count(QColor(CURRENT_HIT).name()) == 1
    assert {colour for _, colour in marks} <= {QColor(CURRENT_HIT).name(), QColor(FOUND).name()}
    at_hit = QTextCursor(column.browser.document())
    at_hit.setPosition(column.position_of(hit["start"]))
    assert column.browser.viewport().rect().contains(column.browser.cursorRect(at_hit).center())  # scrolled there
