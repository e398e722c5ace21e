"""Tables kept in the project file as they were made, so that a big project opens without making them again.

The window's tables of a million articles take some 15 s to make from the
project's rows (reading a million rows through SQLite is most of it) and
under 2 s to decode from one compressed blob. A snapshot is valid for one
*stamp*, which its maker builds from the view generation (bumped by a
trigger on every change of :data:`~core.store.store.VIEW_SOURCE_TABLES`)
and whatever else the tables depend on; a stale one is never read.

Written as JSON (columns of plain values, with their dtypes), compressed:
nothing in a project file can run code when it is opened.
"""

from __future__ import annotations

import json
import sqlite3
import zlib

import pandas as pd

from core.store.store import ProjectStore

GENERATION_KEY = "view_generation"
#: The schema from which projects have the table (core/store/store.py).
_SCHEMA = 9
#: Values per JSON array: each is parsed in a few milliseconds.
_PIECE = 20_000
#: Seconds a snapshot's write waits for another writer (an import of a big table holds the file for
#: minutes): a snapshot is only a shortcut, and the tables it would keep were just shown anyway.
_WRITE_WAIT = 0.5


def generation(store: ProjectStore) -> str:
    """The view generation now (read before making the tables a snapshot will keep)."""
    return store.get_meta(GENERATION_KEY, "")


def load(store: ProjectStore, name: str, stamp: str) -> dict[str, pd.DataFrame] | None:
    """The frames kept as ``name`` if they were kept for ``stamp``, else None."""
    if store.schema_version < _SCHEMA:
        return None
    with store.reading() as db:
        row = db.execute("SELECT stamp, data FROM frame_snapshots WHERE name = ?", (name,)).fetchone()
    if row is None or row[0] != stamp:
        return None
    try:
        return decode(row[1])
    except (ValueError, KeyError, TypeError, zlib.error):  # damaged: made again, as if missing
        return None


def save(store: ProjectStore, name: str, stamp: str, frames: dict[str, pd.DataFrame]) -> bool:
    """Keep ``frames`` as ``name`` for ``stamp``; False (nothing written) if the file is read-only or busy."""
    if store.read_only or store.schema_version < _SCHEMA:
        return False
    try:
        data = encode(frames)
    except (TypeError, ValueError):  # a value JSON cannot hold (UnicodeEncodeError is one): made again next time
        return False
    db = sqlite3.connect(store.path, timeout=_WRITE_WAIT, isolation_level=None)
    try:
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT OR REPLACE INTO frame_snapshots(name, stamp, data) VALUES (?, ?, ?)", (name, stamp, data))
        db.execute("COMMIT")
        return True
    except sqlite3.OperationalError:  # locked by a long write: made again next time
        return False
    finally:
        db.close()


def encode(frames: dict[str, pd.DataFrame]) -> bytes:
    """One compressed blob: a JSON header naming each frame's columns and dtypes, then each column's
    values as JSON arrays of at most :data:`_PIECE` values."""
    header: dict[str, list] = {}
    pieces: list[bytes] = []
    for name, frame in frames.items():
        header[name] = []
        for column in frame.columns:
            values = frame[column]
            kept = values.astype(object).where(values.notna(), None).tolist()
            parts = [json.dumps(kept[i:i + _PIECE], ensure_ascii=False).encode("utf-8")
                     for i in range(0, len(kept), _PIECE)]
            missing = values[values.isna()]  # None and NaN are both JSON's null: which one, kept for object columns
            nan = values.dtype == object and len(missing) > 0 and all(isinstance(v, float) for v in missing)
            header[name].append({"name": str(column), "dtype": str(values.dtype), "pieces": [len(p) for p in parts],
                                 "nan": nan})
            pieces += parts
    head = json.dumps(header).encode("utf-8")
    return zlib.compress(len(head).to_bytes(8, "big") + head + b"".join(pieces), 1)


def decode(data: bytes) -> dict[str, pd.DataFrame]:
    """The frames of :func:`encode`. Each piece is parsed alone: a worker thread decoding a million
    rows never holds the GIL (and so the window) for more than milliseconds at a time."""
    raw = memoryview(zlib.decompress(data))
    size = int.from_bytes(raw[:8], "big")
    at = 8 + size
    frames = {}
    for name, columns in json.loads(bytes(raw[8:at])).items():
        made = {}
        for column in columns:
            values: list = []
            for length in column["pieces"]:
                values += json.loads(bytes(raw[at:at + length]))
                at += length
            made[column["name"]] = _column(values, column["dtype"], column.get("nan", False))
        frames[name] = pd.DataFrame(made)
    return frames


def _column(values: list, dtype: str, nan: bool) -> pd.Series:
    column = pd.Series(values, dtype=object)
    if dtype != "object":
        return column.astype(dtype)
    return column.where(column.notna(), float("nan")) if nan else column
