"""The entity chart: bars per outlet, click to follow an entity, metric and type options, export."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from tests.gui.helpers import formats_of, row_of


def _click_bar(qtbot, chart, entity, outlet):
    scene = chart.plot_item.vb.mapViewToScene(chart.bar_point(entity, outlet))
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.mapFromScene(scene))


def test_clicking_a_bar_selects_the_entity_and_highlights_its_mentions(open_window, qtbot):
    chart = open_window.chart_panel.chart
    with qtbot.waitSignal(chart.entityClicked, timeout=5_000) as blocker:
        _click_bar(qtbot, chart, "Kim Jong Un", "Newsweek")
    assert blocker.args == ["Kim Jong Un"]
    assert open_window.chart_state.selected_entity == "Kim Jong Un"
    view = open_window.side_by_side
    qtbot.waitUntil(lambda: len(view.shown_ids()) == 2)  # articles naming it were opened
    for column in view.columns:
        mentions = [f for f in formats_of(column.browser.document(), "Kim Jong Un") if f.isAnchor()]
        assert mentions and all(f.fontWeight() == QFont.Weight.Bold for f in mentions)
    assert chart._band is not None


def test_hover_describes_the_numbers(open_window):
    chart = open_window.chart_panel.chart
    scene = chart.plot_item.vb.mapViewToScene(chart.bar_point("Russia", "Yahoo News"))
    assert chart.entity_at(scene) == ("Russia", "Yahoo News")
    text = chart.describe("Russia")
    assert "Yahoo News:" in text and "Newsweek:" in text and "per 1,000 words" in text


def test_metric_and_type_switches_redraw(open_window):
    panel = open_window.chart_panel
    panel.metric_box.setCurrentIndex(panel.metric_box.findData("share_of_articles"))
    assert open_window.chart_state.metric == "share_of_articles"
    assert panel.chart.plot_item.getAxis("bottom").labelText.startswith("Share of articles")
    widths = [w for item in panel.chart.bars.values() for w in item.opts["width"]]
    assert max(widths) == 100.0
    for label, action in panel.type_actions.items():
        if action.isChecked() != (label == "PERSON"):
            action.trigger()
    assert open_window.chart_state.types == ("PERSON",)
    assert set(panel.chart.rows["label"]) == {"PERSON"}
    assert open_window.settings.entity_types == ["PERSON"]


def test_chart_exports_png_svg_and_csv(open_window, tmp_path):
    panel = open_window.chart_panel
    for suffix in ("png", "svg", "csv"):
        path = panel.export(tmp_path / f"chart.{suffix}")
        assert path.stat().st_size > 100
    rows = pd.read_csv(tmp_path / "chart.csv")
    assert set(rows["outlet"]) == {"Newsweek", "Yahoo News"}
    assert rows.loc[rows["entity"] == "Kim Jong Un", "label"].iloc[0] == "PERSON"
    assert (tmp_path / "chart.svg").read_text().lstrip().startswith("<?xml")


def _bar_colour(chart, outlet):
    return chart.bars[outlet].opts["brush"].color().name()


def test_an_outlet_edit_leaves_the_other_outlets_colour_in_the_chart(open_window, qtbot):
    window = open_window
    chart = window.chart_panel.chart
    newsweek = _bar_colour(chart, "Newsweek")
    assert newsweek == window.project.outlet_colours()["Newsweek"].lower()
    model = window.article_model
    # "Aardvark Times" sorts before Newsweek: colours by sorted order would give Newsweek another one
    assert model.setData(model.index(row_of(model, 0, "Yahoo News"), 0), "Aardvark Times")
    qtbot.waitUntil(lambda: set(chart.bars) == {"Aardvark Times", "Newsweek"}, timeout=30_000)
    assert _bar_colour(chart, "Newsweek") == newsweek
    assert _bar_colour(chart, "Aardvark Times") != newsweek
    shown = {column.article.outlet: column._colour.name() for column in window.side_by_side.columns}
    assert shown.get("Newsweek", newsweek) == newsweek  # the column header's chip too


def test_hovering_a_bar_shows_its_outlet_entity_and_value(open_window, qtbot):
    from PySide6.QtWidgets import QToolTip

    from tests.gui.helpers import settle_chart

    chart = open_window.chart_panel.chart
    settle_chart(chart)
    rows = chart.rows
    mentions = rows[(rows["entity"] == "Russia") & (rows["outlet"] == "Yahoo News")]["mentions"].iloc[0]
    QToolTip.hideText()
    scene = chart.plot_item.vb.mapViewToScene(chart.bar_point("Russia", "Yahoo News"))
    qtbot.mouseMove(chart.viewport(), chart.mapFromScene(scene))
    assert QToolTip.text().splitlines()[0] == f"Yahoo News · Russia: {mentions:,} mentions"
