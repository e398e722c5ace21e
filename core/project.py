"""A Newsprism project: the one object the window and the command line drive.

It ties the project file to import, analysis, comparison and export; every
method is headless and may run in a worker thread (long ones take a
:class:`~core.tasks.TaskState`).
"""

from __future__ import annotations

import json
import shutil
import zlib
from pathlib import Path
from typing import Iterable

import pandas as pd

from core import outlet_colours
from core.analysis import analyse as analysis
from core.analysis import compare, keyness, passages
from core.analysis.distinct import joined_distinct
from core.analysis.entities import (COUNT_COLUMNS, canonical_mentions, count_mentions, counted_articles,
                                    coverage_split, entity_outlet_table)
from core.analysis.name_joins import NameJoins, renamed, surname_joins
from core.analysis.stories import StoryParams, clusters_and_centrality, reconcile, threshold_for
from core.analysis.story_features import story_features
from core.analysis.story_names import entity_name, story_names
from core.store import alias_rows, counted_rows, deleted_articles, outlet_rows, speaker_corrections, story_rows
from core.ingest.importing import import_paths
from core.store.store import ProjectStore
from core.model.article import Article
from core.model.import_result import ImportResult
from core.text.names import DEFAULT_TYPES, AliasTable
from core.nlp.pipeline import DEFAULT_MODEL
from core.paths import PROJECT_SUFFIX, seeds_dir, user_data_dir
from core.tasks import NULL_STATE, TaskState

SUFFIX = PROJECT_SUFFIX
#: What ``compare`` and ``summary`` give of each distinctive term (``term``: as the outlet wrote it).
TERM_FIELDS = ["term", "lemma", "kind", "freq", "log_likelihood", "log_ratio", "weak", "weak_because"]
#: The project file's meta key for the surname joins (derived data, made again after each analysis).
NAME_JOINS_KEY = "name_joins"


class Project:
    """One open ``.newsprism`` file."""

    def __init__(self, path: str | Path, *, model: str = DEFAULT_MODEL, create: bool = True):
        self.store = ProjectStore(path, create=create)
        self._articles_frame: tuple[tuple, pd.DataFrame] | None = None  # (store revision, frame)
        self._counts: tuple[str, pd.DataFrame] | None = None  # (counted_rows stamp, counts)
        self.model = model
        self._default_aliases = AliasTable.default()
        self.aliases = alias_rows.apply(self._default_aliases, alias_rows.load(self.store))

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def read_only(self) -> bool:
        """Opened read-only (the file may not be changed): everything reads, every edit raises ``ReadOnlyProject``."""
        return self.store.read_only

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- work ----------------------------------------------------------------
    def import_paths(self, paths: Iterable[str | Path], *, state: TaskState = NULL_STATE) -> list[ImportResult]:
        return import_paths(self.store, paths, state=state, model=self.model)

    def analyse(self, *, state: TaskState = NULL_STATE, processes: int | None = None) -> analysis.AnalysisReport:
        """Analyse new and changed articles, then regroup the stories.

        ``processes``: spaCy worker processes (default: every core when there
        are enough articles to be worth it).
        """
        report = analysis.analyse(self.store, self.model, state=state.sub(0.0, 0.95), aliases=self.aliases,
                                  processes=processes)
        if report.analysed or story_rows.memberships(self.store).shape[0] != len(self.store.analysis_state()):
            state.progress(0.96, "Grouping articles into stories…")
            self.regroup()
        return report

    def analysis_failures(self) -> dict[str, str]:
        """Why each article that could not be analysed was not, by article id."""
        return {article_id: reason for article_id, (_, _, reason) in self.store.analysis_failures().items()}

    def regroup(self) -> None:
        """After analysis: regroup the stories, join surnames to full names, count the entities
        (kept, so reopening is quick), give new outlets their colours."""
        self.update_stories()
        self.update_name_joins()
        self.entity_counts()
        self.keep_outlet_colours()

    # -- outlet colours ------------------------------------------------------------
    def outlet_colours(self) -> dict[str, str]:
        """A colour (``#rrggbb``) per outlet of the project: the one it was first given (read only)."""
        kept = outlet_colours.parse(self.store.get_meta(outlet_colours.META_KEY))
        return outlet_colours.assign(kept, self.outlets())

    def keep_outlet_colours(self) -> None:
        """Store the colours of outlets that have none yet, so that no later change reassigns them."""
        kept = outlet_colours.parse(self.store.get_meta(outlet_colours.META_KEY))
        colours = outlet_colours.assign(kept, self.outlets())
        if colours != kept:
            self.store.set_meta(outlet_colours.META_KEY, outlet_colours.dumps(colours))

    # -- stories ---------------------------------------------------------------
    def update_stories(self) -> None:
        """Regroup articles into stories, keeping the user's moves, merges and names."""
        articles = self.articles_frame()
        analysed = set(self.store.analysis_state())
        articles = articles[articles["id"].isin(analysed)]
        if articles.empty:
            return
        params = self.story_params()
        features = story_features(articles, self.store.term_counts, self._project_canonical_names,
                                  params.virtual_articles)
        clusters, centrality = clusters_and_centrality(features, params)
        members = reconcile(clusters, story_rows.memberships(self.store))
        names = story_names(articles.set_index("id")["title"], members.set_index("article_id")["story_id"], centrality)
        names.update(self._entity_names(members[~members["story_id"].isin(list(names))]))
        story_rows.save_memberships(self.store, members, {int(k): v for k, v in names.items()})

    def _entity_names(self, members: pd.DataFrame) -> dict[int, str]:
        """Names of stories without headlines, from the entities they name."""
        mentions = self.entity_counts().merge(members, on="article_id")
        return {int(story_id): entity_name(rows) for story_id, rows in mentions.groupby("story_id")}

    # -- surnames joined to full names across articles -------------------------------
    def update_name_joins(self) -> None:
        """Join each lone surname to the one full name it stands for in its story or the project."""
        with self.store.reading() as db:
            names = pd.read_sql_query("SELECT article_id, name, label, COUNT(*) AS n FROM mentions "
                                      "WHERE label = 'PERSON' GROUP BY article_id, name, label", db)
        keep = {alias for alias, _, _ in alias_rows.load(self.store)}
        joins = surname_joins(names, self.story_of(), keep)
        if joins != self.name_joins():
            self.store.set_meta(NAME_JOINS_KEY, json.dumps(joins.as_dict(), ensure_ascii=False, sort_keys=True))

    def name_joins(self) -> NameJoins:
        try:
            return NameJoins.from_dict(json.loads(self.store.get_meta(NAME_JOINS_KEY, "{}")))
        except (ValueError, TypeError, AttributeError):
            return NameJoins()  # a damaged value: joins are made again at the next analysis

    def _joined_names(self, mentions: pd.DataFrame, name_column: str = "name") -> pd.DataFrame:
        """Mentions (or entity terms) with lone surnames joined to the full names of their story."""
        joins = self.name_joins()
        if mentions.empty or (not joins.project and not joins.stories):
            return mentions
        stories = mentions["article_id"].map(self.story_of())
        return mentions.assign(**{name_column: joins.joined(mentions[name_column], stories)})

    def _project_canonical_names(self, names: pd.Series) -> pd.Series:
        """Canonical names with the project-wide surname joins (what story grouping compares)."""
        return self.aliases.canonical_names(renamed(names, self.name_joins().project))

    def _names_fingerprint(self) -> str:
        """Changes whenever an entity would be counted differently: aliases, joins, outlets."""
        joins = self.store.get_meta(NAME_JOINS_KEY, "")
        outlets = self.articles_frame()[["id", "outlet"]]
        outlet_hash = int(pd.util.hash_pandas_object(outlets, index=False).sum()) & 0xFFFFFFFF
        return f"{self.aliases.fingerprint()}-{zlib.crc32(joins.encode('utf-8')):08x}-{outlet_hash:08x}"

    # -- how tight stories are ---------------------------------------------------
    def story_tightness(self) -> float:
        """How alike articles must be to form a story: 0 loosest, 1 tightest, 0.5 the default.

        Kept in the project file: a choice made for these articles.
        """
        try:
            return min(max(float(self.store.get_meta("story_tightness", "0.5")), 0.0), 1.0)
        except ValueError:
            return 0.5

    def story_params(self) -> StoryParams:
        return StoryParams(threshold=threshold_for(self.story_tightness()))

    def set_story_tightness(self, tightness: float) -> None:
        """Regroup at once with the new tightness; the user's moves, merges, splits and names stay."""
        if not 0.0 <= float(tightness) <= 1.0:
            raise ValueError(f"story tightness must be between 0 and 1, not {tightness}")
        self.store.set_meta("story_tightness", f"{float(tightness):.3f}")
        self.update_stories()

    def stories(self) -> pd.DataFrame:
        """``id, name, articles, outlets, first_date, last_date`` per story."""
        members = story_rows.memberships(self.store).merge(self.articles_frame(), left_on="article_id", right_on="id")
        # Dates are ISO strings: sorted once, each story's first and last are its range (min/max per group is slow).
        dated = members.dropna(subset=["date"]).sort_values("date", kind="stable").groupby("story_id")["date"]
        info = members.groupby("story_id").agg(articles=("article_id", "size"))
        info["first_date"], info["last_date"] = dated.first(), dated.last()
        info["outlets"] = joined_distinct(members, ["story_id"], "outlet").set_index("story_id")["outlet"]
        table = story_rows.stories(self.store).merge(info, left_on="id", right_index=True, how="inner")
        return table[["id", "name", "articles", "outlets", "first_date", "last_date"]].reset_index(drop=True)

    def story_of(self) -> pd.Series:
        """Story id by article id."""
        members = story_rows.memberships(self.store)
        return members.set_index("article_id")["story_id"]

    def story_article_ids(self, story_id: int) -> list[str]:
        ids = [a for a, s in self.story_of().items() if s == story_id]
        if not ids:
            raise KeyError(f"no story {story_id}")
        return ids

    def move_articles(self, article_ids: list[str], story_id: int) -> None:
        story_rows.pin(self.store, list(article_ids), story_id)

    def merge_stories(self, story_ids: list[int]) -> int:
        """Merge stories into the first one given (one transaction); returns its id."""
        target, *others = story_ids
        with self.store.transaction():
            for other in others:
                self.move_articles(self.story_article_ids(other), target)
            self.move_articles(self.story_article_ids(target), target)
        return target

    def split_story(self, article_ids: list[str], name: str = "") -> int:
        """Move articles out of their story into a new one (one transaction); both halves stay apart."""
        with self.store.transaction():
            old = {int(self.story_of()[a]) for a in article_ids}
            new = story_rows.new_story(self.store, name or "Split story", user_named=bool(name))
            self.move_articles(article_ids, new)
            for story_id in old:
                remaining = [a for a, s in self.story_of().items() if s == story_id]
                if remaining:
                    self.move_articles(remaining, story_id)
        return new

    def story_state(self) -> story_rows.StoryState:
        """Every story and membership now (what undo of a story edit restores)."""
        return story_rows.snapshot(self.store)

    def restore_stories(self, state: story_rows.StoryState) -> None:
        story_rows.restore(self.store, state)

    def rename_story(self, story_id: int, name: str) -> None:
        story_rows.rename(self.store, story_id, name)

    # -- entity edits --------------------------------------------------------------
    def merge_entities(self, names: list[str], into: str) -> None:
        """Count every entity in ``names`` as ``into``, now and for later imports."""
        for name in names:
            if name != into:
                alias_rows.save(self.store, name, into)
        self._reload_aliases()

    def rename_entity(self, name: str, new_name: str) -> None:
        self.merge_entities([name], new_name)

    def split_entity(self, alias: str) -> None:
        """Let a name that an alias joined to another entity stand on its own again."""
        alias_rows.save(self.store, alias, alias)
        self._reload_aliases()

    def forget_alias(self, alias: str) -> None:
        """Undo the user's merge, rename or split of ``alias`` (the defaults apply again)."""
        alias_rows.delete(self.store, alias)
        self._reload_aliases()

    def entity_names(self, entity: str) -> list[str]:
        """The names in this project's mentions that count as ``entity`` (merged into it)."""
        names = self.store.frame("mentions", columns="name")["name"].unique()
        return sorted(n for n in names if self.aliases.resolve(n, "")[0] == entity)

    def _reload_aliases(self) -> None:
        self.aliases = alias_rows.apply(self._default_aliases, alias_rows.load(self.store))

    # -- outlet names ---------------------------------------------------------------
    def rename_outlet(self, name: str, new_name: str) -> int:
        """Call an outlet ``new_name`` in every stored article and later import; returns articles changed."""
        return outlet_rows.save(self.store, name, new_name)

    def merge_outlets(self, names: Iterable[str], into: str) -> int:
        """Count every outlet in ``names`` as ``into`` ("The Guardian - Final Edition" is "The Guardian")."""
        with self.store.transaction():
            return sum(outlet_rows.save(self.store, name, into) for name in names if name != into)

    def outlet_aliases(self) -> pd.DataFrame:
        """The project's outlet aliases: ``alias, outlet`` in the order they were made."""
        return outlet_rows.table(self.store)

    def forget_outlet_alias(self, alias: str) -> None:
        """Later imports keep the spelling ``alias`` again (stored articles keep their outlet)."""
        outlet_rows.delete(self.store, alias)

    def import_urls(self, urls: Iterable[str], *, state: TaskState = NULL_STATE) -> list[ImportResult]:
        """Fetch links the user dropped or pasted and import them like saved pages."""
        from core.ingest.pasted import import_urls

        return import_urls(self.store, urls, state=state)

    def import_pasted(self, text: str, *, state: TaskState = NULL_STATE) -> list[ImportResult]:
        """Pasted or dropped text: links are fetched, other text becomes an article."""
        from core.ingest.pasted import import_pasted

        return import_pasted(self.store, text, state=state)

    def edit_article(self, article_id: str, **values) -> Article:
        """Change metadata as the user did; marked edited, never overwritten (a new outlet name gets its colour)."""
        if "outlet" in values:
            self.keep_outlet_colours()  # colours never kept yet (not analysed) are kept before they could shift
        article = self.store.article(article_id).edited(**values)
        self.store.update_article(article)
        if "outlet" in values:
            self.keep_outlet_colours()
        return article

    def delete_articles(self, article_ids: Iterable[str]) -> deleted_articles.DeletedArticles:
        """Delete articles with their analysis, story membership and pins (one transaction).

        The result holds every removed row: :meth:`restore_articles` puts them back exactly.
        """
        return deleted_articles.delete(self.store, list(article_ids))

    def restore_articles(self, deleted: deleted_articles.DeletedArticles) -> list[str]:
        """Undo :meth:`delete_articles` (one transaction); returns the ids put back."""
        return deleted_articles.restore(self.store, deleted)

    def save_as(self, target: str | Path) -> None:
        self.store.save_copy(target)

    # -- data ----------------------------------------------------------------
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

    def mentions(self, types: Iterable[str] | None = DEFAULT_TYPES, article_ids: Iterable[str] | None = None,
                 labels: pd.Series | None = None) -> pd.DataFrame:
        """Entity mentions with canonical names, restricted to ``types``.

        Some articles' mentions carry the entity labels of the whole project:
        ``labels`` (from :meth:`entity_labels`), or the stored ones.
        """
        raw = self._joined_names(self.store.mentions_frame(article_ids))
        if article_ids is not None and labels is None:
            labels = self.entity_labels()
        return canonical_mentions(self.articles_frame(), raw, self.aliases, types, labels)

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
        stamp = counted_rows.stamp(self.store, self._names_fingerprint())
        if self._counts is not None and self._counts[0] == stamp:
            return self._counts[1]
        counts = counted_rows.load(self.store, stamp)
        if counts is None:
            counts = count_mentions(self.mentions(None))[counted_rows.COLUMNS]
            if not self.read_only:  # a read-only project counts each time it opens
                counted_rows.save(self.store, counts, stamp)
        self._counts = (stamp, counts)
        return counts

    def entity_table(self, types: Iterable[str] | None = DEFAULT_TYPES) -> pd.DataFrame:
        return entity_outlet_table(self.articles_frame(), self.entity_counts(types))

    def coverage(self, types: Iterable[str] | None = DEFAULT_TYPES) -> pd.DataFrame:
        return coverage_split(self.entity_table(types), self.outlets())

    # -- comparison --------------------------------------------------------------
    def _story_frame(self, story_id: int | None) -> pd.DataFrame:
        frame = self.articles_frame()
        if story_id is not None:
            frame = frame[frame["id"].isin(self.story_article_ids(story_id))]
        return frame

    def _story_rows(self, table: str, story_id: int | None, frame: pd.DataFrame) -> pd.DataFrame:
        """An analysis table's rows for a story's articles (the whole project in one query)."""
        return self.store.frame(table, None if story_id is None else frame["id"])

    def story_entity_table(self, story_id: int | None = None, types: Iterable[str] | None = DEFAULT_TYPES) -> pd.DataFrame:
        """Entity × outlet within a story (or all), with prominence columns."""
        frame = self._story_frame(story_id)
        mentions = self.mentions(types, article_ids=None if story_id is None else list(frame["id"]))
        table = entity_outlet_table(frame, mentions)
        prominence = compare.prominence(self.store.articles(frame["id"]), mentions)
        return table.merge(prominence, on=["entity", "outlet"], how="left")

    def descriptors(self, story_id: int | None = None) -> pd.DataFrame:
        frame = self._story_frame(story_id)
        return compare.descriptor_table(self._story_rows("descriptors", story_id, frame), frame, self.aliases)

    def quotes(self, story_id: int | None = None) -> pd.DataFrame:
        """Quotes with outlet, canonical speaker and words; the user's speaker corrections applied."""
        frame = self._story_frame(story_id)
        rows = speaker_corrections.apply(self._story_rows("quotes", story_id, frame), speaker_corrections.load(self.store))
        return compare.quote_table(rows, frame, self.aliases)

    def correct_quote_speaker(self, article_id: str, start: int, end: int, speaker: str,
                              source_type: str = "named") -> None:
        """Say who a quote is from; kept through re-analysis, counted in :meth:`sources`."""
        speaker_corrections.save(self.store, article_id, start, end, speaker, source_type)

    def forget_quote_speaker(self, article_id: str, start: int, end: int) -> None:
        """Drop the correction of a quote's speaker: the analysis's speaker applies again."""
        speaker_corrections.remove(self.store, article_id, start, end)

    def quote_speaker_correction(self, article_id: str, start: int, end: int) -> tuple[str, str] | None:
        """``(speaker, source_type)`` the user gave a quote, or None."""
        return speaker_corrections.get(self.store, article_id, start, end)

    def quote_counts(self) -> pd.Series:
        """Quotes per article id (a quick count, without reading the quotes)."""
        return self.store.counts("quotes")

    def sources(self, story_id: int | None = None) -> pd.DataFrame:
        return compare.sources_table(self.quotes(story_id))

    def sentences(self, story_id: int | None = None) -> pd.DataFrame:
        """``article_id, outlet, story_id, idx, start, end, text`` of analysed sentences."""
        frame = self._story_frame(story_id)
        rows = self._story_rows("sentences", story_id, frame)
        texts = {a.id: a.text for a in self.store.articles(frame["id"])}
        rows["text"] = [texts[a][s:e] for a, s, e in zip(rows["article_id"], rows["start"], rows["end"])]
        rows["outlet"] = rows["article_id"].map(frame.set_index("id")["outlet"])
        rows["story_id"] = rows["article_id"].map(self.story_of())
        return rows[["article_id", "outlet", "story_id", "idx", "start", "end", "text"]]

    def passages(self, story_id: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """Shared passages: (sentence pairs, status of each sentence, share per article)."""
        sentences = self.sentences(story_id)
        mentions = self.mentions(None, article_ids=sentences["article_id"].unique())
        alignment = passages.align_passages(sentences, mentions.rename(columns={"entity": "name"}))
        return alignment, passages.sentence_status(sentences, alignment), passages.passage_shares(sentences, alignment)

    def distinctive_terms(self, story_id: int | None = None, *, scope: str = "story", **options) -> pd.DataFrame:
        """Terms each outlet overuses, against its story's other outlets or the whole project."""
        scoped = story_id if scope == "story" else None
        frame = self._story_frame(scoped)
        terms = self._story_rows("terms", scoped, frame)
        entity = terms["kind"] == "entity"
        joined = self._joined_names(terms.loc[entity], "term")["term"] if entity.any() else terms.loc[entity, "term"]
        terms.loc[entity, "term"] = self.aliases.canonical_names(joined)
        terms = terms[terms["term"].notna()]
        articles = frame.assign(story_id=frame["id"].map(self.story_of()))
        table = keyness.keyness(terms, articles, scope=scope, **options)
        if story_id is not None and scope == "story":
            table = table[table["story_id"] == story_id]
        return table.reset_index(drop=True)

    def compare_story(self, story_id: int, top: int = 10) -> dict:
        """Everything that tells the story's outlets apart, as plain data (``compare``)."""
        story = self.stories().set_index("id").loc[story_id]
        entities = self.story_entity_table(story_id)
        quotes = self.quotes(story_id)
        _, _, shares = self.passages(story_id)
        frame = self._story_frame(story_id)
        several = frame["outlet"].nunique() > 1  # "only here" means nothing with one outlet
        coverage = coverage_split(entities, sorted(frame["outlet"].unique())) if several and not entities.empty else pd.DataFrame()
        terms = self.distinctive_terms(story_id)
        descriptors = self.descriptors(story_id)
        anonymous = compare.anonymous_share(quotes)
        outlets = {}
        for outlet, articles in frame.groupby("outlet"):
            ids = set(articles["id"])
            mine = entities[entities["outlet"] == outlet].head(top)
            outlets[outlet] = {
                "articles": [{"id": r.id, "title": r.title, "date": r.date, "words": int(r.word_count)} for r in articles.itertuples()],
                "entities": _records(mine, ["entity", "label", "mentions", "per_1000_words", "in_headline", "in_lead", "first_position"]),
                "only_here": sorted(coverage.loc[coverage.get("only_outlet", pd.Series(dtype=str)) == outlet, "entity"]) if not coverage.empty else [],
                "descriptors": _records(descriptors[descriptors["outlet"] == outlet], ["entity", "descriptor", "kind", "count"]),
                "sources": _records(compare.sources_table(quotes[quotes["outlet"] == outlet]), ["speaker", "source_type", "quotes", "words"]),
                "anonymous_share": float(anonymous.get(outlet, 0.0)),
                "shared_text_share": float(shares.loc[shares["article_id"].isin(ids), "share_shared"].mean()) if not shares.empty else 0.0,
                "distinctive_terms": _records(terms[terms["outlet"] == outlet].head(top), TERM_FIELDS),
            }
        named_by_all = sorted(coverage.loc[coverage["named_by"] == "all", "entity"]) if not coverage.empty else []
        absent = sorted(set(self.outlets()) - set(outlets))
        return {"story": {"id": int(story_id), "name": story["name"], "articles": int(story["articles"])},
                "named_by_all": named_by_all, "outlets": outlets, "absent_outlets": absent}

    def story_comparison_table(self, story_id: int, top: int = 5) -> pd.DataFrame:
        """The story's outlets side by side, one row per outlet of the project (absent ones marked)."""
        from core.analysis.story_comparison import comparison_table

        return comparison_table(self.compare_story(story_id, top=max(top * 2, 10)), self.outlets(), top)

    def export_story_comparison(self, story_id: int, target: str | Path) -> Path:
        """The story comparison page as a workbook (.xlsx) or CSV file, with what each measure means."""
        from core.analysis.story_comparison import COLUMNS
        from core.export.story_comparison_export import export_story_comparison

        name = self.stories().set_index("id")["name"].get(story_id)
        if name is None:
            raise KeyError(f"no story {story_id}")
        return export_story_comparison(self.story_comparison_table(story_id), COLUMNS, f"Story: {name}",
                                       Path(target), self.outlet_colours())

    def summary(self, types: Iterable[str] | None = DEFAULT_TYPES) -> dict:
        """Articles and, per outlet, its entities with label and count (``summary --json``)."""
        frame = self.articles_frame()
        counts = self.entity_counts(types)
        table = entity_outlet_table(frame, counts)
        per_article = counts.groupby("article_id")["n"].sum()
        articles = [
            {
                "id": row.id,
                "outlet": row.outlet,
                "title": row.title,
                "date": row.date,
                "words": int(row.word_count),
                "entities": int(per_article.get(row.id, 0)),
                "first_appearance": row.first_appearance,
                "version_of": row.version_of or None,
                "analysis": row.analysis or "analysed",
            }
            for row in frame.itertuples()
        ]
        sources = self.sources()
        terms = self.distinctive_terms(scope="project")
        counted = counted_articles(frame)
        outlets = {
            outlet: {
                "articles": int((frame["outlet"] == outlet).sum()),
                "counted_articles": int((counted["outlet"] == outlet).sum()),
                "words": int(counted.loc[counted["outlet"] == outlet, "word_count"].sum()),
                "entities": [
                    {"entity": r.entity, "label": r.label, "count": int(r.mentions)}
                    for r in table[table["outlet"] == outlet].itertuples()
                ],
                "sources": _records(sources[sources["outlet"] == outlet], ["speaker", "source_type", "quotes", "words"]),
                "distinctive_terms": _records(terms[terms["outlet"] == outlet].head(20), TERM_FIELDS),
            }
            for outlet in sorted(frame["outlet"].unique())
        }
        story_of = self.story_of()
        stories = [
            {"id": int(r.id), "name": r.name, "outlets": r.outlets.split(", "),
             "articles": sorted(a for a, s in story_of.items() if s == r.id)}
            for r in self.stories().itertuples()
        ]
        failures = self.analysis_failures()
        for article in articles:
            article["story"] = int(story_of[article["id"]]) if article["id"] in story_of.index else None
            article["analysis_failure"] = failures.get(article["id"])
        return {"project": str(self.path), "articles": articles, "outlets": outlets, "stories": stories}

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


def _text_column(values: pd.Series) -> pd.Series:
    """Strings with "" for the missing (a map that found nothing is all NaN floats)."""
    return values.astype(object).where(values.notna(), "")


def _records(frame: pd.DataFrame, columns: list[str]) -> list[dict]:
    """Rows as JSON-ready dicts (numpy numbers made plain)."""
    out = []
    for row in frame[columns].itertuples(index=False):
        out.append({c: (v.item() if hasattr(v, "item") else v) for c, v in zip(columns, row)})
    return out


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
