"""Small helpers the GUI tests share: real drag-and-drop events, text formats, table edits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QWidget


def drop_paths(widget: QWidget, paths: list[Path]) -> bool:
    """Drag ``paths`` over ``widget`` and drop them, as a file manager would; True if accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return drop_mime(widget, mime)


def drop_mime(widget: QWidget, mime: QMimeData) -> bool:
    """Drag ``mime`` over ``widget`` and drop it; True if accepted."""
    centre = widget.rect().center()  # QDragEnterEvent takes a QPoint, QDropEvent a QPointF
    enter = QDragEnterEvent(centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(centre), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def formats_of(document: QTextDocument, phrase: str) -> list[QTextCharFormat]:
    """The character format inside each occurrence of ``phrase``."""
    formats = []
    cursor = document.find(phrase)
    while not cursor.isNull():
        probe = QTextCursor(document)
        probe.setPosition(cursor.selectionStart() + 1)
        formats.append(probe.charFormat())
        cursor = document.find(phrase, cursor)
    return formats


def row_of(view_model, column: int, text: str) -> int:
    for row in range(view_model.rowCount()):
        if view_model.index(row, column).data() == text:
            return row
    raise LookupError(text)




def right_click(table, row: int, column: int = 0):
    """Right-click a cell of a table view as the user does; returns the context menu that opened."""
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QMenu

    index = table.model().index(row, column)
    table.scrollTo(index)
    at = table.visualRect(index).center()
    before = set(table.findChildren(QMenu, "tableMenu"))
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, table.viewport().mapToGlobal(at))
    QApplication.sendEvent(table.viewport(), event)
    menus = [m for m in table.findChildren(QMenu, "tableMenu") if m not in before and m.isVisible()]
    assert menus, "no context menu opened"
    return menus[-1]


def menu_action(menu, text: str):
    """The action of ``menu`` whose text (without & marks) starts with ``text``."""
    for action in menu.actions():
        if action.text().replace("&", "").startswith(text):
            return action
    raise LookupError(f"{text!r} not in {[a.text() for a in menu.actions()]}")
def settle_chart(chart) -> None:
    """Paint a pyqtgraph chart until its plot area stops moving (axes size themselves to their labels when
    painted, and the layout follows), so that view positions map to where the mouse will find them."""
    before = None
    for _ in range(5):
        chart.grab()
        QApplication.processEvents()
        now = chart.plot_item.vb.sceneBoundingRect()
        if now == before:
            return
        before = now
