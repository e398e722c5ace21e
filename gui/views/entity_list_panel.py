"""The project's entities: who names them; select one to follow it, several to merge them."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QWidget

from gui.models.roles import RAW_ROLE
from gui.views.entity_table_view import EntityTableView
from gui.views.table_panel import TablePanel

HEADERS = {
    "entity": "Entity",
    "label": "Type",
    "mentions": "Mentions",
    "outlets": "Named by",
    "named_by": "Coverage",
}


class EntityListPanel(TablePanel):
    """Emits what the user asked for; the window does it (with a dialog where a name is needed)."""

    entitySelected = Signal(str)
    selectionChanged = Signal(list)  # the selected entities, most mentioned first
    mergeRequested = Signal(list)  # entity names, most mentioned first
    renameRequested = Signal(str)
    splitRequested = Signal(str)
    entityDropped = Signal(list, str)  # dragged names, the entity they were dropped on

    def __init__(self, parent: QWidget | None = None):
        super().__init__(HEADERS, "Filter entities…", parent, table=EntityTableView())
        self.model.draggable = True
        self.table.entityDropped.connect(self.entityDropped)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setToolTip("Click an entity to follow it in the chart and the texts;\n"
                              "select several (Ctrl+click) and press Merge, or drag one onto another, to count them as one")
        self.merge_button = QPushButton("Merge…")
        self.merge_button.setToolTip("Count the selected entities as one (e.g. two spellings of a name)")
        self.rename_button = QPushButton("Rename…")
        self.split_button = QPushButton("Split…")
        self.split_button.setToolTip("Let a name merged into this entity stand on its own again")
        for button in (self.merge_button, self.rename_button, self.split_button):
            self.controls.addWidget(button)
        self.merge_button.clicked.connect(lambda: self.mergeRequested.emit(self.selected_entities()))
        self.rename_button.clicked.connect(lambda: self._emit_single(self.renameRequested))
        self.split_button.clicked.connect(lambda: self._emit_single(self.splitRequested))
        self.menu_actions = []  # the buttons again, in the right-click menu
        for button in (self.merge_button, self.rename_button, self.split_button):
            action = QAction(button.text(), self)
            action.triggered.connect(button.click)
            self.menu_actions.append(action)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self._on_selection()

    def context_actions(self, index) -> list:
        """The buttons' actions (Merge…, Rename…, Split…) for the selected entities."""
        for action, button in zip(self.menu_actions, (self.merge_button, self.rename_button, self.split_button)):
            action.setEnabled(button.isEnabled())
        return self.menu_actions if self.selected_entities() else []

    def set_entities(self, frame: pd.DataFrame) -> None:
        """``frame``: entity, label, mentions, outlets, named_by (``entity_list``)."""
        self.set_frame(frame)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)

    def selected_entities(self) -> list[str]:
        rows = sorted(self.selected_rows(), key=lambda r: -int(r["mentions"]))
        return [str(r["entity"]) for r in rows]

    def select_entities(self, names: list[str]) -> None:
        """Select these entities' rows (as a user's Ctrl+clicks would)."""
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        wanted = QItemSelection()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(RAW_ROLE) in names:
                wanted.select(index, index)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(wanted, flags)

    def _emit_single(self, signal) -> None:
        names = self.selected_entities()
        if len(names) == 1:
            signal.emit(names[0])

    def _on_selection(self, *_) -> None:
        names = self.selected_entities()
        self.merge_button.setEnabled(len(names) >= 2)
        self.rename_button.setEnabled(len(names) == 1)
        self.split_button.setEnabled(len(names) == 1)
        if len(names) == 1:
            self.entitySelected.emit(names[0])
        self.selectionChanged.emit(names)
