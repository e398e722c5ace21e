"""The concordance's hits as a table: contexts either side of the hit, sorted as core sorts them."""

from __future__ import annotations

from typing import Any

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QFont

from core.text.concordance import COLUMNS, sort_hits
from gui.models.roles import ID_ROLE, RAW_ROLE

#: Shown columns: (frame column, header, what sorting by it means — see core.text.concordance.sort_hits).
SHOWN = (
    ("outlet", "Outlet", "outlet"),
    ("date", "Date", "date"),
    ("left", "Left context", "left"),
    ("hit", "Hit", "hit"),
    ("right", "Right context", "right"),
    ("title", "Title", "title"),
)
HEADER_TIPS = {
    "left": "Sorted by the word nearest the hit, then the next one out (AntConc's 1L, 2L…)",
    "hit": "Sorted by the hit as written, then by the right context",
    "right": "Sorted by the words after the hit, nearest first",
}
LEFT_COLUMN = 2
HIT_COLUMN = 3


class ConcordanceTableModel(QAbstractTableModel):
    """Read-only rows of :func:`core.text.concordance.find_hits`; ``sort`` reorders them with core's keys."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._frame = self._found = pd.DataFrame(columns=COLUMNS)
        self._values: list[list[Any]] = [[] for _ in SHOWN]
        self._bold = QFont()
        self._bold.setBold(True)

    def set_hits(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self._found = self._frame = frame.reset_index(drop=True)  # the index: the order found, where sorts start
        self._values = [self._frame[column].tolist() for column, _, _ in SHOWN]
        self.endResetModel()

    def clear(self) -> None:
        self.set_hits(pd.DataFrame(columns=COLUMNS))

    def hit(self, row: int) -> dict:
        """Every column of one row (article id, offsets, contexts)."""
        return self._frame.iloc[row].to_dict()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._frame)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(SHOWN)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._values[index.column()][index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, RAW_ROLE):
            return "" if value is None or value != value else str(value)  # NaN: an undated article
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in (LEFT_COLUMN, HIT_COLUMN, HIT_COLUMN + 1):
            row = self._frame.iloc[index.row()]
            return f"{row['left']}{row['hit']}{row['right']}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == LEFT_COLUMN:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and index.column() == HIT_COLUMN:
            return self._bold
        if role == ID_ROLE:
            return self._frame["article_id"].iat[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        column, header, _ = SHOWN[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return header
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(column)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SHOWN) or self._frame.empty:
            return
        frame = sort_hits(self._found, SHOWN[column][2], descending=order == Qt.SortOrder.DescendingOrder)
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        row_now = {found: row for row, found in enumerate(self._frame.index)}
        new_row = {row_now[found]: row for row, found in enumerate(frame.index)}
        self._frame = frame
        self._values = [self._frame[c].tolist() for c, _, _ in SHOWN]
        self.changePersistentIndexList(before, [self.index(new_row[i.row()], i.column()) for i in before])
        self.layoutChanged.emit()
