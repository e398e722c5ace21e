"""More than five outlets: the entity chart becomes a readable heatmap entities × outlets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolTip

from core.analysis.chart_data import entity_chart_rows
from core.view_state.chart_state import MAX_OUTLETS_FOR_BARS
from tests.gui.helpers import settle_chart

OUTLETS = ["Capital Wire", "Coastline Post", "Pulse Daily", "Serrana Broadcasting Corporation",
           "The Morning Ledger", "The Northern Observer", "Valmont Herald"]


def _widget_pos(chart, view_point):
    return chart.mapFromScene(chart.plot_item.vb.mapViewToScene(view_point))


def test_seven_outlets_are_drawn_as_a_heatmap_with_every_value_written(seven_outlets_window):
    window = seven_outlets_window
    panel = window.chart_panel
    heatmap = panel.heatmap
    assert window.view_data.outlets == OUTLETS and len(OUTLETS) > MAX_OUTLETS_FOR_BARS
    assert panel.shown_chart() is heatmap and panel.charts.currentWidget() is heatmap
    for title, outlet in zip(heatmap.column_titles, OUTLETS, strict=True):  # wrapped (cut only if too narrow)
        assert title.replace("\n", " ") == outlet or "…" in title
        assert all(heatmap.title_metrics.horizontalAdvance(line) <= heatmap.column_width() for line in title.split("\n"))
    assert heatmap.column_titles[3].startswith("Serrana\n")  # a long name takes several lines
    rows = entity_chart_rows(window.view_data.entities, OUTLETS, metric="mentions", types=window.chart_state.types,
                             n=window.chart_state.top_n)
    assert heatmap.entities == list(dict.fromkeys(rows["entity"]))  # best entity first, as the bars would rank
    for row in rows.itertuples():
        assert heatmap.cell_text(row.entity, row.outlet) == f"{row.mentions:,}"
    quintela = rows[(rows["entity"] == "Marta Quintela") & (rows["outlet"] == "Pulse Daily")]["mentions"].iloc[0]
    assert quintela == rows[rows["entity"] == "Marta Quintela"]["mentions"].max() > 1  # the outlet that names her most
    colours = window.project.outlet_colours()
    chips = [item for item in heatmap.plot_item.items if item.__class__.__name__ == "BarGraphItem"][0]
    assert [b.color().name() for b in chips.opts["brushes"]] == [colours[o].lower() for o in OUTLETS]
    assert heatmap.colour_bar.getAxis("bottom").labelText == "Mentions"
    assert heatmap.plot_item.titleLabel.text.startswith(f"Top {window.chart_state.top_n} entities by outlet")


def test_hovering_a_cell_names_outlet_entity_and_value_and_a_click_follows_the_entity(seven_outlets_window, qtbot):
    window = seven_outlets_window
    heatmap = window.chart_panel.heatmap
    settle_chart(heatmap)
    QToolTip.hideText()
    qtbot.mouseMove(heatmap.viewport(), _widget_pos(heatmap, heatmap.cell_point("Marta Quintela", "Pulse Daily")))
    value = heatmap.cell_text("Marta Quintela", "Pulse Daily")
    assert QToolTip.text().startswith(f"Pulse Daily · Marta Quintela: {value} mentions")
    with qtbot.waitSignal(window.chart_panel.entityClicked, timeout=5_000) as blocker:
        qtbot.mouseClick(heatmap.viewport(), Qt.MouseButton.LeftButton,
                         pos=_widget_pos(heatmap, heatmap.cell_point("Dravonia", "The Northern Observer")))
    assert blocker.args == ["Dravonia"]
    assert window.chart_state.selected_entity == "Dravonia"
    assert heatmap._outline is not None


def test_the_layout_can_be_chosen_and_bars_come_back(seven_outlets_window):
    window = seven_outlets_window
    panel = window.chart_panel
    panel.layout_box.setCurrentIndex(panel.layout_box.findData("bars"))
    assert window.chart_state.layout == "bars"
    assert panel.shown_chart() is panel.chart and panel.charts.currentWidget() is panel.chart
    assert sorted(panel.chart.bars) == OUTLETS
    assert window.qsettings.value("chart/layout") == "bars"  # remembered
    window.chart_state.layout = "auto"
    assert panel.layout_box.currentData() == "auto" and panel.charts.currentWidget() is panel.heatmap
