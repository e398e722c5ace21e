"""The entity chart with its options (metric, entity types, top N, layout) and export.

Grouped bars while there are few outlets, a heatmap entities × outlets when
there are more (``ChartState.layout_for``); either exports with its title
and legend.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QMenu, QSpinBox, QStackedWidget, QToolButton, QVBoxLayout, QWidget,
)

from core.analysis.chart_data import entity_chart_rows
from core.text.names import DEFAULT_TYPES, OPTIONAL_TYPES
from gui.colors import type_name
from gui.plots.chart_export import IMAGE_SUFFIXES
from core.view_state.chart_state import LAYOUT_NAMES, MAX_OUTLETS_FOR_BARS, METRIC_NAMES, ChartState
from gui.plots.entity_chart import EntityChart
from gui.plots.entity_heatmap import EntityHeatmap

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
        self.scope = ""
        self.chart = EntityChart()
        self.chart.entityClicked.connect(self.entityClicked)
        self._heatmap: EntityHeatmap | None = None  # made when first shown: the window opens sooner
        self.charts = QStackedWidget()
        self.charts.addWidget(self.chart)
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
        self.layout_box = QComboBox()
        for key, name in LAYOUT_NAMES.items():
            self.layout_box.addItem(name, key)
        self.layout_box.setToolTip(f"Bars per outlet, or a heatmap entities × outlets (Auto: a heatmap with more "
                                   f"than {MAX_OUTLETS_FOR_BARS} outlets)")
        self.layout_box.currentIndexChanged.connect(lambda _: setattr(self.state, "layout", self.layout_box.currentData()))
        self.export_button = QToolButton()
        self.export_button.setText("Export chart…")
        self.export_button.setToolTip("Save the chart with its title and legend as PNG or SVG, or its numbers as CSV")
        self.export_button.clicked.connect(self._ask_export)
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(QLabel("Show"))
        controls.addWidget(self.metric_box)
        controls.addWidget(self.top_box)
        controls.addWidget(self.types_button)
        controls.addWidget(self.layout_box)
        controls.addStretch(1)
        controls.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.charts, 1)
        self._sync_controls()
        state.watch(self._on_state_changed)

    def set_data(self, table: pd.DataFrame, outlets: list[str], colours: dict[str, QColor]) -> None:
        """The project's entity table (all types) and its outlets."""
        self.table, self.outlets, self.colours = table, list(outlets), colours
        self.redraw()

    def rows(self) -> pd.DataFrame:
        s = self.state
        return entity_chart_rows(self.table, self.outlets, metric=s.metric, types=s.types, n=s.top_n)

    @property
    def heatmap(self) -> EntityHeatmap:
        if self._heatmap is None:
            self._heatmap = EntityHeatmap()
            self._heatmap.set_scope(self.scope)
            self._heatmap.entityClicked.connect(self.entityClicked)
            self.charts.addWidget(self._heatmap)
        return self._heatmap

    def shown_chart(self) -> EntityChart | EntityHeatmap:
        """The bars or the heatmap, whichever the layout shows for these outlets."""
        return self.heatmap if self.state.layout_for(len(self.outlets)) == "heatmap" else self.chart

    def title(self) -> str:
        return f"Top {self.state.top_n} entities by outlet: {self.state.metric_name().lower()}"

    def set_scope(self, scope: str) -> None:
        """What the chart covers ("Story: …"; "" for the whole project), shown and exported in its title."""
        self.scope = scope
        for chart in (self.chart, self._heatmap):
            if chart is not None:
                chart.set_scope(scope)

    def redraw(self) -> None:
        chart = self.shown_chart()
        chart.set_title(self.title())
        chart.set_rows(self.rows(), self.outlets, self.colours, self.state.metric)
        chart.set_selected_entity(self.state.selected_entity)
        self.charts.setCurrentWidget(chart)

    def export(self, path: str | Path, *, width: int | None = None) -> Path:
        """Write the chart shown (``.png``, ``.svg``: with its title and legend) or its numbers (``.csv``)."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix == ".csv":
            self.shown_chart().rows.to_csv(path, index=False)
            return path
        if suffix not in IMAGE_SUFFIXES:
            raise ValueError(f"cannot export a chart as '{suffix or path.name}'; use .png, .svg or .csv")
        return self.shown_chart().export(path, width=width)

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
        with QSignalBlocker(self.layout_box):
            self.layout_box.setCurrentIndex(self.layout_box.findData(self.state.layout))
        for label, action in self.type_actions.items():
            with QSignalBlocker(action):
                action.setChecked(label in self.state.types)
        self.types_button.setText(f"Types ({len(self.state.types)})")

    def _on_state_changed(self, name: str, value) -> None:
        self._sync_controls()
        if name == "selected_entity":
            self.shown_chart().set_selected_entity(value)
        else:
            self.redraw()

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export chart", self.shown_chart().export_name, EXPORT_FILTERS)
        if path:
            self.export(path)
            self.window().statusBar().showMessage(f"Chart saved to {path}", 5000)
