"""A read-only table model over a pandas frame, reset when the frame is replaced."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from gui.models.roles import RAW_ROLE
from gui.models.source_sort_proxy import sort_key

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def display_text(value: Any) -> str:
    """How a cell value reads: integers with separators, floats with two decimals."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int) or (hasattr(value, "dtype") and pd.api.types.is_integer(value)):
        return f"{int(value):,}"
    if isinstance(value, float) or pd.api.types.is_float(value):
        return f"{float(value):,.2f}"
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


class DataFrameTableModel(QAbstractTableModel):
    """Shows ``frame``'s columns (or a chosen subset, with headers) read-only.

    ``DisplayRole`` is formatted text; :data:`RAW_ROLE` is the value itself,
    so a ``QSortFilterProxyModel`` with ``setSortRole(RAW_ROLE)`` sorts
    numbers as numbers.
    """

    def __init__(self, frame: pd.DataFrame | None = None, headers: dict[str, str] | None = None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._headers = dict(headers or {})
        self.draggable = False  # rows can be dragged onto each other (the entity list)
        self._frame = pd.DataFrame()
        self._columns: list[str] = []
        self._values: list[list[Any]] = []
        self.set_frame(frame if frame is not None else pd.DataFrame())

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self._frame = frame.reset_index(drop=True)
        self._columns = [c for c in self._headers if c in frame.columns] if self._headers else list(frame.columns)
        self._values = [self._frame[c].tolist() for c in self._columns]
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder rows by a column with pandas (fast for 100,000 rows)."""
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        keys = pd.Series([sort_key(v) for v in self._values[column]])
        order_index = sorted(range(len(keys)), key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        new_row = {old: new for new, old in enumerate(order_index)}
        self._frame = self._frame.iloc[order_index].reset_index(drop=True)
        self._values = [[values[i] for i in order_index] for values in self._values]
        self.changePersistentIndexList(before, [self.index(new_row[i.row()], i.column()) for i in before])
        self.layoutChanged.emit()

    def frame(self) -> pd.DataFrame:
        return self._frame

    def column_name(self, column: int) -> str:
        return self._columns[column]

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled if self.draggable else flags

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._frame)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._values[index.column()][index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(value)
        if role == RAW_ROLE:
            return value.item() if hasattr(value, "item") else value
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, (int, float)) and not isinstance(value, bool):
            return _RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            name = self._columns[section]
            return self._headers.get(name, name.replace("_", " ").capitalize())
        return str(section + 1)
