"""The timeline follows the selected entity; undated articles are explained, dated ones drawn."""

from __future__ import annotations

import pytest

from tests.gui.helpers import row_of


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
    assert sorted(timeline.lines) == ["Newsweek", "Yahoo News"]
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
    labels = sorted(timeline.legend_labels())
    assert "Kim Jong Un — Newsweek" in labels and "Vladimir Putin — Newsweek" in labels
    assert sorted(timeline.lines) == labels
    putin = timeline.lines["Vladimir Putin — Newsweek"]
    kim = timeline.lines["Kim Jong Un — Newsweek"]
    assert putin.opts["pen"].style() != kim.opts["pen"].style()  # told apart by line style
    assert putin.opts["pen"].color() == kim.opts["pen"].color()  # the outlet's colour
    assert "Kim Jong Un, Vladimir Putin" in timeline.plot_item.titleLabel.text or \
        "Vladimir Putin, Kim Jong Un" in timeline.plot_item.titleLabel.text
