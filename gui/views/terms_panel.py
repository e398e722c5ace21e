"""Distinctive language: the words and names each outlet uses more than the others."""

from __future__ import annotations

from typing import Any

import pandas as pd
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QLabel, QWidget

from core.analysis.keyness import WEAK_FREQ, WEAK_LOG_RATIO, WEAK_P
from gui.models.dataframe_table_model import DataFrameTableModel
from gui.views.table_panel import TablePanel

HEADERS = {
    "outlet": "Outlet",
    "term": "Term",
    "kind": "Kind",
    "lemma": "Counted as",
    "freq": "Uses",
    "per_10k": "Per 10,000 words",
    "per_10k_other": "Others, per 10,000",
    "log_likelihood": "Keyness (G²)",
    "log_ratio": "Log ratio",
}
WEAK_NOTE = (f"Greyed terms are weak evidence: used fewer than {WEAK_FREQ} times, not significant "
             f"(p ≥ {WEAK_P:g}), or used less than twice as often as by the others (log ratio below "
             f"{WEAK_LOG_RATIO:g}).")
TIP = ("Words and names an outlet uses more than the other outlets (G²: higher is more distinctive), shown as "
       "the outlet wrote them; “Counted as” is the dictionary form all its forms were counted under. "
       "An outlet's own name is left out.\n" + WEAK_NOTE + "\nClick a term to find it in the texts.")


class TermsTableModel(DataFrameTableModel):
    """Distinctive terms; a weak one is greyed (``weak_brush()``, the palette's) and says why in its tooltip."""

    weak_brush = staticmethod(lambda: None)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole) \
                and "weak" in self.frame().columns and bool(self.frame()["weak"].iat[index.row()]):
            if role == Qt.ItemDataRole.ForegroundRole:
                return self.weak_brush()
            return f"Weak: {self.frame()['weak_because'].iat[index.row()]}."
        return super().data(index, role)


class TermsPanel(TablePanel):
    """``termChosen`` gives the clicked term as written, to be found in the texts."""

    termChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(HEADERS, "Filter by outlet or term…", parent)
        self.model = TermsTableModel(headers=HEADERS)
        self.model.weak_brush = lambda: self.palette().placeholderText()  # follows light and dark
        self.proxy.setSourceModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setToolTip(TIP)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self._menu_term = ""
        self.find_action = QAction("Find in Texts", self)
        self.find_action.triggered.connect(lambda: self.termChosen.emit(self._menu_term))
        self.weak_legend = QLabel("Grey: weak evidence (point at a term for why)")
        self.weak_legend.setToolTip(WEAK_NOTE)
        self.weak_legend.setEnabled(False)  # drawn grey, as the rows it explains
        self.weak_legend.hide()
        self.controls.addWidget(self.weak_legend)

    def context_actions(self, index) -> list:
        if not index.isValid():
            return []
        self._menu_term = str(self.row_values(index.row())["term"])
        self.find_action.setText(f"Find “{self._menu_term}” in Texts")
        return [self.find_action]

    def set_frame(self, frame: pd.DataFrame) -> None:
        super().set_frame(frame)
        self.weak_legend.setVisible("weak" in frame.columns and bool(frame["weak"].any()))

    def clear(self) -> None:
        """No terms (another scope's arrive from the background)."""
        self.set_frame(pd.DataFrame())

    def weak_rows(self) -> list[int]:
        """Visible rows greyed as weak."""
        role = Qt.ItemDataRole.ForegroundRole
        return [row for row in range(self.proxy.rowCount()) if self.proxy.index(row, 0).data(role) is not None]

    def _on_current(self, current, _previous) -> None:
        if current.isValid():
            self.termChosen.emit(str(self.row_values(current.row())["term"]))
