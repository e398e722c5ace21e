"""What goes into the workbook: one :class:`SheetSpec` per table, and the data they share.

Adding a sheet is one entry in :data:`core.export.excel_specs.SHEETS`: a title, an Excel table name,
a function from :class:`ExportData` to a DataFrame (or to chunks of one, for
tables too long to build at once) and the formats of its columns. A spec
whose ``requires`` names a :class:`~core.project.Project` method that does
not exist yet is skipped, so sheets for later analyses can be listed now.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, Iterable, Iterator, Mapping

import pandas as pd

from core.analysis.entities import coverage_split, entity_outlet_table
from core.export.excel_context import SentenceIndex
from core.model.article import META_FIELDS

ARTICLE_CHUNK = 500


class ExportData:
    """The project's tables for one export: all articles or a selection, one set of entity types."""

    def __init__(self, project, types: Iterable[str], article_ids: Iterable[str] | None = None):
        self.project = project
        self.types = tuple(types)
        self.article_ids = None if article_ids is None else list(dict.fromkeys(article_ids))
        self._cache: dict[str, object] = {}

    @property
    def selected(self) -> bool:
        return self.article_ids is not None

    @cached_property
    def articles(self) -> pd.DataFrame:
        frame = self.project.articles_frame()
        if self.selected:
            frame = frame[frame["id"].isin(self.article_ids)].reset_index(drop=True)
        return frame

    @cached_property
    def outlets(self) -> list[str]:
        return sorted(self.articles["outlet"].unique())

    @cached_property
    def outlet_colours(self) -> dict[str, str]:
        """``#rrggbb`` per outlet: the project's own (as in the window), else assigned afresh."""
        from core import outlet_colours

        kept = self.project.outlet_colours() if hasattr(self.project, "outlet_colours") else {}
        return outlet_colours.assign(kept, self.outlets)

    @cached_property
    def mentions(self) -> pd.DataFrame:
        ids = list(self.articles["id"]) if self.selected else None
        return self.project.mentions(self.types, ids)

    # The same functions as Project.entity_table / Project.coverage, fed the mentions read
    # above: on a million mentions, asking the project would build the mentions table
    # twice more (about 350 MB each).
    @cached_property
    def entity_table(self) -> pd.DataFrame:
        return entity_outlet_table(self.articles, self.mentions)

    @cached_property
    def coverage(self) -> pd.DataFrame:
        return coverage_split(self.entity_table, self.outlets)

    @cached_property
    def matrix(self) -> pd.DataFrame:
        """Entity × outlet mentions, the most mentioned entity first."""
        table, outlets = self.entity_table, self.outlets
        columns = ["Entity", "Label", *outlets, "Total"]
        if table.empty:
            return pd.DataFrame({c: pd.Series(dtype="int64" if c not in ("Entity", "Label") else str) for c in columns})
        matrix = table.pivot_table(index=["entity", "label"], columns="outlet", values="mentions",
                                   aggfunc="sum", fill_value=0)
        matrix = matrix.reindex(columns=outlets, fill_value=0).astype("int64")
        matrix["Total"] = matrix.sum(axis=1)
        matrix = matrix.reset_index().rename(columns={"entity": "Entity", "label": "Label"})
        matrix = matrix.sort_values(["Total", "Entity"], ascending=[False, True], kind="stable")
        return matrix[columns].reset_index(drop=True)

    @cached_property
    def prominence(self) -> pd.DataFrame:
        """Per entity and outlet: articles naming it in the headline, in the lead; mean first position."""
        from core.analysis.compare import prominence

        articles = self.project.store.articles(list(self.articles["id"]))
        return prominence(articles, self.mentions)

    @cached_property
    def story_of(self) -> pd.Series:
        """Story id by article id; empty before the project has stories."""
        if not hasattr(self.project, "story_of"):
            return pd.Series(dtype="int64")
        return self.project.story_of()

    @cached_property
    def stories(self) -> pd.DataFrame:
        """The stories of the exported articles."""
        if not hasattr(self.project, "stories") or self.story_of.empty:  # not grouped into stories (yet)
            return pd.DataFrame({"id": pd.Series(dtype="int64"), "name": pd.Series(dtype=object),
                                 "articles": pd.Series(dtype="int64"), "outlets": pd.Series(dtype=object),
                                 "first_date": pd.Series(dtype=object), "last_date": pd.Series(dtype=object)})
        table = self.project.stories()
        if self.selected:
            table = table[table["id"].isin(set(self.story_of.reindex(self.articles["id"]).dropna()))]
        return table.reset_index(drop=True)

    @cached_property
    def story_names(self) -> pd.Series:
        return pd.Series(self.stories["name"].to_numpy(), index=self.stories["id"].to_numpy(), dtype=object)

    def sentence_starts(self, ids: list[str]) -> dict[str, list[int]]:
        """Where the analysis found each sentence of these articles (empty before it stored sentences)."""
        try:
            sentences = self.project.store.frame("sentences", ids)
        except (AttributeError, ValueError):
            return {}
        return {a: group.tolist() for a, group in sentences.groupby("article_id")["start"]}

    def texts(self, ids: list[str]) -> dict[str, str]:
        return {a.id: a.text for a in self.project.store.articles(ids)}

    def cached(self, key: str, build: Callable[[], object]):
        """``build()`` once per export (tables several sheets share)."""
        if key not in self._cache:
            self._cache[key] = build()
        return self._cache[key]


@dataclass(frozen=True)
class SheetSpec:
    title: str
    table: str
    build: Callable[[ExportData], pd.DataFrame | Iterable[pd.DataFrame]]
    about: str
    formats: Mapping[str, str] = field(default_factory=dict)
    requires: tuple[str, ...] = ()
    row_height: float | None = None
    align_top: bool = False
    #: Rough number of rows, for progress; defaults to one.
    size: Callable[[ExportData], int] = lambda data: 1
    #: The last column printed (the ones after it stay on screen only); default: all but full texts.
    print_until: str | None = None
    #: ``write(workbook, spec, data, state)`` for a sheet that is not one table; default: one table.
    write: Callable | None = None

    def available(self, project) -> bool:
        return all(hasattr(project, name) for name in self.requires)


# -- builders ------------------------------------------------------------
ARTICLE_LABELS = {
    "id": "Article id", "outlet": "Outlet", "title": "Title", "authors": "Authors", "date": "Date",
    "story_id": "Story id", "story": "Story", "word_count": "Words", "entity_mentions": "Entity mentions",
    "shared_copy_with": "Same wire copy in",  # the last printed column
    "section": "Section", "language": "Language", "url": "URL", "source_path": "Source file",
}


def articles_sheet(data: ExportData) -> Iterator[pd.DataFrame]:
    """Metadata, where each field came from, and the text; in chunks (texts are long)."""
    frame = data.articles.copy()
    counts = data.mentions.groupby("article_id").size()
    frame["entity_mentions"] = frame["id"].map(counts).fillna(0).astype("int64")
    frame["story_id"] = frame["id"].map(data.story_of).astype("Int64")
    frame["story"] = frame["story_id"].map(data.story_names)
    for name in META_FIELDS:
        frame[f"{name}_from"] = frame["origins"].map(lambda o, n=name: str(o.get(n, "")))
    origin_labels = {f"{n}_from": f"{ARTICLE_LABELS[n]} from" for n in META_FIELDS}
    columns = [*(c for c in ARTICLE_LABELS if c in frame.columns), *origin_labels]  # older projects lack some
    frame = frame[columns].rename(columns={**ARTICLE_LABELS, **origin_labels})
    if frame.empty:
        yield frame.assign(Text=pd.Series(dtype=str))
        return
    for start in range(0, len(frame), ARTICLE_CHUNK):
        chunk = frame.iloc[start:start + ARTICLE_CHUNK]
        texts = data.texts(list(chunk["Article id"]))
        yield chunk.assign(Text=chunk["Article id"].map(texts))


MENTION_LABELS = {
    "article_id": "Article id", "title": "Article", "outlet": "Outlet", "entity": "Entity",
    "label": "Label", "text": "Mention", "context": "Context", "start": "Start", "end": "End",
}


def mentions_sheet(data: ExportData) -> Iterator[pd.DataFrame]:
    """Every counted mention with its sentence, a few hundred articles at a time."""
    order = {article_id: i for i, article_id in enumerate(data.articles["id"])}
    titles = data.articles.set_index("id")["title"]
    mentions = data.mentions.assign(_order=data.mentions["article_id"].map(order)).dropna(subset=["_order"])
    mentions = mentions.sort_values(["_order", "start"], kind="stable").reset_index(drop=True)
    if mentions.empty:
        yield pd.DataFrame(columns=list(MENTION_LABELS.values()))
        return
    bounds = mentions["_order"].searchsorted(range(0, len(order) + ARTICLE_CHUNK, ARTICLE_CHUNK))
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        if lo == hi:
            continue
        chunk = mentions.iloc[lo:hi]
        ids = list(chunk["article_id"].unique())
        starts = data.sentence_starts(ids)
        indexes = {i: SentenceIndex(t, starts.get(i)) for i, t in data.texts(ids).items()}
        context = [indexes[a].context(s, e) if a in indexes else ""
                   for a, s, e in zip(chunk["article_id"], chunk["start"], chunk["end"])]
        chunk = chunk.assign(title=chunk["article_id"].map(titles), context=context)
        yield chunk[list(MENTION_LABELS)].rename(columns=MENTION_LABELS)


ENTITY_LABELS = {
    "entity": "Entity", "label": "Label", "outlet": "Outlet", "mentions": "Mentions",
    "per_1000_words": "Per 1,000 words", "articles": "Articles", "share_of_articles": "Share of articles",
}


PROMINENCE_LABELS = {
    "in_headline": "Articles with it in the headline", "in_lead": "Articles with it in the lead",
    "first_position": "Mean first position",
}


def entities_sheet(data: ExportData) -> pd.DataFrame:
    table = data.entity_table.merge(data.prominence, on=["entity", "outlet"], how="left")
    labels = {**ENTITY_LABELS, **PROMINENCE_LABELS}
    return table.reindex(columns=list(labels)).rename(columns=labels)


COVERAGE_LABELS = {
    "entity": "Entity", "label": "Label", "outlets_naming": "Outlets naming it", "named_by": "Named by",
    "only_outlet": "Only outlet", "outlets": "Outlets",
}


def coverage_sheet(data: ExportData) -> pd.DataFrame:
    return data.coverage.reindex(columns=list(COVERAGE_LABELS)).rename(columns=COVERAGE_LABELS)


ARTICLES = SheetSpec(
    "Articles", "Articles", articles_sheet,
    "One row per article: metadata, its story, the other outlets that ran the same wire copy, where each "
    "field came from (file, extracted, guessed, edited, default), word and mention counts, and the full text.",
    formats={"Article id": "id", "Title": "wrap", "Date": "date", "Words": "count", "Text": "longtext",
             "Source file": "wrap", "Story": "wrap", "Same wire copy in": "wrap"},
    align_top=True,
    size=lambda data: 4 * len(data.articles),
    print_until="Same wire copy in",
)

ENTITY_MENTIONS = SheetSpec(
    "Entity mentions", "EntityMentions", mentions_sheet,
    "Every counted entity mention: article, outlet, canonical entity and type, the words as written, "
    "the sentence around it, and character offsets into the article text.",
    formats={"Article id": "id", "Context": "line", "Start": "offset", "End": "offset"},
    size=lambda data: len(data.mentions),
)

ENTITIES_BY_OUTLET = SheetSpec(
    "Entities by outlet", "EntitiesByOutlet", entities_sheet,
    "Long form: per entity and outlet, mentions, mentions per 1,000 words of that outlet, "
    "articles naming it and their share of the outlet's articles; how many of those articles name it "
    "in the headline or the lead, and where it first appears (0% = first word, 100% = last).",
    formats={"Per 1,000 words": "rate", "Share of articles": "percent", "Mean first position": "percent"},
    size=lambda data: len(data.entity_table),
)

ENTITY_MATRIX = SheetSpec(
    "Entity matrix", "EntityMatrix", lambda data: data.matrix,
    "Entity × outlet matrix of mentions, most mentioned first (the chart's data).",
    size=lambda data: len(data.matrix),
)

COVERAGE = SheetSpec(
    "Coverage", "Coverage", coverage_sheet,
    "Per entity: how many outlets name it, and whether all, some or only one of them do.",
    formats={"Outlets": "wrap"},
    align_top=True,
    size=lambda data: len(data.coverage),
)
