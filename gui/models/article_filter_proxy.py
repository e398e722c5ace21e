"""Sorting and filtering of the corpus table: by typed text, and by a set of articles."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel, Qt

from gui.models.roles import FILTER_ROLE, ID_ROLE, RAW_ROLE
from gui.models.source_sort_proxy import SourceSortProxyModel


class ArticleFilterProxyModel(SourceSortProxyModel):
    """Filters rows by text in any column and, optionally, to the given article ids."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setSortRole(RAW_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(-1)
        self.setFilterRole(FILTER_ROLE)  # dates match as shown ("Nov 2024") and as stored ("2024-11")
        self._ids: frozenset[str] | None = None
        self._text = ""  # the filter box's text

    def setFilterFixedString(self, pattern: str) -> None:
        self._text = pattern
        super().setFilterFixedString(pattern)

    def set_article_filter(self, ids: set[str] | None) -> None:
        """Show only these articles (``None`` shows all)."""
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            self._ids = frozenset(ids) if ids is not None else None
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self._ids = frozenset(ids) if ids is not None else None
            self.invalidateRowsFilter()

    def article_filter(self) -> frozenset[str] | None:
        return self._ids

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        if self._ids is None and not self._text:  # nothing filtered: a million rows pass at once
            return True
        if self._ids is not None:
            article_id = self.sourceModel().index(source_row, 0, source_parent).data(ID_ROLE)
            if article_id not in self._ids:
                return False
        return super().filterAcceptsRow(source_row, source_parent)
