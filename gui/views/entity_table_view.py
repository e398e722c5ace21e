"""The entity table: drag one entity onto another to count them as one."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from gui.models.roles import RAW_ROLE

ENTITY_MIME = "application/x-newsprism-entities"


def entity_mime(names: list[str]) -> QMimeData:
    """What a dragged entity row carries: its names, one a line."""
    mime = QMimeData()
    mime.setData(ENTITY_MIME, QByteArray("\n".join(names).encode("utf-8")))
    return mime


def dragged_entities(mime: QMimeData) -> list[str]:
    if not mime.hasFormat(ENTITY_MIME):
        return []
    return [n for n in bytes(mime.data(ENTITY_MIME).data()).decode("utf-8").split("\n") if n]


class EntityTableView(QTableView):
    """``entityDropped(names, onto)``: the user dropped the dragged entities onto another one."""

    entityDropped = Signal(list, str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDropIndicatorShown(True)

    def entity_at(self, pos) -> str | None:
        index = self.indexAt(pos)
        return None if not index.isValid() else str(index.siblingAtColumn(0).data(RAW_ROLE))

    def startDrag(self, actions) -> None:
        names = sorted({str(i.siblingAtColumn(0).data(RAW_ROLE)) for i in self.selectionModel().selectedRows()})
        if names:
            drag = QDrag(self)
            drag.setMimeData(entity_mime(names))
            drag.exec(Qt.DropAction.MoveAction)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dragged_entities(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        onto = self.entity_at(event.position().toPoint())
        names = dragged_entities(event.mimeData())
        if onto and names and set(names) != {onto}:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        onto = self.entity_at(event.position().toPoint())
        names = [n for n in dragged_entities(event.mimeData()) if n != onto]
        if onto and names:
            event.acceptProposedAction()
            self.entityDropped.emit(names, onto)
        else:
            event.ignore()
