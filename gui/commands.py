"""Undoable edits (Ctrl+Z): each metadata edit is one command on the window's QUndoStack."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtGui import QUndoCommand

from core.model.article import Article
from core.project import Project


class EditArticleCommand(QUndoCommand):
    """Set one metadata field; undo restores the article as it was, origin marks included."""

    def __init__(self, project: Project, before: Article, field: str, value: Any,
                 on_applied: Callable[[Article], None]):
        shown = before.title if len(before.title) <= 40 else before.title[:39] + "…"
        super().__init__(f"change {field} of “{shown}”")
        self.project, self.before, self.field, self.value = project, before, field, value
        self.on_applied = on_applied

    def redo(self) -> None:
        self.on_applied(self.project.edit_article(self.before.id, **{self.field: self.value}))

    def undo(self) -> None:
        self.project.store.update_article(self.before)
        self.on_applied(self.before)
