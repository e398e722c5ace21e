"""Who said this quote? The user's answer replaces the speaker the analysis found."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget,
)

from core.project import SOURCE_TYPES

SOURCE_TYPE_NAMES = {
    "named": "Named person or organisation",
    "anonymous": "Anonymous source (“a senior official”)",
    "unnamed": "Unnamed group or description (“experts”)",
    "media": "Another news outlet or state media",
}


class SpeakerDialog(QDialog):
    """Asks for a speaker and a source type; ``on_chosen(speaker, source_type)`` or ``on_reset()``."""

    def __init__(self, parent: QWidget, quote: dict, speakers: list[str],
                 on_chosen: Callable[[str, str], None], on_reset: Callable[[], None] | None = None):
        super().__init__(parent)
        self.setObjectName("speakerDialog")
        self.setWindowTitle("Correct the speaker")
        text = str(quote.get("text", ""))
        shown = text if len(text) <= 240 else text[:239] + "…"
        quoted = QLabel(f"“{shown}”")
        quoted.setWordWrap(True)
        quoted.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.speaker = QComboBox()
        self.speaker.setEditable(True)
        self.speaker.addItems(speakers)
        self.speaker.setCurrentText(str(quote.get("speaker") or ""))
        self.speaker.setToolTip("A name, or a description such as “a senior official”; pick a speaker the project "
                                "already has so that both are counted as one source")
        self.source_type = QComboBox()
        for key in SOURCE_TYPES:
            self.source_type.addItem(SOURCE_TYPE_NAMES[key], key)
        found = self.source_type.findData(quote.get("source_type"))
        self.source_type.setCurrentIndex(max(found, 0))
        form = QFormLayout()
        form.addRow("Said by:", self.speaker)
        form.addRow("Source:", self.source_type)
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.reset_button: QPushButton | None = None
        if on_reset is not None:
            self.reset_button = buttons.addButton("Use the Speaker Found", QDialogButtonBox.ButtonRole.ResetRole)
            self.reset_button.setToolTip("Forget your correction: the speaker the analysis found applies again")
            self.reset_button.clicked.connect(lambda: (self.accept(), on_reset()))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self._on_chosen = on_chosen
        layout = QVBoxLayout(self)
        layout.addWidget(quoted)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def _accept(self) -> None:
        speaker = " ".join(self.speaker.currentText().split())
        if not speaker:
            self.speaker.setFocus()
            return
        self.accept()
        self._on_chosen(speaker, self.source_type.currentData())


def ask_speaker(parent: QWidget, quote: dict, speakers: list[str], on_chosen: Callable[[str, str], None],
                on_reset: Callable[[], None] | None = None) -> SpeakerDialog:
    """Open the dialog without blocking (the answer arrives through the callbacks)."""
    dialog = SpeakerDialog(parent, quote, speakers, on_chosen, on_reset)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
