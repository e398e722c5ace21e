"""Entity, story, article and quote edits: what the Entities, Stories and Quotes views ask for.

Merges, renames and splits of entities and of stories, deleted articles and
corrected quote speakers are commands on the window's undo stack (Ctrl+Z)
whose writes run on the controller's edit queue, off the GUI thread
(gui/commands.py); every edit reloads the views once it landed. In a
read-only project an edit says why it cannot be made instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QStatusBar, QWidget

from gui.commands import (CorrectSpeakerCommand, DeleteArticlesCommand, RenameStoryCommand, StoryEditCommand,
                          merge_command, rename_command, split_command)
from core.project import read_only_message
from gui.dialogs import name_dialogs
from gui.dialogs.error_dialog import show_error
from gui.dialogs.speaker_dialog import ask_speaker

if TYPE_CHECKING:
    from core.project import Project
    from gui.project_controller import ProjectController
    from gui.views.article_panel import ArticlePanel
    from gui.views.quotes_panel import QuotesPanel


class EditCommands:
    """What the Entities and Stories views ask for.

    Owned by the main window, which hands it what it works with: ``parent``
    for dialogs, the project's controller, the undo stack, the article
    table (the selected articles) and the Quotes view (its sources), and
    the status bar.
    """

    def __init__(self, parent: QWidget, controller: ProjectController, undo_stack: QUndoStack,
                 article_panel: ArticlePanel, quotes_panel: QuotesPanel, status_bar: QStatusBar):
        self.parent = parent
        self.controller = controller
        self.undo_stack = undo_stack
        self.article_panel = article_panel
        self.quotes_panel = quotes_panel
        self.status_bar = status_bar

    @property
    def project(self) -> Project | None:
        return self.controller.project

    def ask_merge_entities(self, names: list[str]) -> None:
        if len(names) >= 2:
            name_dialogs.ask_merge(self.parent, names, lambda into: self.merge_entities(names, into))

    def ask_split_entity(self, name: str) -> None:
        merged = self.controller.merged_names(name)
        if name_dialogs.ask_split(self.parent, name, merged, self.split_entity) is None:
            self.status_bar.showMessage(f"Nothing was merged into “{name}”, so there is nothing to split.", 8000)

    def push_edit(self, command) -> None:
        """Make an edit (Ctrl+Z undoes it); a read-only project shows why it cannot."""
        if self.project is not None and self.project.read_only:
            show_error(self.parent, "Newsprism", read_only_message(self.project.path))
            return
        self.undo_stack.push(command)

    # Entity and story edits are commands: Ctrl+Z undoes them, the views reload after each.
    def merge_entities(self, names: list[str], into: str) -> None:
        if self.project is not None and len(set(names) - {into}) >= 1:
            self.push_edit(merge_command(self.project, self.controller.edits, names, into, self.controller.refresh))

    def rename_entity(self, name: str, new_name: str) -> None:
        if self.project is not None and new_name != name:
            self.push_edit(rename_command(self.project, self.controller.edits, name, new_name, self.controller.refresh))

    def split_entity(self, alias: str) -> None:
        if self.project is not None:
            self.push_edit(split_command(self.project, self.controller.edits, alias, self.controller.refresh))

    def rename_story(self, story_id: int, old: str, new: str) -> None:
        if self.project is not None and new != old:
            self.push_edit(RenameStoryCommand(self.project, self.controller.edits, story_id, old, new, self.controller.refresh))

    def move_selected_articles(self, story_id: int) -> None:
        """The articles selected in the article table join the story ``story_id``."""
        ids = self.article_panel.selected_ids()
        if ids and self.project is not None:
            project = self.project
            self._story_edit(f"move {len(ids)} article(s) to another story",
                             lambda: project.move_articles(ids, story_id))
        else:
            self.status_bar.showMessage("Select the articles to move in the article table first.", 8000)

    def ask_split_story(self) -> None:
        """The articles selected in the article table become a story of their own."""
        ids = self.article_panel.selected_ids()
        if not ids:
            self.status_bar.showMessage("Select the articles to split off in the article table first.", 8000)
            return
        project = self.project
        name_dialogs.ask_new_story_name(self.parent, len(ids), lambda name: self._story_edit(
            f"split off {len(ids)} article(s)", lambda: project.split_story(ids, name)))

    def merge_stories(self, story_ids: list[int]) -> None:
        if self.project is not None and len(story_ids) >= 2:
            project = self.project
            self._story_edit(f"merge {len(story_ids)} stories", lambda: project.merge_stories(story_ids))

    def _story_edit(self, text: str, edit) -> None:
        """A story edit on the undo stack (Ctrl+Z puts the stories back); the views reload."""
        self.push_edit(StoryEditCommand(text, self.project, self.controller.edits, edit, self.controller.refresh))

    # -- articles and quotes ------------------------------------------------------------
    def delete_selected_articles(self) -> None:
        """Delete the articles selected in the article table (Ctrl+Z brings them back)."""
        ids = self.article_panel.selected_ids()
        if not ids or self.project is None:
            self.status_bar.showMessage("Select the articles to delete in the article table first.", 8000)
        else:
            self.push_edit(DeleteArticlesCommand(self.project, self.controller.edits, ids, self.controller.refresh))
            what = "1 article" if len(ids) == 1 else f"{len(ids)} articles"
            self.status_bar.showMessage(f"Deleted {what}; Ctrl+Z brings {'it' if len(ids) == 1 else 'them'} back.",
                                         8000)

    def ask_correct_speaker(self, quote: dict) -> None:
        """Ask who said ``quote`` (a row of the Quotes view); the answer is an undoable correction."""
        if self.project is None:
            return
        key = (str(quote["article_id"]), int(quote["start"]), int(quote["end"]))
        sources = self.quotes_panel.sources_model.frame()
        speakers = list(sources.groupby("speaker")["quotes"].sum().sort_values(ascending=False).index) \
            if not sources.empty else []
        reset = (lambda: self.correct_speaker(key, None)) if quote.get("speaker_corrected") else None
        ask_speaker(self.parent, quote, speakers, lambda speaker, kind: self.correct_speaker(key, speaker, kind), reset)

    def correct_speaker(self, quote: tuple[str, int, int], speaker: str | None, source_type: str = "named") -> None:
        """Give a quote its speaker (None: the one the analysis found); the views reload."""
        if self.project is not None and (speaker, source_type) != self.project.quote_speaker_correction(*quote):
            self.push_edit(CorrectSpeakerCommand(self.project, self.controller.edits, quote, speaker, source_type,
                                                       self.controller.refresh))
