"""Concordance: every hit of Find with its left and right context, outlet, date and title (KWIC)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QStyledItemDelegate, QStyleOptionViewItem,
    QTableView, QVBoxLayout, QWidget,
)

from core.text.concordance import Hits
from gui.models.concordance_table_model import HIT_COLUMN, LEFT_COLUMN, ConcordanceTableModel

EMPTY = "Type a word or phrase in the find box (Ctrl+F) to list every use of it with its context."
#: Context columns' starting width, in characters: the rest of the 60 read on each side shows when widened.
CONTEXT_CHARS = 40


class _ElideLeft(QStyledItemDelegate):
    """The left context is cut at its far (left) end, so the words next to the hit stay visible."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideLeft


class ConcordancePanel(QWidget):
    """``hitChosen(article_id, start, end)`` when a hit is opened (double-click or Enter);
    ``optionsChanged`` when whole words or match case is switched."""

    hitChosen = Signal(str, int, int)
    optionsChanged = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = QLabel(EMPTY)
        self.summary.setWordWrap(True)
        self.whole_words = QCheckBox("Whole words")
        self.whole_words.setToolTip("Only hits that are whole words: “war” does not find “software”")
        self.match_case = QCheckBox("Match case")
        self.match_case.setToolTip("Letter case must match: “US” does not find “us”")
        for box in (self.whole_words, self.match_case):
            box.toggled.connect(lambda _: self.optionsChanged.emit())
        self.model = ConcordanceTableModel(self)
        self.table = self._build_table()
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.summary, 1)
        controls.addWidget(self.whole_words)
        controls.addWidget(self.match_case)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.table, 1)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as found, until a header is clicked
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.setItemDelegateForColumn(LEFT_COLUMN, _ElideLeft(table))
        table.setToolTip("Every use of the word or phrase with its context. Click a header to sort; "
                         "double-click a hit (or press Enter) to read it in its article; F3 and Shift+F3 step "
                         "through the hits.")
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        char = table.fontMetrics().averageCharWidth()
        for column, chars in ((0, 14), (1, 11), (LEFT_COLUMN, CONTEXT_CHARS), (HIT_COLUMN, 12),
                              (HIT_COLUMN + 1, CONTEXT_CHARS)):
            table.setColumnWidth(column, chars * char)
        table.activated.connect(self._on_activated)
        return table

    # -- state ---------------------------------------------------------------------
    def options(self) -> dict[str, bool]:
        """What Find matches: keyword arguments of :func:`core.text.concordance.find_hits`."""
        return {"whole_words": self.whole_words.isChecked(), "case": self.match_case.isChecked()}

    def set_hits(self, query: str, hits: Hits) -> None:
        """List ``hits`` in the order the header asks for (as found, at first)."""
        self.model.set_hits(hits.table)
        header = self.table.horizontalHeader()
        if 0 <= header.sortIndicatorSection() < self.model.columnCount():
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.summary.setText(_summary(query, hits))
        if self.model.rowCount():
            self.table.resizeColumnToContents(HIT_COLUMN)

    def clear(self) -> None:
        self.model.clear()
        self.summary.setText(EMPTY)

    def hit_count(self) -> int:
        return self.model.rowCount()

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def current_hit(self) -> dict | None:
        row = self.current_row()
        return self.model.hit(row) if row >= 0 else None

    def step(self, by: int) -> dict | None:
        """Make the next (``by`` = 1) or previous (-1) hit current, round the ends; returns it."""
        count = self.model.rowCount()
        if not count:
            return None
        row = self.current_row()
        row = (0 if by > 0 else count - 1) if row < 0 else (row + by) % count
        self.table.setCurrentIndex(self.model.index(row, HIT_COLUMN))
        self.table.scrollTo(self.model.index(row, HIT_COLUMN))
        return self.model.hit(row)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            hit = self.model.hit(index.row())
            self.hitChosen.emit(str(hit["article_id"]), int(hit["start"]), int(hit["end"]))


def _summary(query: str, hits: Hits) -> str:
    if not hits.total:
        return f"“{query}” is in no article."
    articles = len(hits.per_article)
    text = (f"“{query}”: {hits.total:,} hit{'s' if hits.total != 1 else ''} in {articles:,} "
            f"article{'s' if articles != 1 else ''}")
    if hits.truncated:
        text += f" — the first {len(hits.table):,} are listed"
    return text + "."
