"""Files the system asks the running app to open (macOS ``QFileOpenEvent``: a double-click or a drop on the Dock icon)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent


class FileOpenHandler(QObject):
    """Watches the application for file-open events; holds them until the window is ready."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.pending: list[str] = []
        self._deliver: Callable[[list[str]], None] | None = None

    def deliver_to(self, deliver: Callable[[list[str]], None]) -> None:
        """From now on hand paths to ``deliver`` (e.g. ``MainWindow.import_paths``), the held ones first."""
        self._deliver = deliver
        held, self.pending = self.pending, []
        if held:
            deliver(held)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file() or event.url().toLocalFile()
            if path:
                if self._deliver is None:
                    self.pending.append(path)
                else:
                    self._deliver([path])
                return True
        return super().eventFilter(watched, event)
