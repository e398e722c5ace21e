"""The entities of the project: who names them, filterable; selecting one follows it."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from gui.models.dataframe_table_model import DataFrameTableModel
from gui.models.roles import RAW_ROLE

HEADERS = {
    "entity": "Entity",
    "label": "Type",
    "mentions": "Mentions",
    "outlets": "Named by",
    "named_by": "Coverage",
}


class EntityListPanel(QWidget):
    """One row per canonical entity; ``entitySelected`` names the clicked one."""

    entitySelected = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = DataFrameTableModel(headers=HEADERS)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(RAW_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(0)
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText("Filter entities…")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.table, 1)

    def set_entities(self, frame: pd.DataFrame) -> None:
        """``frame``: entity, label, mentions, outlets, named_by (from core's tables)."""
        self.model.set_frame(frame)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.resizeColumnsToContents()

    def _on_current(self, current, _previous) -> None:
        if current.isValid():
            self.entitySelected.emit(self.proxy.index(current.row(), 0).data(RAW_ROLE))
