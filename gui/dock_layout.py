"""Where the docks go by default: corpus and chart on the left, texts and lists on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

LEFT = ("articles", "stories", "chart", "timeline")
TABBED_LEFT = {"stories": "articles"}
TABBED_RIGHT = ("quotes", "terms", "import_report")


def arrange_docks(window: QMainWindow, panels: dict[str, tuple[str, QWidget]]) -> dict[str, QDockWidget]:
    """One dock per panel (``key -> (title, widget)``), named ``<key>Dock`` so layouts can be saved."""
    area = Qt.DockWidgetArea
    docks: dict[str, QDockWidget] = {}
    for key, (title, widget) in panels.items():
        dock = QDockWidget(title, window)
        dock.setObjectName(f"{key}Dock")
        dock.setWidget(widget)
        window.addDockWidget(area.LeftDockWidgetArea if key in LEFT else area.RightDockWidgetArea, dock)
        docks[key] = dock
    for key, onto in TABBED_LEFT.items():
        window.tabifyDockWidget(docks[onto], docks[key])
    window.splitDockWidget(docks["articles"], docks["chart"], Qt.Orientation.Vertical)
    window.tabifyDockWidget(docks["chart"], docks["timeline"])
    docks["chart"].raise_()
    window.splitDockWidget(docks["side_by_side"], docks["entities"], Qt.Orientation.Vertical)
    for key in TABBED_RIGHT:
        window.tabifyDockWidget(docks["entities"], docks[key])
    docks["articles"].raise_()
    docks["entities"].raise_()
    window.resizeDocks([docks["articles"], docks["side_by_side"]], [640, 960], Qt.Orientation.Horizontal)
    window.resizeDocks([docks["articles"], docks["chart"]], [380, 560], Qt.Orientation.Vertical)
    window.resizeDocks([docks["side_by_side"], docks["entities"]], [700, 240], Qt.Orientation.Vertical)
    return docks
