"""Undoable edits (Ctrl+Z): metadata edits, deleted articles, quote speakers, entity merges/renames/splits,
story names, moves, merges and splits.

Each command's writes run on the window's edit queue (gui/workers.py
``TaskQueue``), never on the GUI thread: an edit may have to wait for the
job process's write lock. The queue keeps them in order, so an undo runs
after the edit it undoes; what undo needs is read in the queue too, right
before the first edit, so an earlier edit still queued is seen.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtGui import QUndoCommand

from core.model.article import Article
from core.project import Project
from gui.workers import TaskQueue


class ProjectCommand(QUndoCommand):
    """An edit of ``project`` whose writes run on ``edits``; ``on_changed`` (GUI thread) after each."""

    def __init__(self, text: str, project: Project, edits: TaskQueue, on_changed: Callable[[], None]):
        super().__init__(text)
        self.project, self.edits, self.on_changed = project, edits, on_changed

    def write(self, fn: Callable[..., Any], *args: Any, then: Callable[[Any], None] | None = None) -> None:
        """``fn(*args)`` on the edit queue; then ``then(result)``, or ``on_changed()``, on the GUI thread."""
        self.edits.submit(self.text(), fn, *args, on_done=then or (lambda _: self.on_changed()))


class EditArticleCommand(ProjectCommand):
    """Set one metadata field; undo restores the article as it was, origin marks included."""

    def __init__(self, project: Project, edits: TaskQueue, article_id: str, title: str, field: str, value: Any,
                 on_applied: Callable[[Article], None]):
        shown = title if len(title) <= 40 else title[:39] + "…"
        super().__init__(f"change {field} of “{shown}”", project, edits, lambda: None)
        self.article_id, self.field, self.value, self.on_applied = article_id, field, value, on_applied
        self.before: Article | None = None

    def redo(self) -> None:
        self.write(self._edit, then=self.on_applied)

    def undo(self) -> None:
        self.write(lambda: self.project.restore_article(self.before), then=self.on_applied)

    def _edit(self) -> Article:
        if self.before is None:
            self.before = self.project.article(self.article_id)
        return self.project.edit_article(self.article_id, **{self.field: self.value})


class DeleteArticlesCommand(ProjectCommand):
    """Delete articles; undo puts them back exactly (analysis, story, pins, corrections)."""

    def __init__(self, project: Project, edits: TaskQueue, article_ids: list[str], on_changed: Callable[[], None]):
        super().__init__(f"delete {len(article_ids)} article{'s' if len(article_ids) != 1 else ''}", project, edits,
                         on_changed)
        self.article_ids = list(article_ids)
        self.deleted = None

    def redo(self) -> None:
        self.write(self._delete)

    def undo(self) -> None:
        self.write(lambda: self.project.restore_articles(self.deleted))

    def _delete(self) -> None:
        self.deleted = self.project.delete_articles(self.article_ids)


_UNREAD = object()


class CorrectSpeakerCommand(ProjectCommand):
    """Say who a quote is from (``speaker`` None: the analysis's speaker again); undo restores the one before."""

    def __init__(self, project: Project, edits: TaskQueue, quote: tuple[str, int, int], speaker: str | None,
                 source_type: str, on_changed: Callable[[], None]):
        super().__init__(f"correct the speaker to {speaker}" if speaker else "use the speaker found", project, edits,
                         on_changed)
        self.quote = quote
        self.after = (speaker, source_type) if speaker else None
        self.before: Any = _UNREAD

    def redo(self) -> None:
        self.write(self._set, self.after)

    def undo(self) -> None:
        self.write(self._set, self.before)

    def _set(self, correction: tuple[str, str] | None) -> None:
        if self.before is _UNREAD:
            self.before = self.project.quote_speaker_correction(*self.quote)
        if correction is None:
            self.project.forget_quote_speaker(*self.quote)
        else:
            try:
                self.project.correct_quote_speaker(*self.quote, *correction)
            except KeyError:  # analysed again since (the text changed): the quote is no longer there
                pass


class AliasCommand(ProjectCommand):
    """An entity merge, rename or split: ``apply`` writes alias rows for ``aliases``.

    Undo puts each alias back as it was before: the user's earlier row is
    written again, or (usually) the row is forgotten so the defaults apply.
    """

    def __init__(self, text: str, project: Project, edits: TaskQueue, aliases: list[str], apply: Callable[[], None],
                 on_changed: Callable[[], None]):
        super().__init__(text, project, edits, on_changed)
        self.aliases, self.apply = list(aliases), apply
        self.previous: dict[str, str] | None = None

    def redo(self) -> None:
        self.write(self._apply)

    def undo(self) -> None:
        self.write(self._restore)

    def _apply(self) -> None:
        if self.previous is None:
            self.previous = self.project.user_aliases(self.aliases)
        self.apply()

    def _restore(self) -> None:
        for alias in self.aliases:
            before = self.previous.get(alias)
            if before is None:
                self.project.forget_alias(alias)
            elif before == alias:
                self.project.split_entity(alias)
            else:
                self.project.merge_entities([alias], before)


def merge_command(project: Project, edits: TaskQueue, names: list[str], into: str,
                  on_changed: Callable[[], None]) -> AliasCommand:
    return AliasCommand(f"merge {', '.join(names)} into {into}", project, edits, [n for n in names if n != into],
                        lambda: project.merge_entities(names, into), on_changed)


def rename_command(project: Project, edits: TaskQueue, name: str, new_name: str,
                   on_changed: Callable[[], None]) -> AliasCommand:
    return AliasCommand(f"rename {name} to {new_name}", project, edits, [name],
                        lambda: project.rename_entity(name, new_name), on_changed)


def split_command(project: Project, edits: TaskQueue, alias: str, on_changed: Callable[[], None]) -> AliasCommand:
    return AliasCommand(f"split {alias} off", project, edits, [alias], lambda: project.split_entity(alias), on_changed)


class RenameStoryCommand(ProjectCommand):
    """A story's new name; undo gives back the old one."""

    def __init__(self, project: Project, edits: TaskQueue, story_id: int, old: str, new: str,
                 on_changed: Callable[[], None]):
        super().__init__(f"rename story “{old}”", project, edits, on_changed)
        self.story_id, self.old, self.new = story_id, old, new

    def redo(self) -> None:
        self.write(self.project.rename_story, self.story_id, self.new)

    def undo(self) -> None:
        self.write(self.project.rename_story, self.story_id, self.old)


class StoryEditCommand(ProjectCommand):
    """A move, merge or split of stories; undo puts every story back as it was."""

    def __init__(self, text: str, project: Project, edits: TaskQueue, edit: Callable[[], Any],
                 on_changed: Callable[[], None]):
        super().__init__(text, project, edits, on_changed)
        self.edit = edit
        self.before = self.after = None

    def redo(self) -> None:
        self.write(self._redo)

    def undo(self) -> None:
        self.write(lambda: self.project.restore_stories(self.before))

    def _redo(self) -> None:
        if self.after is None:  # the first time: make the edit and remember both states
            self.before = self.project.story_state()
            self.edit()
            self.after = self.project.story_state()
        else:
            self.project.restore_stories(self.after)
