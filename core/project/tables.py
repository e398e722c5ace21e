"""The project's tables as the views and reports read them: articles, mentions, entity counts.

Read once per change of the project file (the store's revision), because
most queries start from the articles frame, and the entity counts are kept
in the file so that opening a big project is quick.
"""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from core.analysis.entities import (COUNT_COLUMNS, canonical_mentions, count_mentions, coverage_split,
                                    entity_outlet_table)
from core.model.article import Article
from core.project.names import ProjectNames
from core.store import counted_rows, frame_snapshots, story_rows
from core.store.store import ProjectStore
from core.text.names import DEFAULT_TYPES


class ProjectTables:
    """Reads of one project's articles and entities, cached by store revision."""

    def __init__(self, store: ProjectStore, names: ProjectNames):
        self.store, self.names = store, names
        self._articles_frame: tuple[tuple, pd.DataFrame] | None = None  # (store revision, frame)
        self._counts: tuple[str, pd.DataFrame, bool] | None = None  # (counted_rows stamp, counts, kept only here)
        self._stamps: tuple[tuple, str, str] | None = None  # (store revision, counts stamp, outlet table stamp)

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Articles in import order: all, or those with the given ids."""
        return self.store.articles(ids)

    def article(self, article_id: str) -> Article:
        return self.store.article(article_id)

    def articles_frame(self) -> pd.DataFrame:
        """Article metadata; ``shared_copy_with`` names the other outlets that ran
        the same wire copy (kept for each outlet, flagged on import);
        ``version_of`` the first article of which this one is a later version
        ("" for none), ``first_appearance`` the earliest day of the article and
        its versions, ``analysis`` why it is not analysed ("" when it is).

        Read once per change of the project: most queries start from it.
        """
        return self._frame().copy()

    def _frame(self) -> pd.DataFrame:
        """The cached articles frame itself (not to be changed)."""
        revision = self.store.revision  # before reading: a change meanwhile makes the next call read again
        cached = self._articles_frame
        if cached is None or cached[0] != revision:
            cached = self._articles_frame = (revision, self._read_articles_frame())
        return cached[1]

    def _read_articles_frame(self) -> pd.DataFrame:
        from core.store.copy_index import first_days, shared_copy_groups, versions

        frame = self.store.articles_frame()
        first = versions(self.store).set_index("article_id")["version_of"]
        frame["version_of"] = _text_column(frame["id"].map(first))
        group = frame["version_of"].where(frame["version_of"] != "", frame["id"])
        frame["first_appearance"] = first_days(frame["date"].astype("string").str[:10], group)
        frame["analysis"] = _text_column(frame["id"].map(self.store.not_analysed()))
        groups = shared_copy_groups(self.store).merge(frame[["id", "outlet"]], left_on="article_id", right_on="id")
        outlets = groups.groupby("group_id")["outlet"].agg(lambda s: set(s))
        others = {
            row.article_id: ", ".join(sorted(outlets[row.group_id] - {row.outlet}))
            for row in groups.itertuples()
        }
        frame["shared_copy_with"] = frame["id"].map(lambda article: others.get(article, ""))
        return frame

    def outlets(self) -> list[str]:
        return self.store.outlets()

    def story_of(self) -> pd.Series:
        """Story id by article id."""
        members = story_rows.memberships(self.store)
        return members.set_index("article_id")["story_id"]

    def analysis_failures(self) -> dict[str, str]:
        """Why each article that could not be analysed was not, by article id."""
        return {article_id: reason for article_id, (_, _, reason) in self.store.analysis_failures().items()}

    def quote_counts(self) -> pd.Series:
        """Quotes per article id (a quick count, without reading the quotes)."""
        return self.store.counts("quotes")

    def raw_mentions(self, article_ids: Iterable[str] | None = None) -> pd.DataFrame:
        """Mentions as stored (names as the articles wrote them): a quick read of a few articles."""
        return self.store.mentions_frame(article_ids)

    def mentions(self, types: Iterable[str] | None = DEFAULT_TYPES, article_ids: Iterable[str] | None = None,
                 labels: pd.Series | None = None) -> pd.DataFrame:
        """Entity mentions with canonical names, restricted to ``types``.

        Some articles' mentions carry the entity labels of the whole project:
        ``labels`` (from :meth:`entity_labels`), or the stored ones.
        """
        raw = self.names.joined(self.store.mentions_frame(article_ids), self.story_of)
        if article_ids is not None and labels is None:
            labels = self.entity_labels()
        return canonical_mentions(self.articles_frame(), raw, self.names.aliases, types, labels)

    def entity_counts(self, types: Iterable[str] | None = DEFAULT_TYPES, *, article_ids: Iterable[str] | None = None,
                      entities: Iterable[str] | None = None, outlets: pd.Series | None = None) -> pd.DataFrame:
        """Mentions counted per article and entity: ``article_id, outlet, entity, label, n``.

        Kept in the project file and counted again only after mentions or
        aliases changed: what opening a big project draws its tables from.
        ``article_ids`` or ``entities`` read only their rows (by index: a
        story's counts in a million articles) as stored — current when the
        caller's tables were made from them (checking would read every
        article) — with the outlets of ``outlets`` (outlet by article id: the
        caller's articles frame; default: the project's).
        """
        if article_ids is None and entities is None:
            counts = self._stored_counts()
        elif self._counts is not None and self._counts[2]:  # counted but not stored (read-only)
            counts = self._counts[1]
            counts = counts[counts["article_id"].isin(set(article_ids)) if article_ids is not None
                            else counts["entity"].isin(set(entities or ()))]
        else:
            counts = counted_rows.part(self.store, article_ids=article_ids, entities=entities)
        if outlets is None:
            outlets = self._frame().set_index("id")["outlet"]
        counts = counts.assign(outlet=counts["article_id"].map(outlets))
        counts = counts[counts["outlet"].notna()]
        if types is not None:
            counts = counts[counts["label"].isin(list(types))]
        return counts[COUNT_COLUMNS].reset_index(drop=True)

    def entity_totals(self, types: Iterable[str] | None = DEFAULT_TYPES) -> pd.Series:
        """Counted mentions of ``types`` per article id (articles without any left out)."""
        counts = self._current_counts()
        if counts is None:
            return counted_rows.article_totals(self.store, types)
        counts = counts if types is None else counts[counts["label"].isin(list(types))]
        return counts.groupby("article_id", sort=False)["n"].sum()

    def entity_labels(self) -> pd.Series:
        """Each entity's label across the project (by entity name)."""
        counts = self._current_counts()
        if counts is None:
            return counted_rows.labels(self.store)
        return counts.drop_duplicates("entity").set_index("entity")["label"]

    def _current_counts(self) -> pd.DataFrame | None:
        """Count again if the stored counts are stale. The counts when they are kept only in
        memory (a read-only project), else None: read them from the file."""
        stamp = self._stamp()
        if (self._counts is None or self._counts[0] != stamp) and counted_rows.stored_stamp(self.store) == stamp:
            return None
        self._stored_counts()  # counts and stores them if stale (read-only: keeps them here)
        assert self._counts is not None
        return self._counts[1] if self._counts[2] else None

    def _stamp(self, outlet_table: bool = False) -> str:
        """What stored counts (or, ``outlet_table``, the entity × outlet table) must have been made for
        (hashes of a million articles: kept until the file changes)."""
        revision = self.store.revision
        if self._stamps is None or self._stamps[0] != revision:
            articles = self._frame()
            counts = counted_rows.stamp(self.store, self.names.fingerprint(articles[["id", "outlet"]]))
            counted = articles[["id", "outlet", "word_count", "version_of", "analysis"]]
            table = f"{counts}:{int(pd.util.hash_pandas_object(counted, index=False).sum()) & 0xFFFFFFFF:08x}"
            self._stamps = (revision, counts, table)
        return self._stamps[2] if outlet_table else self._stamps[1]

    def _stored_counts(self) -> pd.DataFrame:
        stamp = self._stamp()
        if self._counts is not None and self._counts[0] == stamp:
            return self._counts[1]
        counts = counted_rows.load(self.store, stamp)
        in_memory = False
        if counts is None:
            counts = count_mentions(self.mentions(None))[counted_rows.COLUMNS]
            in_memory = self.store.read_only  # a read-only project counts each time it opens
            if not in_memory:
                counted_rows.save(self.store, counts, stamp)
        self._counts = (stamp, counts, in_memory)
        return counts

    def view_stamp(self, *parts: str) -> str:
        """What tables made now from the articles, stories, quotes and counts are valid for (with ``parts``:
        whatever else they depend on): a quick read, for :meth:`kept_frames`."""
        return "|".join((frame_snapshots.generation(self.store), self.store.get_meta(counted_rows.GENERATION_KEY, "0"),
                         self.names.fingerprint(None), *parts))

    def kept_frames(self, name: str, stamp: str) -> dict[str, pd.DataFrame] | None:
        """Frames kept by :meth:`keep_frames` for ``stamp``, else None."""
        return frame_snapshots.load(self.store, name, stamp)

    def keep_frames(self, name: str, stamp: str, frames: dict[str, pd.DataFrame]) -> bool:
        """Keep frames made for ``stamp`` (a stamp taken before making them); False if not kept."""
        return frame_snapshots.save(self.store, name, stamp, frames)

    def entity_table(self, types: Iterable[str] | None = DEFAULT_TYPES) -> pd.DataFrame:
        """Entity × outlet (``entity_outlet_table``) of ``types``: the whole project's table is kept
        beside the counts, so a big project opens without reading its counts."""
        table = self._outlet_table()
        if types is not None:
            table = table[table["label"].isin(list(types))].reset_index(drop=True)
        return table

    def _outlet_table(self) -> pd.DataFrame:
        stamp = self._stamp(outlet_table=True)
        table = counted_rows.load_outlets(self.store, stamp) if self._current_counts() is None else None
        if table is None:
            table = entity_outlet_table(self._frame(), self.entity_counts(None))
            if not self.store.read_only:
                counted_rows.save_outlets(self.store, table, stamp)
        return table

    def coverage(self, types: Iterable[str] | None = DEFAULT_TYPES) -> pd.DataFrame:
        return coverage_split(self.entity_table(types), self.outlets())


def _text_column(values: pd.Series) -> pd.Series:
    """Strings with "" for the missing (a map that found nothing is all NaN floats)."""
    return values.astype(object).where(values.notna(), "")
