"""Grouped horizontal bars of the top entities, one colour per outlet.

It draws the rows core's ``entity_chart_rows`` computed (one row per entity
and outlet, best entity first) and maps mouse positions back to an entity
for hover and click; it computes no statistics.
"""

from __future__ import annotations

import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from gui.plots.axes import IntegerAxis
from core.view_state.chart_state import METRIC_NAMES
from gui.plots.chart_widget import ChartWidget
from gui.plots.entity_values import describe, metric_values, value_of

GROUP_HEIGHT = 0.8
EMPTY_MESSAGE = "No entities to show yet.\nDrop articles on the window to compare outlets."
FALLBACK_COLOUR = "#888888"


class EntityChart(ChartWidget):
    """The chart; ``entityClicked`` names the entity whose row was clicked."""

    entityClicked = Signal(str)
    export_name = "entities.png"
    clickable = True

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, axisItems={"bottom": IntegerAxis("bottom")})
        self.setMinimumSize(320, 240)
        self.plot_item.setMouseEnabled(x=False, y=False)
        self.plot_item.showGrid(x=True, y=False, alpha=0.25)
        self.legend = self.plot_item.addLegend(offset=(-10, -10), labelTextSize="10pt")
        self.bars: dict[str, pg.BarGraphItem] = {}
        self.rows = pd.DataFrame()
        self.entities: list[str] = []
        self.outlets: list[str] = []
        self.colours: dict[str, QColor] = {}
        self.drawn_metric = "mentions"  # not "metric": that would hide QWidget.metric() from Qt (a crash in grab)
        self.selected_entity: str | None = None
        self._band: pg.LinearRegionItem | None = None
        font = QFont()
        font.setPointSize(11)
        self.plot_item.getAxis("left").setTickFont(font)
        self.plot_item.getAxis("left").setStyle(tickLength=0)
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.apply_palette()

    # -- drawing -----------------------------------------------------------------
    def set_rows(self, rows: pd.DataFrame, outlets: list[str], colours: dict[str, QColor], metric: str) -> None:
        """Draw ``rows`` (``entity_chart_rows``) for ``outlets`` in their colours."""
        self.rows, self.outlets, self.drawn_metric, self.colours = rows, list(outlets), metric, dict(colours)
        self.entities = list(dict.fromkeys(rows["entity"])) if not rows.empty else []
        self.plot_item.clear()
        self.legend.clear()
        self.bars = {}
        self._band = None
        n, k = len(self.entities), max(len(self.outlets), 1)
        axis = self.plot_item.getAxis("left")
        if not n:
            self.show_message(EMPTY_MESSAGE)
            axis.setTicks([[]])
            self.plot_item.setLabel("bottom", "")
            return
        height = GROUP_HEIGHT / k
        for index, outlet in enumerate(self.outlets):
            part = rows[rows["outlet"] == outlet]
            ys = [self._row_y(e) + GROUP_HEIGHT / 2 - (index + 0.5) * height for e in part["entity"]]
            colour = colours.get(outlet, QColor(FALLBACK_COLOUR))
            item = pg.BarGraphItem(x0=0, y=ys, height=height * 0.92, width=metric_values(part, metric).tolist(),
                                   brush=pg.mkBrush(colour), pen=pg.mkPen(colour.darker(130), width=0.5),
                                   name=outlet)
            self.plot_item.addItem(item)
            self.bars[outlet] = item
        axis.setTicks([[(self._row_y(e), e) for e in self.entities], []])
        self.plot_item.getAxis("bottom").whole = metric == "mentions"  # counts: never a tick at 0.5
        self.plot_item.setLabel("bottom", METRIC_NAMES[metric])
        peak = float(metric_values(rows, metric).max() or 1.0)
        self.plot_item.setRange(xRange=(0, peak * 1.05), yRange=(-0.6, n - 0.4), padding=0)
        self._draw_band()

    def redraw(self) -> None:
        if hasattr(self, "rows"):
            self.set_rows(self.rows, self.outlets, self.colours, self.drawn_metric)

    def set_selected_entity(self, entity: str | None) -> None:
        self.selected_entity = entity
        self._draw_band()

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
        return QPointF(value_of(self.rows, entity, outlet, self.drawn_metric) / 2, y)

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

    def describe(self, entity: str, outlet: str | None = None) -> str:
        """Hover text: the hovered outlet's value, then the entity and each outlet's numbers."""
        return describe(self.rows, entity, self.drawn_metric, outlet)

    def tip_at(self, scene_pos: QPointF) -> str | None:
        entity, outlet = self.entity_at(scene_pos)
        return None if entity is None else self.describe(entity, outlet)

    # -- interaction -------------------------------------------------------------
    def _draw_band(self) -> None:
        if self._band is not None:
            self.plot_item.removeItem(self._band)
            self._band = None
        if self.selected_entity not in self.entities:
            return
        y = self._row_y(self.selected_entity)
        colour = QColor("#ffd54f")
        colour.setAlpha(70 if self.dark else 110)
        self._band = pg.LinearRegionItem((y - 0.5, y + 0.5), orientation="horizontal", movable=False,
                                         brush=pg.mkBrush(colour), pen=pg.mkPen(None))
        self._band.setZValue(-10)
        self.plot_item.addItem(self._band, ignoreBounds=True)

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        entity, _ = self.entity_at(event.scenePos())
        if entity is not None:
            self.entityClicked.emit(entity)
