"""What a screen's size and scale leave of the window, measured in a process of its own.

    QT_SCALE_FACTOR=2 QT_QPA_PLATFORM=offscreen:configfile=SCREEN.json \\
        python -m tests.gui.layout_probe PROJECT

Qt's scale factor is fixed when the application starts, so the tests run
this in a fresh process (``test_small_screens.py``). The window fills the
screen's free area (as maximised), opens PROJECT, shows every dock of each
tab group in turn and prints one JSON line: the window's size, the docks
outside it, the visible rows of each table and the buttons cut off.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QDockWidget, QTableView

#: The tables that must stay readable, by dock.
TABLES = {"articles": "article_panel", "stories": "story_panel", "entities": "entity_panel",
          "quotes": "quotes_panel", "terms": "terms_panel"}


def _settle(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _cut_buttons(dock: QDockWidget) -> list[str]:
    """Buttons of the dock's view that stick out of the dock or are narrower than their text needs."""
    cut = []
    inside = dock.rect()
    for button in dock.widget().findChildren(QAbstractButton):
        if not button.isVisibleTo(dock) or isinstance(button.parent(), QAbstractItemView):
            continue  # a table's own corner button
        where = QRect(button.mapTo(dock, button.rect().topLeft()), button.size())
        if not inside.contains(where) or button.width() < button.minimumSizeHint().width():
            cut.append(f"{dock.windowTitle()}: {button.text() or button.toolTip()[:30]}")
    return cut


def probe(project: str) -> dict:
    import os

    os.environ["NEWSPRISM_HOME"] = tempfile.mkdtemp(prefix="newsprism-layout-")
    app = QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    from core.settings import Settings
    from gui.main_window import MainWindow

    window = MainWindow(Settings())
    free = window.screen().availableGeometry()
    window.resize(free.size())
    window.show()
    shown = []
    window.dataRefreshed.connect(lambda: shown.append(True))
    window.open_project(project)
    deadline = time.monotonic() + 120
    while not shown and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    _settle(app, 0.5)
    result = {"screen": [free.width(), free.height()], "scale": window.devicePixelRatio(),
              "window": [window.width(), window.height()], "outside": [], "rows": {}, "cut": []}
    for key, dock in window.docks.items():  # each dock in front of its tab group in turn
        dock.raise_()
        _settle(app, 0.2)
        if not window.rect().contains(dock.geometry()):
            result["outside"].append(key)
        if key in TABLES:
            table: QTableView = getattr(window, TABLES[key]).table
            result["rows"][key] = table.viewport().height() // table.verticalHeader().defaultSectionSize()
        result["cut"] += _cut_buttons(dock)
    window.close()
    return result


if __name__ == "__main__":
    print(json.dumps(probe(sys.argv[1])), flush=True)
