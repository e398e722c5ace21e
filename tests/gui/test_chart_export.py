"""Every chart exports itself (context menu "Export chart…", or from Python) as PNG or SVG with title and legend."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from tests.gui.helpers import settle_chart

SVG_TEXT = "{http://www.w3.org/2000/svg}text"


def svg_texts(path) -> set[str]:
    """The words drawn in an SVG file, one string per text element."""
    return {"".join(element.itertext()).strip() for element in ET.parse(path).getroot().iter(SVG_TEXT)}


def test_every_chart_offers_export_in_its_context_menu_and_can_be_grabbed(open_window):
    panel = open_window.chart_panel
    for chart in (panel.chart, panel.heatmap, open_window.timeline):
        assert [action.text() for action in chart.context_menu().actions()] == ["Export chart…"]
        assert not chart.grab().isNull()  # a chart attribute named "metric" once hid QWidget.metric: grab crashed


def test_the_bar_chart_exports_a_png_of_the_asked_width_and_an_svg_with_title_scope_and_legend(open_window, tmp_path):
    panel = open_window.chart_panel
    settle_chart(panel.chart)
    png = panel.export(tmp_path / "bars.png", width=1200)
    image = QImage(str(png))
    area = panel.chart.plot_item.sceneBoundingRect()
    assert image.width() == 1200 and abs(image.height() - 1200 * area.height() / area.width()) <= 1
    panel.set_scope("Story: Putin visits Pyongyang")
    texts = svg_texts(panel.export(tmp_path / "bars.svg"))
    assert f"{panel.title()} — Story: Putin visits Pyongyang" in texts
    assert {"Newsweek", "Yahoo News"} <= texts  # the legend
    assert "Kim Jong Un" in texts and "Mentions" in {t.strip() for t in texts}


def test_the_heatmap_exports_every_outlet_name_whole_even_from_a_narrow_dock(seven_outlets_window, tmp_path):
    window = seven_outlets_window
    heatmap = window.chart_panel.heatmap
    window.resizeDocks([window.docks["chart"]], [420], Qt.Orientation.Horizontal)
    settle_chart(heatmap)
    assert any("…" in title for title in heatmap.column_titles)  # on screen some names are cut
    texts = svg_texts(window.chart_panel.export(tmp_path / "heatmap.svg"))
    words = {word for text in texts for word in text.split()}
    for outlet in window.view_data.outlets:
        assert set(outlet.split()) <= words, outlet
    assert window.chart_panel.title() in texts and "Mentions" in texts  # title and colour bar
    assert not any("…" in text for text in texts)
    png = QImage(str(window.chart_panel.export(tmp_path / "heatmap.png", width=1800)))
    assert png.width() == 1800 and png.height() > 600


def test_the_timeline_exports_with_its_title_and_legend(seven_outlets_window, tmp_path):
    window = seven_outlets_window
    window.select_entity("Jonas Weller")
    timeline = window.timeline
    texts = svg_texts(timeline.export(tmp_path / "timeline.svg"))
    assert "Jonas Weller: mentions per day" in texts
    assert set(timeline.legend_labels()) <= texts and len(timeline.legend_labels()) == 5
    assert QImage(str(timeline.export(tmp_path / "timeline.png", width=1000))).width() == 1000
