"""The story comparison page: the story's outlets side by side, one column per outlet.

The window's counterpart of ``newsprism-cli compare``: who covered the
story and who did not, what each outlet alone names, whom it quotes and how
much, its anonymous sourcing, how it describes people and places, its own
words and how much of its text others share. Every measure explains itself
in a tooltip; "Export…" saves the page.
"""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

HINT = "Choose a story in Stories (or select articles of one story) to compare how its outlets cover it."


class StoryComparisonPanel(QWidget):
    """Shows a ``story_comparison_table``; ``exportRequested`` asks the window to save it."""

    exportRequested = Signal(int)  # story id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.story_id: int | None = None
        self.title = QLabel(HINT)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.export_button = QPushButton("Export…")
        self.export_button.setToolTip("Save this page as an Excel workbook or a CSV file")
        self.export_button.clicked.connect(lambda: self.story_id is not None and self.exportRequested.emit(self.story_id))
        self.export_button.setEnabled(False)
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Narrow columns (many outlets, a small screen): "Serrana Broad…" rather than a name cut at both
        # ends; the full name is in the line above the table and in the header's tooltip.
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

    def clear(self, message: str = HINT) -> None:
        self.story_id = None
        self.title.setText(message)
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.export_button.setEnabled(False)

    def show_comparison(self, story_id: int, name: str, table: pd.DataFrame, notes: dict[str, str],
                        colours: dict[str, QColor]) -> None:
        """One column per outlet, one row per measure (tooltips: what the measure means)."""
        self.story_id = story_id
        covered = table[table["Covered"] == "yes"]["Outlet"].tolist()
        absent = table[table["Covered"] != "yes"]["Outlet"].tolist()
        self.title.setText(f"{name}\nCovered by {', '.join(covered) or 'no outlet'}"
                           + (f"; not covered by {', '.join(absent)}" if absent else ""))
        measures = [c for c in table.columns if c not in ("Outlet", "Covered")]
        table = table[table["Covered"] == "yes"]  # who did not cover it is said above: no empty columns
        self.table.clear()
        self.table.setColumnCount(len(table))
        self.table.setRowCount(len(measures))
        self.table.setVerticalHeaderLabels(measures)
        for row, measure in enumerate(measures):
            self.table.verticalHeaderItem(row).setToolTip(notes.get(measure, ""))
        for column, record in enumerate(table.to_dict("records")):
            self._outlet_header(column, record, colours)
            for row, measure in enumerate(measures):
                item = QTableWidgetItem(_shown(measure, record[measure]))
                item.setToolTip(f"{record['Outlet']} — {measure}: {notes.get(measure, '')}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        self.export_button.setEnabled(True)

    def _outlet_header(self, column: int, record: dict, colours: dict[str, QColor]) -> None:
        outlet = record["Outlet"]
        item = QTableWidgetItem(outlet if record["Covered"] == "yes" else f"{outlet} (absent)")
        colour = colours.get(outlet)
        if colour is not None:
            item.setForeground(QBrush(colour))
        item.setToolTip("Did not cover this story" if record["Covered"] != "yes" else f"{outlet}'s coverage")
        self.table.setHorizontalHeaderItem(column, item)

    def cell(self, measure: str, outlet: str) -> str:
        """The text shown for ``measure`` of ``outlet`` (what tests and screen readers read)."""
        rows = [self.table.verticalHeaderItem(r).text() for r in range(self.table.rowCount())]
        columns = [self.table.horizontalHeaderItem(c).text().removesuffix(" (absent)")
                   for c in range(self.table.columnCount())]
        return self.table.item(rows.index(measure), columns.index(outlet)).text()


def _shown(measure: str, value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if measure in ("Anonymous sourcing", "Shared text"):
        return f"{float(value):.0%}"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{int(value):,}"
    return str(value) or "–"
