"""The corpus table: filter box and sortable article table with in-place editing."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from gui.models.article_filter_proxy import ArticleFilterProxyModel
from gui.models.article_table_model import ArticleTableModel
from gui.models.roles import ID_ROLE
from gui.views.table_menu import TableMenu
from gui.views.table_panel import keep_rows_visible

OUTLET_COLUMN, STORY_COLUMN, NOTE_COLUMN = 0, 6, 7
#: Fitted to their contents; the title (column 1) stretches with the window.
FITTED_COLUMNS = (0, 2, 3, 4, 5, 6, 7)


class ArticlePanel(QWidget):
    """Emits ``selectionChanged`` with the selected article ids in the table's order."""

    selectionChanged = Signal(list)

    def __init__(self, model: ArticleTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self.proxy = ArticleFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText("Filter by outlet, title or date…")
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.setFilterFixedString)
        self.count_label = QLabel()
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(200)  # fit columns to the first rows, not to 10,000
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        keep_rows_visible(self.table)
        self.table.setToolTip("Select two or more articles (Ctrl+click) to read them side by side;\n"
                              "Delete removes the selected articles (Ctrl+Z brings them back)")
        self.table.selectionModel().selectionChanged.connect(self._emit_selection)
        for signal in (model.modelReset, self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.layoutChanged):
            signal.connect(self._update_count)
        model.modelReset.connect(self._show_notes)
        self._show_notes()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._update_count()
        self.row_actions: list[QAction] = []  # the window's actions on selected articles (Delete Articles)
        self.edit_action = QAction("Edit", self)
        self.edit_action.triggered.connect(self._edit_menu_cell)
        self._menu_index = QPersistentModelIndex()
        self.table_menu = TableMenu(self.table, self.context_actions)

    def context_actions(self, index: QModelIndex) -> list[QAction | None]:
        """Edit the cell under the mouse (outlet, title, date), then the actions on the selected articles."""
        actions: list[QAction | None] = []
        if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
            self._menu_index = QPersistentModelIndex(index)
            header = self.proxy.headerData(index.column(), Qt.Orientation.Horizontal)
            self.edit_action.setText(f"Edit {header}…")
            actions.append(self.edit_action)
        return actions + list(self.row_actions)

    def _edit_menu_cell(self) -> None:
        if self._menu_index.isValid():
            index = self.proxy.index(self._menu_index.row(), self._menu_index.column())
            self.table.setCurrentIndex(index)
            self.table.edit(index)

    def selected_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.proxy.index(row, 0).data(ID_ROLE) for row in rows]

    def first_ids(self, count: int) -> list[str]:
        """The ids of the first ``count`` rows as the table shows them."""
        return [self.proxy.index(row, 0).data(ID_ROLE) for row in range(min(count, self.proxy.rowCount()))]

    def select_ids(self, ids: list[str]) -> None:
        """Select these articles (those visible through the filter)."""
        wanted = QItemSelection()
        first = None
        for article_id in ids:
            row = self.model.row_of(article_id)
            index = self.proxy.mapFromSource(self.model.index(row, 0)) if row is not None else None
            if index is not None and index.isValid():
                wanted.select(index, index)
                first = first or index
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(wanted, flags)
        if first is not None:
            self.table.scrollTo(first)

    def fit_column(self, column: int) -> None:
        """One of :data:`FITTED_COLUMNS` to its contents; outlet and story are capped so the title keeps the width.

        Each column takes a few ms (the first 200 rows are asked): the window fits them one event apart.
        """
        if column in (STORY_COLUMN, NOTE_COLUMN):  # story names and notes can be long: the cells decide, up to a cap
            self.table.setColumnWidth(column, min(max(self.table.sizeHintForColumn(column), 40), 110))
            return
        self.table.resizeColumnToContents(column)
        if column == OUTLET_COLUMN:
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 130))

    def _show_notes(self) -> None:
        """The Note column only while some article has a note (a version, a language no model reads)."""
        self.table.setColumnHidden(NOTE_COLUMN, not self.model.has_notes())

    def _emit_selection(self, *_) -> None:
        self.selectionChanged.emit(self.selected_ids())

    def _update_count(self, *_) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(f"{total:,} articles" if shown == total else f"{shown:,} of {total:,} articles shown")
