"""Where the docks go by default (corpus and chart left, texts and lists right), and the window's size."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QTabBar, QWidget

LEFT = ("articles", "stories", "chart", "timeline")
MIN_DOCK_WIDTH = 320
TABS = {"articles": ("stories",), "chart": ("timeline",), "side_by_side": ("comparison",),
        "entities": ("quotes", "terms", "concordance", "import_report")}


def arrange_docks(window: QMainWindow, titles: dict[str, str]) -> dict[str, QDockWidget]:
    """One dock per view (``key -> title``), named ``<key>Dock`` so layouts can be saved.

    Each says "Loading…" until :func:`fill_docks` puts its view in: the
    window's shell shows before the views' modules are imported.
    """
    area = Qt.DockWidgetArea
    docks: dict[str, QDockWidget] = {}
    for key, title in titles.items():
        dock = QDockWidget(title, window)
        dock.setObjectName(f"{key}Dock")
        dock.setWidget(_loading())
        docks[key] = dock
    tabbed = {key for keys in TABS.values() for key in keys}
    for key, dock in docks.items():  # tabbed docks join their group below, never added on their own
        if key not in tabbed:
            window.addDockWidget(area.LeftDockWidgetArea if key in LEFT else area.RightDockWidgetArea, dock)
    window.splitDockWidget(docks["articles"], docks["chart"], Qt.Orientation.Vertical)
    window.splitDockWidget(docks["side_by_side"], docks["entities"], Qt.Orientation.Vertical)
    for onto, keys in TABS.items():  # tabs only after the splits, or Qt stacks them all together
        for key in keys:
            window.tabifyDockWidget(docks[onto], docks[key])
    docks["chart"].raise_()
    docks["side_by_side"].raise_()
    docks["articles"].raise_()
    docks["entities"].raise_()
    window.resizeDocks([docks["articles"], docks["side_by_side"]], [720, 880], Qt.Orientation.Horizontal)
    window.resizeDocks([docks["articles"], docks["chart"]], [380, 560], Qt.Orientation.Vertical)
    window.resizeDocks([docks["side_by_side"], docks["entities"]], [700, 240], Qt.Orientation.Vertical)
    return docks


def _loading() -> QLabel:
    label = QLabel("Loading…")
    label.setObjectName("loadingPlaceholder")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setEnabled(False)  # greyed, like any text that is not there yet
    return label


def fill_docks(docks: dict[str, QDockWidget], views: dict[str, QWidget]) -> None:
    """Put each view (``key -> widget``) into its dock in place of "Loading…"."""
    for key, widget in views.items():
        # A row of buttons must not make the window wider than a small screen: below this its
        # controls are clipped rather than the window pushed off-screen.
        widget.setMinimumWidth(min(widget.minimumSizeHint().width(), MIN_DOCK_WIDTH))
        placeholder = docks[key].widget()
        docks[key].setWidget(widget)
        if placeholder is not None:
            placeholder.deleteLater()


def hide_stale_tab_bars(window: QMainWindow) -> int:
    """Hide dock tab bars Qt left visible from intermediate layouts; returns how many.

    Building tabbed docks (and restoring a layout) leaves earlier tab bars of
    the main window on screen at stale positions (seen with Qt 6.12 under X11),
    where they show as stray tab fragments between docks. A tab bar in use
    sits right below the visible dock of its group; the others are hidden.
    """
    docks = [d for d in window.findChildren(QDockWidget) if d.isVisible() and not d.isFloating()]
    hidden = 0
    for bar in window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if not bar.isVisible():
            continue
        titles = {bar.tabText(i) for i in range(bar.count())}
        rect = bar.geometry()
        in_use = any(
            abs(rect.top() - dock.geometry().bottom() - 1) <= 4 and abs(rect.left() - dock.geometry().left()) <= 4
            for dock in docks if dock.windowTitle() in titles
        )
        if not in_use:
            bar.hide()
            hidden += 1
    return hidden


def fit_to_screen(window: QMainWindow) -> None:
    """Never larger than the screen's free area (a small laptop, a layout saved on a bigger screen)."""
    screen = window.screen()
    if screen is None:
        return
    free = screen.availableGeometry()
    frame = window.frameGeometry().size() - window.geometry().size()  # title bar and borders
    width = min(window.width(), free.width() - frame.width())
    height = min(window.height(), free.height() - frame.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    if not free.contains(window.frameGeometry().topLeft()):
        window.move(free.topLeft())
