"""The project file before and around the store: what it is, whether it may change, what went wrong.

A file is checked through a read-only connection before anything could
write to it: another application's SQLite database is refused untouched
(even switching it to WAL mode would rewrite its header). A file its
permissions make read-only (for everyone, even an administrator) or that
cannot be written is opened read-only: reading works, every change says
why it cannot be made. SQLite's errors on a full disk, a damaged page or a
read-only file become :class:`ProjectError` messages a user understands.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

#: ``PRAGMA application_id`` of a Newsprism project ("NPRS"); older projects have 0.
APPLICATION_ID = 0x4E505253
#: Tables every Newsprism project has had since schema 1.
_OUR_TABLES = {"meta", "articles", "analyses", "mentions"}


class ProjectError(Exception):
    """The project file cannot be opened or written; the message says why."""


class ReadOnlyProject(ProjectError):
    """A change was asked of a project opened read-only."""


def read_only_message(path: Path) -> str:
    return (f"{path.name} is read-only, so this change cannot be saved. Use Save As to make a copy you can change, "
            "or make the file writable.")


def writable(path: Path) -> bool:
    """Whether the project may be changed: the system allows it and its permissions do not forbid it.

    A file without any write permission bit is left alone even by an
    administrator, whom the system would let write.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return True  # a new file
    return bool(mode & 0o222) and os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _uri(path: Path, options: str) -> str:
    return f"file:{quote(os.fsencode(path.absolute()))}?{options}"


def open_read_only(path: Path, **kwargs) -> sqlite3.Connection:
    """A connection that can never write to ``path``.

    In a folder where SQLite cannot create its shared-memory file, the file
    is opened as immutable (nothing else may change it meanwhile).
    """
    db = sqlite3.connect(_uri(path, "mode=ro"), uri=True, **kwargs)
    try:
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError:
        db.close()
    return sqlite3.connect(_uri(path, "mode=ro&immutable=1"), uri=True, **kwargs)


def schema_of(path: Path, newest: int) -> int:
    """The project's schema version (0: a new, empty file); :class:`ProjectError` if it is not a project.

    Read through a read-only connection: nothing is written to a file that
    turns out to be another application's database.
    """
    if not path.exists() or path.stat().st_size == 0:
        return 0
    try:
        db = open_read_only(path)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            application = db.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        raise ProjectError(f"{path.name} is not a Newsprism project or is damaged ({exc})") from exc
    foreign = application not in (0, APPLICATION_ID) or (version == 0 and tables) or (version > 0 and not _OUR_TABLES <= tables)
    if foreign:
        raise ProjectError(f"{path.name} is not a Newsprism project (it is a database of another application); "
                           "it was not changed")
    if version > newest:
        raise ProjectError(f"{path.name} was made by a newer Newsprism (schema {version}); please update Newsprism")
    return version


#: SQLite's primary error names -> what to tell the user ({name} is the file's name).
_MESSAGES = {
    "SQLITE_FULL": "the disk is full: {name} could not be saved ({error})",
    "SQLITE_IOERR": "{name} could not be written or read on the disk ({error}): the disk may be full or failing",
    "SQLITE_CORRUPT": "{name} is damaged ({error}); a copy from a backup, or Save As of what can still be read, may help",
    "SQLITE_NOTADB": "{name} is damaged or not a Newsprism project ({error})",
    "SQLITE_CANTOPEN": "{name} cannot be opened ({error})",
    "SQLITE_PERM": "{name} may not be changed ({error})",
    "SQLITE_BUSY": "another program is using {name} ({error}); try again when it is done",
    "SQLITE_LOCKED": "another program is using {name} ({error}); try again when it is done",
}


def database_error(exc: BaseException | None) -> sqlite3.DatabaseError | None:
    """The SQLite error behind ``exc`` (pandas wraps them in its own), if it is one a user must hear of."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, sqlite3.DatabaseError) and _primary(exc) in (*_MESSAGES, "SQLITE_READONLY"):
            return exc
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return None


def _primary(exc: sqlite3.DatabaseError) -> str:
    name = getattr(exc, "sqlite_errorname", "") or ""
    parts = name.split("_")
    return "_".join(parts[:2]) if len(parts) > 1 else name


def message_for(exc: sqlite3.DatabaseError, path: Path) -> str:
    primary = _primary(exc)
    if primary == "SQLITE_READONLY":
        return read_only_message(path)
    return _MESSAGES[primary].format(name=path.name, error=exc)


@contextmanager
def translated(path: Path) -> Iterator[None]:
    """SQLite's errors about the file itself (full, damaged, read-only) as :class:`ProjectError`."""
    try:
        yield
    except ProjectError:
        raise
    except Exception as exc:
        error = database_error(exc)
        if error is None:
            raise
        kind = ReadOnlyProject if _primary(error) == "SQLITE_READONLY" else ProjectError
        raise kind(message_for(error, path)) from exc
