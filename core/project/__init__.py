"""A Newsprism project: the one object the window and the command line drive.

A thin facade: it opens the project file and hands each call to the module
of its concern — tables (articles, mentions, counts), names (aliases and
surname joins), stories, edits (articles, outlets, quote speakers) and
reports (comparisons, summary). Import, analysis and export run here too.
Every method is headless and may run in a worker thread (long ones take a
:class:`~core.tasks.TaskState`); the window reaches the project file only
through this class.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Iterable

import pandas as pd

from core.analysis import analyse as analysis
from core.analysis.name_joins import NameJoins
from core.analysis.stories import StoryParams
from core.ingest.importing import import_paths
from core.model.article import Article
from core.model.import_result import ImportResult
from core.nlp.pipeline import DEFAULT_MODEL
from core.paths import PROJECT_SUFFIX, seeds_dir, user_data_dir
from core.project.edits import ProjectEdits
from core.project.names import NAME_JOINS_KEY, ProjectNames
from core.project.reports import TERM_FIELDS, ProjectReports
from core.project.stories import ProjectStories
from core.project.tables import ProjectTables
from core.store import deleted_articles, story_rows
from core.store.project_file import ProjectError, ReadOnlyProject, read_only_message
from core.store.speaker_corrections import SOURCE_TYPES
from core.store.store import ProjectStore
from core.tasks import NULL_STATE, TaskState
from core.text.names import DEFAULT_TYPES, AliasTable

__all__ = ["NAME_JOINS_KEY", "SUFFIX", "TERM_FIELDS", "Project", "ProjectError", "ReadOnlyProject", "SOURCE_TYPES",
           "open_sample_project", "read_only_message", "sample_project_path", "untitled_project_path"]

SUFFIX = PROJECT_SUFFIX


class Project:
    """One open ``.newsprism`` file."""

    def __init__(self, path: str | Path, *, model: str = DEFAULT_MODEL, create: bool = True):
        self.store = ProjectStore(path, create=create)
        self.model = model
        self.names = ProjectNames(self.store)
        self.tables = ProjectTables(self.store, self.names)
        self.story_groups = ProjectStories(self.store, self.tables, self.names)
        self.edits = ProjectEdits(self.store, self.tables)
        self.reports = ProjectReports(self.store, self.tables, self.names, self.story_groups,
                                      self.edits.outlet_colours)

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def read_only(self) -> bool:
        """Opened read-only (the file may not be changed): everything reads, every edit raises ``ReadOnlyProject``."""
        return self.store.read_only

    @property
    def aliases(self) -> AliasTable:
        """The default aliases with the user's merges, renames and splits on top."""
        return self.names.aliases

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def save_as(self, target: str | Path) -> None:
        self.store.save_copy(target)

    # -- work ----------------------------------------------------------------
    def import_paths(self, paths: Iterable[str | Path], *, state: TaskState = NULL_STATE) -> list[ImportResult]:
        return import_paths(self.store, paths, state=state, model=self.model)

    def import_urls(self, urls: Iterable[str], *, state: TaskState = NULL_STATE) -> list[ImportResult]:
        """Fetch links the user dropped or pasted and import them like saved pages."""
        from core.ingest.pasted import import_urls

        return import_urls(self.store, urls, state=state)

    def import_pasted(self, text: str, *, state: TaskState = NULL_STATE) -> list[ImportResult]:
        """Pasted or dropped text: links are fetched, other text becomes an article."""
        from core.ingest.pasted import import_pasted

        return import_pasted(self.store, text, state=state)

    def analyse(self, *, state: TaskState = NULL_STATE, processes: int | None = None) -> analysis.AnalysisReport:
        """Analyse new and changed articles, then regroup the stories.

        ``processes``: spaCy worker processes (default: every core when there
        are enough articles to be worth it).
        """
        report = analysis.analyse(self.store, self.model, state=state.sub(0.0, 0.95), aliases=self.aliases,
                                  processes=processes)
        if report.analysed or self.story_groups.needs_grouping():
            state.progress(0.96, "Grouping articles into stories…")
            self.regroup()
        return report

    def regroup(self) -> None:
        """After analysis: regroup the stories, join surnames to full names, count the entities
        and tabulate them by outlet (kept, so reopening is quick), give new outlets their colours."""
        self.story_groups.update()
        self.names.update_name_joins(self.tables.story_of())
        self.tables.entity_table(None)  # counts, and the entity × outlet table a big project opens from
        self.edits.keep_outlet_colours()

    def export_xlsx(
        self, target: str | Path, *, state: TaskState = NULL_STATE, article_ids: Iterable[str] | None = None,
        types: Iterable[str] | None = None,
    ) -> Path:
        """The workbook of the whole project, or of the articles ``article_ids`` only, counting entities of ``types``."""
        from core.export.excel import export_workbook

        return export_workbook(self, Path(target), state=state, article_ids=article_ids, types=types)

    def export_csv(
        self, folder: str | Path, *, state: TaskState = NULL_STATE, article_ids: Iterable[str] | None = None,
        types: Iterable[str] | None = None,
    ) -> list[Path]:
        """One UTF-8 CSV file per workbook table, in ``folder``."""
        from core.export.csv_export import export_csv

        return export_csv(self, Path(folder), state=state, article_ids=article_ids, types=types)

    # -- tables (core/project/tables.py) ----------------------------------------------
    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        return self.tables.articles(ids)

    def article(self, article_id: str) -> Article:
        return self.tables.article(article_id)

    def articles_frame(self) -> pd.DataFrame:
        return self.tables.articles_frame()

    def article_count(self) -> int:
        return self.store.article_count()

    def outlets(self) -> list[str]:
        return self.tables.outlets()

    def story_of(self) -> pd.Series:
        return self.tables.story_of()

    def analysis_failures(self) -> dict[str, str]:
        return self.tables.analysis_failures()

    def quote_counts(self) -> pd.Series:
        return self.tables.quote_counts()

    def raw_mentions(self, article_ids: Iterable[str] | None = None) -> pd.DataFrame:
        return self.tables.raw_mentions(article_ids)

    def mentions(self, types: Iterable[str] | None = DEFAULT_TYPES, article_ids: Iterable[str] | None = None,
                 labels: pd.Series | None = None) -> pd.DataFrame:
        return self.tables.mentions(types, article_ids, labels)

    def entity_counts(self, types: Iterable[str] | None = DEFAULT_TYPES, *, article_ids: Iterable[str] | None = None,
                      entities: Iterable[str] | None = None, outlets: pd.Series | None = None) -> pd.DataFrame:
        return self.tables.entity_counts(types, article_ids=article_ids, entities=entities, outlets=outlets)

    def entity_totals(self, types: Iterable[str] | None = DEFAULT_TYPES) -> pd.Series:
        return self.tables.entity_totals(types)

    def entity_labels(self) -> pd.Series:
        return self.tables.entity_labels()

    def view_stamp(self, *parts: str) -> str:
        return self.tables.view_stamp(*parts)

    def kept_frames(self, name: str, stamp: str) -> dict[str, pd.DataFrame] | None:
        return self.tables.kept_frames(name, stamp)

    def keep_frames(self, name: str, stamp: str, frames: dict[str, pd.DataFrame]) -> bool:
        return self.tables.keep_frames(name, stamp, frames)

    def entity_table(self, types: Iterable[str] | None = DEFAULT_TYPES) -> pd.DataFrame:
        return self.tables.entity_table(types)

    def coverage(self, types: Iterable[str] | None = DEFAULT_TYPES) -> pd.DataFrame:
        return self.tables.coverage(types)

    # -- names (core/project/names.py) ----------------------------------------------
    def merge_entities(self, names: list[str], into: str) -> None:
        self.names.merge_entities(names, into)

    def rename_entity(self, name: str, new_name: str) -> None:
        self.names.merge_entities([name], new_name)

    def split_entity(self, alias: str) -> None:
        self.names.split_entity(alias)

    def forget_alias(self, alias: str) -> None:
        self.names.forget_alias(alias)

    def user_aliases(self, names: list[str] | None = None) -> dict[str, str]:
        return self.names.user_aliases(names)

    def merged_names(self, entity: str) -> list[str]:
        return self.names.merged_names(entity)

    def entity_names(self, entity: str) -> list[str]:
        return self.names.entity_names(entity)

    def name_joins(self) -> NameJoins:
        return self.names.name_joins()

    def update_name_joins(self) -> None:
        self.names.update_name_joins(self.tables.story_of())

    # -- stories (core/project/stories.py) ----------------------------------------------
    def update_stories(self) -> None:
        self.story_groups.update()

    def story_tightness(self) -> float:
        return self.story_groups.tightness()

    def story_params(self) -> StoryParams:
        return self.story_groups.params()

    def set_story_tightness(self, tightness: float) -> None:
        self.story_groups.set_tightness(tightness)

    def stories(self) -> pd.DataFrame:
        return self.story_groups.table()

    def story_article_ids(self, story_id: int) -> list[str]:
        return self.story_groups.article_ids(story_id)

    def move_articles(self, article_ids: list[str], story_id: int) -> None:
        self.story_groups.move_articles(article_ids, story_id)

    def merge_stories(self, story_ids: list[int]) -> int:
        return self.story_groups.merge(story_ids)

    def split_story(self, article_ids: list[str], name: str = "") -> int:
        return self.story_groups.split(article_ids, name)

    def story_state(self) -> story_rows.StoryState:
        return self.story_groups.state()

    def restore_stories(self, state: story_rows.StoryState) -> None:
        self.story_groups.restore(state)

    def rename_story(self, story_id: int, name: str) -> None:
        self.story_groups.rename(story_id, name)

    # -- edits (core/project/edits.py) ------------------------------------------------
    def outlet_colours(self) -> dict[str, str]:
        return self.edits.outlet_colours()

    def keep_outlet_colours(self) -> None:
        self.edits.keep_outlet_colours()

    def rename_outlet(self, name: str, new_name: str) -> int:
        return self.edits.rename_outlet(name, new_name)

    def merge_outlets(self, names: Iterable[str], into: str) -> int:
        return self.edits.merge_outlets(names, into)

    def outlet_aliases(self) -> pd.DataFrame:
        return self.edits.outlet_aliases()

    def forget_outlet_alias(self, alias: str) -> None:
        self.edits.forget_outlet_alias(alias)

    def edit_article(self, article_id: str, **values) -> Article:
        return self.edits.edit_article(article_id, **values)

    def restore_article(self, article: Article) -> Article:
        return self.edits.restore_article(article)

    def delete_articles(self, article_ids: Iterable[str]) -> deleted_articles.DeletedArticles:
        return self.edits.delete_articles(article_ids)

    def restore_articles(self, deleted: deleted_articles.DeletedArticles) -> list[str]:
        return self.edits.restore_articles(deleted)

    def correct_quote_speaker(self, article_id: str, start: int, end: int, speaker: str,
                              source_type: str = "named") -> None:
        self.edits.correct_quote_speaker(article_id, start, end, speaker, source_type)

    def forget_quote_speaker(self, article_id: str, start: int, end: int) -> None:
        self.edits.forget_quote_speaker(article_id, start, end)

    def quote_speaker_correction(self, article_id: str, start: int, end: int) -> tuple[str, str] | None:
        return self.edits.quote_speaker_correction(article_id, start, end)

    # -- reports (core/project/reports.py) ----------------------------------------------
    def story_entity_table(self, story_id: int | None = None, types: Iterable[str] | None = DEFAULT_TYPES) -> pd.DataFrame:
        return self.reports.story_entity_table(story_id, types)

    def descriptors(self, story_id: int | None = None) -> pd.DataFrame:
        return self.reports.descriptors(story_id)

    def quotes(self, story_id: int | None = None) -> pd.DataFrame:
        return self.reports.quotes(story_id)

    def sources(self, story_id: int | None = None) -> pd.DataFrame:
        return self.reports.sources(story_id)

    def sentences(self, story_id: int | None = None) -> pd.DataFrame:
        return self.reports.sentences(story_id)

    def passages(self, story_id: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        return self.reports.passages(story_id)

    def distinctive_terms(self, story_id: int | None = None, *, scope: str = "story", **options) -> pd.DataFrame:
        return self.reports.distinctive_terms(story_id, scope=scope, **options)

    def compare_story(self, story_id: int, top: int = 10) -> dict:
        return self.reports.compare_story(story_id, top)

    def story_comparison_table(self, story_id: int, top: int = 5) -> pd.DataFrame:
        return self.reports.story_comparison_table(story_id, top)

    def export_story_comparison(self, story_id: int, target: str | Path) -> Path:
        return self.reports.export_story_comparison(story_id, target)

    def summary(self, types: Iterable[str] | None = DEFAULT_TYPES) -> dict:
        return self.reports.summary(types)


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
