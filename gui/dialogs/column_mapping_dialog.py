"""Map a table's columns to article fields when their names were not recognised."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

#: (article field as ``read_table_with_mapping`` names it, label shown)
FIELDS = (
    ("title", "Title"),
    ("text", "Text"),
    ("outlet", "Outlet"),
    ("date", "Date"),
    ("url", "Link (URL)"),
    ("authors", "Author"),
)
NOT_IN_FILE = "(not in this file)"


class ColumnMappingDialog(QDialog):
    """One combo per article field, filled with the file's columns; ``mapping()`` gives field -> column."""

    def __init__(self, path: str | Path, columns: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("columnMappingDialog")
        self.path = Path(path)
        self.setWindowTitle("Which column holds what?")
        self.setMinimumWidth(460)
        intro = QLabel(f"Newsprism did not recognise the columns of <b>{self.path.name}</b>.<br>"
                       "Choose the column that holds each part of the articles "
                       "(at least the text or the title).")
        intro.setWordWrap(True)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for field, label in FIELDS:
            combo = QComboBox()
            combo.setMinimumContentsLength(18)
            combo.addItem(NOT_IN_FILE, None)
            for column in columns:
                combo.addItem(column, column)
            combo.currentIndexChanged.connect(self._update_ok)
            form.addRow(label + ":", combo)
            self.combos[field] = combo
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update_ok()

    def choose(self, field: str, column: str | None) -> None:
        """Pick ``column`` for ``field`` (``None``: not in the file), as the user would."""
        combo = self.combos[field]
        combo.setCurrentIndex(max(combo.findData(column), 0))

    def mapping(self) -> dict[str, str]:
        return {field: combo.currentData() for field, combo in self.combos.items() if combo.currentData()}

    def _update_ok(self, *_) -> None:
        mapping = self.mapping()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled("text" in mapping or "title" in mapping)
