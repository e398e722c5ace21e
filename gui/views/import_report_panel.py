"""The import report: what happened to each file, failures first, with reasons."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from core.model.import_result import ImportResult, Status
from gui.models.dataframe_table_model import DataFrameTableModel
from gui.models.roles import RAW_ROLE
from gui.models.source_sort_proxy import SourceSortProxyModel
from gui.views.table_panel import FIT_ROWS

HEADERS = {"status": "Result", "file": "File", "message": "Details", "folder": "Folder"}
NOT_ANALYSED = "not analysed"
_ORDER = {Status.FAILED: 0, NOT_ANALYSED: 1, Status.DUPLICATE: 2, Status.IMPORTED: 3}


def report_frame(results: list[ImportResult], not_analysed: list[tuple[str, str]] = ()) -> pd.DataFrame:
    """The results as rows for the table, failed files first, then articles imported but not analysed."""
    rows = [
        {"status": str(r.status), "file": Path(r.source).name, "message": r.message,
         "folder": str(Path(r.source).parent), "order": _ORDER.get(r.status, 4)}
        for r in results
    ] + [
        {"status": NOT_ANALYSED, "file": Path(source).name, "message": reason, "folder": str(Path(source).parent),
         "order": _ORDER[NOT_ANALYSED]}
        for source, reason in not_analysed
    ]
    frame = pd.DataFrame(rows, columns=["status", "file", "message", "folder", "order"])
    return frame.sort_values(["order", "file"], kind="stable").drop(columns="order").reset_index(drop=True)


def summary_text(results: list[ImportResult], cancelled: bool = False, not_analysed: int = 0) -> str:
    counts = {s: sum(r.status == s for r in results) for s in Status}
    new = sum(len(r.article_ids) for r in results)
    files = counts[Status.IMPORTED]
    parts = [f"{new} new article{'s' if new != 1 else ''} from {files} file{'s' if files != 1 else ''}"
             if new else "No new articles"]
    versions = sum(len(r.versions) for r in results)
    repeats = sum(len(r.repeats) for r in results) or counts[Status.DUPLICATE]
    skipped = sum(len(r.not_analysed) for r in results)
    if versions:
        parts.append(f"{versions} kept as version{'s' if versions != 1 else ''} of an earlier article (named below)")
    if repeats:
        parts.append(f"{repeats} already in the project (named below)")
    if skipped:
        parts.append(f"{skipped} not analysed: no language model for their language")
    if counts[Status.FAILED]:
        parts.append(f"<b>{counts[Status.FAILED]} could not be imported</b> (reasons below)")
    if not_analysed:
        parts.append(f"<b>{not_analysed} article{'s' if not_analysed != 1 else ''} imported but not analysed</b> "
                     "(reasons below)")
    text = "; ".join(parts) + "."
    return ("Import cancelled. Kept: " + text) if cancelled else text


class ImportReportModel(DataFrameTableModel):
    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            if self.frame().iat[index.row(), 0] in (str(Status.FAILED), NOT_ANALYSED):
                return QColor("#c62828")
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return super().data(index, Qt.ItemDataRole.DisplayRole)
        return super().data(index, role)


class ImportReportPanel(QWidget):
    """Summary line plus one row per file."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = QLabel("Nothing imported yet. Drop files or folders on the window, or use File ▸ Import….")
        self.summary.setWordWrap(True)
        self.model = ImportReportModel(headers=HEADERS)
        proxy = SourceSortProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(RAW_ROLE)
        self.table = QTableView()
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # failures first, as reported
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)  # 10,000 results: sample, not all
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.results: list[ImportResult] = []

    def show_results(self, results: list[ImportResult], *, cancelled: bool = False,
                     not_analysed: list[tuple[str, str]] = ()) -> None:
        """``not_analysed``: ``(source, reason)`` of articles imported that the analysis had to leave out."""
        self.results = list(results)
        self.summary.setText(summary_text(self.results, cancelled, len(not_analysed)))
        self.model.set_frame(report_frame(self.results, list(not_analysed)))
        self.table.resizeColumnsToContents()

    def failed(self) -> list[ImportResult]:
        return [r for r in self.results if r.status == Status.FAILED]
