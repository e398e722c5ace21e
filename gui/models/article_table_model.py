"""The corpus table: one row per article; outlet, title and date editable in place.

Dates show as a reader writes them ("20 Nov 2024"); the raw ISO value stays
under :data:`RAW_ROLE`, so sorting is chronological, and the filter box finds
both forms. The date editor accepts common written dates
(:func:`core.text.written_dates.parse_written_date`) and says why it refuses one.
"""

from __future__ import annotations

from typing import Any, Callable

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont, QIcon

from core.model.article import Article
from core.text.written_dates import EXAMPLES, display_date, parse_written_date
from gui.models.dataframe_table_model import display_text
from core.view_state.frame_records import FrameRecords
from gui.models.roles import FILTER_ROLE, ID_ROLE, RAW_ROLE
from gui.models.source_sort_proxy import sort_key

#: (frame column, header, article field it edits or None)
COLUMNS = (
    ("outlet", "Outlet", "outlet"),
    ("title", "Title", "title"),
    ("date", "Date", "date"),
    ("word_count", "Words", None),
    ("entities", "Entities", None),
    ("quotes", "Quotes", None),
    ("story", "Story", None),
    ("note", "Note", None),
)
GUESSED_TIP = "Guessed from the text; double-click to correct"
SHARED_COPY_TIP = "Same wire copy also ran in: {}"
DEFAULT_TIP = "Not known; double-click to set"
_HEADER_TIPS = {
    "title": "The headline; a link icon marks wire copy that other outlets ran too (hover it to see which)",
    "date": f"When the article was published. Double-click to correct it: {EXAMPLES}; empty removes the date",
    "word_count": "Words in the article, without boilerplate (photo credits, link lists)",
    "entities": "Mentions of people, organisations and places counted in the chart",
    "quotes": "Quotations found in the article",
    "story": "The story the article belongs to (articles on the same events)",
    "note": "Why an article does not count in the comparisons: a later version of another one "
            "(counted once, at its first appearance), or a language no installed model reads",
}
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

#: ``editor(article_id, field, value)`` performs an edit (the window wraps it for undo).
Editor = Callable[[str, str, Any], None]


class ArticleTableModel(QAbstractTableModel):
    """Adapter over ``core.analysis.article_table``'s frame; edits go through ``editor``."""

    editRejected = Signal(str)  # a message for the status bar

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[dict[str, Any]] | FrameRecords = []
        self._row_of: dict[str, int] = {}
        self.editor: Editor | None = None

    # -- content -------------------------------------------------------------
    def set_frame(self, frame: pd.DataFrame) -> None:
        self.set_records(FrameRecords(frame))

    def set_records(self, records: list[dict[str, Any]] | FrameRecords) -> None:
        """The rows of an article table frame: as ``to_dict("records")`` gives them, or a
        :class:`FrameRecords` (made in a worker) that makes each row when it is shown."""
        self.beginResetModel()
        self._rows = records
        self._row_of = self._positions()
        self.endResetModel()

    def _positions(self) -> dict[str, int]:
        if isinstance(self._rows, FrameRecords):
            return self._rows.positions("id")
        return {article_id: i for i, article_id in enumerate(self._column("id"))}

    def _column(self, name: str) -> list:
        if isinstance(self._rows, FrameRecords):
            return self._rows.column(name)
        return [row.get(name) for row in self._rows]

    def article_id(self, row: int) -> str:
        return self._rows[row]["id"]

    def row_of(self, article_id: str) -> int | None:
        return self._row_of.get(article_id)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows by a column (selection and editing follow the articles)."""
        key = COLUMNS[column][0]
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        keep = [(self._rows[i.row()]["id"], i.column()) for i in before]
        descending = order == Qt.SortOrder.DescendingOrder
        if isinstance(self._rows, FrameRecords):
            self._rows.sort_by(key, sort_key, reverse=descending)
        else:
            self._rows.sort(key=lambda row: sort_key(row[key]), reverse=descending)
        self._row_of = self._positions()
        self.changePersistentIndexList(before, [self.index(self._row_of[i], c) for i, c in keep])
        self.layoutChanged.emit()

    def has_notes(self) -> bool:
        """Whether any article has a note (why it does not count in the comparisons)."""
        return any(self._column("note"))

    def outlets(self) -> list[str]:
        return sorted(set(self._column("outlet")))

    def apply_article(self, article: Article) -> None:
        """Show an article's current metadata (after an edit or its undo)."""
        row = self._row_of.get(article.id)
        if row is None:
            return
        values = self._rows[row]
        values.update(outlet=article.outlet, title=article.title, date=article.date,
                      origins={k: str(v) for k, v in article.origins.items()})
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # -- Qt model ------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and COLUMNS[index.column()][2] and self.editor is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column, _, field = COLUMNS[index.column()]
        value = row[column]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return display_date(value) if column == "date" else display_text(value)
        if role == FILTER_ROLE:  # what the filter box matches: a date in both its forms
            return f"{display_date(value)} {value}" if column == "date" and value else display_text(value)
        if role == RAW_ROLE:
            return value
        if role == ID_ROLE:
            return row["id"]
        shared = row.get("shared_copy_with") or "" if column == "title" else ""
        if role == Qt.ItemDataRole.DecorationRole and shared:
            return shared_copy_icon()
        if role == Qt.ItemDataRole.ToolTipRole and shared:
            return f"{display_text(value)}\n{SHARED_COPY_TIP.format(shared)}"
        origin = (row.get("origins") or {}).get(field, "") if field else ""
        if role == Qt.ItemDataRole.FontRole and origin in ("guessed", "default"):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if origin == "guessed":
                return f"{display_text(value)}\n{GUESSED_TIP}"
            if origin == "default" or (field and value in (None, "")):
                return DEFAULT_TIP
            if column == "date" and len(str(value)) > 10:  # a time of day too: shown in full
                return f"Published {value}"
            return display_text(value) if column == "title" else None
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int):
            return _RIGHT
        return None

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.editor is None:
            return False
        column, _, field = COLUMNS[index.column()]
        if field is None:
            return False
        text = str(value).strip()
        if text == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        try:
            stored = _stored(field, text)
        except ValueError as problem:
            self.editRejected.emit(str(problem))
            return False
        current = self._rows[index.row()][column]
        if field == "date" and stored and current and stored == str(current)[:10]:
            return False  # the same day (a stored time of day is kept)
        self.editor(self._rows[index.row()]["id"], field, stored)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _HEADER_TIPS.get(COLUMNS[section][0])
        return None


def shared_copy_icon() -> QIcon:
    """The marker of an article whose wire copy other outlets ran too."""
    from PySide6.QtWidgets import QApplication, QStyle

    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_FileLinkIcon)


def _stored(field: str, text: str) -> str | None:
    """The value to store for an edited cell; ``ValueError`` says why it cannot be stored.

    An emptied date cell removes the date (the article becomes undated).
    """
    if field == "date":
        return parse_written_date(text).isoformat() if text else None
    if not text:
        raise ValueError(f"The {field} cannot be empty.")
    return text
