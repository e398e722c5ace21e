"""The open project and the background work on it, as Qt signals for the window.

One task runner per purpose: ``work`` (import and analysis), ``data``
(loading the tables the views show), ``export`` and ``find``. Every core call
that may take time runs in one of them; results come back on the GUI thread.
Import, analysis and export run in the app's job processes (core/job_process.py):
their runner's thread only waits, and the window's process stays quiet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pandas as pd
from PySide6.QtCore import QObject, Signal

from core.analysis.article_table import article_table
from core.analysis.compare import sources_table
from core.analysis.entities import canonical_mentions, entity_outlet_table
from core.analysis.entity_list import entity_list
from core.analysis.shown_passages import compare_articles, sentences_of
from core import jobs
from core.job_process import run_on_project, shared_job_process
from core.jobs import ImportOutcome
from core.project import Project, open_sample_project, untitled_project_path
from core.settings import Settings
from core.tasks import TaskFailure, TaskState
from core.text.concordance import Hits, find_hits
from gui.models.frame_records import FrameRecords
from gui.workers import TaskRunner

@dataclass
class ViewData:
    """Everything the views draw, loaded together in the background."""

    articles: pd.DataFrame  # articles_frame
    counts: pd.DataFrame  # Project.entity_counts of every type: mentions per article and entity
    entities: pd.DataFrame  # entity × outlet table of every type
    outlets: list[str] = field(default_factory=list)
    colours: dict[str, str] = field(default_factory=dict)  # Project.outlet_colours: "#rrggbb" per outlet
    stories: pd.DataFrame = field(default_factory=pd.DataFrame)  # Project.stories
    story_of: pd.Series = field(default_factory=lambda: pd.Series(dtype="int64"))  # story id by article id
    quote_counts: pd.Series = field(default_factory=lambda: pd.Series(dtype="int64"))  # by article id
    quotes: pd.DataFrame = field(default_factory=pd.DataFrame)  # Project.quotes (arrives after the rest)
    sources: pd.DataFrame = field(default_factory=pd.DataFrame)  # who each outlet quotes (Project.sources)
    problems: list[str] = field(default_factory=list)  # extras that failed to load
    labels: pd.Series = field(default_factory=lambda: pd.Series(dtype=object))  # Project.entity_labels
    types: tuple[str, ...] = ()  # the entity types the two tables below count
    article_rows: pd.DataFrame = field(default_factory=pd.DataFrame)  # article_table for ``types``
    article_records: FrameRecords | list = field(default_factory=list)  # the same, ready for the table model
    entity_rows: pd.DataFrame = field(default_factory=pd.DataFrame)  # entity_list for ``types``
    story_tightness: float = 0.5  # Project.story_tightness

    def count(self, types: tuple[str, ...]) -> None:
        """The corpus and entity tables counting ``types`` (done in the worker, redone when types change)."""
        counted = self.counts[self.counts["label"].isin(types)] if not self.counts.empty else self.counts
        self.article_rows = article_table(self.articles, counted, quote_counts=self.quote_counts, story_of=self.story_of,
                                          stories=self.stories)
        if "shared_copy_with" in self.articles:  # other outlets that ran the same wire copy
            shared = self.articles.set_index("id")["shared_copy_with"]
            self.article_rows["shared_copy_with"] = self.article_rows["id"].map(shared).fillna("")
        self.article_records = FrameRecords(self.article_rows)  # each row made when shown
        self.entity_rows = entity_list(self.entities, self.outlets, types)
        self.types = tuple(types)


def load_view_data(project: Project, types: tuple[str, ...], *, state: TaskState) -> ViewData:
    state.progress(0.0, "Loading the project…")
    articles = project.articles_frame()
    counts = project.entity_counts(types=None)
    state.progress(0.4, "Comparing outlets…")
    entities = entity_outlet_table(articles, counts)
    data = ViewData(articles, counts, entities, sorted(articles["outlet"].unique()), labels=project.entity_labels(),
                    story_tightness=project.story_tightness(), colours=project.outlet_colours())
    state.progress(0.6, "Loading stories and quotes…")
    # The main views must show even if one of these extras fails; the failure is reported.
    for name, load in (("stories", project.stories), ("story_of", project.story_of),
                       ("quote_counts", project.quote_counts)):
        state.check()
        try:
            setattr(data, name, load())
        except Exception as exc:  # noqa: BLE001 - shown to the user as a problem, not fatal
            data.problems.append(f"{name} could not be loaded ({exc.__class__.__name__}: {exc})")
    state.progress(0.9, "Counting…")
    data.count(types)
    return data


def load_quotes(project: Project, *, state: TaskState) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Every quote and who each outlet quotes (loaded after the main views: 250,000 rows at 10,000 articles)."""
    state.progress(0.0, "Loading quotes…")
    quotes = project.quotes()
    return quotes, sources_table(quotes)


def load_terms(project: Project, story_id: int | None = None, *, state: TaskState) -> pd.DataFrame:
    """Distinctive terms per outlet, against the project's other outlets or the story's (slow on big
    projects: loaded after everything else)."""
    state.progress(0.0, "Finding distinctive language…")
    if story_id is None:
        return project.distinctive_terms(scope="project")
    try:
        return project.distinctive_terms(story_id)
    except KeyError:  # the story was merged or split away meanwhile: the reload scopes anew
        return pd.DataFrame()


def load_story_comparison(project: Project, story_id: int, *, state: TaskState) -> tuple[int, pd.DataFrame | None]:
    """The story comparison page's table (shared passages and keyness of the story: seconds on long stories)."""
    state.progress(0.0, "Comparing the story's outlets…")
    try:
        return story_id, project.story_comparison_table(story_id)
    except KeyError:  # the story was merged or split away meanwhile: the reload scopes anew
        return story_id, None


def compare_shown(project: Project, article_ids: list[str], labels: pd.Series, *, state: TaskState):
    """Sentences of the articles side by side, their shared passages and each sentence's status."""
    state.progress(0.0, "Comparing the passages…")
    mentions = project.mentions(None, article_ids, labels=labels)
    sentences = sentences_of(project, article_ids)
    alignment, status = compare_articles(sentences, mentions)
    return article_ids, sentences, alignment, status


def shown_mentions(project: Project, data: ViewData, article_ids: list[str]) -> pd.DataFrame:
    """Canonical mentions of a few articles, labelled and placed as ``data`` shows them (quick: GUI thread).

    Not ``Project.mentions``: its articles table goes stale with every write
    of a running worker and is read again (0.1 s at 10,000 articles).
    """
    raw = project.store.mentions_frame(article_ids)
    return canonical_mentions(data.articles, raw, project.aliases, None, data.labels)


def _export_comparison(project: Project, story_id: int, target: str, *, state: TaskState):
    state.progress(0.0, "Exporting the story comparison…")
    return project.export_story_comparison(story_id, target)


#: Rows the concordance lists at most (every hit is still counted): a common word's 300,000 hits
#: would take hundreds of megabytes and read no better.
FIND_LIMIT = 50_000


def find_text(project: Project, query: str, options: dict, *, state: TaskState) -> Hits:
    """Every hit of ``query`` (``options``: whole_words, case) with its context, for the concordance."""
    state.progress(0.0, f"Finding “{query}”…")
    return find_hits(project.articles(), query, limit=FIND_LIMIT, state=state, **options)


class ProjectController(QObject):
    """Owns the open :class:`Project` and its runners; the window listens."""

    projectChanged = Signal(object)  # Project
    dataLoaded = Signal(object)  # ViewData
    importFinished = Signal(object)  # ImportOutcome
    importCancelled = Signal()
    analysisFinished = Signal(object)  # AnalysisReport
    exportFinished = Signal(object)  # Path
    findFinished = Signal(str, object)  # query, core.text.concordance.Hits
    passagesCompared = Signal(object)  # (article ids, sentences, alignment, status)
    quotesLoaded = Signal(object, object)  # quotes, sources
    termsLoaded = Signal(object)  # distinctive terms frame
    failed = Signal(str, object)  # what was being done, TaskFailure
    storiesRegrouped = Signal(int)  # how many stories there are now
    storyCompared = Signal(int, object)  # story id, Project.story_comparison_table

    def __init__(self, settings: Settings, parent: QObject | None = None):
        super().__init__(parent)
        self.settings = settings
        self.project: Project | None = None
        self.work = TaskRunner("work", self)
        self.storiesRegrouped.connect(self._on_regrouped)
        self.data = TaskRunner("data", self)
        self.exporter = TaskRunner("export", self)
        self.finder = TaskRunner("find", self)
        self.passages = TaskRunner("passages", self)
        self.quote_loader = TaskRunner("quotes", self)
        self.terms = TaskRunner("terms", self)
        self.comparer = TaskRunner("compare", self)
        self.types: tuple[str, ...] = tuple(settings.entity_types)  # what the tables count
        self.view_data: ViewData | None = None
        self._analysis_due = False  # a project was opened: look for unanalysed articles once it shows
        self.scope_story: int | None = None  # the story the views compare (distinctive language follows it)

    def runners(self) -> list[TaskRunner]:
        return [self.work, self.data, self.exporter, self.finder, self.passages, self.quote_loader, self.terms,
                self.comparer]

    # -- projects ----------------------------------------------------------------
    def open(self, path: str | Path, *, create: bool = False) -> Project:
        """Open (or create) a project file; raises ``ProjectError`` with a message."""
        project = Project(path, model=self.settings.model, create=create)
        self._switch_to(project)
        return project

    def open_sample(self) -> Project:
        project = open_sample_project(model=self.settings.model)
        self._switch_to(project)
        return project

    def new(self) -> Project:
        return self.open(untitled_project_path(), create=True)

    def save_as(self, target: str | Path) -> Project:
        """Copy the project to ``target`` and go on working there."""
        self.work.stop()
        self.project.save_as(target)
        return self.open(target)

    def close(self) -> None:
        for runner in self.runners():
            runner.shutdown()
        if self.project is not None:
            self.project.close()
            self.project = None

    def _switch_to(self, project: Project) -> None:
        for runner in self.runners():
            runner.stop()
        old, self.project = self.project, project
        if old is not None:
            old.close()
        self.view_data = None
        self.scope_story = None
        self.settings.add_recent(project.path)
        self.settings.save()
        self.projectChanged.emit(project)
        self._analysis_due = True
        self.refresh()

    # -- background work -----------------------------------------------------------
    def refresh(self) -> None:
        """Reload what the views show (after imports, analysis and edits)."""
        if self.project is not None:
            self.data.start("Loading the project", load_view_data, self.project, self.types,
                            on_done=self._on_data, on_error=self._on_data_failed)

    def analyse(self) -> None:
        """Analyse whatever is not analysed yet (nothing loads if all is done; nothing is saved read-only)."""
        if self.project is not None and not self.project.read_only:
            self._in_child(self.work, "Analysing articles", jobs.analyse,
                           on_done=self._on_analysed, on_cancel=self.refresh,
                           on_error=lambda f: self.failed.emit("analysing the articles", f))

    def import_paths(self, paths: Iterable[str | Path]) -> None:
        self._import("Importing files", jobs.import_then_analyse, [str(p) for p in paths])

    def import_pasted(self, text: str) -> None:
        """Pasted or dropped text (links in it are fetched)."""
        self._import("Importing pasted text", jobs.import_pasted_then_analyse, text)

    def import_urls(self, urls: list[str]) -> None:
        self._import("Fetching links", jobs.import_urls_then_analyse, list(urls))

    def import_mapped_table(self, path: str | Path, mapping: dict[str, str]) -> None:
        self._import("Importing a table", jobs.import_mapped_then_analyse, str(path), dict(mapping))

    def _import(self, title: str, fn, *args) -> None:
        if self.project is None:
            self.new()
        self._in_child(self.work, title, fn, *args, on_done=self._on_imported, on_cancel=self._on_import_cancelled,
                       on_error=lambda f: self.failed.emit("importing the files", f))

    def export_xlsx(self, target: str | Path, article_ids: list[str] | None = None) -> None:
        """The workbook of the project, or of ``article_ids`` only."""
        self._in_child(self.exporter, "Exporting to Excel", jobs.export_xlsx, str(target), article_ids,
                       on_done=self.exportFinished.emit, on_error=lambda f: self.failed.emit("exporting to Excel", f))

    def export_csv(self, folder: str | Path, article_ids: list[str] | None = None) -> None:
        """One CSV file per table in ``folder``."""
        self._in_child(self.exporter, "Exporting CSV files", jobs.export_csv, str(folder), article_ids,
                       on_done=self.exportFinished.emit, on_error=lambda f: self.failed.emit("exporting CSV files", f))

    def regroup_stories(self, tightness: float) -> None:
        """Regroup the stories as tight as asked (in the job process: seconds on a big project)."""
        if self.project is not None:
            self._in_child(self.work, "Grouping stories", jobs.regroup_stories, float(tightness),
                           on_done=self.storiesRegrouped.emit, on_cancel=self.refresh,
                           on_error=lambda f: self.failed.emit("grouping the stories", f))

    def _in_child(self, runner: TaskRunner, title: str, fn, *args, **callbacks) -> None:
        """``fn(project, *args)`` (a function of core.jobs) in the job process of ``runner``'s purpose."""
        runner.start(title, run_on_project, shared_job_process(runner.name), self.project, fn, *args, **callbacks)

    def find(self, query: str, *, whole_words: bool = False, case: bool = False) -> None:
        """Every hit of ``query`` in the texts, in the background (``findFinished``)."""
        if self.project is not None:
            options = {"whole_words": whole_words, "case": case}
            self.finder.start("Finding", find_text, self.project, query, options,
                              on_done=lambda hits: self.findFinished.emit(query, hits))

    # -- story edits (quick writes; the views reload after) ----------------------------
    # Entity merges and story names go through the window's undo stack (gui.commands).
    def merged_names(self, entity: str) -> list[str]:
        """Names the user joined to ``entity`` (what Split can separate again)."""
        from core.store import alias_rows

        return [alias for alias, canonical, _ in alias_rows.load(self.project.store)
                if canonical == entity and alias != canonical]

    def compare(self, article_ids: list[str]) -> None:
        """Align the passages of the articles shown side by side (in the background)."""
        if self.project is None or self.view_data is None:
            return
        self.passages.start("Comparing passages", compare_shown, self.project, list(article_ids), self.view_data.labels,
                            on_done=self.passagesCompared.emit,
                            on_error=lambda f: self.failed.emit("comparing the passages", f))

    def _on_data(self, data: ViewData) -> None:
        self.view_data = data
        self.dataLoaded.emit(data)

    def _on_data_failed(self, failure: TaskFailure) -> None:
        self.failed.emit("loading the project", failure)
        self._analyse_if_due()

    def after_shown(self, data: ViewData) -> None:
        """The work that waits until the main views show ``data``.

        Quotes and distinctive terms (slow on big projects), and, for a
        project just opened, analysis of articles not analysed yet: run
        while the window filled its views, they took the interpreter from it.
        """
        if data is not self.view_data or self.project is None:
            return  # newer data is on its way (its extras follow it), or the window closed
        self._analyse_if_due()
        self.quote_loader.start("Loading quotes", load_quotes, self.project, on_done=lambda r: self._on_quotes(data, *r),
                                on_error=lambda f: self.failed.emit("loading the quotes", f))
        self.load_terms(self.scope_story)

    def load_terms(self, story_id: int | None) -> None:
        """Distinctive language of the whole project, or within one story."""
        self.scope_story = story_id
        if self.project is not None and self.view_data is not None:
            self.terms.start("Finding distinctive language", load_terms, self.project, story_id,
                             on_done=self.termsLoaded.emit,
                             on_error=lambda f: self.failed.emit("finding distinctive language", f))

    def compare_story(self, story_id: int) -> None:
        """The story comparison page's numbers, in the background."""
        if self.project is not None:
            self.comparer.start("Comparing the story's outlets", load_story_comparison, self.project, story_id,
                                on_done=lambda result: self.storyCompared.emit(*result),
                                on_error=lambda f: self.failed.emit("comparing the story's outlets", f))

    def export_story_comparison(self, story_id: int, target: str | Path) -> None:
        if self.project is not None:
            self.exporter.start("Exporting the story comparison", _export_comparison, self.project, story_id,
                                str(target), on_done=self.exportFinished.emit,
                                on_error=lambda f: self.failed.emit("exporting the story comparison", f))

    def _analyse_if_due(self) -> None:
        if self._analysis_due:
            self._analysis_due = False
            if not self.work.is_running():  # an import started meanwhile analyses anyway
                self.analyse()

    def _on_quotes(self, data: ViewData, quotes: pd.DataFrame, sources: pd.DataFrame) -> None:
        data.quotes, data.sources = quotes, sources
        if data is self.view_data:
            self.quotesLoaded.emit(quotes, sources)

    def _on_regrouped(self, count: int) -> None:
        self.refresh()

    def _on_analysed(self, report) -> None:
        self.analysisFinished.emit(report)
        if report.analysed:
            self.refresh()

    def _on_imported(self, outcome: ImportOutcome) -> None:
        self.importFinished.emit(outcome)
        if outcome.analysis_error is not None:
            self.failed.emit("analysing the articles", outcome.analysis_error)
        self.refresh()

    def _on_import_cancelled(self) -> None:
        self.importCancelled.emit()
        self.refresh()
