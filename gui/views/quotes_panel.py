"""Quotes and sources: every quote, or who each outlet quotes; a click leads to the text."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QWidget

from gui.models.dataframe_table_model import DataFrameTableModel
from gui.views.table_panel import TablePanel

QUOTE_HEADERS = {
    "outlet": "Outlet",
    "speaker": "Speaker",
    "source_type": "Source",
    "verb": "Verb",
    "words": "Words",
    "text": "Quote",
}
SOURCE_HEADERS = {
    "outlet": "Outlet",
    "speaker": "Speaker",
    "source_type": "Source",
    "quotes": "Quotes",
    "words": "Words quoted",
}


class QuotesPanel(TablePanel):
    """``quoteChosen(article_id, start, end)`` for a clicked quote; a clicked source lists its quotes."""

    quoteChosen = Signal(str, int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(QUOTE_HEADERS, "Filter by outlet, speaker or words…", parent)
        self.quotes_model = self.model
        self.sources_model = DataFrameTableModel(headers=SOURCE_HEADERS)
        self.mode = QComboBox()
        self.mode.addItem("Quotes", "quotes")
        self.mode.addItem("Sources by outlet", "sources")
        self.mode.setToolTip("Every quote, or who each outlet quotes and how much")
        self.mode.currentIndexChanged.connect(self._on_mode)
        self.controls.insertWidget(0, self.mode)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setToolTip("Click a quote to read it in its article; click a source to list its quotes")
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

    def set_data(self, quotes: pd.DataFrame, sources: pd.DataFrame) -> None:
        first = self.model.rowCount() == 0
        self.quotes_model.set_frame(quotes)
        self.sources_model.set_frame(sources)
        if first:  # later reloads keep the user's column widths
            self.fit_columns()

    def showing_sources(self) -> bool:
        return self.mode.currentData() == "sources"

    def _on_mode(self, _index: int) -> None:
        self.model = self.sources_model if self.showing_sources() else self.quotes_model
        self.proxy.setSourceModel(self.model)
        self.fit_columns()

    def _on_current(self, current, _previous) -> None:
        if not current.isValid():
            return
        row = self.row_values(current.row())
        if self.showing_sources():
            speaker = row["speaker"]
            self.mode.setCurrentIndex(self.mode.findData("quotes"))
            self.filter_box.setText("" if speaker == "(unattributed)" else str(speaker))
        else:
            self.quoteChosen.emit(str(row["article_id"]), int(row["start"]), int(row["end"]))
