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
from core.analysis import compare, keyness, passages
from core.analysis.distinct import joined_distinct
from core.analysis.entities import (COUNT_COLUMNS, canonical_mentions, count_mentions, coverage_split,
                                    entity_outlet_table)
from core.analysis.stories import cluster_articles, reconcile, story_name
from core.io import alias_rows, counted_rows, story_rows
from core.io.importing import import_paths
from core.io.store import ProjectStore
from core.model.article import Article
from core.model.import_result import ImportResult
from core.nlp.names import DEFAULT_TYPES, AliasTable
from core.nlp.pipeline import DEFAULT_MODEL
from core.paths import PROJECT_SUFFIX, seeds_dir, user_data_dir
from core.tasks import NULL_STATE, TaskState

SUFFIX = PROJECT_SUFFIX


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
        return import_paths(self.store, paths, state=state)

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
        """After analysis: count the entities (kept, so reopening is quick) and regroup the stories."""
        self.entity_counts()
        self.update_stories()

    # -- stories ---------------------------------------------------------------
    def update_stories(self) -> None:
        """Regroup articles into stories, keeping the user's moves, merges and names."""
        articles = self.articles_frame()
        analysed = set(self.store.analysis_state())
        articles = articles[articles["id"].isin(analysed)]
        if articles.empty:
            return
        members = reconcile(cluster_articles(articles, self.store.term_counts), story_rows.memberships(self.store))
        story_rows.save_memberships(self.store, members, self._story_names(members))

    def _story_names(self, members: pd.DataFrame) -> dict[int, str]:
        mentions = self.entity_counts().merge(members, on="article_id")
        names = {}
        for story_id, rows in mentions.groupby("story_id"):
            names[int(story_id)] = story_name(rows)
        return names

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

    def import_urls(self, urls: Iterable[str], *, state: TaskState = NULL_STATE) -> list[ImportResult]:
        """Fetch links the user dropped or pasted and import them like saved pages."""
        from core.io.pasted import import_urls

        return import_urls(self.store, urls, state=state)

    def import_pasted(self, text: str, *, state: TaskState = NULL_STATE) -> list[ImportResult]:
        """Pasted or dropped text: links are fetched, other text becomes an article."""
        from core.io.pasted import import_pasted

        return import_pasted(self.store, text, state=state)

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
    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Articles in import order: all, or those with the given ids."""
        return self.store.articles(ids)

    def article(self, article_id: str) -> Article:
        return self.store.article(article_id)

    def articles_frame(self) -> pd.DataFrame:
        """Article metadata; ``shared_copy_with`` names the other outlets that ran
        the same wire copy (kept for each outlet, flagged on import).

        Read once per change of the project: most queries start from it.
        """
        revision = self.store.revision  # before reading: a change meanwhile makes the next call read again
        cached = self._articles_frame
        if cached is None or cached[0] != revision:
            cached = self._articles_frame = (revision, self._read_articles_frame())
        return cached[1].copy()

    def _read_articles_frame(self) -> pd.DataFrame:
        from core.io.copy_index import shared_copy_groups

        frame = self.store.articles_frame()
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
        raw = self.store.mentions_frame(article_ids)
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
        stamp = counted_rows.stamp(self.store, self.aliases.fingerprint())
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
        frame = self._story_frame(story_id)
        return compare.quote_table(self._story_rows("quotes", story_id, frame), frame, self.aliases)

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
        terms.loc[entity, "term"] = self.aliases.canonical_names(terms.loc[entity, "term"])
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
                "distinctive_terms": _records(terms[terms["outlet"] == outlet].head(top), ["term", "kind", "freq", "log_likelihood", "log_ratio"]),
            }
        named_by_all = sorted(coverage.loc[coverage["named_by"] == "all", "entity"]) if not coverage.empty else []
        return {"story": {"id": int(story_id), "name": story["name"], "articles": int(story["articles"])},
                "named_by_all": named_by_all, "outlets": outlets}

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
            }
            for row in frame.itertuples()
        ]
        sources = self.sources()
        terms = self.distinctive_terms(scope="project")
        outlets = {
            outlet: {
                "articles": int((frame["outlet"] == outlet).sum()),
                "words": int(frame.loc[frame["outlet"] == outlet, "word_count"].sum()),
                "entities": [
                    {"entity": r.entity, "label": r.label, "count": int(r.mentions)}
                    for r in table[table["outlet"] == outlet].itertuples()
                ],
                "sources": _records(sources[sources["outlet"] == outlet], ["speaker", "source_type", "quotes", "words"]),
                "distinctive_terms": _records(terms[terms["outlet"] == outlet].head(20), ["term", "kind", "freq", "log_likelihood", "log_ratio"]),
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
        self, target: str | Path, *, state: TaskState = NULL_STATE, article_ids: Iterable[str] | None = None
    ) -> Path:
        """The workbook of the whole project, or of the articles ``article_ids`` only."""
        from core.io.excel import export_workbook

        return export_workbook(self, Path(target), state=state, article_ids=article_ids)

    def export_csv(
        self, folder: str | Path, *, state: TaskState = NULL_STATE, article_ids: Iterable[str] | None = None
    ) -> list[Path]:
        """One UTF-8 CSV file per workbook table, in ``folder``."""
        from core.io.csv_export import export_csv

        return export_csv(self, Path(folder), state=state, article_ids=article_ids)


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
