"""The entity chart with its options (metric, entity types, top N) and export."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from PySide6.QtCore import QRectF, QSignalBlocker, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QMenu, QSpinBox, QToolButton, QVBoxLayout, QWidget,
)

from core.analysis.chart_data import entity_chart_rows
from core.nlp.names import DEFAULT_TYPES, OPTIONAL_TYPES
from gui.colors import type_name
from gui.plots.chart_state import METRIC_NAMES, ChartState
from gui.plots.entity_chart import EntityChart

EXPORT_FILTERS = "PNG image (*.png);;SVG drawing (*.svg);;CSV table (*.csv)"


class EntityChartPanel(QWidget):
    """Binds a :class:`ChartState` to its controls and redraws the chart on change."""

    entityClicked = Signal(str)

    def __init__(self, state: ChartState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.table = pd.DataFrame()
        self.outlets: list[str] = []
        self.colours: dict[str, QColor] = {}
        self.chart = EntityChart()
        self.chart.entityClicked.connect(self.entityClicked)
        self.metric_box = QComboBox()
        for key, name in METRIC_NAMES.items():
            self.metric_box.addItem(name, key)
        self.metric_box.setToolTip("What the bars measure")
        self.metric_box.currentIndexChanged.connect(lambda _: setattr(self.state, "metric", self.metric_box.currentData()))
        self.top_box = QSpinBox()
        self.top_box.setRange(1, 100)
        self.top_box.setPrefix("Top ")
        self.top_box.setToolTip("How many entities to show")
        self.top_box.valueChanged.connect(lambda n: setattr(self.state, "top_n", n))
        self.types_button = QToolButton()
        self.types_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.types_button.setToolTip("Which entity types count")
        self.type_actions = self._type_menu()
        self.export_button = QToolButton()
        self.export_button.setText("Export…")
        self.export_button.setToolTip("Save the chart as PNG or SVG, or its numbers as CSV")
        self.export_button.clicked.connect(self._ask_export)
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(QLabel("Show"))
        controls.addWidget(self.metric_box)
        controls.addWidget(self.top_box)
        controls.addWidget(self.types_button)
        controls.addStretch(1)
        controls.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.chart, 1)
        self._sync_controls()
        state.watch(self._on_state_changed)

    def set_data(self, table: pd.DataFrame, outlets: list[str], colours: dict[str, QColor]) -> None:
        """The project's entity table (all types) and its outlets."""
        self.table, self.outlets, self.colours = table, list(outlets), colours
        self.redraw()

    def rows(self) -> pd.DataFrame:
        s = self.state
        return entity_chart_rows(self.table, self.outlets, metric=s.metric, types=s.types, n=s.top_n)

    def redraw(self) -> None:
        self.chart.set_rows(self.rows(), self.outlets, self.colours, self.state.metric)
        self.chart.set_selected_entity(self.state.selected_entity)

    def export(self, path: str | Path) -> Path:
        """Write the chart (``.png``, ``.svg``) or its numbers (``.csv``)."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix == ".csv":
            self.chart.rows.to_csv(path, index=False)
        elif suffix == ".svg":
            self._export_svg(path)
        elif suffix == ".png":
            import pyqtgraph.exporters as exporters

            exporter = exporters.ImageExporter(self.chart.plot_item)
            exporter.parameters()["width"] = max(1600, self.chart.width() * 2)
            exporter.export(str(path))
        else:
            raise ValueError(f"cannot export a chart as '{suffix or path.name}'; use .png, .svg or .csv")
        return path

    def _export_svg(self, path: Path) -> None:
        """Vector SVG through Qt's SVG generator (pyqtgraph's SVG exporter fails on Qt 6 paths)."""
        from PySide6.QtGui import QPainter
        from PySide6.QtSvg import QSvgGenerator

        source = self.chart.plot_item.sceneBoundingRect()
        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(source.size().toSize())
        generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
        generator.setTitle("Newsprism: entities by outlet")
        painter = QPainter(generator)
        try:
            painter.fillRect(QRectF(0, 0, source.width(), source.height()), self.chart.backgroundBrush())
            self.chart.scene().render(painter, QRectF(0, 0, source.width(), source.height()), source)
        finally:
            painter.end()

    # -- internals -------------------------------------------------------------
    def _type_menu(self) -> dict[str, QAction]:
        menu = QMenu(self)
        actions = {}
        for label in (*DEFAULT_TYPES, *OPTIONAL_TYPES):
            if label == OPTIONAL_TYPES[0]:
                menu.addSection("Less reliable types")
            action = menu.addAction(f"{type_name(label)} ({label})")
            action.setCheckable(True)
            action.toggled.connect(lambda on, lab=label: self.state.toggle_type(lab, on))
            actions[label] = action
        self.types_button.setMenu(menu)
        return actions

    def _sync_controls(self) -> None:
        with QSignalBlocker(self.metric_box):
            self.metric_box.setCurrentIndex(self.metric_box.findData(self.state.metric))
        with QSignalBlocker(self.top_box):
            self.top_box.setValue(self.state.top_n)
        for label, action in self.type_actions.items():
            with QSignalBlocker(action):
                action.setChecked(label in self.state.types)
        self.types_button.setText(f"Types ({len(self.state.types)})")

    def _on_state_changed(self, name: str, value) -> None:
        self._sync_controls()
        if name == "selected_entity":
            self.chart.set_selected_entity(value)
        else:
            self.redraw()

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export chart", "entities.png", EXPORT_FILTERS)
        if path:
            self.export(path)
            self.window().statusBar().showMessage(f"Chart saved to {path}", 5000)
