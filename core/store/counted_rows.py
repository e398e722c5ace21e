"""Entity mentions counted per article, kept in the project file.

A big project opens from these counts (a third of the mention rows, and no
name resolution) instead of resolving every mention again. They are valid
for one *stamp*: the mention generation, which a trigger bumps whenever a
mention is added or removed, and the fingerprint of the alias table they
were counted with (the user's merges and the default list).

A million-article project is never read whole to open: the entity × outlet
table of the whole project is kept beside the counts (for its own stamp),
and the views read the counts of a story's articles or of a few entities
(:func:`part`) and each article's total (:func:`article_totals`) by index.
"""

from __future__ import annotations

import sqlite3
from typing import Iterable

import pandas as pd

from core.store.store import ProjectStore

GENERATION_KEY = "mention_generation"
STAMP_KEY = "counted_mentions_stamp"
OUTLETS_STAMP_KEY = "counted_outlets_stamp"
COLUMNS = ["article_id", "entity", "label", "n"]
OUTLET_COLUMNS = ["entity", "label", "outlet", "mentions", "per_1000_words", "articles", "share_of_articles"]
#: Bound parameters per query: far below SQLite's limit.
_MAX_PARAMS = 900
#: The schema that keeps the entity × outlet table and indexes the counts (core/store/store.py).
_PARTS_SCHEMA = 9


def stamp(store: ProjectStore, aliases_fingerprint: str) -> str:
    """What counts made now would be valid for."""
    return f"{store.get_meta(GENERATION_KEY, '0')}:{aliases_fingerprint}"


def stored_stamp(store: ProjectStore) -> str | None:
    """The stamp the stored counts were made for (None: none stored)."""
    return store.get_meta(STAMP_KEY, None)


def load(store: ProjectStore, wanted: str) -> pd.DataFrame | None:
    """``article_id, entity, label, n`` if counts for ``wanted`` are stored, else None."""
    with store.reading() as db:  # one snapshot: counts and stamp together
        if db.execute("SELECT value FROM meta WHERE key = ?", (STAMP_KEY,)).fetchone() != (wanted,):
            return None
        entities = pd.read_sql_query("SELECT id, entity, label FROM counted_entities ORDER BY id", db)
        counts = pd.read_sql_query("SELECT article_id, entity_id, n FROM counted_mentions", db)
    position = pd.Index(entities["id"]).get_indexer(counts["entity_id"])
    return pd.DataFrame({
        "article_id": counts["article_id"],
        "entity": entities["entity"].to_numpy()[position],
        "label": entities["label"].to_numpy()[position],
        "n": counts["n"].astype("int64"),
    })


def part(store: ProjectStore, *, article_ids: Iterable[str] | None = None,
         entities: Iterable[str] | None = None) -> pd.DataFrame:
    """``article_id, entity, label, n`` of some articles or some entities, in stored order, from
    whatever counts are stored (the caller's view was loaded from them; a recount reloads it)."""
    if (article_ids is None) == (entities is None):
        raise ValueError("give article_ids or entities")
    where, values = ("m.article_id", article_ids) if article_ids is not None else ("e.entity", entities)
    keys = list(dict.fromkeys(values or ()))
    parts = [pd.DataFrame({"_row": pd.Series(dtype="int64"), "article_id": pd.Series(dtype="str"),
                           "entity": pd.Series(dtype=object), "label": pd.Series(dtype=object),
                           "n": pd.Series(dtype="int64")})]
    for chunk in (keys[i:i + _MAX_PARAMS] for i in range(0, len(keys), _MAX_PARAMS)):
        with store.reading() as db:
            parts.append(pd.read_sql_query(
                "SELECT m.rowid AS _row, m.article_id, e.entity, e.label, m.n FROM counted_mentions m "
                f"JOIN counted_entities e ON e.id = m.entity_id WHERE {where} IN ({', '.join('?' * len(chunk))})",
                db, params=tuple(chunk)))
    rows = pd.concat(parts, ignore_index=True).sort_values("_row", kind="stable") if len(parts) > 1 else parts[0]
    rows = rows.astype({"entity": object, "label": object, "n": "int64"})  # as :func:`load` gives them
    return rows[COLUMNS].reset_index(drop=True)


def article_totals(store: ProjectStore, labels: Iterable[str] | None) -> pd.Series:
    """Counted mentions per article id of entities with these labels (None: every label);
    articles without any are left out."""
    sql = "SELECT m.article_id, SUM(m.n) FROM counted_mentions m"
    params: tuple[str, ...] = ()
    with store.reading() as db:
        stored = {row[0] for row in db.execute("SELECT DISTINCT label FROM counted_entities")}
        if labels is not None and not stored <= set(labels):  # else every row counts: no join (half the time)
            params = tuple(labels)
            sql += f" JOIN counted_entities e ON e.id = m.entity_id WHERE e.label IN ({', '.join('?' * len(params))})"
        rows = db.execute(sql + " GROUP BY m.article_id", params).fetchall()
    ids, totals = zip(*rows) if rows else ((), ())
    return pd.Series(totals, index=pd.Index(ids, dtype=object), dtype="int64")


def labels(store: ProjectStore) -> pd.Series:
    """Each counted entity's label by name (its first, as the counts were stored)."""
    with store.reading() as db:
        rows = db.execute("SELECT entity, label FROM counted_entities ORDER BY id").fetchall()
    frame = pd.DataFrame(rows, columns=["entity", "label"], dtype=object)
    return frame.drop_duplicates("entity").set_index("entity")["label"]


def load_outlets(store: ProjectStore, wanted: str) -> pd.DataFrame | None:
    """The stored entity × outlet table if it was made for ``wanted``, else None."""
    if store.schema_version < _PARTS_SCHEMA:  # a read-only project of an older schema keeps none
        return None
    with store.reading() as db:
        if db.execute("SELECT value FROM meta WHERE key = ?", (OUTLETS_STAMP_KEY,)).fetchone() != (wanted,):
            return None
        table = pd.read_sql_query(f"SELECT {', '.join(OUTLET_COLUMNS)} FROM counted_outlets ORDER BY rowid", db)
    return table.astype({"mentions": "int64", "articles": "int64"})


def save_outlets(store: ProjectStore, table: pd.DataFrame, made_for: str) -> None:
    """Keep the entity × outlet table of the whole project for the stamp ``made_for``."""
    if store.read_only or store.schema_version < _PARTS_SCHEMA:
        return
    rows = table[OUTLET_COLUMNS].astype(object).itertuples(index=False, name=None)
    with store.transaction() as db:
        db.execute("DELETE FROM counted_outlets")
        db.executemany(f"INSERT INTO counted_outlets({', '.join(OUTLET_COLUMNS)}) "
                       f"VALUES ({', '.join('?' * len(OUTLET_COLUMNS))})", rows)
        db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (OUTLETS_STAMP_KEY, made_for))


def clear(db: sqlite3.Connection) -> None:
    """Forget the counts inside a writing transaction (deleting articles makes them stale anyway):
    an empty table also makes the deletion quick, as SQLite need not search it for each article."""
    db.execute("DELETE FROM counted_mentions")
    db.execute("DELETE FROM counted_entities")
    db.execute("DELETE FROM meta WHERE key IN (?, ?)", (STAMP_KEY, OUTLETS_STAMP_KEY))
    db.execute("DELETE FROM counted_outlets")  # a writable project has the current schema


def save(store: ProjectStore, counts: pd.DataFrame, made_for: str) -> bool:
    """Replace the stored counts; False (nothing written) if mentions changed since ``made_for``."""
    generation = made_for.split(":", 1)[0]
    codes, entities = pd.factorize(pd.MultiIndex.from_arrays([counts["entity"], counts["label"]]))
    with store.transaction() as db:
        if db.execute("SELECT value FROM meta WHERE key = ?", (GENERATION_KEY,)).fetchone() != (generation,):
            return False
        db.execute("DELETE FROM counted_mentions")
        db.execute("DELETE FROM counted_entities")
        db.executemany("INSERT INTO counted_entities(id, entity, label) VALUES (?, ?, ?)",
                       [(i, entity, label) for i, (entity, label) in enumerate(entities)])
        db.executemany("INSERT INTO counted_mentions(article_id, entity_id, n) VALUES (?, ?, ?)",
                       zip(counts["article_id"], codes.tolist(), counts["n"].astype(int).tolist()))
        db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (STAMP_KEY, made_for))
    return True
