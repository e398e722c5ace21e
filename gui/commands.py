"""Undoable edits (Ctrl+Z): metadata edits, deleted articles, quote speakers, entity merges/renames/splits,
story names, moves, merges and splits."""

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
        self.project.restore_article(self.before)
        self.on_applied(self.before)


class DeleteArticlesCommand(QUndoCommand):
    """Delete articles; undo puts them back exactly (analysis, story, pins, corrections)."""

    def __init__(self, project: Project, article_ids: list[str], on_changed: Callable[[], None]):
        super().__init__(f"delete {len(article_ids)} article{'s' if len(article_ids) != 1 else ''}")
        self.project, self.article_ids, self.on_changed = project, list(article_ids), on_changed
        self.deleted = None

    def redo(self) -> None:
        self.deleted = self.project.delete_articles(self.article_ids)
        self.on_changed()

    def undo(self) -> None:
        self.project.restore_articles(self.deleted)
        self.on_changed()


class CorrectSpeakerCommand(QUndoCommand):
    """Say who a quote is from (``speaker`` None: the analysis's speaker again); undo restores the one before."""

    def __init__(self, project: Project, quote: tuple[str, int, int], speaker: str | None, source_type: str,
                 on_changed: Callable[[], None]):
        super().__init__(f"correct the speaker to {speaker}" if speaker else "use the speaker found")
        self.project, self.quote, self.on_changed = project, quote, on_changed
        self.after = (speaker, source_type) if speaker else None
        self.before = project.quote_speaker_correction(*quote)

    def redo(self) -> None:
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)

    def _set(self, correction: tuple[str, str] | None) -> None:
        if correction is None:
            self.project.forget_quote_speaker(*self.quote)
        else:
            try:
                self.project.correct_quote_speaker(*self.quote, *correction)
            except KeyError:  # analysed again since (the text changed): the quote is no longer there
                pass
        self.on_changed()


class AliasCommand(QUndoCommand):
    """An entity merge, rename or split: ``apply`` writes alias rows for ``aliases``.

    Undo puts each alias back as it was before: the user's earlier row is
    written again, or (usually) the row is forgotten so the defaults apply.
    """

    def __init__(self, text: str, project: Project, aliases: list[str], apply: Callable[[], None],
                 on_changed: Callable[[], None]):
        super().__init__(text)
        self.project, self.aliases, self.apply, self.on_changed = project, list(aliases), apply, on_changed
        self.previous = project.user_aliases(self.aliases)

    def redo(self) -> None:
        self.apply()
        self.on_changed()

    def undo(self) -> None:
        for alias in self.aliases:
            before = self.previous.get(alias)
            if before is None:
                self.project.forget_alias(alias)
            elif before == alias:
                self.project.split_entity(alias)
            else:
                self.project.merge_entities([alias], before)
        self.on_changed()


def merge_command(project: Project, names: list[str], into: str, on_changed: Callable[[], None]) -> AliasCommand:
    return AliasCommand(f"merge {', '.join(names)} into {into}", project, [n for n in names if n != into],
                        lambda: project.merge_entities(names, into), on_changed)


def rename_command(project: Project, name: str, new_name: str, on_changed: Callable[[], None]) -> AliasCommand:
    return AliasCommand(f"rename {name} to {new_name}", project, [name],
                        lambda: project.rename_entity(name, new_name), on_changed)


def split_command(project: Project, alias: str, on_changed: Callable[[], None]) -> AliasCommand:
    return AliasCommand(f"split {alias} off", project, [alias], lambda: project.split_entity(alias), on_changed)


class RenameStoryCommand(QUndoCommand):
    """A story's new name; undo gives back the old one."""

    def __init__(self, project: Project, story_id: int, old: str, new: str, on_changed: Callable[[], None]):
        super().__init__(f"rename story “{old}”")
        self.project, self.story_id, self.old, self.new, self.on_changed = project, story_id, old, new, on_changed

    def redo(self) -> None:
        self.project.rename_story(self.story_id, self.new)
        self.on_changed()

    def undo(self) -> None:
        self.project.rename_story(self.story_id, self.old)
        self.on_changed()


class StoryEditCommand(QUndoCommand):
    """A move, merge or split of stories; undo puts every story back as it was."""

    def __init__(self, text: str, project: Project, edit: Callable[[], Any], on_changed: Callable[[], None]):
        super().__init__(text)
        self.project, self.edit, self.on_changed = project, edit, on_changed
        self.before = self.after = None

    def redo(self) -> None:
        if self.after is None:  # the first time: make the edit and remember both states
            self.before = self.project.story_state()
            self.edit()
            self.after = self.project.story_state()
        else:
            self.project.restore_stories(self.after)
        self.on_changed()

    def undo(self) -> None:
        self.project.restore_stories(self.before)
        self.on_changed()
