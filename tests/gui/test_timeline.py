"""The timeline follows the selected entity; undated articles are explained, dated ones drawn."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.gui.helpers import row_of, settle_chart


@pytest.fixture
def undated_window(window, undated_seeds_file, qtbot):
    """The window on the sample project as it opens first: no article has a date."""
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        assert window.open_project(undated_seeds_file)
    return window


def test_timeline_draws_the_followed_entity_per_outlet_once_articles_have_dates(undated_window, qtbot):
    window = undated_window
    timeline = window.timeline
    window.select_entity("Kim Jong Un")
    assert not timeline.lines
    assert "No dated article mentions Kim Jong Un" in timeline.message.textItem.toPlainText()
    model = window.article_model
    for outlet, day in (("Yahoo News", "2023-09-05"), ("Newsweek", "2024-06-19")):
        row = row_of(model, 0, outlet)
        with qtbot.waitSignal(window.dataRefreshed, timeout=30_000):
            assert model.setData(model.index(row, 2), day)
    qtbot.waitUntil(lambda: sorted(timeline.lines) == ["Newsweek", "Yahoo News"], timeout=30_000)
    assert sorted(timeline.legend_labels()) == ["Newsweek", "Yahoo News"]
    xs, ys = timeline.lines["Newsweek"].getData()
    assert len(xs) == 1 and ys[0] > 0
    import datetime as dt

    when = dt.datetime.fromtimestamp(xs[0], dt.timezone.utc).date()
    assert str(when) == "2024-06-19"  # drawn on its day, whatever resolution pandas gives datetimes


def test_entities_selected_together_in_the_entities_view_share_the_timeline(undated_window, qtbot):
    window = undated_window
    model = window.article_model
    for outlet, day in (("Yahoo News", "2023-09-05"), ("Newsweek", "2024-06-19")):
        with qtbot.waitSignal(window.dataRefreshed, timeout=30_000):
            assert model.setData(model.index(row_of(model, 0, outlet), 2), day)
    window.entity_panel.select_entities(["Kim Jong Un", "Vladimir Putin"])
    timeline = window.timeline
    # a reload already under way when the last date was set may show first: wait for the one with it
    qtbot.waitUntil(lambda: "Kim Jong Un — Newsweek" in timeline.legend_labels(), timeout=30_000)
    labels = sorted(timeline.legend_labels())
    assert "Kim Jong Un — Newsweek" in labels and "Vladimir Putin — Newsweek" in labels
    assert sorted(timeline.lines) == labels
    putin = timeline.lines["Vladimir Putin — Newsweek"]
    kim = timeline.lines["Kim Jong Un — Newsweek"]
    assert putin.opts["pen"].style() != kim.opts["pen"].style()  # told apart by line style
    assert putin.opts["pen"].color() == kim.opts["pen"].color()  # the outlet's colour
    assert "Kim Jong Un, Vladimir Putin" in timeline.plot_item.titleLabel.text or \
        "Vladimir Putin, Kim Jong Un" in timeline.plot_item.titleLabel.text


def _tick_strings(axis):
    low, high = axis.range
    size = axis.geometry().width() if axis.orientation in ("top", "bottom") else axis.geometry().height()
    return [text for spacing, values in axis.tickValues(low, high, size)
            for text in axis.tickStrings(values, axis.scale, spacing)], [v for _, vs in axis.tickValues(low, high, size)
                                                                         for v in vs]


def test_the_axes_show_calendar_dates_with_their_year_and_whole_counts(seven_outlets_window, qtbot):
    import re

    window = seven_outlets_window
    window.docks["timeline"].raise_()
    window.select_entity("Jonas Weller")
    timeline = window.timeline
    assert len(timeline.lines) == 5  # five of the seven outlets name him, March to May 2024
    plot = timeline.plot_item
    dated = re.compile(r"^((\d{1,2} )?[A-Z][a-z]{2} )?\d{4}$")  # "5 Mar 2024", "Mar 2024" or "2024"
    for days in (None, 10, 3 * 365):
        if days:
            start = pd.Timestamp("2024-03-01").timestamp()
            plot.setXRange(start, start + days * 86_400, padding=0)
        settle_chart(timeline)  # the axes measure their labels when they paint
        texts, _ = _tick_strings(plot.getAxis("bottom"))
        assert texts and all(dated.match(t) for t in texts), texts
        assert any("2024" in t for t in texts)
    texts, values = _tick_strings(plot.getAxis("left"))
    assert values and all(float(v).is_integer() for v in values) and "2" in texts  # 0, 1, 2: never 0.5


def test_markers_of_series_meeting_on_a_day_stand_side_by_side_and_hover_lists_them(qtbot):
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QToolTip

    from gui.plots.timeline_chart import TimelineChart

    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.resize(700, 400)
    chart.show()
    day, later = pd.Timestamp("2024-03-04"), pd.Timestamp("2024-04-10")
    table = pd.DataFrame({"day": [day, later, day, day], "outlet": ["Capital Wire", "Capital Wire", "Pulse Daily",
                                                                    "Valmont Herald"],
                          "entity": "Jonas Weller", "mentions": [1, 1, 1, 2], "articles": [1, 1, 1, 1]})
    chart.set_data(table, {"Capital Wire": QColor("#0072B2"), "Pulse Daily": QColor("#009E73")}, ["Jonas Weller"])
    settle_chart(chart)
    vb = chart.plot_item.vb

    def drawn(outlet, when):
        spot = next(s for s in chart.markers[outlet].points() if s.pos().x() == when.timestamp())
        centre = vb.mapViewToScene(spot.pos())
        box = spot.symbol().boundingRect() if not isinstance(spot.symbol(), str) else QRectF(-0.5, -0.5, 1, 1)
        size = spot.size()
        return QRectF(centre.x() + box.x() * size, centre.y() + box.y() * size, box.width() * size,
                      box.height() * size)

    wire, pulse = drawn("Capital Wire", day), drawn("Pulse Daily", day)
    assert not wire.intersects(pulse)  # same day, same count: side by side, neither hidden
    assert abs(wire.center().y() - pulse.center().y()) < 0.5  # still at their count
    true_place = vb.mapViewToScene(QPointF(day.timestamp(), 1))
    assert abs((wire.center().x() + pulse.center().x()) / 2 - true_place.x()) < 0.5  # around their day
    alone = drawn("Valmont Herald", day)
    assert abs(alone.center().x() - true_place.x()) < 0.5  # a point nobody shares stays in place
    assert chart.markers["Capital Wire"].points()[0].brush().color().alpha() < 255  # translucent too
    samples = {label.text: sample.item.scatter.opts for sample, label in chart.legend.items}  # as the legend draws
    assert samples["Capital Wire"]["brush"].color().rgb() == QColor("#0072B2").rgb()
    assert samples["Capital Wire"]["symbol"] != samples["Pulse Daily"]["symbol"]

    QToolTip.hideText()
    qtbot.mouseMove(chart.viewport(), chart.mapFromScene(true_place))
    assert QToolTip.text().splitlines() == ["Capital Wire · Jonas Weller · 04 Mar 2024: 1 mention in 1 article",
                                            "Pulse Daily · Jonas Weller · 04 Mar 2024: 1 mention in 1 article"]
