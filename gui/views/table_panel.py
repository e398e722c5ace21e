"""A filterable, sortable read-only table over a pandas frame: the base of the list docks."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLineEdit, QStyle, QTableView, QVBoxLayout, QWidget,
)

from gui.models.dataframe_table_model import DataFrameTableModel
from gui.models.roles import RAW_ROLE
from gui.models.source_sort_proxy import SourceSortProxyModel
from gui.views.flow_layout import FlowLayout
from gui.views.table_menu import TableMenu

#: Columns are fitted to this many rows: fitting to all of 100,000 quotes
#: blocked the GUI thread for a second (docs/benchmarks.md).
FIT_ROWS = 50
#: No fitted column is wider than this (pixels); the user can widen it.
MAX_FITTED_WIDTH = 320
#: A table is never squeezed below this many visible rows (a small screen, 200 % scaling): the
#: docks around it give way instead.
MIN_VISIBLE_ROWS = 5


def keep_rows_visible(table: QTableView, rows: int = MIN_VISIBLE_ROWS) -> None:
    """The table's minimum height: its header, ``rows`` rows and a horizontal scroll bar.

    The header counts as one more row: without columns yet (no data) its own size hint is 0.
    """
    scroll_bar = table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, table)
    height = (rows + 1) * table.verticalHeader().defaultSectionSize() + scroll_bar + 2 * table.frameWidth()
    table.setMinimumHeight(height)


class TablePanel(QWidget):
    """Filter box (over every column), a table, and room for buttons beside the filter."""

    def __init__(self, headers: dict[str, str], placeholder: str, parent: QWidget | None = None,
                 table: QTableView | None = None):
        super().__init__(parent)
        self.model = DataFrameTableModel(headers=headers)
        self.proxy = SourceSortProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(RAW_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(placeholder)
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = table or QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(FIT_ROWS)
        keep_rows_visible(self.table)
        self.controls = FlowLayout()  # filter box and buttons; the buttons wrap below it when narrow
        self.filter_box.setMinimumWidth(self.filter_box.fontMetrics().horizontalAdvance("x") * 24)
        self.controls.addWidget(self.filter_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.controls)
        layout.addWidget(self.table, 1)
        self.table_menu = TableMenu(self.table, self.context_actions)

    def context_actions(self, index: QModelIndex) -> list[QAction | None]:
        """The panel's actions in the right-click menu (after Copy), for the selected rows."""
        return []

    def set_frame(self, frame: pd.DataFrame) -> None:
        """Show ``frame``; columns are fitted when rows first appear, then keep the user's widths."""
        first = self.model.rowCount() == 0
        self.model.set_frame(frame)
        if first:
            self.fit_columns()

    def fit_columns(self) -> None:
        """Columns as wide as their first rows' text, none wider than ``MAX_FITTED_WIDTH``."""
        self.table.resizeColumnsToContents()
        for column in range(self.table.model().columnCount()):
            if self.table.columnWidth(column) > MAX_FITTED_WIDTH:
                self.table.setColumnWidth(column, MAX_FITTED_WIDTH)

    def row_values(self, proxy_row: int) -> dict:
        """The frame's row behind a visible row, every column included."""
        source = self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()
        return self.model.frame().iloc[source].to_dict()

    def selected_rows(self) -> list[dict]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.row_values(row) for row in rows]
