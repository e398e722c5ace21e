"""The data the window's views draw, loaded together in a worker (no Qt).

:func:`load_view_data` and the other loaders here are what
gui/project_controller.py runs in its task runners; each takes a
:class:`~core.tasks.TaskState` so that it reports progress and stops on Cancel.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from core.analysis.article_table import article_table
from core.analysis.compare import sources_table
from core.analysis.entities import canonical_mentions
from core.analysis.entity_list import entity_list
from core.analysis.shown_passages import compare_articles, sentences_of
from core.analysis.timeline import undated_share
from core.project import Project
from core.tasks import TaskState
from core.text.concordance import Hits, find_hits
from core.view_state import kept_view
from core.view_state.frame_records import FrameRecords
from core.view_state.stored_counts import StoredCounts


@dataclass
class ViewData:
    """Everything the views draw, loaded together in the background."""

    articles: pd.DataFrame  # articles_frame
    counts: StoredCounts  # Project.entity_counts of every type, read a part at a time
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
    undated: float = 0.0  # the share of articles without a date (timeline.undated_share)

    def count(self, types: tuple[str, ...]) -> None:
        """The corpus and entity tables counting ``types`` (done in the worker, redone when types change)."""
        self.article_rows = article_table(self.articles, entity_totals=self.counts.per_article(types),
                                          quote_counts=self.quote_counts, story_of=self.story_of, stories=self.stories)
        if "shared_copy_with" in self.articles:  # other outlets that ran the same wire copy
            shared = self.articles.set_index("id")["shared_copy_with"]
            self.article_rows["shared_copy_with"] = self.article_rows["id"].map(shared).fillna("")
        self.article_records = FrameRecords(self.article_rows)  # each row made when shown
        self.article_records.positions("id")  # the table model's rows by article, made here
        self.entity_rows = entity_list(self.entities, self.outlets, types)
        self.types = tuple(types)


def load_view_data(project: Project, types: tuple[str, ...], *, state: TaskState) -> ViewData:
    """The views' tables: kept in the project file if it did not change since they were made (a big
    project), else made from its rows (and kept, if it is big)."""
    state.progress(0.0, "Loading the project…")
    made_for = kept_view.stamp(project, types)
    kept = project.kept_frames(kept_view.NAME, made_for)
    if kept is not None:
        return kept_view.view_data_from(kept, project, types)
    data = make_view_data(project, types, state=state)
    if len(data.articles) >= kept_view.KEEP_FROM and not data.problems:
        state.progress(0.95, "Keeping the tables for the next opening…")
        project.keep_frames(kept_view.NAME, made_for, kept_view.frames_of(data))
    return data


def make_view_data(project: Project, types: tuple[str, ...], *, state: TaskState) -> ViewData:
    """The views' tables made from the project's rows."""
    articles = project.articles_frame()
    state.progress(0.4, "Comparing outlets…")
    entities = project.entity_table(types=None)  # kept beside the counts: none of the counts is read
    data = ViewData(articles, StoredCounts(project, articles), entities, sorted(articles["outlet"].unique()),
                    labels=project.entity_labels(), story_tightness=project.story_tightness(),
                    colours=project.outlet_colours(), undated=undated_share(articles))
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
    raw = project.raw_mentions(article_ids)
    return canonical_mentions(data.articles, raw, project.aliases, None, data.labels)


def export_comparison(project: Project, story_id: int, target: str, *, state: TaskState):
    """The story comparison page written to ``target`` (a workbook or CSV file)."""
    state.progress(0.0, "Exporting the story comparison…")
    return project.export_story_comparison(story_id, target)


#: Rows the concordance lists at most (every hit is still counted): a common word's 300,000 hits
#: would take hundreds of megabytes and read no better.
FIND_LIMIT = 50_000


def find_text(project: Project, query: str, options: dict, *, state: TaskState) -> Hits:
    """Every hit of ``query`` (``options``: whole_words, case) with its context, for the concordance."""
    state.progress(0.0, f"Finding “{query}”…")
    return find_hits(project.articles(), query, limit=FIND_LIMIT, state=state, **options)
