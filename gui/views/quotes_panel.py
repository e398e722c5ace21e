"""Quotes and sources: who each outlet quotes; clicking a quote shows it in its article."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QWidget

from gui.views.table_panel import TablePanel

HEADERS = {
    "outlet": "Outlet",
    "speaker": "Speaker",
    "source_type": "Source",
    "verb": "Verb",
    "words": "Words",
    "text": "Quote",
}


class QuotesPanel(TablePanel):
    """``quoteChosen`` gives ``(article_id, start, end)`` of the clicked quote."""

    quoteChosen = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(HEADERS, "Filter quotes by outlet, speaker or words…", parent)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setToolTip("Click a quote to read it in its article")
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

    def _on_current(self, current, _previous) -> None:
        if current.isValid():
            row = self.row_values(current.row())
            self.quoteChosen.emit(str(row["article_id"]), int(row["start"]), int(row["end"]))
