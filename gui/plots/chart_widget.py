"""What every chart of the window shares: the window's palette, a title, a hover tip and "Export chart…".

Subclasses draw in ``redraw`` and answer ``tip_at`` (the text shown while
the mouse rests on a scene position); pyqtgraph's own context menu (zoom
and axis options, an exporter that fails on Qt 6) gives way to ours.
"""

from __future__ import annotations

import html
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QAction, QColor, QCursor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QFileDialog, QMenu, QToolTip, QWidget

from gui.colors import is_dark
from gui.plots.chart_export import IMAGE_FILTERS, export_chart


def _elided(text: str, points: int, width: int) -> str:
    font = QFont()
    font.setPointSize(points)
    return QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, width)


class ChartWidget(pg.PlotWidget):
    """A pyqtgraph plot that follows the palette, shows tips and exports itself with its title and legend."""

    #: The file name the export dialog proposes.
    export_name = "chart.png"
    #: Whether hovering something shows the pointing hand (it can be clicked).
    clickable = False

    def __init__(self, parent: QWidget | None = None, axisItems: dict | None = None):
        super().__init__(parent, axisItems=axisItems)
        self.plot_item = self.getPlotItem()
        self.plot_item.setMenuEnabled(False)
        self.plot_item.hideButtons()
        self.title = ""
        self.scope = ""
        self.text_colour = QColor("black")
        self.dark = False
        self.message = pg.TextItem("", anchor=(0.5, 0.5))
        self.export_action = QAction("Export chart…", self)
        self.export_action.setToolTip("Save this chart with its title and legend as a PNG image or an SVG drawing")
        self.export_action.triggered.connect(lambda *_: self.ask_export())
        self.scene().sigMouseMoved.connect(self._on_mouse_moved)
        self.plot_item.vb.sigResized.connect(self._on_plot_resized)  # a title cut short to fit follows the width

    # -- for subclasses ------------------------------------------------------------
    def redraw(self) -> None:
        """Draw the data again (after a palette change)."""

    def tip_at(self, scene_pos: QPointF) -> str | None:
        """The hover text at a scene position, or None."""
        return None

    # -- title ---------------------------------------------------------------------
    def set_title(self, title: str) -> None:
        self.title = title
        self._show_title()

    def set_scope(self, scope: str) -> None:
        """What the chart covers ("Story: …"), added to its title so an exported chart says it too."""
        self.scope = scope
        self._show_title()

    def full_title(self) -> str:
        return " — ".join(part for part in (self.title, self.scope) if part)

    def _show_title(self) -> None:
        """On screen the scope goes on a line of its own, smaller: a long story name must not hide the title.

        Both lines are cut short with "…" to the width above the plot (a narrow dock, 200 % scaling),
        rather than running off the chart's edge; the exported chart has them in full.
        """
        width = max(int(self.plot_item.vb.width()) - 8, 80)  # the title is centred above the plot's area
        parts = [html.escape(_elided(self.title, 11, width))] if self.title else []
        if self.scope:
            parts.append(f"<span style='font-size:9pt'>{html.escape(_elided(self.scope, 9, width))}</span>")
        self.plot_item.setTitle("<br>".join(parts) or None, color=self.text_colour.name(), size="11pt")

    def _on_plot_resized(self) -> None:
        if not self.__dict__.get("closed"):  # pyqtgraph's close() resizes it on the way out
            self._show_title()

    # -- palette -------------------------------------------------------------------
    def apply_palette(self) -> None:
        """Follow the window's light or dark palette."""
        palette = self.palette()
        self.text_colour = palette.color(QPalette.ColorRole.WindowText)
        self.dark = is_dark(palette)
        self.setBackground(palette.color(QPalette.ColorRole.Base))
        for name in ("left", "bottom", "top", "right"):
            axis = self.plot_item.getAxis(name)
            axis.setPen(pg.mkPen(self.text_colour))
            axis.setTextPen(pg.mkPen(self.text_colour))
        self.message.setColor(self.text_colour)
        legend = self.plot_item.legend
        if legend is not None:
            legend.setLabelTextColor(self.text_colour)
            legend.setBrush(pg.mkBrush(palette.color(QPalette.ColorRole.Base)))
            legend.setPen(pg.mkPen(palette.color(QPalette.ColorRole.Mid)))
        self._styled = True
        self._show_title()
        self.redraw()  # legend labels take the new colour only when added again

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.__dict__.get("_styled"):  # not while being built
            self.apply_palette()

    def show_message(self, text: str) -> None:
        """A centred note instead of data (nothing to draw yet, and why)."""
        self.message.setText(text)
        self.plot_item.addItem(self.message)
        self.message.setPos(0.5, 0.5)
        self.plot_item.setRange(xRange=(0, 1), yRange=(0, 1), padding=0)

    # -- export --------------------------------------------------------------------
    def export(self, path: str | Path, *, width: int | None = None) -> Path:
        """Save the chart as ``.png`` (``width`` pixels wide, default twice the screen) or ``.svg``."""
        title = self.full_title()
        self.plot_item.setTitle(title or None, color=self.text_colour.name(), size="11pt")  # one line on paper
        try:
            return export_chart(self, path, width=width, title=title)
        finally:
            self._show_title()

    def context_menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.export_action)
        return menu

    def contextMenuEvent(self, event) -> None:
        self.context_menu().exec(event.globalPos())

    def ask_export(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, "Export chart", self.export_name, IMAGE_FILTERS)
        if not path:
            return None
        saved = self.export(path)
        status = getattr(self.window(), "statusBar", None)
        if status is not None:
            status().showMessage(f"Chart saved to {saved}", 5000)
        return saved

    # -- hover ---------------------------------------------------------------------
    def _on_mouse_moved(self, scene_pos: QPointF) -> None:
        text = self.tip_at(scene_pos)
        if not text:
            QToolTip.hideText()
            self.setCursor(Qt.CursorShape.ArrowCursor)
            return
        if self.clickable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        QToolTip.showText(QCursor.pos(), text, self)
