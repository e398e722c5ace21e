"""A CSV, TSV or JSON Lines file imported a chunk of rows at a time.

Each chunk becomes articles that are stored (one transaction) before the
next is read, so memory stays bounded by the chunk whatever the file's size,
progress moves within the file, and Cancel keeps every chunk stored so far.
A row that cannot be an article (a text too long for one) is skipped and
counted; a damaged line stops the file there, and the rows before it stay.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

import pandas as pd

from core.importers.table_stream import STREAMED_SUFFIXES, table_frames
from core.importers.tables import UnmappedColumns, chunk_articles, recognise_columns
from core.model.article import Article
from core.model.import_result import ImportResult, Status, UnreadableFile, plural
from core.store.store import ProjectStore
from core.tasks import NULL_STATE, TaskState

#: Biggest table file imported (streamed: memory does not grow with it, time does).
MAX_TABLE_BYTES = 2 * 1024**3


def is_streamed(path: Path) -> bool:
    return path.suffix.lower() in STREAMED_SUFFIXES


def import_table(store: ProjectStore, path: Path, mapping: dict[str, str] | None = None, *,
                 state: TaskState = NULL_STATE,
                 store_chunk: Callable[[list[Article]], ImportResult] | None = None,
                 frames: Iterable[tuple[pd.DataFrame, float]] | None = None) -> ImportResult:
    """Import one table file; ``mapping`` (``field -> column``) when the user mapped its columns.

    ``frames``: its rows read already as ``(chunk of strings, share read)``
    (a Parquet dataset, core/distributed/sources.py) instead of from ``path``.

    ``store_chunk`` stores one chunk's articles and reports on them (by
    default :func:`core.ingest.importing.store_articles`: project outlet
    names, versions and repeats, languages no model reads). Raises
    :class:`UnmappedColumns` (nothing stored) when no column holds the text,
    :class:`UnreadableFile` when nothing could be read.
    """
    if store_chunk is None:
        from core.ingest.importing import store_articles  # importing calls this module

        def store_chunk(articles: list[Article]) -> ImportResult:
            return store_articles(store, str(path), articles)
    if frames is not None:
        return _import_frames(frames, path, mapping, state, store_chunk)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableFile(f"the file cannot be opened: {exc.strerror or exc}") from exc
    if size > MAX_TABLE_BYTES:
        raise UnreadableFile(f"the table is too large ({size // 2**20:,} MB; the limit is {MAX_TABLE_BYTES // 2**20:,} MB)")
    try:
        raw = open(path, "rb")
    except OSError as exc:
        raise UnreadableFile(f"the file cannot be read: {exc.strerror or exc}") from exc
    with raw:
        return _import_frames(table_frames(raw, path.suffix.lower()), path, mapping, state, store_chunk)


def _import_frames(frames: Iterable[tuple[pd.DataFrame, float]], path: Path, mapping: dict[str, str] | None,
                   state: TaskState, store_chunk: Callable[[list[Article]], ImportResult]) -> ImportResult:
    tally = _Tally()
    try:
        for frame, fraction in frames:
            if mapping is None:
                mapping = recognise_columns(list(frame.columns))
            _check_mapping(mapping, list(frame.columns))
            articles, problems = chunk_articles(frame, mapping, path, first_row=tally.rows + 1)
            state.check()  # cancelled while this chunk was read: it is not stored
            tally.add(len(frame), store_chunk(articles) if articles else None, articles, problems)
            state.progress(fraction, f"{path.name}: {tally.rows:,} rows read, {tally.new:,} new articles")
    except UnmappedColumns:
        raise
    except UnreadableFile as exc:
        if not tally.rows:
            raise
        tally.stopped = f"after row {tally.rows:,} the rest could not be read: {exc}"
    return tally.result(str(path))


def _check_mapping(mapping: dict[str, str], columns: list[str]) -> None:
    if "text" not in mapping and "title" not in mapping:
        raise UnmappedColumns(columns)
    unknown = [c for c in mapping.values() if c not in columns]
    if unknown:
        raise UnreadableFile(f"the table has no column {unknown[0]!r}")


class _Tally:
    """What the import of one table came to, chunk by chunk."""

    def __init__(self):
        self.rows = self.articles = 0
        self.results: list[ImportResult] = []
        self.problems: list[tuple[int, str]] = []
        self.stopped = ""

    @property
    def new(self) -> int:
        return sum(len(r.article_ids) for r in self.results)

    def add(self, rows: int, stored: ImportResult | None, articles, problems) -> None:
        self.rows += rows
        self.articles += len(articles)
        if stored is not None:
            self.results.append(stored)
        self.problems += problems

    def result(self, source: str) -> ImportResult:
        if not self.articles and not self.problems and not self.stopped:
            raise UnreadableFile("the table has no rows" if not self.rows else "every row of the table is empty")
        notes = []
        if self.problems:
            row, why = self.problems[0]
            notes.append(f"{plural(len(self.problems), 'row')} skipped (row {row:,}: {why})")
        if self.stopped:
            notes.append(self.stopped)
        ids = tuple(i for r in self.results for i in r.article_ids)
        fields = dict(titles=tuple(t for r in self.results for t in r.titles),
                      versions=tuple(v for r in self.results for v in r.versions),
                      repeats=tuple(v for r in self.results for v in r.repeats),
                      not_analysed=tuple(v for r in self.results for v in r.not_analysed), read=self.articles)
        message = self._stored_message()
        if notes:
            message = f"{message} ({'; '.join(notes)})" if message else "; ".join(notes)
        if not ids:
            status = Status.DUPLICATE if self.results and not notes else Status.FAILED
            return ImportResult(source, status, message or "no new article", (), **fields)
        return ImportResult(source, Status.IMPORTED, message, ids, **fields)

    def _stored_message(self) -> str:
        """One chunk's own report; for several, the articles, versions and repeats counted together."""
        if len(self.results) == 1:
            return self.results[0].message
        parts = [plural(self.new, "article")] if self.new else []
        versions = sum(len(r.versions) for r in self.results)
        repeats = sum(len(r.repeats) for r in self.results)
        unread = sum(len(r.not_analysed) for r in self.results)
        if versions:
            parts.append(f"{plural(versions, 'version')} of articles kept and linked")
        if repeats:
            parts.append(f"{repeats:,} already in the project")
        if unread:
            parts.append(f"{plural(unread, 'article')} in a language no installed model reads")
        return "; ".join(parts)
