"""The story the views compare, or the whole project: chosen in Stories or by the articles selected.

Holds the scope and the tables cut down to it (core.analysis.view_scope);
the window draws every view from :attr:`StoryScope.tables` when
``changed`` is emitted.
"""

from __future__ import annotations

from typing import Iterable

import pandas as pd
from PySide6.QtCore import QObject, Signal

from core.analysis.view_scope import ScopedTables, scope_tables, scoped_quotes, story_of_articles


class StoryScope(QObject):
    """``changed(ScopedTables)`` whenever the scope or the data under it changes."""

    changed = Signal(object)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.story_id: int | None = None
        self.data = None  # core.view_state.view_data.ViewData
        self.tables: ScopedTables | None = None

    def set_story(self, story_id: int | None) -> None:
        """Scope every view to ``story_id`` (None: the whole project)."""
        if story_id != self.story_id:
            self.story_id = story_id
            self._update()

    def follow_articles(self, article_ids: Iterable[str]) -> None:
        """Articles the user selected: their story if they are all in one, else the whole project."""
        ids = list(article_ids)
        if ids and self.data is not None and not self.data.story_of.empty:
            self.set_story(story_of_articles(ids, self.data.story_of))

    def set_data(self, data) -> None:
        """New project data: the same story stays in scope if it still exists."""
        self.data = data
        if self.story_id is not None and (data.stories.empty or self.story_id not in set(data.stories["id"])):
            self.story_id = None
        self._update()

    def set_quotes(self, quotes: pd.DataFrame, sources: pd.DataFrame) -> None:
        if self.tables is not None:
            self._with_quotes(self.tables, quotes, sources)
            self.changed.emit(self.tables)

    def recount(self) -> None:
        """The counted entity types changed."""
        self._update()

    def _update(self) -> None:
        data = self.data
        if data is None:
            return
        tables = scope_tables(data.articles, data.counts, data.story_of, data.stories, self.story_id,
                              data.types or (), (data.entities, data.entity_rows, data.undated))
        self.tables = self._with_quotes(tables, data.quotes, data.sources)
        self.changed.emit(self.tables)

    def _with_quotes(self, tables: ScopedTables, quotes: pd.DataFrame, sources: pd.DataFrame) -> ScopedTables:
        if tables.story_id is None:  # the project's own tables: no recount of 250,000 quotes on the GUI thread
            tables.quotes, tables.sources = quotes, sources
            return tables
        return scoped_quotes(tables, quotes)
