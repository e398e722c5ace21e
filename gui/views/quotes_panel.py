"""Quotes and sources: every quote, or who each outlet quotes; a click leads to the text.

A quote's speaker can be corrected (Correct Speaker…, the right-click menu,
or a double-click on the speaker): the window asks who said it.
"""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QPushButton, QWidget

from gui.models.dataframe_table_model import DataFrameTableModel
from gui.views.table_panel import TablePanel

QUOTE_HEADERS = {
    "outlet": "Outlet",
    "speaker": "Speaker",
    "source": "Source",  # the source type, "(corrected)" where the user gave the speaker
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
    """``quoteChosen(article_id, start, end)`` for a clicked quote; a clicked source lists its quotes.

    ``speakerCorrectionRequested(quote)``: the user wants to say who said a quote (its row as a dict).
    """

    quoteChosen = Signal(str, int, int)
    speakerCorrectionRequested = Signal(dict)

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
        self.table.doubleClicked.connect(self._on_double_click)
        self.correct_button = QPushButton("Correct Speaker…")
        self.correct_button.setToolTip("Say who the selected quote is from; kept when the articles are analysed again "
                                       "(also: double-click the speaker)")
        self.correct_button.clicked.connect(self.request_correction)
        self.controls.addWidget(self.correct_button)
        self.show_action = QAction("Show in Text", self)
        self.show_action.triggered.connect(self._show_selected)
        self.correct_action = QAction("Correct Speaker…", self)
        self.correct_action.triggered.connect(self.request_correction)
        self.list_action = QAction("List Their Quotes", self)
        self.list_action.triggered.connect(self._show_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_data(self, quotes: pd.DataFrame, sources: pd.DataFrame) -> None:
        first = self.model.rowCount() == 0
        if "speaker_corrected" in quotes:  # typing "corrected" in the filter lists the user's corrections
            mine = quotes["speaker_corrected"].astype(bool)  # vectorised: 250,000 quotes at 10,000 articles
            quotes = quotes.assign(source=quotes["source_type"].where(~mine, quotes["source_type"] + " (corrected)"))
        self.quotes_model.set_frame(quotes)
        self.sources_model.set_frame(sources)
        if first:  # later reloads keep the user's column widths
            self.fit_columns()

    def clear(self) -> None:
        """No quotes (a project just opened: its own follow with its data)."""
        self.set_data(pd.DataFrame(), pd.DataFrame())

    def showing_sources(self) -> bool:
        return self.mode.currentData() == "sources"

    def selected_quote(self) -> dict | None:
        """The selected quote's row (every column), or None (none selected, or sources shown)."""
        rows = self.selected_rows()
        return rows[0] if rows and not self.showing_sources() else None

    def request_correction(self) -> None:
        quote = self.selected_quote()
        if quote is not None:
            self.speakerCorrectionRequested.emit(quote)

    def context_actions(self, index: QModelIndex) -> list:
        if not index.isValid():
            return []
        if self.showing_sources():
            self.list_action.setText(f"List the Quotes of “{self.row_values(index.row())['speaker']}”")
            return [self.list_action]
        return [self.show_action, self.correct_action]

    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._open(rows[0].row())

    def _on_double_click(self, index: QModelIndex) -> None:
        if not self.showing_sources() and self.model.column_name(self.proxy.mapToSource(index).column()) in (
                "speaker", "source"):
            self.request_correction()

    def _update_buttons(self, *_) -> None:
        self.correct_button.setEnabled(self.selected_quote() is not None)
        self.correct_button.setVisible(not self.showing_sources())

    def _on_mode(self, _index: int) -> None:
        self.model = self.sources_model if self.showing_sources() else self.quotes_model
        self.proxy.setSourceModel(self.model)
        self.fit_columns()
        self._update_buttons()

    def _on_current(self, current, _previous) -> None:
        if current.isValid():
            self._open(current.row())

    def _open(self, proxy_row: int) -> None:
        """A quote: show it in its article; a source: list its quotes."""
        row = self.row_values(proxy_row)
        if self.showing_sources():
            speaker = row["speaker"]
            self.mode.setCurrentIndex(self.mode.findData("quotes"))
            self.filter_box.setText("" if speaker == "(unattributed)" else str(speaker))
        else:
            self.quoteChosen.emit(str(row["article_id"]), int(row["start"]), int(row["end"]))
