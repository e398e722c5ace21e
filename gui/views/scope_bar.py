"""What the views compare: one story, or the whole project, with one click back to the whole project."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget


class ScopeBar(QWidget):
    """A line above the views: "Story: … · 3 outlets · 4 articles" with "Compare outlets" and "Whole project"."""

    wholeProjectRequested = Signal()
    compareRequested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.label = QLabel("Whole project")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setToolTip("Every view (chart, entities, quotes, distinctive language, timeline) counts this.\n"
                              "Choose a story in Stories, or select articles of one story, to compare its outlets.")
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # long names never widen the window
        self.compare_button = QPushButton("Compare outlets")
        self.compare_button.setToolTip("Open the story comparison: who covered it, who they quote, what only they name")
        self.compare_button.clicked.connect(self.compareRequested.emit)
        self.whole_button = QPushButton("Whole project")
        self.whole_button.setToolTip("Show the whole project in every view again")
        self.whole_button.clicked.connect(self.wholeProjectRequested.emit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.addWidget(QLabel("Showing:"))
        layout.addWidget(self.label, 1)
        layout.addWidget(self.compare_button)
        layout.addWidget(self.whole_button)
        self.set_scope("Whole project", False)

    def set_scope(self, label: str, story: bool) -> None:
        self.label.setText(label)
        self.label.setToolTip(label)
        font = self.label.font()
        font.setBold(story)
        self.label.setFont(font)
        self.compare_button.setVisible(story)
        self.whole_button.setVisible(story)
