"""Side by side: selected articles in columns, entities coloured by type, boilerplate grey."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from gui.colors import type_colour
from tests.gui.helpers import formats_of


def _select_all(window, qtbot):
    window.article_panel.table.selectAll()
    qtbot.waitUntil(lambda: len(window.side_by_side.shown_ids()) == 2)


def test_two_selected_articles_show_side_by_side_with_entities_highlighted(open_window, qtbot):
    view = open_window.side_by_side
    open_window.article_panel.table.clearSelection()
    qtbot.waitUntil(lambda: view.placeholder.isVisible())
    _select_all(open_window, qtbot)
    assert not view.placeholder.isVisible()
    person = type_colour("PERSON").name()
    for column in view.columns:
        assert column.browser.isVisible()
        mentions = [f for f in formats_of(column.browser.document(), "Kim Jong Un") if f.isAnchor()]
        assert mentions and all(f.background().color().name() == person for f in mentions)
        assert column.article.outlet in column.header.text()
    headline = view.columns[0].browser.document().firstBlock()
    assert headline.charFormat().fontWeight() == QFont.Weight.Bold or \
        formats_of(view.columns[0].browser.document(), headline.text()[:5])[0].fontWeight() == QFont.Weight.Bold


def test_boilerplate_is_grey_and_type_toggles_hide_highlights(open_window, qtbot):
    _select_all(open_window, qtbot)
    view = open_window.side_by_side
    yahoo = next(c for c in view.columns if c.article.outlet == "Yahoo News")
    credit = formats_of(yahoo.browser.document(), "Read more from Yahoo News")
    assert credit and credit[0].fontItalic() and credit[0].background().style() == Qt.BrushStyle.NoBrush
    view._type_buttons["PERSON"].click()
    assert "PERSON" not in view.visible_types()
    formats = formats_of(yahoo.browser.document(), "Kim Jong Un")
    assert formats and all(f.background().color().name() != type_colour("PERSON").name() for f in formats)


def test_clicking_a_mention_follows_the_entity(open_window, qtbot):
    _select_all(open_window, qtbot)
    view = open_window.side_by_side
    with qtbot.waitSignal(view.entityActivated) as blocker:
        from PySide6.QtCore import QUrl

        from gui.views.article_html import entity_link

        view.columns[0].browser.anchorClicked.emit(QUrl(entity_link("Vladimir Putin")))
    assert blocker.args == ["Vladimir Putin"]
    assert open_window.chart_state.selected_entity == "Vladimir Putin"
    for column in view.columns:
        mentions = [f for f in formats_of(column.browser.document(), "Putin") if f.isAnchor()]
        assert mentions and all(f.fontWeight() == QFont.Weight.Bold for f in mentions)
