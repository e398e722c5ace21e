"""Stories: articles on the same events grouped; choosing one opens its articles side by side.

Select several stories to merge them; the articles selected in the article
table can be split off into a new story or moved into another one. "Group
stories: looser … tighter" regroups the project at once (the user's moves,
merges and splits stay).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QMenu, QPushButton, QSlider, QToolButton, QWidget,
)

from gui.views.table_panel import TablePanel

HEADERS = {"name": "Story", "articles": "Articles", "outlets": "Outlets", "first_date": "From", "last_date": "To"}


class StoryPanel(TablePanel):
    """Emits what the user asked for; the window does it with the article table's selection."""

    storyChosen = Signal(int)  # one story selected: its id
    renameRequested = Signal(int, str)  # story id, its current name
    mergeRequested = Signal(list)  # story ids, the first keeps its id
    moveRequested = Signal(int)  # the selected articles go to this story
    splitRequested = Signal()  # the selected articles become a story of their own
    tightnessChosen = Signal(float)  # regroup: 0 loosest … 1 tightest

    #: Slider steps; the value is the tightness × STEPS.
    STEPS = 20
    #: Keyboard steps and wheel turns settle for this long (ms) before the stories are regrouped.
    SETTLE_MS = 400

    def __init__(self, parent: QWidget | None = None):
        super().__init__(HEADERS, "Filter stories…", parent)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setToolTip("Click a story to read its articles side by side;\n"
                              "select several (Ctrl+click) and press Merge to make them one")
        self.rename_button = QPushButton("Rename…")
        self.rename_button.setToolTip("Give the chosen story a name of your own")
        self.rename_button.clicked.connect(self._request_rename)
        self.merge_button = QPushButton("Merge")
        self.merge_button.setToolTip("Make the selected stories one story")
        self.merge_button.clicked.connect(self._request_merge)
        self.split_button = QPushButton("Split Off…")
        self.split_button.setToolTip("Make the articles selected in the article table a story of their own")
        self.split_button.clicked.connect(self.splitRequested.emit)
        self.move_menu = QMenu("Move Selected Articles To", self)
        self.move_menu.aboutToShow.connect(self._fill_move_menu)
        self.move_button = QToolButton()
        self.move_button.setText("Move Articles To")
        self.move_button.setToolTip("Move the articles selected in the article table into another story")
        self.move_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.move_button.setMenu(self.move_menu)
        self.move_button.setMinimumWidth(self.move_button.sizeHint().width() + 14)  # room for the menu arrow
        for button in (self.rename_button, self.merge_button, self.split_button, self.move_button):
            self.controls.addWidget(button)
        self.menu_actions = []  # the right-click menu's own part (TablePanel.context_actions)
        for text, slot in (("Rename…", self._request_rename), ("Merge Selected Stories", self._request_merge),
                           ("Split Selected Articles Off…", self.splitRequested.emit)):
            action = QAction(text, self)
            action.triggered.connect(lambda *_, s=slot: s())
            self.menu_actions.append(action)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self._on_selection()
        self.layout().insertLayout(1, self._tightness_row())

    def _tightness_row(self) -> QHBoxLayout:
        self.tightness = QSlider(Qt.Orientation.Horizontal)
        self.tightness.setRange(0, self.STEPS)
        self.tightness.setValue(self.STEPS // 2)
        self.tightness.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.tightness.setTickInterval(self.STEPS // 2)
        self.tightness.setPageStep(2)
        tip = ("How alike articles must be to form one story.\n"
               "Looser: related events join one story. Tighter: only close coverage of one event does.\n"
               "Stories regroup at once; your moves, merges and splits stay.")
        self.tightness.setToolTip(tip)
        self.tightness.setAccessibleName("Group stories: looser to tighter")
        self._settle = QTimer(self, singleShot=True, interval=self.SETTLE_MS)
        self._settle.timeout.connect(lambda: self.tightnessChosen.emit(self.tightness.value() / self.STEPS))
        self.tightness.valueChanged.connect(lambda _: self._settle.start())
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel("Group stories:")
        label.setToolTip(tip)
        row.addWidget(label)
        row.addWidget(QLabel("looser"))
        row.addWidget(self.tightness, 1)
        row.addWidget(QLabel("tighter"))
        return row

    def set_tightness(self, tightness: float) -> None:
        """Show the project's tightness (no regrouping)."""
        self.tightness.blockSignals(True)
        self.tightness.setValue(round(tightness * self.STEPS))
        self.tightness.blockSignals(False)

    def selected_story_ids(self) -> list[int]:
        return [int(row["id"]) for row in self.selected_rows()]

    def select_stories(self, story_ids: list[int]) -> None:
        """Select these stories' rows (as Ctrl+clicks would)."""
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        wanted = QItemSelection()
        for row in range(self.proxy.rowCount()):
            if int(self.row_values(row)["id"]) in story_ids:
                index = self.proxy.index(row, 0)
                wanted.select(index, index)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(wanted, flags)

    def stories(self) -> list[tuple[int, str]]:
        frame = self.model.frame()
        return [] if frame.empty else [(int(i), str(n)) for i, n in zip(frame["id"], frame["name"])]

    def _fill_move_menu(self) -> None:
        self.move_menu.clear()
        for story_id, name in sorted(self.stories(), key=lambda s: s[1].casefold()):
            self.move_menu.addAction(name, lambda s=story_id: self.moveRequested.emit(s))

    def _request_rename(self) -> None:
        rows = self.selected_rows()
        if len(rows) == 1:
            self.renameRequested.emit(int(rows[0]["id"]), str(rows[0]["name"]))

    def _request_merge(self) -> None:
        ids = self.selected_story_ids()
        if len(ids) >= 2:
            self.mergeRequested.emit(ids)

    def context_actions(self, index) -> list:
        rename, merge, split = self.menu_actions
        count = len(self.selected_story_ids())
        rename.setEnabled(count == 1)
        merge.setEnabled(count >= 2)
        return [rename, merge, split, None, self.move_button.menu().menuAction()]

    def _on_selection(self, *_) -> None:
        ids = self.selected_story_ids()
        self.rename_button.setEnabled(len(ids) == 1)
        self.merge_button.setEnabled(len(ids) >= 2)
        if len(ids) == 1:
            self.storyChosen.emit(ids[0])
