"""Right-click menus of the tables: copy what is under the mouse, then the panel's own actions.

A right-click on a row that is not selected selects it first (as file
managers do), so the actions always apply to the rows the user sees
highlighted.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QTableView

#: ``actions(index)``: the panel's actions for the row at ``index`` (and the selection); None is a separator.
ActionsFor = Callable[[QModelIndex], list[QAction | None]]


class TableMenu(QObject):
    """Gives ``table`` a context menu: Copy Cell, Copy Rows, and ``actions(index)``."""

    def __init__(self, table: QTableView, actions: ActionsFor):
        super().__init__(table)
        self.table, self.actions = table, actions
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._show)

    def menu_at(self, pos: QPoint) -> QMenu:
        """The menu for a right-click at ``pos`` (viewport coordinates); selects the row under it."""
        index = self.table.indexAt(pos)
        selection = self.table.selectionModel()
        if index.isValid() and not selection.isRowSelected(index.row(), index.parent()):
            # Selected, not made current: the views that open what is clicked (a quote, a source) wait for the menu.
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            selection.select(index, flags)
        menu = QMenu(self.table)
        menu.setObjectName("tableMenu")
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        copy_cell = menu.addAction("Copy Cell", lambda: _copy(str(index.data() or "")))
        copy_cell.setEnabled(index.isValid())
        rows = sorted({i.row() for i in selection.selectedRows()})
        copy_rows = menu.addAction("Copy Row" if len(rows) == 1 else "Copy Rows", lambda: _copy(self.rows_text(rows)))
        copy_rows.setEnabled(bool(rows))
        own = self.actions(index)
        if own:
            menu.addSeparator()
        for action in own:
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        return menu

    def rows_text(self, rows: list[int]) -> str:
        """The rows as shown, tab-separated under a header line (pastes into a spreadsheet)."""
        model = self.table.model()
        columns = [c for c in range(model.columnCount()) if not self.table.isColumnHidden(c)]
        lines = ["\t".join(str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns)]
        for row in rows:
            lines.append("\t".join(_cell(model.index(row, c).data()) for c in columns))
        return "\n".join(lines)

    def _show(self, pos: QPoint) -> None:
        self.menu_at(pos).popup(self.table.viewport().mapToGlobal(pos))


def _cell(value) -> str:
    return " ".join(str(value if value is not None else "").split())  # no tabs or line breaks inside a cell


def _copy(text: str) -> None:
    QApplication.clipboard().setText(text)
