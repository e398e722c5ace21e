"""Distinctive language: the words and names each outlet uses more than the others."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QWidget

from gui.views.table_panel import TablePanel

HEADERS = {
    "outlet": "Outlet",
    "term": "Term",
    "kind": "Kind",
    "freq": "Uses",
    "per_10k": "Per 10,000 words",
    "per_10k_other": "Others, per 10,000",
    "log_likelihood": "Keyness (G²)",
    "log_ratio": "Log ratio",
}


class TermsPanel(TablePanel):
    """``termChosen`` gives the clicked term, to be found in the texts."""

    termChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(HEADERS, "Filter by outlet or term…", parent)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setToolTip("Terms an outlet uses more than the other outlets (G²: higher is more distinctive).\n"
                              "Click a term to find it in the texts.")
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self._menu_term = ""
        self.find_action = QAction("Find in Texts", self)
        self.find_action.triggered.connect(lambda: self.termChosen.emit(self._menu_term))

    def context_actions(self, index) -> list:
        if not index.isValid():
            return []
        self._menu_term = str(self.row_values(index.row())["term"])
        self.find_action.setText(f"Find “{self._menu_term}” in Texts")
        return [self.find_action]

    def _on_current(self, current, _previous) -> None:
        if current.isValid():
            self.termChosen.emit(str(self.row_values(current.row())["term"]))
