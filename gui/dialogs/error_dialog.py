"""Errors for people: a plain message first, the technical details on demand."""

from __future__ import annotations

import traceback

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from core.project import ProjectError
from core.model.import_result import UnreadableFile
from core.nlp.pipeline import ModelUnavailable


def plain_message(exc: BaseException, doing: str) -> str:
    """What to tell the user about ``exc`` raised while ``doing`` something."""
    if isinstance(exc, (ModelUnavailable, ProjectError, UnreadableFile)):
        return str(exc)  # written for the user, with the fix where there is one
    if isinstance(exc, PermissionError):
        return f"Newsprism is not allowed to use {exc.filename or 'this file'}. Choose another place or file."
    if isinstance(exc, FileNotFoundError):
        return f"{exc.filename or 'The file'} does not exist any more."
    if isinstance(exc, OSError):
        return f"The file could not be used: {exc.strerror or exc}."
    if isinstance(exc, MemoryError):
        return "There is not enough memory for this. Close other programs or work with fewer articles."
    return (f"Something went wrong while {doing}. Nothing saved before was lost.\n"
            "If it happens again, please report it with the details below.")


def show_error(parent: QWidget | None, title: str, message: str, details: str = "") -> QMessageBox:
    """A window-modal message box that does not block the event loop."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    if details:
        box.setDetailedText(details)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.open()
    return box


def show_exception(parent: QWidget | None, title: str, exc: BaseException, doing: str, details: str = "") -> QMessageBox:
    if not details:
        details = "".join(traceback.format_exception(exc))
    return show_error(parent, title, plain_message(exc, doing), details)
