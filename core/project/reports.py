"""What a project tells about its outlets: comparison tables of a story or the whole project, the
story comparison page and the ``summary`` the command line prints.

Reads only: every table here is made from the project's stored analysis.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from core.analysis import compare, keyness, passages
from core.analysis.entities import counted_articles, coverage_split, entity_outlet_table
from core.project.names import ProjectNames
from core.project.stories import ProjectStories
from core.project.tables import ProjectTables
from core.store import speaker_corrections
from core.store.store import ProjectStore
from core.text.names import DEFAULT_TYPES

#: What ``compare`` and ``summary`` give of each distinctive term (``term``: as the outlet wrote it).
TERM_FIELDS = ["term", "lemma", "kind", "freq", "log_likelihood", "log_ratio", "weak", "weak_because"]


class ProjectReports:
    """Tables that compare a project's outlets, within one story or across the project."""

    def __init__(self, store: ProjectStore, tables: ProjectTables, names: ProjectNames, stories: ProjectStories,
                 outlet_colours: Callable[[], dict[str, str]]):
        self.store, self.tables, self.names, self.stories = store, tables, names, stories
        self._outlet_colours = outlet_colours

    def _story_frame(self, story_id: int | None) -> pd.DataFrame:
        frame = self.tables.articles_frame()
        if story_id is not None:
            frame = frame[frame["id"].isin(self.stories.article_ids(story_id))]
        return frame

    def _story_rows(self, table: str, story_id: int | None, frame: pd.DataFrame) -> pd.DataFrame:
        """An analysis table's rows for a story's articles (the whole project in one query)."""
        return self.store.frame(table, None if story_id is None else frame["id"])

    def story_entity_table(self, story_id: int | None = None, types: Iterable[str] | None = DEFAULT_TYPES) -> pd.DataFrame:
        """Entity × outlet within a story (or all), with prominence columns."""
        frame = self._story_frame(story_id)
        mentions = self.tables.mentions(types, article_ids=None if story_id is None else list(frame["id"]))
        table = entity_outlet_table(frame, mentions)
        prominence = compare.prominence(self.store.articles(frame["id"]), mentions)
        return table.merge(prominence, on=["entity", "outlet"], how="left")

    def descriptors(self, story_id: int | None = None) -> pd.DataFrame:
        frame = self._story_frame(story_id)
        return compare.descriptor_table(self._story_rows("descriptors", story_id, frame), frame, self.names.aliases)

    def quotes(self, story_id: int | None = None) -> pd.DataFrame:
        """Quotes with outlet, canonical speaker and words; the user's speaker corrections applied."""
        frame = self._story_frame(story_id)
        rows = speaker_corrections.apply(self._story_rows("quotes", story_id, frame), speaker_corrections.load(self.store))
        return compare.quote_table(rows, frame, self.names.aliases)

    def sources(self, story_id: int | None = None) -> pd.DataFrame:
        return compare.sources_table(self.quotes(story_id))

    def sentences(self, story_id: int | None = None) -> pd.DataFrame:
        """``article_id, outlet, story_id, idx, start, end, text`` of analysed sentences."""
        frame = self._story_frame(story_id)
        rows = self._story_rows("sentences", story_id, frame)
        texts = {a.id: a.text for a in self.store.articles(frame["id"])}
        rows["text"] = [texts[a][s:e] for a, s, e in zip(rows["article_id"], rows["start"], rows["end"])]
        rows["outlet"] = rows["article_id"].map(frame.set_index("id")["outlet"])
        rows["story_id"] = rows["article_id"].map(self.tables.story_of())
        return rows[["article_id", "outlet", "story_id", "idx", "start", "end", "text"]]

    def passages(self, story_id: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        """Shared passages: (sentence pairs, status of each sentence, share per article)."""
        sentences = self.sentences(story_id)
        mentions = self.tables.mentions(None, article_ids=sentences["article_id"].unique())
        alignment = passages.align_passages(sentences, mentions.rename(columns={"entity": "name"}))
        return alignment, passages.sentence_status(sentences, alignment), passages.passage_shares(sentences, alignment)

    def distinctive_terms(self, story_id: int | None = None, *, scope: str = "story", **options) -> pd.DataFrame:
        """Terms each outlet overuses, against its story's other outlets or the whole project."""
        scoped = story_id if scope == "story" else None
        frame = self._story_frame(scoped)
        terms = self._story_rows("terms", scoped, frame)
        entity = terms["kind"] == "entity"
        joined = (self.names.joined(terms.loc[entity], self.tables.story_of, "term")["term"] if entity.any()
                  else terms.loc[entity, "term"])
        terms.loc[entity, "term"] = self.names.aliases.canonical_names(joined)
        terms = terms[terms["term"].notna()]
        articles = frame.assign(story_id=frame["id"].map(self.tables.story_of()))
        table = keyness.keyness(terms, articles, scope=scope, **options)
        if story_id is not None and scope == "story":
            table = table[table["story_id"] == story_id]
        return table.reset_index(drop=True)

    def compare_story(self, story_id: int, top: int = 10) -> dict:
        """Everything that tells the story's outlets apart, as plain data (``compare``)."""
        story = self.stories.table().set_index("id").loc[story_id]
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
                "only_here": sorted(coverage.loc[coverage.get("only_outlet", pd.Series(dtype=str)) == outlet, "entity"])
                if not coverage.empty else [],
                "descriptors": _records(descriptors[descriptors["outlet"] == outlet], ["entity", "descriptor", "kind", "count"]),
                "sources": _records(compare.sources_table(quotes[quotes["outlet"] == outlet]),
                                    ["speaker", "source_type", "quotes", "words"]),
                "anonymous_share": float(anonymous.get(outlet, 0.0)),
                "shared_text_share": float(shares.loc[shares["article_id"].isin(ids), "share_shared"].mean()) if not shares.empty else 0.0,
                "distinctive_terms": _records(terms[terms["outlet"] == outlet].head(top), TERM_FIELDS),
            }
        named_by_all = sorted(coverage.loc[coverage["named_by"] == "all", "entity"]) if not coverage.empty else []
        absent = sorted(set(self.tables.outlets()) - set(outlets))
        return {"story": {"id": int(story_id), "name": story["name"], "articles": int(story["articles"])},
                "named_by_all": named_by_all, "outlets": outlets, "absent_outlets": absent}

    def story_comparison_table(self, story_id: int, top: int = 5) -> pd.DataFrame:
        """The story's outlets side by side, one row per outlet of the project (absent ones marked)."""
        from core.analysis.story_comparison import comparison_table

        return comparison_table(self.compare_story(story_id, top=max(top * 2, 10)), self.tables.outlets(), top)

    def export_story_comparison(self, story_id: int, target: str | Path) -> Path:
        """The story comparison page as a workbook (.xlsx) or CSV file, with what each measure means."""
        from core.analysis.story_comparison import COLUMNS
        from core.export.story_comparison_export import export_story_comparison

        name = self.stories.table().set_index("id")["name"].get(story_id)
        if name is None:
            raise KeyError(f"no story {story_id}")
        return export_story_comparison(self.story_comparison_table(story_id), COLUMNS, f"Story: {name}",
                                       Path(target), self._outlet_colours())

    def summary(self, types: Iterable[str] | None = DEFAULT_TYPES) -> dict:
        """Articles and, per outlet, its entities with label and count (``summary --json``)."""
        frame = self.tables.articles_frame()
        counts = self.tables.entity_counts(types)
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
        story_of = self.tables.story_of()
        stories = [
            {"id": int(r.id), "name": r.name, "outlets": r.outlets.split(", "),
             "articles": sorted(a for a, s in story_of.items() if s == r.id)}
            for r in self.stories.table().itertuples()
        ]
        failures = self.tables.analysis_failures()
        for article in articles:
            article["story"] = int(story_of[article["id"]]) if article["id"] in story_of.index else None
            article["analysis_failure"] = failures.get(article["id"])
        return {"project": str(self.store.path), "articles": articles, "outlets": outlets, "stories": stories}


def _records(frame: pd.DataFrame, columns: list[str]) -> list[dict]:
    """Rows as JSON-ready dicts (numpy numbers made plain)."""
    out = []
    for row in frame[columns].itertuples(index=False):
        out.append({c: (v.item() if hasattr(v, "item") else v) for c, v in zip(columns, row)})
    return out
