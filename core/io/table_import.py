"""A CSV, TSV or JSON Lines file imported a chunk of rows at a time.

Each chunk becomes articles that are stored (one transaction) before the
next is read, so memory stays bounded by the chunk whatever the file's size,
progress moves within the file, and Cancel keeps every chunk stored so far.
A row that cannot be an article (a text too long for one) is skipped and
counted; a damaged line stops the file there, and the rows before it stay.
"""

from __future__ import annotations

from pathlib import Path

from core.io.copy_index import add_new_articles
from core.io.importers.table_stream import STREAMED_SUFFIXES, table_frames
from core.io.importers.tables import UnmappedColumns, chunk_articles, recognise_columns
from core.io.store import ProjectStore
from core.model.import_result import ImportResult, Status, UnreadableFile
from core.tasks import NULL_STATE, TaskState

#: Biggest table file imported (streamed: memory does not grow with it, time does).
MAX_TABLE_BYTES = 2 * 1024**3


def is_streamed(path: Path) -> bool:
    return path.suffix.lower() in STREAMED_SUFFIXES


def import_table(store: ProjectStore, path: Path, mapping: dict[str, str] | None = None, *,
                 state: TaskState = NULL_STATE) -> ImportResult:
    """Import one table file; ``mapping`` (``field -> column``) when the user mapped its columns.

    Raises :class:`UnmappedColumns` (nothing stored) when no column holds
    the text, :class:`UnreadableFile` when nothing could be read.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableFile(f"the file cannot be opened: {exc.strerror or exc}") from exc
    if size > MAX_TABLE_BYTES:
        raise UnreadableFile(f"the table is too large ({size // 2**20:,} MB; the limit is {MAX_TABLE_BYTES // 2**20:,} MB)")
    tally = _Tally()
    try:
        raw = open(path, "rb")
    except OSError as exc:
        raise UnreadableFile(f"the file cannot be read: {exc.strerror or exc}") from exc
    with raw:
        try:
            for frame, fraction in table_frames(raw, path.suffix.lower()):
                if mapping is None:
                    mapping = recognise_columns(list(frame.columns))
                _check_mapping(mapping, list(frame.columns))
                articles, problems = chunk_articles(frame, mapping, path, first_row=tally.rows + 1)
                state.check()  # cancelled while this chunk was read: it is not stored
                tally.add(len(frame), add_new_articles(store, articles), articles, problems)
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
        self.rows = self.articles = self.new = 0
        self.ids: list[str] = []
        self.problems: list[tuple[int, str]] = []
        self.stopped = ""

    def add(self, rows: int, added: list[bool], articles, problems) -> None:
        self.rows += rows
        self.articles += len(articles)
        self.ids += [a.id for a, ok in zip(articles, added) if ok]
        self.new = len(self.ids)
        self.problems += problems

    def result(self, source: str) -> ImportResult:
        if not self.articles and not self.problems and not self.stopped:
            raise UnreadableFile("the table has no rows" if not self.rows else "every row of the table is empty")
        if self.articles and not self.new and not self.problems and not self.stopped:
            what = "this article is" if self.articles == 1 else f"all {self.articles:,} articles are"
            return ImportResult(source, Status.DUPLICATE, f"{what} already in the project")
        notes = []
        if self.articles > self.new:
            notes.append(f"{self.articles - self.new:,} already in the project")
        if self.problems:
            row, why = self.problems[0]
            notes.append(f"{len(self.problems):,} row{'s' if len(self.problems) != 1 else ''} skipped "
                         f"(row {row:,}: {why})")
        if self.stopped:
            notes.append(self.stopped)
        detail = f" ({'; '.join(notes)})" if notes else ""
        if not self.new:
            return ImportResult(source, Status.FAILED, f"no new article{detail}")
        return ImportResult(source, Status.IMPORTED, f"{self.new:,} article{'s' if self.new != 1 else ''}{detail}",
                            tuple(self.ids))
