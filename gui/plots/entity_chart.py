"""Grouped horizontal bars of the top entities, one colour per outlet.

It draws the rows core's ``entity_chart_rows`` computed (one row per entity
and outlet, best entity first) and maps mouse positions back to an entity
for hover and click; it computes no statistics.
"""

from __future__ import annotations

import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

from gui.colors import is_dark, type_name
from gui.plots.chart_state import METRIC_NAMES

GROUP_HEIGHT = 0.8
EMPTY_MESSAGE = "No entities to show yet.\nDrop articles on the window to compare outlets."


def metric_values(rows: pd.DataFrame, metric: str) -> pd.Series:
    """The values as drawn: shares as percentages."""
    values = rows[metric].astype(float)
    return values * 100 if metric == "share_of_articles" else values


def format_value(value: float, metric: str) -> str:
    if metric == "mentions":
        return f"{int(round(value)):,} mentions"
    if metric == "per_1000_words":
        return f"{value:.2f} per 1,000 words"
    return f"{value:.0f}% of articles"


class EntityChart(pg.PlotWidget):
    """The chart; ``entityClicked`` names the entity whose row was clicked."""

    entityClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumSize(320, 240)
        self.plot_item = self.getPlotItem()
        self.plot_item.setMouseEnabled(x=False, y=False)
        self.plot_item.hideButtons()
        self.plot_item.showGrid(x=True, y=False, alpha=0.25)
        self.legend = self.plot_item.addLegend(offset=(-10, -10), labelTextSize="10pt")
        self.bars: dict[str, pg.BarGraphItem] = {}
        self.rows = pd.DataFrame()
        self.entities: list[str] = []
        self.outlets: list[str] = []
        self.colours: dict[str, QColor] = {}
        self.metric = "mentions"
        self.selected_entity: str | None = None
        self._band: pg.LinearRegionItem | None = None
        self._empty = pg.TextItem(EMPTY_MESSAGE, anchor=(0.5, 0.5))
        font = QFont()
        font.setPointSize(11)
        self.plot_item.getAxis("left").setTickFont(font)
        self.plot_item.getAxis("left").setStyle(tickLength=0)
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.apply_palette()

    # -- drawing -----------------------------------------------------------------
    def set_rows(self, rows: pd.DataFrame, outlets: list[str], colours: dict[str, QColor], metric: str) -> None:
        """Draw ``rows`` (``entity_chart_rows``) for ``outlets`` in their colours."""
        self.rows, self.outlets, self.metric, self.colours = rows, list(outlets), metric, dict(colours)
        self.entities = list(dict.fromkeys(rows["entity"])) if not rows.empty else []
        self.plot_item.clear()
        self.legend.clear()
        self.bars = {}
        self._band = None
        n, k = len(self.entities), max(len(self.outlets), 1)
        axis = self.plot_item.getAxis("left")
        if not n:
            self.plot_item.addItem(self._empty)
            self._empty.setPos(0.5, 0.5)
            self.plot_item.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
            axis.setTicks([[]])
            self.plot_item.setLabel("bottom", "")
            return
        height = GROUP_HEIGHT / k
        for index, outlet in enumerate(self.outlets):
            part = rows[rows["outlet"] == outlet]
            ys = [self._row_y(e) + GROUP_HEIGHT / 2 - (index + 0.5) * height for e in part["entity"]]
            colour = colours.get(outlet, QColor("#888888"))
            item = pg.BarGraphItem(x0=0, y=ys, height=height * 0.92, width=metric_values(part, metric).tolist(),
                                   brush=pg.mkBrush(colour), pen=pg.mkPen(colour.darker(130), width=0.5),
                                   name=outlet)
            self.plot_item.addItem(item)
            self.bars[outlet] = item
        axis.setTicks([[(self._row_y(e), e) for e in self.entities], []])
        self.plot_item.setLabel("bottom", METRIC_NAMES[metric])
        peak = float(metric_values(rows, metric).max() or 1.0)
        self.plot_item.setRange(xRange=(0, peak * 1.05), yRange=(-0.6, n - 0.4), padding=0)
        self._draw_band()

    def set_selected_entity(self, entity: str | None) -> None:
        self.selected_entity = entity
        self._draw_band()

    def apply_palette(self) -> None:
        """Follow the window's light or dark palette."""
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        self.setBackground(palette.color(QPalette.ColorRole.Base))
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        self._empty.setColor(text)
        self.legend.setLabelTextColor(text)
        self.legend.setBrush(pg.mkBrush(palette.color(QPalette.ColorRole.Base)))
        self.legend.setPen(pg.mkPen(palette.color(QPalette.ColorRole.Mid)))
        self._dark = is_dark(palette)
        if hasattr(self, "rows"):  # legend labels take the new colour only when re-added
            self.set_rows(self.rows, self.outlets, self.colours, self.metric)

    def legend_labels(self) -> list[str]:
        return [label.text for _, label in self.legend.items]

    # -- geometry ----------------------------------------------------------------
    def _row_y(self, entity: str) -> float:
        return float(len(self.entities) - 1 - self.entities.index(entity))

    def bar_point(self, entity: str, outlet: str) -> QPointF:
        """The middle of one bar in view coordinates (tests click there)."""
        index = self.outlets.index(outlet)
        height = GROUP_HEIGHT / max(len(self.outlets), 1)
        y = self._row_y(entity) + GROUP_HEIGHT / 2 - (index + 0.5) * height
        value = self.rows[(self.rows["entity"] == entity) & (self.rows["outlet"] == outlet)]
        width = float(metric_values(value, self.metric).iloc[0]) if not value.empty else 0.0
        return QPointF(width / 2, y)

    def entity_at(self, scene_pos: QPointF) -> tuple[str | None, str | None]:
        """The entity row (and outlet bar) under a scene position."""
        if not self.entities or not self.plot_item.sceneBoundingRect().contains(scene_pos):
            return None, None
        point = self.plot_item.vb.mapSceneToView(scene_pos)
        row = round(point.y())
        if not 0 <= row < len(self.entities) or abs(point.y() - row) > 0.5:
            return None, None
        entity = self.entities[len(self.entities) - 1 - row]
        offset = (row + GROUP_HEIGHT / 2) - point.y()
        index = int(offset // (GROUP_HEIGHT / max(len(self.outlets), 1)))
        outlet = self.outlets[index] if 0 <= offset < GROUP_HEIGHT and index < len(self.outlets) else None
        return entity, outlet

    def describe(self, entity: str) -> str:
        """Hover text: the entity and each outlet's numbers."""
        part = self.rows[self.rows["entity"] == entity]
        if part.empty:
            return entity
        label = part["label"].iloc[0]
        lines = [f"{entity} — {type_name(label)} ({label})"]
        for row in part.itertuples():
            lines.append(f"{row.outlet}: {row.mentions:,} mentions · {row.per_1000_words:.2f} per 1,000 words · "
                         f"{row.articles:,} articles ({row.share_of_articles * 100:.0f}%)")
        lines.append("Click to highlight its mentions in the texts")
        return "\n".join(lines)

    # -- interaction -------------------------------------------------------------
    def _draw_band(self) -> None:
        if self._band is not None:
            self.plot_item.removeItem(self._band)
            self._band = None
        if self.selected_entity not in self.entities:
            return
        y = self._row_y(self.selected_entity)
        colour = QColor("#ffd54f")
        colour.setAlpha(70 if getattr(self, "_dark", False) else 110)
        self._band = pg.LinearRegionItem((y - 0.5, y + 0.5), orientation="horizontal", movable=False,
                                         brush=pg.mkBrush(colour), pen=pg.mkPen(None))
        self._band.setZValue(-10)
        self.plot_item.addItem(self._band, ignoreBounds=True)

    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        entity, _ = self.entity_at(scene_pos)
        if entity is None:
            QToolTip.hideText()
            self.setCursor(Qt.CursorShape.ArrowCursor)
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        QToolTip.showText(QCursor.pos(), self.describe(entity), self)

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        entity, _ = self.entity_at(event.scenePos())
        if entity is not None:
            self.entityClicked.emit(entity)
