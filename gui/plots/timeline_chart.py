"""Mentions of the followed entities per day, one line per outlet and entity (draws core's table).

Dates on the x axis, whole counts on the y axis. Where series meet on the
same day and count, their markers stand side by side (a few pixels apart,
whatever the zoom) instead of on top of each other; each outlet also has
its own marker shape, fills are translucent, and hovering lists every
point under the mouse.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QTransform
from PySide6.QtWidgets import QWidget
from pyqtgraph.graphicsItems.ScatterPlotItem import Symbols

from gui.plots.axes import CalendarAxis, IntegerAxis
from gui.plots.chart_widget import ChartWidget

NO_ENTITY = ("Click a bar in the chart (or an entity in a text)\nto see its mentions day by day;"
             "\nselect several in the Entities view to compare them.")
#: Line style of the 1st, 2nd, … entity (the colour is the outlet's).
ENTITY_STYLES = (Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine, Qt.PenStyle.DashDotLine,
                 Qt.PenStyle.DashDotDotLine)
#: Marker shape of the 1st, 2nd, … outlet.
OUTLET_SYMBOLS = ("o", "s", "t", "d", "t1", "star", "p", "h", "t2", "t3")
MARKER_SIZE = 10
DODGE_PIXELS = 11  # centre to centre of markers that share a spot: a little more than a marker
FILL_ALPHA = 150
HOVER_PIXELS = 9  # how near the mouse a point must be to be described
FALLBACK_COLOUR = "#888888"


def dodges(series: dict[str, pd.DataFrame]) -> dict[str, list[float]]:
    """Per series and point, how many pixels to move its marker sideways: points sharing a day and a count
    are spread evenly round their true place, in the order of the series; other points stay put."""
    spots: dict[tuple[float, float], list[str]] = {}
    for name, rows in series.items():
        for x, y in zip(rows["x"], rows["mentions"]):
            spots.setdefault((float(x), float(y)), []).append(name)
    shifts: dict[str, list[float]] = {}
    for name, rows in series.items():
        shifts[name] = []
        for x, y in zip(rows["x"], rows["mentions"]):
            sharing = spots[(float(x), float(y))]
            shifts[name].append((sharing.index(name) - (len(sharing) - 1) / 2) * DODGE_PIXELS)
    return shifts


def shifted(symbol: str, pixels: float) -> str | QPainterPath:
    """A marker shape moved sideways by ``pixels`` (symbols are drawn in units of their size)."""
    if not pixels:
        return symbol
    return QTransform.fromTranslate(pixels / MARKER_SIZE, 0).map(Symbols[symbol])


def describe_point(entity: str, outlet: str, day: pd.Timestamp, mentions: int, articles: int) -> str:
    mention_word = "mention" if mentions == 1 else "mentions"
    article_word = "article" if articles == 1 else "articles"
    return f"{outlet} · {entity} · {day:%d %b %Y}: {mentions:,} {mention_word} in {articles:,} {article_word}"


class TimelineChart(ChartWidget):
    """``set_data`` with ``mentions_per_day`` rows for one or more entities.

    Each outlet keeps its colour and marker; each entity has its own line
    style. ``lines`` (the lines) and ``markers`` (their points) are keyed by
    outlet for one entity, by "entity — outlet" for several.
    """

    export_name = "timeline.png"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, axisItems={"bottom": CalendarAxis("bottom"), "left": IntegerAxis("left")})
        self.setMinimumSize(320, 200)
        self.plot_item.setMouseEnabled(x=True, y=False)
        self.plot_item.vb.setLimits(minXRange=3 * 86_400)  # zoomed in no further than a few days
        self.plot_item.showGrid(x=True, y=True, alpha=0.2)
        self.plot_item.setLabel("left", "Mentions")
        self.legend = self.plot_item.addLegend(offset=(-10, 10))
        self.lines: dict[str, pg.PlotDataItem] = {}
        self.markers: dict[str, pg.ScatterPlotItem] = {}
        self.points: dict[str, pd.DataFrame] = {}  # the rows each line draws, with their x
        self._last: tuple = (pd.DataFrame(), {}, [], 0.0)
        self.apply_palette()

    def set_data(self, table: pd.DataFrame, colours: dict[str, QColor], entities: list[str],
                 undated_share: float = 0.0) -> None:
        self._last = (table, colours, entities, undated_share)
        self.plot_item.clear()
        self.legend.clear()
        self.lines, self.markers, self.points = {}, {}, {}
        if not entities or table.empty:
            self.set_title("")
            self.show_message(NO_ENTITY if not entities else
                              f"No dated article mentions {' or '.join(entities)}."
                              + ("\nAdd dates in the Date column of the article table." if undated_share else ""))
            return
        self.set_title(f"{', '.join(entities)}: mentions per day"
                       + (f" ({undated_share:.0%} of articles have no date)" if undated_share else ""))
        seconds = table["day"].map(lambda day: pd.Timestamp(day).timestamp())  # any datetime64 resolution
        outlets = sorted(table["outlet"].unique())
        for (entity, outlet), rows in table.assign(x=seconds).groupby(["entity", "outlet"], sort=True):
            self.points[outlet if len(entities) == 1 else f"{entity} — {outlet}"] = rows
        shifts = dodges(self.points)
        for name, rows in self.points.items():
            entity, outlet = rows["entity"].iloc[0], rows["outlet"].iloc[0]
            self._draw_series(name, rows, colours.get(outlet, QColor(FALLBACK_COLOUR)),
                              ENTITY_STYLES[entities.index(entity) % len(ENTITY_STYLES)],
                              OUTLET_SYMBOLS[outlets.index(outlet) % len(OUTLET_SYMBOLS)], shifts[name])
        margin = max(86_400.0, (seconds.max() - seconds.min()) * 0.05)
        self.plot_item.setRange(xRange=(seconds.min() - margin, seconds.max() + margin),
                                yRange=(0, float(table["mentions"].max()) * 1.15), padding=0.02)

    def _draw_series(self, name: str, rows: pd.DataFrame, colour: QColor, style: Qt.PenStyle, symbol: str,
                     shifts: list[float]) -> None:
        """The line through the true points, the markers beside it where series meet, and a legend entry."""
        fill = QColor(colour)
        fill.setAlpha(FILL_ALPHA)
        xs, ys = rows["x"].to_numpy(dtype=float), rows["mentions"].to_numpy(dtype=float)
        pen = pg.mkPen(colour, width=2, style=style)
        edge = colour.lighter(160) if self.dark else colour.darker(130)  # an outline that stands off the background
        marker = {"size": MARKER_SIZE, "brush": pg.mkBrush(fill), "pen": pg.mkPen(edge, width=1.5)}
        self.lines[name] = self.plot_item.plot(xs, ys, pen=pen)
        self.markers[name] = pg.ScatterPlotItem(xs, ys, symbol=[shifted(symbol, s) for s in shifts], useCache=False,
                                                **marker)  # no cache: it would clip a moved marker
        self.markers[name].setZValue(10)
        self.plot_item.addItem(self.markers[name])
        # The legend's sample: never drawn in the plot, but without a point its marker options would be ignored.
        sample = pg.PlotDataItem(xs[:1], ys[:1], pen=pen, symbol=symbol, symbolSize=marker["size"],
                                 symbolBrush=marker["brush"], symbolPen=marker["pen"])
        self.legend.addItem(sample, name)

    def redraw(self) -> None:
        if hasattr(self, "_last"):
            self.set_data(*self._last)

    def legend_labels(self) -> list[str]:
        return [label.text for _, label in self.legend.items]

    # -- hover ---------------------------------------------------------------------
    def points_near(self, scene_pos: QPointF) -> list[str]:
        """What every point within a few pixels of a scene position stands for."""
        if not self.points or not self.plot_item.vb.sceneBoundingRect().contains(scene_pos):
            return []
        here = self.plot_item.vb.mapSceneToView(scene_pos)
        pixel_w, pixel_h = self.plot_item.vb.viewPixelSize()
        found = []
        for rows in self.points.values():
            dx = (rows["x"].to_numpy(dtype=float) - here.x()) / pixel_w
            dy = (rows["mentions"].to_numpy(dtype=float) - here.y()) / pixel_h
            for row in rows[np.hypot(dx, dy) <= HOVER_PIXELS].itertuples():
                found.append(describe_point(row.entity, row.outlet, pd.Timestamp(row.day), int(row.mentions),
                                            int(row.articles)))
        return found

    def tip_at(self, scene_pos: QPointF) -> str | None:
        return "\n".join(self.points_near(scene_pos)) or None
