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
from core.store import counted_rows, story_rows
from core.store.store import ProjectStore
from core.text.names import DEFAULT_TYPES


class ProjectTables:
    """Reads of one project's articles and entities, cached by store revision."""

    def __init__(self, store: ProjectStore, names: ProjectNames):
        self.store, self.names = store, names
        self._articles_frame: tuple[tuple, pd.DataFrame] | None = None  # (store revision, frame)
        self._counts: tuple[str, pd.DataFrame] | None = None  # (counted_rows stamp, counts)

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
        revision = self.store.revision  # before reading: a change meanwhile makes the next call read again
        cached = self._articles_frame
        if cached is None or cached[0] != revision:
            cached = self._articles_frame = (revision, self._read_articles_frame())
        return cached[1].copy()

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
        return sorted(self.articles_frame()["outlet"].unique())

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

    def entity_counts(self, types: Iterable[str] | None = DEFAULT_TYPES) -> pd.DataFrame:
        """Mentions counted per article and entity: ``article_id, outlet, entity, label, n``.

        Kept in the project file and counted again only after mentions or
        aliases changed: what opening a big project draws its tables from.
        """
        counts = self._stored_counts()
        counts = counts.assign(outlet=counts["article_id"].map(self.articles_frame().set_index("id")["outlet"]))
        counts = counts[counts["outlet"].notna()]
        if types is not None:
            counts = counts[counts["label"].isin(list(types))]
        return counts[COUNT_COLUMNS].reset_index(drop=True)

    def entity_labels(self) -> pd.Series:
        """Each entity's label across the project (by entity name)."""
        counts = self._stored_counts()
        return counts.drop_duplicates("entity").set_index("entity")["label"]

    def _stored_counts(self) -> pd.DataFrame:
        stamp = counted_rows.stamp(self.store, self.names.fingerprint(self.articles_frame()[["id", "outlet"]]))
        if self._counts is not None and self._counts[0] == stamp:
            return self._counts[1]
        counts = counted_rows.load(self.store, stamp)
        if counts is None:
            counts = count_mentions(self.mentions(None))[counted_rows.COLUMNS]
            if not self.store.read_only:  # a read-only project counts each time it opens
                counted_rows.save(self.store, counts, stamp)
        self._counts = (stamp, counts)
        return counts

    def entity_table(self, types: Iterable[str] | None = DEFAULT_TYPES) -> pd.DataFrame:
        return entity_outlet_table(self.articles_frame(), self.entity_counts(types))

    def coverage(self, types: Iterable[str] | None = DEFAULT_TYPES) -> pd.DataFrame:
        return coverage_split(self.entity_table(types), self.outlets())


def _text_column(values: pd.Series) -> pd.Series:
    """Strings with "" for the missing (a map that found nothing is all NaN floats)."""
    return values.astype(object).where(values.notna(), "")
