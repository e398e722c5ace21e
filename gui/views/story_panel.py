"""Stories: articles on the same events grouped; choosing one opens its articles side by side."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QPushButton, QWidget

from gui.views.table_panel import TablePanel

HEADERS = {"name": "Story", "articles": "Articles", "outlets": "Outlets", "first_date": "From", "last_date": "To"}


class StoryPanel(TablePanel):
    """``storyChosen`` gives the chosen story's id."""

    storyChosen = Signal(int)
    renameRequested = Signal(int, str)  # story id, its current name

    def __init__(self, parent: QWidget | None = None):
        super().__init__(HEADERS, "Filter stories…", parent)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setToolTip("Click a story to read its articles side by side")
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.rename_button = QPushButton("Rename…")
        self.rename_button.setToolTip("Give the chosen story a name of your own")
        self.rename_button.clicked.connect(self._request_rename)
        self.controls.addWidget(self.rename_button)

    def _request_rename(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            row = self.row_values(index.row())
            self.renameRequested.emit(int(row["id"]), str(row["name"]))

    def _on_current(self, current, _previous) -> None:
        if current.isValid():
            self.storyChosen.emit(int(self.row_values(current.row())["id"]))
