"""A Newsprism project: the one object the window and the command line drive.

It ties the project file to import, analysis, comparison and export; every
method is headless and may run in a worker thread (long ones take a
:class:`~core.tasks.TaskState`).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterable

import pandas as pd

from core.analysis import analyse as analysis
from core.analysis.entities import canonical_mentions, coverage_split, entity_outlet_table
from core.io.importing import import_paths
from core.io.store import ProjectStore
from core.model.article import Article
from core.model.import_result import ImportResult
from core.nlp.names import DEFAULT_TYPES, AliasTable
from core.nlp.pipeline import DEFAULT_MODEL
from core.paths import seeds_dir, user_data_dir
from core.tasks import NULL_STATE, TaskState

SUFFIX = ".newsprism"


class Project:
    """One open ``.newsprism`` file."""

    def __init__(self, path: str | Path, *, model: str = DEFAULT_MODEL, create: bool = True):
        self.store = ProjectStore(path, create=create)
        self.model = model
        self.aliases = AliasTable.default()

    @property
    def path(self) -> Path:
        return self.store.path

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- work ----------------------------------------------------------------
    def import_paths(self, paths: Iterable[str | Path], *, state: TaskState = NULL_STATE) -> list[ImportResult]:
        return import_paths(self.store, paths, state=state)

    def analyse(self, *, state: TaskState = NULL_STATE) -> analysis.AnalysisReport:
        return analysis.analyse(self.store, self.model, state=state)

    def import_and_analyse(self, paths: Iterable[str | Path], *, state: TaskState = NULL_STATE) -> list[ImportResult]:
        """What a drop on the window does: import, then analyse what is new."""
        results = self.import_paths(paths, state=state.sub(0.0, 0.3))
        self.analyse(state=state.sub(0.3, 1.0))
        return results

    def edit_article(self, article_id: str, **values) -> Article:
        """Change metadata as the user did; marked edited, never overwritten."""
        article = self.store.article(article_id).edited(**values)
        self.store.update_article(article)
        return article

    def save_as(self, target: str | Path) -> None:
        self.store.save_copy(target)

    # -- data ----------------------------------------------------------------
    def articles(self) -> list[Article]:
        return self.store.articles()

    def articles_frame(self) -> pd.DataFrame:
        return self.store.articles_frame()

    def outlets(self) -> list[str]:
        return sorted(self.articles_frame()["outlet"].unique())

    def mentions(self, types: Iterable[str] | None = DEFAULT_TYPES, article_ids: Iterable[str] | None = None) -> pd.DataFrame:
        """Entity mentions with canonical names, restricted to ``types``."""
        return canonical_mentions(self.articles_frame(), self.store.mentions_frame(article_ids), self.aliases, types)

    def entity_table(self, types: Iterable[str] | None = DEFAULT_TYPES) -> pd.DataFrame:
        return entity_outlet_table(self.articles_frame(), self.mentions(types))

    def coverage(self, types: Iterable[str] | None = DEFAULT_TYPES) -> pd.DataFrame:
        return coverage_split(self.entity_table(types), self.outlets())

    def summary(self, types: Iterable[str] | None = DEFAULT_TYPES) -> dict:
        """Articles and, per outlet, its entities with label and count (``summary --json``)."""
        frame = self.articles_frame()
        table = self.entity_table(types)
        mentions = self.mentions(types)
        per_article = mentions.groupby("article_id").size() if not mentions.empty else pd.Series(dtype=int)
        articles = [
            {
                "id": row.id,
                "outlet": row.outlet,
                "title": row.title,
                "date": row.date,
                "words": int(row.word_count),
                "entities": int(per_article.get(row.id, 0)),
            }
            for row in frame.itertuples()
        ]
        outlets = {
            outlet: {
                "articles": int((frame["outlet"] == outlet).sum()),
                "words": int(frame.loc[frame["outlet"] == outlet, "word_count"].sum()),
                "entities": [
                    {"entity": r.entity, "label": r.label, "count": int(r.mentions)}
                    for r in table[table["outlet"] == outlet].itertuples()
                ],
            }
            for outlet in sorted(frame["outlet"].unique())
        }
        return {"project": str(self.path), "articles": articles, "outlets": outlets}

    def export_xlsx(self, target: str | Path, *, state: TaskState = NULL_STATE) -> Path:
        from core.io.excel import export_workbook

        return export_workbook(self, Path(target), state=state)


def sample_project_path() -> Path:
    return user_data_dir() / f"Sample{SUFFIX}"


def open_sample_project(*, state: TaskState = NULL_STATE, model: str = DEFAULT_MODEL) -> Project:
    """The sample project built from ``seeds/``, created on first use."""
    path = sample_project_path()
    project = Project(path, model=model)
    if project.store.article_count() == 0:
        project.import_paths([seeds_dir()], state=state.sub(0, 0.2))
    return project


def untitled_project_path() -> Path:
    """A fresh file for File > New; Save As copies it where the user wants."""
    folder = user_data_dir() / "untitled"
    folder.mkdir(exist_ok=True)
    for n in range(1, 10_000):
        candidate = folder / f"Untitled {n}{SUFFIX}"
        if not candidate.exists():
            return candidate
    shutil.rmtree(folder)
    return untitled_project_path()
