"""The hash of each article's analysed text, kept in the project, so that what needs analysis is a query.

The store writes ``articles.text_hash`` with every article it adds or
changes (text or boilerplate). Rows from before schema 10 have none:
:func:`fill` hashes them once, a few hundred texts at a time, and saves
them. A read-only project cannot save them, so :func:`stale_ids` hashes
them in memory, a chunk at a time, every time it is asked.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Callable, Iterator

from core.model.article import Article, content_hash
from core.store.store import ProjectStore

#: Texts read (and hashes saved) at a time: as many as ``ProjectStore.articles`` reads at once.
CHUNK = 500
#: Ids per ``IN (…)`` query: far below SQLite's limit on bound parameters.
_MAX_PARAMS = 900

#: One row per article with a stored hash whose analysis (or failure) is not of that hash with its
#: language's analysis key. ``keys`` is a ``VALUES`` list of ``(language, key)``; a NULL key: not current.
_STALE = """
WITH keys(language, key) AS (VALUES {values})
SELECT a.rowid, a.id FROM articles AS a
LEFT JOIN keys AS k ON k.language = a.language
LEFT JOIN analyses AS d ON d.article_id = a.id
LEFT JOIN analysis_failures AS f ON f.article_id = a.id
WHERE a.text_hash IS NOT NULL AND NOT (k.key IS NOT NULL AND (
    (d.text_hash IS a.text_hash AND d.model IS k.key) OR (f.text_hash IS a.text_hash AND f.model IS k.key)))
"""


def stale_ids(store: ProjectStore, key_of: Callable[[str], str | None]) -> list[str]:
    """Ids, in import order, of the articles whose analysis is missing or stale.

    An article is current when its analysis, or its failure, was made on its
    analysed text as it is now, with the analysis key ``key_of(language)``;
    without a key (no model reads its language) it never is. A writable
    project gets the hashes it lacks saved first.
    """
    if not store.read_only:
        fill(store)
    keys = {language: key_of(language) for language in languages(store)}
    if not keys:
        return []
    found = _stale_hashed(store, keys) + _stale_unhashed(store, keys)
    return [article_id for _, article_id in sorted(found)]


def languages(store: ProjectStore) -> list[str]:
    """The distinct languages of the project's articles (a few)."""
    with store.reading() as db:
        return [row[0] for row in db.execute("SELECT DISTINCT language FROM articles")]


def fill(store: ProjectStore) -> int:
    """Hash and save the analysed texts the project has no hash of, a chunk a transaction; how many."""
    filled = 0
    for chunk in _unhashed(store):
        with store.transaction() as db:  # an article changed since it was read has its new hash already
            db.executemany("UPDATE articles SET text_hash = ? WHERE rowid = ? AND text_hash IS NULL",
                           [(text_hash, rowid) for rowid, _, _, text_hash in chunk])
        filled += len(chunk)
    return filled


def _stale_hashed(store: ProjectStore, keys: dict[str, str | None]) -> list[tuple[int, str]]:
    """``(rowid, id)`` of the stale articles among those with a stored hash."""
    if not _has_hashes(store):
        return []
    sql = _STALE.format(values=", ".join("(?, ?)" for _ in keys))
    params = tuple(value for pair in keys.items() for value in pair)
    with store.reading() as db:
        return [(row[0], row[1]) for row in db.execute(sql, params)]


def _stale_unhashed(store: ProjectStore, keys: dict[str, str | None]) -> list[tuple[int, str]]:
    """``(rowid, id)`` of the stale articles among those without a stored hash, hashed in memory."""
    stale = []
    for chunk in _unhashed(store):
        states = _states(store, [article_id for _, article_id, _, _ in chunk])
        for rowid, article_id, language, text_hash in chunk:
            key = keys.get(language)
            done, failed = states.get(article_id, (None, None))
            if key is None or (text_hash, key) not in (done, failed):
                stale.append((rowid, article_id))
    return stale


def _unhashed(store: ProjectStore) -> Iterator[list[tuple[int, str, str, str]]]:
    """``(rowid, id, language, hash)`` of the articles without a stored hash, hashed here, a chunk at a time."""
    hashed = _has_hashes(store)
    if hashed:
        with store.reading() as db:  # the partial index answers at once when every article has its hash
            if db.execute("SELECT 1 FROM articles WHERE text_hash IS NULL LIMIT 1").fetchone() is None:
                return
    # walked in rowid order (NOT INDEXED: the partial index would sort every unhashed row for each chunk)
    sql = ("SELECT rowid, id, text, boilerplate, language FROM articles NOT INDEXED WHERE rowid > ?"
           + (" AND text_hash IS NULL" if hashed else "") + " ORDER BY rowid LIMIT ?")
    last = -1
    while True:
        with store.reading() as db:
            rows = db.execute(sql, (last, CHUNK)).fetchall()
        if not rows:
            return
        yield [(rowid, article_id, language, _hash(text, boilerplate))
               for rowid, article_id, text, boilerplate, language in rows]
        last = rows[-1][0]


def _hash(text: str, boilerplate: str) -> str:
    """The hash of an article's analysed text, from its stored text and boilerplate (as the analysis reads them)."""
    spans = tuple(tuple(span) for span in json.loads(boilerplate))
    return content_hash(Article(id="", text=text, boilerplate=spans).analysed_text)


def _states(store: ProjectStore, ids: list[str]) -> dict[str, tuple]:
    """``id -> ((text_hash, model) of its analysis, (text_hash, model) of its failure)``, either None."""
    states: dict[str, tuple] = {}
    failures = store.schema_version >= 8  # the failures table came with schema 8
    for start in range(0, len(ids), _MAX_PARAMS):
        part = ids[start:start + _MAX_PARAMS]
        marks = ", ".join("?" * len(part))
        with store.reading() as db:
            for article_id, text_hash, model in _rows(db, "analyses", marks, part):
                states[article_id] = ((text_hash, model), None)
            for article_id, text_hash, model in (_rows(db, "analysis_failures", marks, part) if failures else []):
                states[article_id] = (states.get(article_id, (None, None))[0], (text_hash, model))
    return states


def _rows(db: sqlite3.Connection, table: str, marks: str, ids: list[str]) -> list[tuple[str, str, str]]:
    return db.execute(f"SELECT article_id, text_hash, model FROM {table} WHERE article_id IN ({marks})", ids).fetchall()


def _has_hashes(store: ProjectStore) -> bool:
    """Whether the file has the column (a read-only project from before schema 10 has not)."""
    return store.schema_version >= 10
