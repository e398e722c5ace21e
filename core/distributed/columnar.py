"""Article analyses as columnar tables (pyarrow), and back.

One partition's outcomes become one table per store table (the rows
``ProjectStore.save_analyses`` writes) plus ``outcomes``: one row per article,
analysed or failed. Reading them back gives the same
:class:`~core.model.analysis.ArticleAnalysis` records, so the store's own bulk
write saves them exactly as the desktop path does.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, NamedTuple

from core.model.analysis import AnalysisFailure, ArticleAnalysis

#: Columns of each table, after ``article_id`` (the same as the store's tables).
COLUMNS = {
    "outcomes": ("text_hash", "model", "reason"),  # reason is None for an analysed article
    "mentions": ("start", "end", "text", "label", "name"),
    "sentences": ("start", "end"),
    "terms": ("term", "kind", "count", "surface"),
    "quotes": ("start", "end", "text", "kind", "speaker", "speaker_text", "speaker_start", "verb", "source_type"),
    "descriptors": ("name", "descriptor", "kind", "start", "end"),
}
TABLES = tuple(COLUMNS)


class StoredQuote(NamedTuple):
    """A quote as the store keeps it (the fields ``save_analyses`` reads of a ``core.nlp.quotes.Quote``)."""

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_text: str | None
    speaker_start: int | None
    verb: str | None
    source_type: str


def to_tables(outcomes: Iterable[ArticleAnalysis | AnalysisFailure]) -> dict:
    """``table name -> pyarrow.Table`` for a partition's outcomes, rows in article order."""
    import pyarrow as pa

    rows: dict[str, list[tuple]] = {name: [] for name in TABLES}
    for o in outcomes:
        if isinstance(o, AnalysisFailure):
            rows["outcomes"].append((o.article_id, o.text_hash, o.model, o.reason))
            continue
        rows["outcomes"].append((o.article_id, o.text_hash, o.model, None))
        rows["mentions"] += [(o.article_id, *m) for m in o.mentions]
        rows["sentences"] += [(o.article_id, s, e) for s, e in o.sentences]
        rows["terms"] += [(o.article_id, *t) for t in o.terms]
        rows["quotes"] += [(o.article_id, q.start, q.end, q.text, q.kind, q.speaker, q.speaker_text, q.speaker_start,
                            q.verb, q.source_type) for q in o.quotes]
        rows["descriptors"] += [(o.article_id, *d) for d in o.descriptors]
    return {name: pa.Table.from_pydict(_columns(name, table_rows), schema=schema(name))
            for name, table_rows in rows.items()}


def _columns(name: str, rows: list[tuple]) -> dict[str, list]:
    names = ("article_id", *COLUMNS[name])
    return {column: [row[i] for row in rows] for i, column in enumerate(names)}


def schema(name: str):
    """The Arrow schema of one table: integers for offsets and counts, strings else."""
    import pyarrow as pa

    ints = {"start", "end", "count", "speaker_start"}
    return pa.schema([("article_id", pa.string())]
                     + [(c, pa.int64() if c in ints else pa.string()) for c in COLUMNS[name]])


def from_tables(tables: dict) -> list[ArticleAnalysis | AnalysisFailure]:
    """The outcomes the tables hold, in the order of ``outcomes``."""
    by_article: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for name in TABLES[1:]:
        for row in _rows(tables[name]):
            by_article[row[0]][name].append(row[1:])
    out: list[ArticleAnalysis | AnalysisFailure] = []
    for article_id, text_hash, model, reason in _rows(tables["outcomes"]):
        if reason is not None:
            out.append(AnalysisFailure(article_id, text_hash, model, reason))
            continue
        rows = by_article.get(article_id, {})
        out.append(ArticleAnalysis(
            article_id, text_hash, model,
            mentions=list(rows.get("mentions", [])),
            sentences=list(rows.get("sentences", [])),
            terms=list(rows.get("terms", [])),
            quotes=[StoredQuote(*q) for q in rows.get("quotes", [])],
            descriptors=list(rows.get("descriptors", [])),
        ))
    return out


def _rows(table) -> list[tuple]:
    columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
    return list(zip(*columns))
