"""Deleting articles so that they can be put back exactly (Ctrl+Z, or a script).

Deleting an article cascades to every row that refers to it (analysis,
story membership, copy index, corrections: each table with a foreign key on
``articles``, found in the schema, so a table added later is covered too).
The entity counts kept for quick opening are cleared: they count the
articles there were, and are counted again on the next read. :func:`delete` keeps those rows, with their rowids, and the stories the
deletion left empty; :func:`restore` writes them back in one transaction, in
the same places, so the restored project reads exactly as before.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from core.store import counted_rows
from core.store.store import ProjectStore

#: Ids per ``IN (…)`` query: far below SQLite's limit on bound parameters.
_CHUNK = 900


@dataclass(frozen=True)
class TableRows:
    """Some rows of one table: column names (``rowid`` first) and values."""

    table: str
    columns: tuple[str, ...]
    rows: tuple[tuple, ...]


@dataclass(frozen=True)
class DeletedArticles:
    """What a deletion removed: every row as it was (articles first), and the stories left empty."""

    ids: tuple[str, ...]
    tables: tuple[TableRows, ...]
    stories: tuple[tuple[int, str, int], ...]  # id, name, user_named

    def __len__(self) -> int:
        return len(self.ids)

    def field(self, name: str) -> tuple:
        """One column of the deleted articles (``"title"``, ``"outlet"``…), in the order of :attr:`ids`."""
        articles = self.tables[0]
        at = articles.columns.index(name)
        return tuple(row[at] for row in articles.rows)


def delete(store: ProjectStore, article_ids: list[str]) -> DeletedArticles:
    """Delete the articles (ids not in the project are ignored) and everything that refers to them."""
    with store.transaction() as db:
        counted_rows.clear(db)  # counted again on the next read (the deletion changes what they count)
        articles = _rows(db, "articles", "id", list(dict.fromkeys(article_ids)))
        id_at = articles.columns.index("id")
        ids = [row[id_at] for row in articles.rows]
        tables = [articles] + [_rows(db, table, column, ids) for table, column in _referring_tables(db)]
        stories = {row[0] for row in _select(db, "SELECT DISTINCT story_id FROM story_members", "article_id", ids)}
        for chunk in _chunks(ids):
            db.execute(f"DELETE FROM articles WHERE id IN ({_marks(chunk)})", chunk)
        emptied = [s for s in sorted(stories)
                   if not db.execute("SELECT 1 FROM story_members WHERE story_id = ?", (s,)).fetchone()]
        story_rows = [tuple(r) for s in emptied
                      for r in db.execute("SELECT id, name, user_named FROM stories WHERE id = ?", (s,))]
        db.executemany("DELETE FROM stories WHERE id = ?", [(s,) for s in emptied])
    return DeletedArticles(tuple(ids), tuple(tables), tuple(story_rows))


def restore(store: ProjectStore, deleted: DeletedArticles) -> list[str]:
    """Put deleted articles back with every row that referred to them; returns the ids restored.

    An article imported again since (its id is back) is left as it is now.
    Rows return to their old rowids where those are still free, so the
    articles keep their place in import order.
    """
    with store.transaction() as db:
        present = {row[0] for row in _select(db, "SELECT id FROM articles", "id", list(deleted.ids))}
        wanted = [i for i in deleted.ids if i not in present]
        db.executemany("INSERT OR IGNORE INTO stories(id, name, user_named) VALUES (?, ?, ?)", deleted.stories)
        for part in deleted.tables:
            key = part.columns.index("id" if part.table == "articles" else _article_column(db, part.table))
            _insert(db, part, [row for row in part.rows if row[key] not in present])
    return wanted


def _referring_tables(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """``(table, column)`` of every table whose column refers to ``articles(id)``."""
    found = []
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid").fetchall():
        column = _article_column(db, table)
        if column:
            found.append((table, column))
    return found


def _article_column(db: sqlite3.Connection, table: str) -> str | None:
    for key in db.execute(f"PRAGMA foreign_key_list({table})").fetchall():
        if key[2] == "articles":  # id, seq, table, from, to, ...
            return key[3]
    return None


def _rows(db: sqlite3.Connection, table: str, column: str, ids: list[str]) -> TableRows:
    cursor_rows, columns = [], None
    for chunk in _chunks(ids):
        cursor = db.execute(f"SELECT rowid AS rowid, * FROM {table} WHERE {column} IN ({_marks(chunk)}) ORDER BY rowid",
                            chunk)
        columns = tuple(d[0] for d in cursor.description)
        cursor_rows += [tuple(r) for r in cursor.fetchall()]
    if columns is None:
        columns = ("rowid", *(c[1] for c in db.execute(f"PRAGMA table_info({table})").fetchall()))
    return TableRows(table, columns, tuple(sorted(cursor_rows, key=lambda r: r[0])))


def _insert(db: sqlite3.Connection, part: TableRows, rows: list[tuple]) -> None:
    """Insert rows at their old rowids; a rowid taken since gets a new one (after the others, so that
    a new rowid never takes the old one of a row still to come)."""
    taken = {r[0] for r in _select(db, f"SELECT rowid FROM {part.table}", "rowid", [row[0] for row in rows])}
    sql = f"INSERT INTO {part.table}({', '.join(part.columns)}) VALUES ({', '.join('?' * len(part.columns))})"
    db.executemany(sql, [row for row in rows if row[0] not in taken])
    db.executemany(sql, [(None, *row[1:]) for row in rows if row[0] in taken])


def _select(db: sqlite3.Connection, sql: str, column: str, values: list) -> list[tuple]:
    found = []
    for chunk in _chunks(values):
        found += db.execute(f"{sql} WHERE {column} IN ({_marks(chunk)})", chunk).fetchall()
    return found


def _chunks(values: list) -> list[list]:
    return [list(values[i:i + _CHUNK]) for i in range(0, len(values), _CHUNK)]


def _marks(chunk: list) -> str:
    return ", ".join("?" * len(chunk))
