"""The project's index of article copy: near-duplicates are kept as versions, shared copy is flagged.

Each stored article gets MinHash band keys (``copy_bands``); a new article's
keys find the candidates, :func:`core.text.duplicates.compare` decides. The
index lives in the project file (schema 3), so it survives reopening and
costs one indexed query per imported article.

What a new article is to the stored ones (:class:`Placement`):

* the same text, outlet and day as one stored: a repeat, not stored again
  (the report names the article it repeats);
* the same outlet and (almost) the same text otherwise (a later version of a
  wire story, the print and the online edition under two headlines): stored
  and linked as a version of the first (``article_versions``, schema 5), so
  the analysis can count it once and the timeline show its first appearance;
* another outlet's copy of the text: stored and flagged (``shared_copies``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable

import pandas as pd

from core.store.store import ProjectStore
from core.model.article import Article, article_id
from core.text.duplicates import SHINGLE_VERSION, CopyMatch, band_keys, body_of, compare, same_outlet, shingles

MAX_CANDIDATES = 50


@dataclass(frozen=True)
class Placement:
    """What became of one imported article.

    ``article`` is as stored (a same-text version gets an id of its own);
    ``repeats`` is the id of the stored article it repeats when it was not
    stored; ``version_of`` the id of the first article of which it is a
    version.
    """

    article: Article
    stored: bool
    repeats: str | None = None
    version_of: str | None = None
    similarity: float = 0.0


def add_new_articles(store: ProjectStore, articles: Iterable[Article]) -> list[Placement]:
    """Store the articles that are not repeats; link versions, flag shared copy.

    Articles that share copy with another outlet's (stored, or earlier in
    the same batch) are stored and flagged in ``shared_copies``. The
    articles and their index rows go in one transaction: an import that
    fails (a full disk) stores neither, and says so.
    """
    articles = list(articles)
    placements: list[Placement] = []
    plans: list[tuple[list, list[CopyMatch]]] = []
    batch = _Batch()
    with store.transaction() as db:
        _index_missing(store, db)
        for article in articles:
            article, same_text = _same_text(store, batch, article)
            if same_text is not None and article.id == same_text.id:
                placements.append(Placement(article, False, repeats=same_text.id))
                continue
            own = shingles(body_of(article))
            keys = band_keys(own)
            matches = _matches(store, db, article, own, keys) + batch.matches(article, own, keys)
            if same_text is not None:
                kind = "duplicate" if same_outlet(article.outlet, same_text.outlet) else "shared_copy"
                matches.insert(0, CopyMatch(kind, same_text.id, 1.0, 1.0))
            first = next((m for m in matches if m.kind == "duplicate"), None)
            root = (batch.roots.get(first.other_id) or _root(db, first.other_id)) if first else None
            batch.add(article, own, keys, root)
            placements.append(Placement(article, True, version_of=root, similarity=first.jaccard if first else 0.0))
            plans.append((keys, [m for m in matches if m.kind == "shared_copy"]))
    kept = [p for p in placements if p.stored]
    with store.transaction() as db:  # articles and their index rows together: a full disk leaves neither
        added = store.add_articles([p.article for p in kept])
        for placement, (keys, shared), ok in zip(kept, plans, added):
            if ok:
                _record(db, placement.article.id, keys)
                _flag_shared(db, placement.article.id, shared)
                if placement.version_of:
                    db.execute("INSERT OR REPLACE INTO article_versions(article_id, version_of, similarity) VALUES (?, ?, ?)",
                               (placement.article.id, placement.version_of, placement.similarity))
    outcome = iter(added)
    return [p if not p.stored or next(outcome) else replace(p, stored=False, repeats=p.article.id) for p in placements]


def _same_text(store: ProjectStore, batch: "_Batch", article: Article) -> tuple[Article, Article | None]:
    """The article (with an id of its own if it is a same-text version) and the stored one with its text.

    The same text from the same outlet on the same day is a repeat; on
    another day or from another outlet it is an article of its own, whose id
    also hashes its outlet and date (so importing it again finds it).
    """
    existing = batch.by_id.get(article.id) or (store.article(article.id) if store.has_article(article.id) else None)
    if existing is None:
        return article, None
    if same_outlet(article.outlet, existing.outlet) and (article.date or "")[:10] == (existing.date or "")[:10]:
        return article, existing
    own_id = article_id(f"{article.text}\n{article.outlet}\n{article.date or ''}")
    if own_id in batch.by_id or store.has_article(own_id):
        repeated = batch.by_id.get(own_id) or store.article(own_id)
        return replace(article, id=own_id), repeated
    return replace(article, id=own_id), existing


def _root(db, article_id: str) -> str:
    """The first article of the versions ``article_id`` belongs to."""
    row = db.execute("SELECT version_of FROM article_versions WHERE article_id = ?", (article_id,)).fetchone()
    return row[0] if row else article_id


def versions(store: ProjectStore) -> pd.DataFrame:
    """``article_id, version_of, similarity``: each stored version and the first article it repeats."""
    with store.reading() as db:
        rows = db.execute("SELECT article_id, version_of, similarity FROM article_versions ORDER BY rowid").fetchall()
    return pd.DataFrame(rows, columns=["article_id", "version_of", "similarity"])


class _Batch:
    """The articles of the import in progress, compared in memory (not stored yet)."""

    def __init__(self) -> None:
        self.by_id: dict[str, Article] = {}
        self.roots: dict[str, str] = {}  # a batch article's first version, when it is one
        self._by_key: dict[tuple[int, int], list[tuple[Article, frozenset[int]]]] = {}

    def add(self, article: Article, own: frozenset[int], keys: list[tuple[int, int]], root: str | None) -> None:
        self.by_id[article.id] = article
        if root:
            self.roots[article.id] = root
        for key in keys:
            self._by_key.setdefault(key, []).append((article, own))

    def matches(self, article: Article, own: frozenset[int], keys: list[tuple[int, int]]) -> list[CopyMatch]:
        seen: dict[str, tuple[Article, frozenset[int]]] = {}
        for key in keys:
            for other, other_set in self._by_key.get(key, ()):
                seen.setdefault(other.id, (other, other_set))
        found = [compare(article, own, other, other_set) for other, other_set in seen.values()]
        return [m for m in found if m is not None]


def first_days(days: pd.Series, group: pd.Series) -> pd.Series:
    """The earliest of ``days`` within each ``group`` (an article and its versions), None when undated.

    Only groups of more than one article are grouped: a million articles in a
    million groups took minutes (pandas reduces each string group in Python).
    """
    first = days.copy()
    shared = group.duplicated(keep=False)
    if shared.any():
        first[shared] = days[shared].groupby(group[shared]).transform("min")
    return first.astype(object).where(first.notna(), None)


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
