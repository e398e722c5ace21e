"""Stories in a project: grouping articles into stories and the user's moves, merges, splits and names.

Regrouping keeps what the user did (core/analysis/stories.py ``reconcile``);
each edit here is one transaction so that undo (``story_state`` and
``restore_stories``) puts back exactly what was there.
"""

from __future__ import annotations

import pandas as pd

from core.analysis.distinct import joined_distinct
from core.analysis.stories import StoryParams, clusters_and_centrality, reconcile, threshold_for
from core.analysis.story_features import story_features
from core.analysis.story_names import entity_name, story_names
from core.project.names import ProjectNames
from core.project.tables import ProjectTables
from core.store import story_rows
from core.store.store import ProjectStore


class ProjectStories:
    """The stories of one project file."""

    def __init__(self, store: ProjectStore, tables: ProjectTables, names: ProjectNames):
        self.store, self.tables, self.names = store, tables, names

    def update(self) -> None:
        """Regroup articles into stories, keeping the user's moves, merges and names."""
        articles = self.tables.articles_frame()
        analysed = set(self.store.analysis_state())
        articles = articles[articles["id"].isin(analysed)]
        if articles.empty:
            return
        params = self.params()
        features = story_features(articles, self.store.term_counts, self.names.project_canonical_names,
                                  params.virtual_articles)
        clusters, centrality = clusters_and_centrality(features, params)
        members = reconcile(clusters, story_rows.memberships(self.store))
        names = story_names(articles.set_index("id")["title"], members.set_index("article_id")["story_id"], centrality)
        names.update(self._entity_names(members[~members["story_id"].isin(list(names))]))
        story_rows.save_memberships(self.store, members, {int(k): v for k, v in names.items()})

    def _entity_names(self, members: pd.DataFrame) -> dict[int, str]:
        """Names of stories without headlines, from the entities they name."""
        mentions = self.tables.entity_counts().merge(members, on="article_id")
        return {int(story_id): entity_name(rows) for story_id, rows in mentions.groupby("story_id")}

    def needs_grouping(self) -> bool:
        """Some analysed article is in no story, or some story member is no longer analysed."""
        return story_rows.memberships(self.store).shape[0] != len(self.store.analysis_state())

    # -- how tight stories are ---------------------------------------------------
    def tightness(self) -> float:
        """How alike articles must be to form a story: 0 loosest, 1 tightest, 0.5 the default.

        Kept in the project file: a choice made for these articles.
        """
        try:
            return min(max(float(self.store.get_meta("story_tightness", "0.5")), 0.0), 1.0)
        except ValueError:
            return 0.5

    def params(self) -> StoryParams:
        return StoryParams(threshold=threshold_for(self.tightness()))

    def set_tightness(self, tightness: float) -> None:
        """Regroup at once with the new tightness; the user's moves, merges, splits and names stay."""
        if not 0.0 <= float(tightness) <= 1.0:
            raise ValueError(f"story tightness must be between 0 and 1, not {tightness}")
        self.store.set_meta("story_tightness", f"{float(tightness):.3f}")
        self.update()

    # -- reading -------------------------------------------------------------------
    def table(self) -> pd.DataFrame:
        """``id, name, articles, outlets, first_date, last_date`` per story."""
        members = story_rows.memberships(self.store).merge(self.tables.articles_frame(), left_on="article_id",
                                                           right_on="id")
        # Dates are ISO strings: sorted once, each story's first and last are its range (min/max per group is slow).
        dated = members.dropna(subset=["date"]).sort_values("date", kind="stable").groupby("story_id")["date"]
        info = members.groupby("story_id").agg(articles=("article_id", "size"))
        info["first_date"], info["last_date"] = dated.first(), dated.last()
        info["outlets"] = joined_distinct(members, ["story_id"], "outlet").set_index("story_id")["outlet"]
        table = story_rows.stories(self.store).merge(info, left_on="id", right_index=True, how="inner")
        return table[["id", "name", "articles", "outlets", "first_date", "last_date"]].reset_index(drop=True)

    def article_ids(self, story_id: int) -> list[str]:
        ids = [a for a, s in self.tables.story_of().items() if s == story_id]
        if not ids:
            raise KeyError(f"no story {story_id}")
        return ids

    # -- the user's edits ------------------------------------------------------------
    def move_articles(self, article_ids: list[str], story_id: int) -> None:
        story_rows.pin(self.store, list(article_ids), story_id)

    def merge(self, story_ids: list[int]) -> int:
        """Merge stories into the first one given (one transaction); returns its id."""
        target, *others = story_ids
        with self.store.transaction():
            for other in others:
                self.move_articles(self.article_ids(other), target)
            self.move_articles(self.article_ids(target), target)
        return target

    def split(self, article_ids: list[str], name: str = "") -> int:
        """Move articles out of their story into a new one (one transaction); both halves stay apart."""
        with self.store.transaction():
            old = {int(self.tables.story_of()[a]) for a in article_ids}
            new = story_rows.new_story(self.store, name or "Split story", user_named=bool(name))
            self.move_articles(article_ids, new)
            for story_id in old:
                remaining = [a for a, s in self.tables.story_of().items() if s == story_id]
                if remaining:
                    self.move_articles(remaining, story_id)
        return new

    def state(self) -> story_rows.StoryState:
        """Every story and membership now (what undo of a story edit restores)."""
        return story_rows.snapshot(self.store)

    def restore(self, state: story_rows.StoryState) -> None:
        story_rows.restore(self.store, state)

    def rename(self, story_id: int, name: str) -> None:
        story_rows.rename(self.store, story_id, name)
