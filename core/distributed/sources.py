"""What ``analyse --engine dask`` imports first: files and folders as the desktop does, and Parquet datasets.

Files, folders, archives and big CSV/JSON Lines exports go through the desktop
import (tables streamed a chunk at a time, core/ingest/table_import.py). A
Parquet file, or a folder of them (a dataset, hive-partitioned or not), is
read a record batch at a time and imported like a table's chunks: memory
stays bounded by the batch whatever the dataset's size.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from core.importers.table_stream import CHUNK_ROWS, records_frame
from core.ingest.importing import finish_import, store_articles
from core.ingest.table_import import import_table
from core.model.import_result import ImportResult, Status, UnreadableFile
from core.importers.tables import UnmappedColumns
from core.project import Project
from core.tasks import NULL_STATE, TaskState


def is_parquet(path: Path) -> bool:
    """A Parquet file, or a folder holding only Parquet files (and no other articles)."""
    if path.is_file():
        return path.suffix.lower() == ".parquet"
    files = [p for p in path.rglob("*") if p.is_file() and not p.name.startswith((".", "_"))] if path.is_dir() else []
    return bool(files) and all(p.suffix.lower() == ".parquet" for p in files)


def import_sources(project: Project, paths: list[Path], *, state: TaskState = NULL_STATE) -> list[ImportResult]:
    """Import every path: Parquet datasets here, the rest as the desktop imports them."""
    datasets = [p for p in paths if is_parquet(p)]
    rest = [p for p in paths if p not in datasets]
    results = project.import_paths(rest, state=state.sub(0.0, 0.5)) if rest else []
    for index, path in enumerate(datasets):
        step = state.sub(0.5 + 0.5 * index / len(datasets), 0.5 + 0.5 * (index + 1) / len(datasets))
        results.append(import_parquet(project, path, state=step))
    finish_import(project.store, [r for r in results if str(r.source) in map(str, datasets)])
    return results


def import_parquet(project: Project, path: Path, *, state: TaskState = NULL_STATE) -> ImportResult:
    """One Parquet file or dataset, a batch of rows at a time; a failure becomes the result."""
    try:
        return import_table(project.store, path, state=state, frames=parquet_frames(path),
                            store_chunk=lambda articles: store_articles(project.store, str(path), articles,
                                                                        model=project.model))
    except (UnreadableFile, UnmappedColumns) as exc:
        return ImportResult(str(path), Status.FAILED, str(exc))


def parquet_frames(path: Path, chunk_rows: int = CHUNK_ROWS) -> Iterator[tuple]:
    """``(rows as a frame of strings, share of the rows read)`` for each batch of the dataset."""
    import pyarrow.dataset as ds

    try:
        dataset = ds.dataset(path, format="parquet", partitioning="hive")
        total = dataset.count_rows()
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        raise UnreadableFile(f"this is not a readable Parquet dataset ({exc})") from exc
    read = 0
    try:
        for batch in dataset.to_batches(batch_size=chunk_rows):
            if not batch.num_rows:
                continue
            read += batch.num_rows
            yield records_frame(batch.to_pylist(), required=False), read / max(total, 1)
    except (OSError, ValueError) as exc:
        raise UnreadableFile(f"the Parquet data could not be read ({exc})") from exc
    if not read:
        raise UnreadableFile("the Parquet dataset has no rows")
