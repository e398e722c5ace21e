"""The project file: one SQLite database holding articles, analysis and edits.

Every change is one transaction, so a crash or a kill loses at most the work
in progress and the file always reopens. The schema is versioned with
``PRAGMA user_version`` and migrated forward on open. One store may be used
from several threads (the window reads while a worker writes): writes
take the store's lock and are short batches; reads go through a connection
of the reading thread's own (see :meth:`ProjectStore.reading`), so the
window never waits for a worker's long read or write.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
from contextlib import contextmanager
from dataclasses import asdict, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator, overload

import pandas as pd

from core.model.analysis import AnalysisFailure, ArticleAnalysis
from core.store.project_file import (APPLICATION_ID, ProjectError, ReadOnlyProject, open_read_only, read_only_message,
                                     schema_of, translated, writable)
from core.model.article import Article, Origin, content_hash, count_words
from core.model.shown_names import storable

# pyarrow (installed for the Dask engine's Parquet files, core/distributed) makes pandas 3 keep strings
# in Arrow arrays, whose ``isin`` makes a Python object of every value: 20 s instead of 3 for a million
# article ids. Strings stay in Python arrays, as the desktop path was measured and tuned with. Set here,
# where every project's tables are read (not in ``core``: the launcher must not import pandas).
pd.set_option("mode.string_storage", "python")

SCHEMA_VERSION = 10
#: The oldest schema a read-only project is opened with (it cannot be migrated).
READ_ONLY_FROM = 4

#: The tables the window's kept tables are made from (core/store/frame_snapshots.py): a change to any
#: of them bumps the view generation. Mentions have their own (``mention_generation``).
VIEW_SOURCE_TABLES = ("articles", "article_versions", "not_analysed", "shared_copies", "story_members", "stories",
                      "quotes")

#: An article's columns the window shows (not its text's hash, say, filled in later for old projects).
VIEWED_ARTICLE_COLUMNS = ("UPDATE OF id, outlet, title, authors, date, url, section, language, source_path, origins, "
                          "word_count")

_MIGRATIONS = {
    1: """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        outlet TEXT NOT NULL DEFAULT 'Unknown',
        authors TEXT NOT NULL DEFAULT '[]',
        date TEXT,
        url TEXT NOT NULL DEFAULT '',
        section TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT '',
        source_path TEXT NOT NULL DEFAULT '',
        origins TEXT NOT NULL DEFAULT '{}',
        boilerplate TEXT NOT NULL DEFAULT '[]',
        word_count INTEGER NOT NULL DEFAULT 0,
        imported_at TEXT NOT NULL
    );
    CREATE TABLE analyses (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        text_hash TEXT NOT NULL,
        model TEXT NOT NULL,
        analysed_at TEXT NOT NULL
    );
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        label TEXT NOT NULL,
        name TEXT NOT NULL
    );
    CREATE INDEX mentions_by_article ON mentions(article_id);
    """,
    # 2: what the comparison of outlets needs: sentences, terms, quotes,
    # descriptors, stories (with the user's pins) and the project's aliases.
    2: """
    CREATE TABLE sentences (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL
    );
    CREATE INDEX sentences_by_article ON sentences(article_id);
    CREATE TABLE terms (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        term TEXT NOT NULL, kind TEXT NOT NULL, count INTEGER NOT NULL
    );
    CREATE INDEX terms_by_article ON terms(article_id);
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL,
        kind TEXT NOT NULL, speaker TEXT, speaker_text TEXT, speaker_start INTEGER,
        verb TEXT, source_type TEXT NOT NULL
    );
    CREATE INDEX quotes_by_article ON quotes(article_id);
    CREATE TABLE descriptors (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        name TEXT NOT NULL, descriptor TEXT NOT NULL, kind TEXT NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL
    );
    CREATE INDEX descriptors_by_article ON descriptors(article_id);
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL, user_named INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE story_members (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        story_id INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
        pinned INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE entity_aliases (
        alias_key TEXT PRIMARY KEY, alias TEXT NOT NULL, canonical TEXT NOT NULL, label TEXT NOT NULL DEFAULT ''
    );
    DELETE FROM analyses;
    """,
    # 3: near-duplicate and shared wire copy detection (core/store/copy_index.py):
    # MinHash band keys per article, and the groups of articles sharing copy.
    3: """
    CREATE TABLE copy_indexed (article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE);
    CREATE TABLE copy_bands (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        band INTEGER NOT NULL, hash INTEGER NOT NULL
    );
    CREATE INDEX copy_bands_lookup ON copy_bands(band, hash);
    CREATE INDEX copy_bands_by_article ON copy_bands(article_id);
    CREATE TABLE shared_copies (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        group_id TEXT NOT NULL, similarity REAL NOT NULL
    );
    CREATE INDEX shared_copies_by_group ON shared_copies(group_id);
    """,
    # 4: mentions counted per article and canonical entity (core/store/counted_rows.py),
    # and a generation that every added or removed mention bumps, so the counts
    # know when they are stale.
    4: """
    CREATE TABLE counted_entities (id INTEGER PRIMARY KEY, entity TEXT NOT NULL, label TEXT NOT NULL);
    CREATE TABLE counted_mentions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        entity_id INTEGER NOT NULL, n INTEGER NOT NULL
    );
    INSERT OR REPLACE INTO meta(key, value) VALUES ('mention_generation', '0');
    CREATE TRIGGER mention_added AFTER INSERT ON mentions
        BEGIN UPDATE meta SET value = value + 1 WHERE key = 'mention_generation'; END;
    CREATE TRIGGER mention_removed AFTER DELETE ON mentions
        BEGIN UPDATE meta SET value = value + 1 WHERE key = 'mention_generation'; END;
    """,
    # 5: what an article is to the others and to the analysis: the project's
    # outlet aliases (core/store/outlet_rows.py), near-duplicates kept as versions
    # of the article they repeat (core/store/copy_index.py), and articles left
    # out of the analysis with the reason (no model for their language).
    5: """
    CREATE TABLE IF NOT EXISTS outlet_aliases (alias_key TEXT PRIMARY KEY, alias TEXT NOT NULL, outlet TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS article_versions (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        version_of TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        similarity REAL NOT NULL
    );
    CREATE INDEX IF NOT EXISTS article_versions_of ON article_versions(version_of);
    CREATE TABLE IF NOT EXISTS not_analysed (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        reason TEXT NOT NULL
    );
    """,
    # 6: the user's corrections of quote speakers (core/store/speaker_corrections.py),
    # keyed by article and quote span, in a table of their own so that
    # re-analysis, which rewrites ``quotes``, keeps them; and story members
    # indexed by story (deleting 100 stories' last articles at 10,000 articles
    # scanned the members once per story: 0.26 s).
    6: """
    CREATE TABLE IF NOT EXISTS quote_speakers (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, end INTEGER NOT NULL,
        speaker TEXT NOT NULL, source_type TEXT NOT NULL,
        PRIMARY KEY (article_id, start, end)
    );
    CREATE INDEX IF NOT EXISTS story_members_by_story ON story_members(story_id);
    """,
    # 7: the form an article used most of each word and phrase lemma ("data" for "datum"), NULL
    # when it is the lemma itself: distinctive terms are shown as written (core/analysis/keyness.py).
    7: """
    ALTER TABLE terms ADD COLUMN surface TEXT;
    """,
    # 8: articles that could not be analysed and why (core/analysis/analyse.py): not tried
    # again until their text or the model changes. The file says it is a Newsprism project.
    8: f"""
    CREATE TABLE IF NOT EXISTS analysis_failures (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        text_hash TEXT NOT NULL, model TEXT NOT NULL, reason TEXT NOT NULL, failed_at TEXT NOT NULL
    );
    PRAGMA application_id = {APPLICATION_ID};
    """,
    # 9: a big project opens from its stored counts a part at a time (core/store/counted_rows.py):
    # the counts of a story's articles or of a few entities are found by index, and the
    # entity × outlet table of the whole project is kept beside them. The window's tables are
    # kept too (core/store/frame_snapshots.py), valid while the view generation, which a
    # trigger bumps on every change of the tables they are made from, stays the same.
    9: """
    CREATE INDEX IF NOT EXISTS counted_mentions_by_article ON counted_mentions(article_id);
    CREATE INDEX IF NOT EXISTS counted_mentions_by_entity ON counted_mentions(entity_id);
    CREATE INDEX IF NOT EXISTS articles_by_outlet ON articles(outlet);
    CREATE TABLE IF NOT EXISTS counted_outlets (
        entity TEXT NOT NULL, label TEXT NOT NULL, outlet TEXT NOT NULL, mentions INTEGER NOT NULL,
        per_1000_words REAL NOT NULL, articles INTEGER NOT NULL, share_of_articles REAL NOT NULL
    );
    CREATE TABLE IF NOT EXISTS frame_snapshots (name TEXT PRIMARY KEY, stamp TEXT NOT NULL, data BLOB NOT NULL);
    INSERT OR IGNORE INTO meta(key, value) VALUES ('view_generation', '0');
    """ + "".join(
        f"CREATE TRIGGER IF NOT EXISTS view_{table}_{event.split()[0].lower()} AFTER {event} ON {table} "
        "BEGIN UPDATE meta SET value = value + 1 WHERE key = 'view_generation'; END;\n"
        for table in VIEW_SOURCE_TABLES
        for event in ("INSERT", VIEWED_ARTICLE_COLUMNS if table == "articles" else "UPDATE", "DELETE")),
    # 10: the hash of each article's analysed text (core/store/text_hashes.py), written with the article,
    # so that what needs analysis is found by a query, not by reading every text. Older rows get theirs
    # once, when the analysis first looks; until then the partial index finds them at once.
    10: """
    ALTER TABLE articles ADD COLUMN text_hash TEXT;
    CREATE INDEX IF NOT EXISTS articles_unhashed ON articles(id) WHERE text_hash IS NULL;
    """,
}

_ARTICLE_COLUMNS = (
    "id", "text", "title", "outlet", "authors", "date", "url", "section",
    "language", "source_path", "origins", "boilerplate", "word_count", "imported_at",
)
#: What is written: also the hash of the analysed text, which is not part of an :class:`Article`.
_WRITTEN_COLUMNS = (*_ARTICLE_COLUMNS, "text_hash")
_ADD_COLUMN = re.compile(r"ALTER TABLE (\w+) ADD COLUMN (\w+)[^;]*;")


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


#: Seconds a write waits for another connection's transaction (the job process
#: imports a large table in one) before it fails with "database is locked".
LOCK_WAIT = 30.0


class ProjectStore:
    """Read and write one ``.newsprism`` file."""

    def __init__(self, path: str | Path, *, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise ProjectError(f"{self.path} does not exist")
        if not self.path.parent.is_dir():
            raise ProjectError(f"the folder {self.path.parent} does not exist")
        self._lock = threading.RLock()
        self._rollbacks = 0
        self._commits = 0
        self._outside_changes = 0
        self._writer: int | None = None  # thread id inside ``transaction``
        self._readers: dict[int, sqlite3.Connection] = {}  # by thread id
        self._read_depth = threading.local()  # reads nested in this thread share one snapshot
        self.schema_version = schema_of(self.path, SCHEMA_VERSION)  # refuses, untouched, what is not a project
        #: Opened read-only (the file may not be changed): reads work, every change raises ReadOnlyProject.
        self.read_only = self.path.exists() and not writable(self.path)
        try:
            try:
                self._db = self._connect()
            except ReadOnlyProject:  # the system refused a write no permission showed (a read-only mount)
                self.read_only = True
                self._db = self._connect()
        except sqlite3.DatabaseError as exc:
            raise ProjectError(f"{self.path.name} is not a Newsprism project or is damaged ({exc})") from exc

    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            if self.schema_version < READ_ONLY_FROM:
                raise ProjectError(f"{self.path.name} was made by an older Newsprism and is read-only, so it cannot be "
                                   "updated: make it writable, or copy it to a folder where you can write")
            return open_read_only(self.path, check_same_thread=False, isolation_level=None)
        db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=LOCK_WAIT)
        try:
            with translated(self.path):
                db.execute("PRAGMA foreign_keys = ON")
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
                self._migrate(db)
        except BaseException:
            db.close()
            raise
        self.schema_version = SCHEMA_VERSION
        return db

    # -- lifecycle -------------------------------------------------------
    def _migrate(self, db: sqlite3.Connection) -> None:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise ProjectError(
                f"{self.path.name} was made by a newer Newsprism (schema {version}); please update Newsprism"
            )
        for target in range(version + 1, SCHEMA_VERSION + 1):
            with self._lock:
                try:
                    script = _without_present_columns(db, _MIGRATIONS[target])
                    db.executescript("BEGIN IMMEDIATE;" + script + f"PRAGMA user_version = {target}; COMMIT;")
                except BaseException:
                    if db.in_transaction:
                        db.execute("ROLLBACK")
                    raise

    def close(self) -> None:
        with self._lock:
            for reader in list(self._readers.values()):
                reader.close()
            self._readers.clear()
            try:
                if not self.read_only:
                    self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.DatabaseError:
                pass
            self._db.close()

    def save_copy(self, target: str | Path) -> None:
        """Write a consistent copy of the project to ``target`` (Save As)."""
        target = Path(target)
        tmp = target.with_name(target.name + ".part")
        tmp.unlink(missing_ok=True)
        with self._lock:
            out = sqlite3.connect(tmp)
            try:
                self._db.backup(out)
                out.execute("PRAGMA journal_mode = DELETE")
            finally:
                out.close()
        tmp.replace(target)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic change; nested calls join the outermost, which alone commits.

        :class:`ReadOnlyProject` in a read-only project; SQLite's errors about
        the file (full disk, damage) arrive as :class:`ProjectError`.
        """
        if self.read_only:
            raise ReadOnlyProject(read_only_message(self.path))
        with self._lock, translated(self.path):
            outermost = not self._db.in_transaction
            if outermost:
                self._db.execute("BEGIN IMMEDIATE")
                self._writer = threading.get_ident()
            try:
                yield self._db
            except BaseException:
                if outermost and self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                    self._rollbacks += 1
                raise
            else:
                if outermost and self._db.in_transaction:
                    self._db.execute("COMMIT")
                    self._commits += 1
            finally:
                if outermost:
                    self._writer = None

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A connection to read from, in one snapshot (a read transaction).

        Inside this thread's own ``transaction`` it is that transaction's
        connection, which sees the changes not committed yet. Elsewhere it
        is this thread's read-only connection: in WAL mode it reads the last
        commit without waiting for the lock or for any writer.
        """
        if self._writer == threading.get_ident():
            with self._lock:
                yield self._db
            return
        with translated(self.path):
            reader = self._reader()
            depth = getattr(self._read_depth, "n", 0)
            if depth == 0:
                if reader.in_transaction:  # left open by a failed commit: its old snapshot must not be read again
                    reader.execute("ROLLBACK")
                reader.execute("BEGIN")
            self._read_depth.n = depth + 1  # a read within a read: one snapshot
            try:
                yield reader
            finally:
                self._read_depth.n = depth
                if depth == 0 and reader.in_transaction:  # a failed read may have ended it (pandas rolls back)
                    try:
                        reader.execute("COMMIT")
                    except sqlite3.Error:
                        reader.execute("ROLLBACK")

    def _reader(self) -> sqlite3.Connection:
        ident = threading.get_ident()
        reader = self._readers.get(ident)
        if reader is None:  # not under the store's lock: a writer may hold it for long
            if self.read_only:
                reader = open_read_only(self.path, check_same_thread=False, isolation_level=None)
            else:
                reader = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            reader.execute("PRAGMA query_only = ON")
            self._readers[ident] = reader  # a later thread with the same id reuses it
        return reader

    @property
    def revision(self) -> tuple[int, int, int, int]:
        """Differs after every change (rows written, a transaction committed or rolled back, a child's
        writes): a cache key. The commits count too: rows count as written before their commit, so a
        thread reading between the two would otherwise keep what it read under the new revision."""
        return self._db.total_changes, self._commits, self._rollbacks, self._outside_changes

    def changed_elsewhere(self) -> None:
        """Another process (a child this one started) wrote to the file: cached reads are stale."""
        self._outside_changes += 1

    def _query(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        with self.reading() as db:
            return db.execute(sql, params).fetchall()

    # -- meta ------------------------------------------------------------
    @overload
    def get_meta(self, key: str, default: str) -> str: ...
    @overload
    def get_meta(self, key: str, default: None = None) -> str | None: ...

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        rows = self._query("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else default

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    # -- articles ----------------------------------------------------------
    def add_articles(self, articles: Iterable[Article]) -> list[bool]:
        """Insert articles in one transaction; ``False`` where the id exists already."""
        added = []
        with self.transaction() as db:
            for article in articles:
                cur = db.execute(
                    f"INSERT OR IGNORE INTO articles({', '.join(_WRITTEN_COLUMNS)}) "
                    f"VALUES ({', '.join('?' * len(_WRITTEN_COLUMNS))})",
                    _article_row(article),
                )
                added.append(cur.rowcount == 1)
        return added

    def has_article(self, article_id: str) -> bool:
        return bool(self._query("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def article_count(self) -> int:
        return self._query("SELECT COUNT(*) FROM articles")[0][0]

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Articles in import order (all, or those with the given ids)."""
        sql = f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles"
        if ids is None:
            ids = [r[0] for r in self._query("SELECT id FROM articles ORDER BY rowid")]
            rows = []
            for chunk in range(0, len(ids), 500):  # the texts in short reads: other threads wait little
                part = ids[chunk:chunk + 500]
                rows += self._query(sql + f" WHERE id IN ({', '.join('?' * len(part))}) ORDER BY rowid", tuple(part))
        else:
            wanted = list(ids)
            rows = []
            for chunk in range(0, len(wanted), 500):
                part = wanted[chunk:chunk + 500]
                rows += self._query(sql + f" WHERE id IN ({', '.join('?' * len(part))}) ORDER BY rowid", tuple(part))
        return [_article_from_row(row) for row in rows]

    def article(self, article_id: str) -> Article:
        found = self.articles([article_id])
        if not found:
            raise KeyError(article_id)
        return found[0]

    def update_article(self, article: Article) -> None:
        """Store edited metadata (and text, boilerplate and the hash of what is analysed) of an existing article."""
        row = dict(zip(_WRITTEN_COLUMNS, _article_row(article)))
        row.pop("imported_at")
        sets = ", ".join(f"{name} = :{name}" for name in row if name != "id")
        with self.transaction() as db:
            if db.execute(f"UPDATE articles SET {sets} WHERE id = :id", row).rowcount != 1:
                raise KeyError(article.id)

    def delete_articles(self, ids: Iterable[str]) -> None:
        with self.transaction() as db:
            db.executemany("DELETE FROM articles WHERE id = ?", [(i,) for i in ids])

    def outlets(self) -> list[str]:
        """Every outlet an article has, sorted (from the index: quick at a million articles)."""
        return sorted(r[0] for r in self._query("SELECT DISTINCT outlet FROM articles"))

    def articles_frame(self) -> pd.DataFrame:
        """Metadata of all articles (no text), one row each, in import order."""
        with self.reading() as db:
            frame = pd.read_sql_query(
                "SELECT id, outlet, title, authors, date, url, section, language, source_path, origins, word_count "
                "FROM articles ORDER BY rowid",
                db,
            )
        frame["authors"] = _parsed(frame["authors"], lambda v: "; ".join(json.loads(v)))
        frame["origins"] = _parsed(frame["origins"], json.loads)  # rows with the same origins share one dict
        return frame

    # -- analysis ----------------------------------------------------------
    def analysis_state(self) -> dict[str, tuple[str, str]]:
        """``article_id -> (text_hash, model)`` for every analysed article."""
        return {r[0]: (r[1], r[2]) for r in self._query("SELECT article_id, text_hash, model FROM analyses")}

    def analysis_failures(self) -> dict[str, tuple[str, str, str]]:
        """``article_id -> (text_hash, model, reason)`` for every article that could not be analysed."""
        if self.schema_version < 8:  # a read-only project from before schema 8 has no such table (nor failures)
            return {}
        rows = self._query("SELECT article_id, text_hash, model, reason FROM analysis_failures")
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def save_analyses(self, results: Iterable) -> None:
        """Replace the analysis of a batch of articles in one transaction.

        Each result is an :class:`~core.model.analysis.ArticleAnalysis`, an
        :class:`~core.model.analysis.AnalysisFailure` (the article's old analysis
        is removed and its failure kept), or a tuple ``(article_id,
        text_hash, model, mentions)`` with mentions as ``(start, end, text, label, name)``.
        """
        results = [r if isinstance(r, ArticleAnalysis | AnalysisFailure) else ArticleAnalysis(*r) for r in results]
        with self.transaction() as db:
            # An article deleted while it was being analysed (in the job process) is left out.
            results = [r for r in results if db.execute("SELECT 1 FROM articles WHERE id = ?", (r.article_id,)).fetchone()]
            failures = [r for r in results if isinstance(r, AnalysisFailure)]
            analysed = [r for r in results if not isinstance(r, AnalysisFailure)]
            ids = [(r.article_id,) for r in results]
            for table in (*_ANALYSIS_TABLES, "analyses", "analysis_failures"):
                db.executemany(f"DELETE FROM {table} WHERE article_id = ?", ids)
            for sql, rows in _analysis_rows(analysed):
                db.executemany(sql, rows)
            stamp = _now()
            db.executemany(
                "INSERT OR REPLACE INTO analyses(article_id, text_hash, model, analysed_at) VALUES (?, ?, ?, ?)",
                [(r.article_id, r.text_hash, r.model, stamp) for r in analysed],
            )
            db.executemany(
                "INSERT OR REPLACE INTO analysis_failures(article_id, text_hash, model, reason, failed_at) VALUES (?, ?, ?, ?, ?)",
                [(r.article_id, r.text_hash, r.model, storable(r.reason), stamp) for r in failures],
            )
            db.executemany("DELETE FROM not_analysed WHERE article_id = ?", ids)

    def mark_not_analysed(self, rows: Iterable[tuple[str, str]]) -> None:
        """Record ``(article_id, reason)`` for articles left out of the analysis; any old analysis of them goes."""
        rows = list(rows)
        if not rows:
            return
        ids = [(article_id,) for article_id, _ in rows]
        with self.transaction() as db:
            for table in (*_ANALYSIS_TABLES, "analyses"):
                db.executemany(f"DELETE FROM {table} WHERE article_id = ?", ids)
            db.executemany("INSERT OR REPLACE INTO not_analysed(article_id, reason) VALUES (?, ?)", rows)

    def not_analysed(self) -> dict[str, str]:
        """``article_id -> reason`` of the articles the analysis leaves out."""
        return {r[0]: r[1] for r in self._query("SELECT article_id, reason FROM not_analysed")}

    def frame(self, table: str, article_ids: Iterable[str] | None = None, columns: str = "*") -> pd.DataFrame:
        """Rows of one analysis table (mentions, sentences, terms, quotes, descriptors),
        in the order they were stored; ``article_ids`` of any number restricts them.

        Read in chunks, each holding the store's lock briefly: another thread
        (the window's) never waits long for a small query.
        """
        if table not in _ANALYSIS_TABLES:
            raise ValueError(table)
        sql = f"SELECT rowid AS _row, {columns} FROM {table}"
        if article_ids is None:
            parts = list(self._rowid_chunks(sql))
        else:
            ids = list(dict.fromkeys(article_ids))
            parts = []
            for chunk in (ids[i:i + _MAX_PARAMS] for i in range(0, max(len(ids), 1), _MAX_PARAMS)):
                with self.reading() as db:
                    parts.append(pd.read_sql_query(sql + f" WHERE article_id IN ({', '.join('?' * len(chunk))})",
                                                   db, params=tuple(chunk)))
        frame = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
        return frame.sort_values("_row", kind="stable").drop(columns="_row").reset_index(drop=True)

    def _rowid_chunks(self, sql: str) -> Iterator[pd.DataFrame]:
        """``sql`` (selecting ``rowid AS _row``) over the whole table, ``_CHUNK_ROWS`` rows a query."""
        last = -1
        while True:
            with self.reading() as db:
                part = pd.read_sql_query(sql + " WHERE rowid > ? ORDER BY rowid LIMIT ?", db,
                                         params=(last, _CHUNK_ROWS))
            yield part
            if len(part) < _CHUNK_ROWS:
                return
            last = int(part["_row"].iloc[-1])

    def term_counts(self, kind: str, article_ids: Iterable[str]) -> pd.DataFrame:
        """``article_id, term, count`` of one kind of term for some articles (stories read them a block at a time)."""
        ids = list(dict.fromkeys(article_ids))
        parts = [pd.DataFrame(columns=["article_id", "term", "count"])]
        for chunk in (ids[i:i + _MAX_PARAMS] for i in range(0, len(ids), _MAX_PARAMS)):
            with self.reading() as db:
                parts.append(pd.read_sql_query(
                    f"SELECT article_id, term, count FROM terms WHERE kind = ? "
                    f"AND article_id IN ({', '.join('?' * len(chunk))})", db, params=(kind, *chunk)))
        return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]

    def counts(self, table: str) -> pd.Series:
        """Rows of an analysis table per article id (articles without rows left out)."""
        if table not in _ANALYSIS_TABLES:
            raise ValueError(table)
        rows = self._query(f"SELECT article_id, COUNT(*) FROM {table} GROUP BY article_id")
        return pd.Series({r[0]: r[1] for r in rows}, dtype="int64")

    def mentions_frame(self, article_ids: Iterable[str] | None = None) -> pd.DataFrame:
        """Entity mentions: article_id, start, end, text, label, name."""
        return self.frame("mentions", article_ids, "article_id, start, end, text, label, name")


#: Ids per ``IN (…)`` query: far below SQLite's limit on bound parameters.
_MAX_PARAMS = 900
#: Rows per query when a whole analysis table is read (about 30 ms each).
_CHUNK_ROWS = 20_000
_ANALYSIS_TABLES = ("mentions", "sentences", "terms", "quotes", "descriptors")


def _parsed(values: pd.Series, parse) -> pd.Series:
    """``values.map(parse)``, each distinct value parsed once: a million articles have a few hundred."""
    distinct = values.unique()
    return values.map(dict(zip(distinct, map(parse, distinct))))


def _analysis_rows(results: list) -> list[tuple[str, list[tuple]]]:
    """INSERT statements and their rows for a batch of article analyses."""
    mentions, sentences, terms, quotes, descriptors = [], [], [], [], []
    for r in results:
        mentions += [(r.article_id, *m) for m in r.mentions]
        sentences += [(r.article_id, i, s, e) for i, (s, e) in enumerate(r.sentences)]
        terms += [(r.article_id, *t) for t in r.terms]
        quotes += [
            (r.article_id, q.start, q.end, q.text, q.kind, q.speaker, q.speaker_text, q.speaker_start, q.verb, q.source_type)
            for q in r.quotes
        ]
        descriptors += [(r.article_id, *d) for d in r.descriptors]
    return [
        ("INSERT INTO mentions(article_id, start, end, text, label, name) VALUES (?, ?, ?, ?, ?, ?)", mentions),
        ("INSERT INTO sentences(article_id, idx, start, end) VALUES (?, ?, ?, ?)", sentences),
        ("INSERT INTO terms(article_id, term, kind, count, surface) VALUES (?, ?, ?, ?, ?)", terms),
        (
            "INSERT INTO quotes(article_id, start, end, text, kind, speaker, speaker_text, speaker_start, verb, source_type) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            quotes,
        ),
        ("INSERT INTO descriptors(article_id, name, descriptor, kind, start, end) VALUES (?, ?, ?, ?, ?, ?)", descriptors),
    ]


def _without_present_columns(db: sqlite3.Connection, script: str) -> str:
    """A migration without its ``ADD COLUMN``s of columns the file has already (a file migrated, then
    marked older by hand or by a test): the rest still runs."""
    def keep(match: re.Match) -> str:
        table, column = match.groups()
        present = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        return "" if column in present else match.group(0)

    return _ADD_COLUMN.sub(keep, script)


def _article_row(article: Article) -> tuple:
    """The row written for an article, in the order of ``_WRITTEN_COLUMNS``."""
    values = asdict(article)
    analysed = article.analysed_text
    values["authors"] = json.dumps(list(article.authors), ensure_ascii=False)
    values["origins"] = json.dumps({k: str(v) for k, v in article.origins.items()})
    values["boilerplate"] = json.dumps([list(span) for span in article.boilerplate])
    values["word_count"] = count_words(analysed)
    values["imported_at"] = _now()
    stored = storable(article.text)  # the hash is of the text as it is read back and analysed
    values["text_hash"] = content_hash(analysed if stored is article.text else replace(article, text=stored).analysed_text)
    # names of files that are not UTF-8, lone surrogates from JSON: stored as \xff escapes
    return tuple(storable(v) if isinstance(v, str) else v for v in (values[name] for name in _WRITTEN_COLUMNS))


def _article_from_row(row: tuple | sqlite3.Row) -> Article:
    values = dict(zip(_ARTICLE_COLUMNS, row))
    values.pop("word_count")
    values.pop("imported_at")
    values["authors"] = tuple(json.loads(values["authors"]))
    values["origins"] = {k: Origin(v) for k, v in json.loads(values["origins"]).items()}
    values["boilerplate"] = tuple(tuple(span) for span in json.loads(values["boilerplate"]))
    return Article(**values)
