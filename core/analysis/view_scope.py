"""What the window's views show when one story is chosen: its articles, counts, entities and quotes.

The window compares outlets within the story the analyst is reading, or
across the whole project; these functions cut the project's loaded tables
down to one story: quick pandas filters of the loaded articles, and the
story's entity counts read by index from the project file through a
:class:`CountsSource` (a million articles' counts are never held whole).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Protocol

import pandas as pd

from core.analysis.compare import sources_table
from core.analysis.entities import entity_outlet_table
from core.analysis.entity_list import entity_list
from core.analysis.timeline import undated_share


class CountsSource(Protocol):
    """Entity counts (``article_id, outlet, entity, label, n``) read a part at a time."""

    def of_articles(self, article_ids: Iterable[str]) -> pd.DataFrame: ...

    def of_entities(self, entities: Iterable[str]) -> pd.DataFrame: ...


class FrameCounts:
    """A :class:`CountsSource` over counts already in memory."""

    def __init__(self, counts: pd.DataFrame):
        self.counts = counts

    def of_articles(self, article_ids: Iterable[str]) -> pd.DataFrame:
        return self.counts[self.counts["article_id"].isin(set(article_ids))] if not self.counts.empty else self.counts

    def of_entities(self, entities: Iterable[str]) -> pd.DataFrame:
        return self.counts[self.counts["entity"].isin(set(entities))] if not self.counts.empty else self.counts


@dataclass
class ScopedTables:
    """The tables of one scope: a story (``story_id``) or the whole project (``None``)."""

    story_id: int | None
    label: str
    articles: pd.DataFrame
    counts: CountsSource  # of the scope: FrameCounts of the story's counts, or the project's source
    entities: pd.DataFrame
    outlets: list[str]
    entity_rows: pd.DataFrame
    quotes: pd.DataFrame = field(default_factory=pd.DataFrame)
    sources: pd.DataFrame = field(default_factory=pd.DataFrame)
    undated: float = 0.0  # the share of the scope's articles without a date (timeline.undated_share)

    @property
    def article_ids(self) -> set[str]:
        return set(self.articles["id"])

    def entity_counts(self, entities: Iterable[str]) -> pd.DataFrame:
        """The counts of these entities in the scope's articles."""
        return self.counts.of_entities(list(entities))


def story_of_articles(article_ids: Iterable[str], story_of: pd.Series) -> int | None:
    """The one story all these articles are in, else None (several stories, or none)."""
    stories = {int(story_of[a]) for a in article_ids if a in story_of.index}
    return stories.pop() if len(stories) == 1 else None


def story_articles(articles: pd.DataFrame, story_of: pd.Series, story_id: int) -> pd.DataFrame:
    ids = story_of.index[story_of == story_id]
    return articles[articles["id"].isin(ids)]


def scope_label(stories: pd.DataFrame, articles: pd.DataFrame, story_id: int | None) -> str:
    """"Story: Putin visits Pyongyang · 3 outlets · 4 articles", or "Whole project · 150 articles · 3 outlets"."""
    outlets = articles["outlet"].nunique() if not articles.empty else 0
    counted = f"{_n(outlets, 'outlet')} · {_n(len(articles), 'article')}"
    if story_id is None:
        return f"Whole project · {counted}"
    names = stories.set_index("id")["name"] if not stories.empty else pd.Series(dtype=object)
    return f"Story: {names.get(story_id, f'story {story_id}')} · {counted}"


def _n(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def scope_tables(articles: pd.DataFrame, counts: CountsSource, story_of: pd.Series, stories: pd.DataFrame,
                 story_id: int | None, types: Iterable[str] | None, whole: tuple[pd.DataFrame, pd.DataFrame, float],
                 ) -> ScopedTables:
    """The tables of ``story_id`` (None: the whole project, whose entity tables and undated share
    ``whole`` gives: made in a worker, as they take a second at a million articles)."""
    types = list(types) if types else None
    if story_id is None:
        entities, entity_rows, undated = whole
    else:
        articles = story_articles(articles, story_of, story_id)
        counts = FrameCounts(counts.of_articles(articles["id"]))
        entities = entity_outlet_table(articles, counts.counts)
        entity_rows = entity_list(entities, _outlets(articles), types)
        undated = undated_share(articles)
    return ScopedTables(story_id, scope_label(stories, articles, story_id), articles, counts, entities,
                        _outlets(articles), entity_rows, undated=undated)


def _outlets(articles: pd.DataFrame) -> list[str]:
    return sorted(articles["outlet"].unique()) if not articles.empty else []


def scoped_quotes(scope: ScopedTables, quotes: pd.DataFrame) -> ScopedTables:
    """``scope`` with its quotes and who each outlet quotes (quotes arrive after the other tables)."""
    if scope.story_id is not None and not quotes.empty:
        quotes = quotes[quotes["article_id"].isin(scope.article_ids)].reset_index(drop=True)
    scope.quotes = quotes
    scope.sources = sources_table(quotes) if not quotes.empty else pd.DataFrame()
    return scope
