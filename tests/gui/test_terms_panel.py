"""Distinctive language shows the words as written, leaves each outlet's own name out and greys weak results."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.helpers import row_of


def _terms_shown(window, qtbot):
    panel = window.terms_panel
    qtbot.waitUntil(lambda: panel.proxy.rowCount() > 0, timeout=60_000)  # loaded after the rest
    window.docks["terms"].raise_()
    return panel


def _column(panel, name: str) -> int:
    return next(c for c in range(panel.model.columnCount()) if panel.model.column_name(c) == name)


def test_terms_read_as_the_outlet_wrote_them_and_say_what_was_counted(open_window, qtbot):
    panel = _terms_shown(open_window, qtbot)
    term, lemma = _column(panel, "term"), _column(panel, "lemma")
    row = row_of(panel.proxy, term, "weapons")
    assert panel.proxy.index(row, lemma).data() == "weapon"
    assert panel.proxy.headerData(lemma, Qt.Orientation.Horizontal) == "Counted as"
    shown = {panel.proxy.index(r, term).data() for r in range(panel.proxy.rowCount())}
    assert {"arms", "provided"} <= shown and not shown & {"weapon", "arm", "provide"}
    outlets = {(panel.proxy.index(r, 0).data(), panel.proxy.index(r, term).data())
               for r in range(panel.proxy.rowCount())}
    assert not outlets & {("Newsweek", "Newsweek"), ("Yahoo News", "Yahoo News"), ("Yahoo News", "Yahoo")}


def test_weak_terms_are_greyed_and_their_tooltip_says_why(open_window, qtbot):
    panel = _terms_shown(open_window, qtbot)
    frame = panel.model.frame()
    weak = [r for r in range(panel.proxy.rowCount()) if panel.row_values(r)["weak"]]
    assert weak and panel.weak_rows() == weak  # two articles: every result is thin
    tip = panel.proxy.index(weak[0], 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Weak: ") and panel.row_values(weak[0])["weak_because"] in tip
    assert panel.weak_legend.isVisibleTo(panel)  # the grey is explained beside the filter
    strong = frame.assign(weak=False)
    panel.set_frame(strong)  # the same terms as strong results: nothing greyed, the table's tooltip explains
    assert panel.weak_rows() == [] and not panel.weak_legend.isVisibleTo(panel)
    assert panel.proxy.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) is None
    assert "Greyed terms are weak evidence" in panel.table.toolTip()


def test_clicking_a_term_finds_it_as_written(open_window, qtbot):
    panel = _terms_shown(open_window, qtbot)
    row = row_of(panel.proxy, _column(panel, "term"), "weapons")
    rect = panel.table.visualRect(panel.proxy.index(row, 0))
    with qtbot.waitSignal(open_window.controller.findFinished, timeout=30_000):
        qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert open_window.find_box.text() == "weapons"
    assert open_window.concordance.hit_count() >= 6
    assert open_window.docks["terms"].visibleRegion().isEmpty() is False  # the list clicked stays in front
