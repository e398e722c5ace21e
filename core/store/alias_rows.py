"""The project's own alias table: the user's merges, renames and splits of entities."""

from __future__ import annotations

from core.store.store import ProjectStore
from core.text.names import AliasTable, alias_key


def load(store: ProjectStore) -> list[tuple[str, str, str]]:
    """``(alias, canonical, label)`` rows in the order they were made."""
    with store.reading() as db:
        return db.execute("SELECT alias, canonical, label FROM entity_aliases ORDER BY rowid").fetchall()


def apply(table: AliasTable, rows: list[tuple[str, str, str]]) -> AliasTable:
    """The default table with the project's rows on top (a copy)."""
    merged = table.copy()
    for alias, canonical, label in rows:
        merged.add(alias, canonical, label)
    return merged


def save(store: ProjectStore, alias: str, canonical: str, label: str = "") -> None:
    with store.transaction() as db:
        db.execute(
            "INSERT OR REPLACE INTO entity_aliases(alias_key, alias, canonical, label) VALUES (?, ?, ?, ?)",
            (alias_key(alias), alias, canonical, label),
        )


def delete(store: ProjectStore, alias: str) -> None:
    """Forget the user's row for ``alias`` (undo of a merge, rename or split)."""
    with store.transaction() as db:
        db.execute("DELETE FROM entity_aliases WHERE alias_key = ?", (alias_key(alias),))
