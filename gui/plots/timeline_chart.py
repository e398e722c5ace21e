"""Mentions of the followed entities per day, one line per outlet and entity (draws core's table)."""

from __future__ import annotations

import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

NO_ENTITY = ("Click a bar in the chart (or an entity in a text)\nto see its mentions day by day;"
             "\nselect several in the Entities view to compare them.")
#: Line style and point symbol of the 1st, 2nd, … entity (the colour is the outlet's).
ENTITY_STYLES = ((Qt.PenStyle.SolidLine, "o"), (Qt.PenStyle.DashLine, "t"), (Qt.PenStyle.DotLine, "s"),
                 (Qt.PenStyle.DashDotLine, "d"), (Qt.PenStyle.DashDotDotLine, "+"))


class TimelineChart(pg.PlotWidget):
    """``set_data`` with ``mentions_per_day`` rows for one or more entities.

    Each outlet keeps its colour; each entity has its own line style and
    symbol. ``lines`` is keyed by outlet for one entity, by "entity — outlet"
    for several.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.setMinimumSize(320, 200)
        self.plot_item = self.getPlotItem()
        self.plot_item.setMouseEnabled(x=True, y=False)
        self.plot_item.showGrid(x=True, y=True, alpha=0.2)
        self.plot_item.setLabel("left", "Mentions")
        self.legend = self.plot_item.addLegend(offset=(-10, 10))
        self.lines: dict[str, pg.PlotDataItem] = {}
        self.message = pg.TextItem(NO_ENTITY, anchor=(0.5, 0.5))
        self._last: tuple = (pd.DataFrame(), {}, [], 0.0)
        self.apply_palette()

    def set_data(self, table: pd.DataFrame, colours: dict[str, QColor], entities: list[str],
                 undated_share: float = 0.0) -> None:
        self._last = (table, colours, entities, undated_share)
        self.plot_item.clear()
        self.legend.clear()
        self.lines = {}
        if not entities or table.empty:
            self._show_message(NO_ENTITY if not entities else
                               f"No dated article mentions {' or '.join(entities)}."
                               + ("\nAdd dates in the Date column of the article table." if undated_share else ""))
            return
        self.plot_item.setTitle(f"{', '.join(entities)}: mentions per day"
                                + (f" ({undated_share:.0%} of articles have no date)" if undated_share else ""))
        seconds = table["day"].map(lambda day: pd.Timestamp(day).timestamp())  # any datetime64 resolution
        for (entity, outlet), rows in table.assign(x=seconds).groupby(["entity", "outlet"], sort=True):
            name = outlet if len(entities) == 1 else f"{entity} — {outlet}"
            self.lines[name] = self._line(rows, name, colours.get(outlet, QColor("#888888")),
                                          ENTITY_STYLES[entities.index(entity) % len(ENTITY_STYLES)])
        margin = max(86_400.0, (seconds.max() - seconds.min()) * 0.05)
        self.plot_item.setRange(xRange=(seconds.min() - margin, seconds.max() + margin),
                                yRange=(0, float(table["mentions"].max()) * 1.15), padding=0.02)

    def _line(self, rows: pd.DataFrame, name: str, colour: QColor, style: tuple) -> pg.PlotDataItem:
        pen_style, symbol = style
        return self.plot_item.plot(rows["x"].to_numpy(dtype=float), rows["mentions"].to_numpy(dtype=float),
                                   name=name, pen=pg.mkPen(colour, width=2, style=pen_style), symbol=symbol,
                                   symbolSize=8, symbolBrush=pg.mkBrush(colour), symbolPen=pg.mkPen(colour.darker(130)))

    def legend_labels(self) -> list[str]:
        return [label.text for _, label in self.legend.items]

    def apply_palette(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        self.setBackground(palette.color(QPalette.ColorRole.Base))
        for name in ("left", "bottom"):
            self.plot_item.getAxis(name).setPen(pg.mkPen(text))
            self.plot_item.getAxis(name).setTextPen(pg.mkPen(text))
        self.plot_item.titleLabel.setAttr("color", text.name())
        self.message.setColor(text)
        self.legend.setLabelTextColor(text)
        self.set_data(*self._last)

    def _show_message(self, text: str) -> None:
        self.plot_item.setTitle("")
        self.message.setText(text)
        self.plot_item.addItem(self.message)
        self.message.setPos(0.5, 0.5)
        self.plot_item.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)
