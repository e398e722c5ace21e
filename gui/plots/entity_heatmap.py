"""Entities × outlets as a heatmap: the readable layout when there are too many outlets for grouped bars.

One row per entity (best first), one column per outlet under its name and
colour chip; each cell shows its value, shaded from light (none) to dark
(the most), with a colour bar as legend. It draws ``entity_chart_rows``
as the bars do and computes nothing.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF
from PySide6.QtWidgets import QWidget

from core.view_state.chart_state import METRIC_NAMES
from gui.plots.chart_widget import ChartWidget
from gui.plots.entity_values import describe, metric_values, short_value

EMPTY_MESSAGE = "No entities to show yet.\nDrop articles on the window to compare outlets."
#: One hue from pale to dark (ColorBrewer "Blues"): readable for every kind of colour vision.
LIGHT_SHADES = ("#f7fbff", "#9ecae1", "#08306b")
DARK_SHADES = ("#1f2a36", "#3f7fb5", "#c6dbef")
SELECTED_COLOUR = "#ffd54f"
#: Above this many cells the values are left to the hover text (labels would be unreadably small).
MAX_LABELLED_CELLS = 600
CHIP_GAP, CHIP_HEIGHT = 0.08, 0.22
ZERO_TEXT = "#8a8a8a"  # a quiet "0": the absence is visible without shouting


def wrapped(name: str, width: float, metrics: QFontMetricsF) -> str:
    """An outlet's name in lines no wider than its column (a word too long for one line is cut with "…")."""
    lines: list[str] = []
    for word in name.split():
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines) or name


class EntityHeatmap(ChartWidget):
    """``set_rows`` as :class:`EntityChart`; ``entityClicked`` names the entity of a clicked cell."""

    entityClicked = Signal(str)
    export_name = "entities-heatmap.png"
    clickable = True

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumSize(320, 240)
        self.plot_item.setMouseEnabled(x=False, y=False)
        self.plot_item.showAxis("top")
        self.plot_item.hideAxis("bottom")
        font = QFont()
        font.setPointSize(10)
        self.title_metrics = QFontMetricsF(font)
        for name in ("left", "top"):
            axis = self.plot_item.getAxis(name)
            axis.setTickFont(font)
            axis.setStyle(tickLength=0)
        self.plot_item.getAxis("top").setStyle(hideOverlappingLabels=60)  # the first and last titles may overhang
        self.rows = pd.DataFrame()
        self.entities: list[str] = []
        self.outlets: list[str] = []
        self.colours: dict[str, QColor] = {}
        self.drawn_metric = "mentions"  # not "metric": that would hide QWidget.metric() from Qt (a crash in grab)
        self.selected_entity: str | None = None
        self.values = np.zeros((0, 0))
        self.column_titles: list[str] = []  # the outlets' names as shown over the columns (long ones wrapped)
        self.labels: dict[tuple[str, str], pg.TextItem] = {}
        self.image = pg.ImageItem(axisOrder="col-major")
        self.colour_bar = pg.ColorBarItem(values=(0, 1), colorMap=self._colour_map(), interactive=False,
                                          orientation="horizontal", width=14, colorMapMenu=False)
        self.colour_bar.setImageItem(self.image, insert_in=self.plot_item)
        self._outline: pg.PlotDataItem | None = None
        self.scene().sigMouseClicked.connect(self._on_mouse_clicked)
        self.plot_item.vb.sigResized.connect(self._show_column_titles)
        self.apply_palette()

    # -- drawing -----------------------------------------------------------------
    def set_rows(self, rows: pd.DataFrame, outlets: list[str], colours: dict[str, QColor], metric: str) -> None:
        """Draw ``rows`` (``entity_chart_rows``): a cell per entity and outlet."""
        self.rows, self.outlets, self.drawn_metric, self.colours = rows, list(outlets), metric, dict(colours)
        self.entities = list(dict.fromkeys(rows["entity"])) if not rows.empty else []
        self.plot_item.clear()
        self.labels = {}
        self._outline = None
        n, k = len(self.entities), len(self.outlets)
        if not n or not k:
            self.values, self.column_titles = np.zeros((0, 0)), []
            self.colour_bar.hide()
            self.plot_item.getAxis("left").setTicks([[]])
            self.plot_item.getAxis("top").setTicks([[]])
            self.show_message(EMPTY_MESSAGE)
            return
        self.values = self._grid(rows)
        peak = float(self.values.max()) or 1.0
        cmap = self._colour_map()
        self.colour_bar.setColorMap(cmap)
        self.colour_bar.setLevels((0.0, peak))
        self.colour_bar.getAxis("bottom").setLabel(METRIC_NAMES[metric])
        self.colour_bar.show()
        self.image.setImage(self.values, levels=(0.0, peak), autoLevels=False)
        self.image.setRect(QRectF(-0.5, -0.5, k, n))
        self.plot_item.addItem(self.image)
        if n * k <= MAX_LABELLED_CELLS:
            self._label_cells(cmap, peak)
        self._draw_chips()
        self.plot_item.getAxis("left").setTicks([[(self._row_y(e), e) for e in self.entities], []])
        self._show_column_titles()
        self.plot_item.setRange(xRange=(-0.5, k - 0.5), yRange=(-0.5, n - 0.5 + CHIP_GAP + CHIP_HEIGHT + 0.05),
                                padding=0)
        self._draw_outline()

    def redraw(self) -> None:
        if hasattr(self, "rows"):
            self.set_rows(self.rows, self.outlets, self.colours, self.drawn_metric)

    def set_selected_entity(self, entity: str | None) -> None:
        self.selected_entity = entity
        self._draw_outline()

    def apply_palette(self) -> None:
        super().apply_palette()
        for name in ("bottom", "left", "top", "right"):
            axis = self.colour_bar.getAxis(name)
            axis.setPen(pg.mkPen(self.text_colour))
            axis.setTextPen(pg.mkPen(self.text_colour))

    def cell_text(self, entity: str, outlet: str) -> str:
        """The value written in a cell ("" when values are left to the hover text)."""
        item = self.labels.get((entity, outlet))
        return item.textItem.toPlainText() if item is not None else ""

    # -- geometry ----------------------------------------------------------------
    def _row_y(self, entity: str) -> float:
        return float(len(self.entities) - 1 - self.entities.index(entity))

    def cell_point(self, entity: str, outlet: str) -> QPointF:
        """The middle of a cell in view coordinates."""
        return QPointF(float(self.outlets.index(outlet)), self._row_y(entity))

    def cell_at(self, scene_pos: QPointF) -> tuple[str | None, str | None]:
        """The entity and outlet of the cell under a scene position (entity None over a colour chip)."""
        if not self.entities or not self.plot_item.vb.sceneBoundingRect().contains(scene_pos):
            return None, None
        point = self.plot_item.vb.mapSceneToView(scene_pos)
        column, row = round(point.x()), round(point.y())
        if not 0 <= column < len(self.outlets):
            return None, None
        outlet = self.outlets[column]
        if 0 <= row < len(self.entities) and point.y() <= len(self.entities) - 0.5:
            return self.entities[len(self.entities) - 1 - row], outlet
        return (None, outlet) if point.y() > len(self.entities) - 0.5 else (None, None)

    def tip_at(self, scene_pos: QPointF) -> str | None:
        entity, outlet = self.cell_at(scene_pos)
        if entity is None:
            return outlet
        return describe(self.rows, entity, self.drawn_metric, outlet)

    def column_width(self) -> float:
        """A column's width on screen, in pixels."""
        return self.plot_item.vb.width() / max(len(self.outlets), 1)

    def width_for_titles(self) -> int:
        """How wide the chart must be for no outlet name to be cut (each word on a line of its own at worst)."""
        word = max((self.title_metrics.horizontalAdvance(w) for o in self.outlets for w in o.split()), default=0.0)
        return int(self.width() - self.plot_item.vb.width() + len(self.outlets) * (word + 12))

    def export(self, path: str | Path, *, width: int | None = None) -> Path:
        """As shown; if the dock is too narrow for the outlets' names, a copy drawn wide enough for them."""
        needed = self.width_for_titles()
        if needed <= self.width():
            return super().export(path, width=width)
        copy = EntityHeatmap()
        copy.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
        copy.setPalette(self.palette())
        copy.resize(needed, max(self.height(), 240))
        copy.show()
        try:
            copy.set_title(self.title)
            copy.set_scope(self.scope)
            copy.set_rows(self.rows, self.outlets, self.colours, self.drawn_metric)
            copy.set_selected_entity(self.selected_entity)
            for _ in range(3):  # axes size themselves to their text when painted; then the layout follows
                copy.grab()
                copy.plot_item.layout.activate()
            return copy.export(path, width=width)
        finally:
            copy.close()
            copy.deleteLater()

    # -- internals ---------------------------------------------------------------
    def _show_column_titles(self, *_) -> None:
        """Outlet names over the columns, wrapped to the columns' width (again after each resize)."""
        if not self.outlets or not self.entities:
            return
        width = max(self.column_width() - 6, 40.0)
        self.column_titles = [wrapped(o, width, self.title_metrics) for o in self.outlets]
        axis = self.plot_item.getAxis("top")
        axis.setTicks([list(enumerate(self.column_titles)), []])
        lines = max(title.count("\n") + 1 for title in self.column_titles)
        axis.setHeight(int(lines * self.title_metrics.lineSpacing() + 10))

    def _grid(self, rows: pd.DataFrame) -> np.ndarray:
        """Values as an outlet (x) × entity row (y, best entity at the top) array."""
        values = np.zeros((len(self.outlets), len(self.entities)))
        drawn = metric_values(rows, self.drawn_metric).to_numpy()
        for value, entity, outlet in zip(drawn, rows["entity"], rows["outlet"]):
            if outlet in self.outlets:
                values[self.outlets.index(outlet), int(self._row_y(entity))] = value
        return values

    def _colour_map(self) -> pg.ColorMap:
        shades = DARK_SHADES if self.dark else LIGHT_SHADES
        return pg.ColorMap(pos=[0.0, 0.5, 1.0], color=[QColor(c) for c in shades])

    def _label_cells(self, cmap: pg.ColorMap, peak: float) -> None:
        font = QFont()
        font.setPointSize(9)
        for x, outlet in enumerate(self.outlets):
            for entity in self.entities:
                y = int(self._row_y(entity))
                value = float(self.values[x, y])
                shade = cmap.map(value / peak, mode="qcolor")
                text = QColor("#000000") if shade.lightnessF() > 0.55 else QColor("#ffffff")
                if value == 0:
                    text = QColor(ZERO_TEXT)
                item = pg.TextItem(short_value(value, self.drawn_metric), color=text, anchor=(0.5, 0.5))
                item.setFont(font)
                item.setPos(x, y)
                self.plot_item.addItem(item)
                self.labels[(entity, outlet)] = item

    def _draw_chips(self) -> None:
        """Each outlet's colour (the same in every view) over its column."""
        n = len(self.entities)
        brushes = [pg.mkBrush(self.colours.get(o, QColor("#888888"))) for o in self.outlets]
        chips = pg.BarGraphItem(x=list(range(len(self.outlets))), y0=n - 0.5 + CHIP_GAP, height=CHIP_HEIGHT,
                                width=0.9, brushes=brushes, pen=pg.mkPen(None))
        self.plot_item.addItem(chips)

    def _draw_outline(self) -> None:
        if self._outline is not None:
            self.plot_item.removeItem(self._outline)
            self._outline = None
        if self.selected_entity not in self.entities:
            return
        y, right = self._row_y(self.selected_entity), len(self.outlets) - 0.5
        self._outline = pg.PlotDataItem([-0.5, right, right, -0.5, -0.5], [y - 0.5, y - 0.5, y + 0.5, y + 0.5, y - 0.5],
                                        pen=pg.mkPen(SELECTED_COLOUR, width=3))
        self._outline.setZValue(20)
        self.plot_item.addItem(self._outline)

    def _on_mouse_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        entity, _ = self.cell_at(event.scenePos())
        if entity is not None:
            self.entityClicked.emit(entity)
