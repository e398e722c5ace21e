"""The project's entity counts as the views read them: a part at a time, from the project file.

A million articles have four million counted rows; the window holds none of
them. The whole project's entity × outlet table is stored beside the counts
and each article's total is one ``GROUP BY`` (core/store/counted_rows.py); a
story's counts, or one entity's for the timeline, are read by index when
they are shown.
"""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from core.project import Project


class StoredCounts:
    """A :class:`~core.analysis.view_scope.CountsSource` over the project file, with the outlets of
    the articles the window loaded (no reread of the articles while a worker writes)."""

    def __init__(self, project: Project, articles: pd.DataFrame):
        self.project = project
        self.outlets = articles.set_index("id")["outlet"]

    def of_articles(self, article_ids: Iterable[str]) -> pd.DataFrame:
        return self.project.entity_counts(None, article_ids=list(article_ids), outlets=self.outlets)

    def of_entities(self, entities: Iterable[str]) -> pd.DataFrame:
        return self.project.entity_counts(None, entities=list(entities), outlets=self.outlets)

    def per_article(self, types: Iterable[str]) -> pd.Series:
        """Counted mentions of ``types`` per article id."""
        return self.project.entity_totals(list(types))
