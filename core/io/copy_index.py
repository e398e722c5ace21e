"""The project's index of article copy: near-duplicates are not stored, shared copy is flagged.

Each stored article gets MinHash band keys (``copy_bands``); a new article's
keys find the candidates, :func:`core.text.duplicates.compare` decides. The
index lives in the project file (schema 3), so it survives reopening and
costs one indexed query per imported article.
"""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from core.io.store import ProjectStore
from core.model.article import Article
from core.text.duplicates import SHINGLE_VERSION, CopyMatch, band_keys, body_of, compare, shingles

MAX_CANDIDATES = 50


def add_new_articles(store: ProjectStore, articles: Iterable[Article]) -> list[bool]:
    """Store the articles that are new; ``False`` for exact and near duplicates.

    Articles that share copy with another outlet's (stored, or earlier in
    the same batch) are stored and flagged in ``shared_copies``. The
    articles go in with one :meth:`ProjectStore.add_articles`; their index
    rows follow in one more transaction (an article left unindexed by a
    crash in between is indexed on the next import).
    """
    articles = list(articles)
    plans: list[tuple[Article, list, list[CopyMatch]] | None] = []
    batch = _Batch()
    with store.transaction() as db:
        _index_missing(store, db)
        for article in articles:
            if article.id in batch.ids or store.has_article(article.id):
                plans.append(None)
                continue
            own = shingles(body_of(article))
            keys = band_keys(own)
            matches = _matches(store, db, article, own, keys) + batch.matches(article, own, keys)
            if any(m.kind == "duplicate" for m in matches):
                plans.append(None)
                continue
            batch.add(article, own, keys)
            plans.append((article, keys, [m for m in matches if m.kind == "shared_copy"]))
    kept = [plan for plan in plans if plan is not None]
    stored = iter(store.add_articles([article for article, _, _ in kept]))
    added = [plan is not None and next(stored) for plan in plans]
    with store.transaction() as db:
        for (article, keys, shared), ok in zip(kept, (ok for plan, ok in zip(plans, added) if plan is not None)):
            if ok:
                _record(db, article.id, keys)
                _flag_shared(db, article.id, shared)
    return added


class _Batch:
    """The articles of the import in progress, compared in memory (not stored yet)."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self._by_key: dict[tuple[int, int], list[tuple[Article, frozenset[int]]]] = {}

    def add(self, article: Article, own: frozenset[int], keys: list[tuple[int, int]]) -> None:
        self.ids.add(article.id)
        for key in keys:
            self._by_key.setdefault(key, []).append((article, own))

    def matches(self, article: Article, own: frozenset[int], keys: list[tuple[int, int]]) -> list[CopyMatch]:
        seen: dict[str, tuple[Article, frozenset[int]]] = {}
        for key in keys:
            for other, other_set in self._by_key.get(key, ()):
                seen.setdefault(other.id, (other, other_set))
        found = [compare(article, own, other, other_set) for other, other_set in seen.values()]
        return [m for m in found if m is not None]


def near_duplicate_of(store: ProjectStore, article: Article) -> CopyMatch | None:
    """The stored article that ``article`` nearly duplicates, if any (nothing is written)."""
    own = shingles(body_of(article))
    with store.transaction() as db:
        _index_missing(store, db)
        matches = _matches(store, db, article, own, band_keys(own))
    return next((m for m in matches if m.kind == "duplicate"), None)


def shared_copy_groups(store: ProjectStore) -> pd.DataFrame:
    """Articles flagged as shared copy: article_id, group_id, similarity (containment)."""
    with store.reading() as db:
        rows = db.execute("SELECT article_id, group_id, similarity FROM shared_copies ORDER BY group_id, rowid").fetchall()
    return pd.DataFrame(rows, columns=["article_id", "group_id", "similarity"])


def _matches(store: ProjectStore, db, article: Article, own: frozenset[int], keys: list[tuple[int, int]]) -> list[CopyMatch]:
    if not keys:
        return []
    where = " OR ".join("(band = ? AND hash = ?)" for _ in keys)
    params = tuple(v for key in keys for v in key)
    rows = db.execute(
        f"SELECT article_id, COUNT(*) AS n FROM copy_bands WHERE {where} GROUP BY article_id ORDER BY n DESC LIMIT ?",
        (*params, MAX_CANDIDATES),
    ).fetchall()
    found = []
    for other in store.articles([r[0] for r in rows]):
        match = compare(article, own, other, shingles(body_of(other)))
        if match is not None:
            found.append(match)
    return sorted(found, key=lambda m: (m.kind != "duplicate", -m.jaccard))


def _record(db, article_id: str, keys: list[tuple[int, int]]) -> None:
    db.execute("INSERT OR IGNORE INTO copy_indexed(article_id) VALUES (?)", (article_id,))
    db.executemany("INSERT INTO copy_bands(article_id, band, hash) VALUES (?, ?, ?)", [(article_id, b, h) for b, h in keys])


def _index_missing(store: ProjectStore, db) -> None:
    """Index articles stored before the index existed (older projects) or with other shingle hashes."""
    if store.get_meta("copy_index_version", "1") != SHINGLE_VERSION:
        db.execute("DELETE FROM copy_bands")
        db.execute("DELETE FROM copy_indexed")
        store.set_meta("copy_index_version", SHINGLE_VERSION)
    missing = [r[0] for r in db.execute("SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM copy_indexed)")]
    for chunk in range(0, len(missing), 200):
        for article in store.articles(missing[chunk:chunk + 200]):
            _record(db, article.id, band_keys(shingles(body_of(article))))


def _flag_shared(db, article_id: str, matches: list[CopyMatch]) -> None:
    if not matches:
        return
    others = [m.other_id for m in matches]
    marks = ", ".join("?" * len(others))
    groups = [r[0] for r in db.execute(f"SELECT DISTINCT group_id FROM shared_copies WHERE article_id IN ({marks})", others)]
    group = min(groups) if groups else others[0]
    if len(groups) > 1:
        db.execute(f"UPDATE shared_copies SET group_id = ? WHERE group_id IN ({', '.join('?' * len(groups))})", (group, *groups))
    best = max(m.containment for m in matches)
    for match in matches:
        db.execute(
            "INSERT OR IGNORE INTO shared_copies(article_id, group_id, similarity) VALUES (?, ?, ?)",
            (match.other_id, group, match.containment),
        )
    db.execute("INSERT OR REPLACE INTO shared_copies(article_id, group_id, similarity) VALUES (?, ?, ?)", (article_id, group, best))
