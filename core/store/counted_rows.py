"""Entity mentions counted per article, kept in the project file.

A big project opens from these counts (a third of the mention rows, and no
name resolution) instead of resolving every mention again. They are valid
for one *stamp*: the mention generation, which a trigger bumps whenever a
mention is added or removed, and the fingerprint of the alias table they
were counted with (the user's merges and the default list).
"""

from __future__ import annotations

import sqlite3

import pandas as pd

from core.store.store import ProjectStore

GENERATION_KEY = "mention_generation"
STAMP_KEY = "counted_mentions_stamp"
COLUMNS = ["article_id", "entity", "label", "n"]


def stamp(store: ProjectStore, aliases_fingerprint: str) -> str:
    """What counts made now would be valid for."""
    return f"{store.get_meta(GENERATION_KEY, '0')}:{aliases_fingerprint}"


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


def clear(db: sqlite3.Connection) -> None:
    """Forget the counts inside a writing transaction (deleting articles makes them stale anyway):
    an empty table also makes the deletion quick, as SQLite need not search it for each article."""
    db.execute("DELETE FROM counted_mentions")
    db.execute("DELETE FROM counted_entities")
    db.execute("DELETE FROM meta WHERE key = ?", (STAMP_KEY,))


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
