"""Readers that turn one file into articles, chosen by file extension.

A reader is ``read(path, data) -> list[Article]``; it raises
:class:`~core.model.import_result.UnreadableFile` with a message for the user
when the file cannot be read. Readers register themselves with
:func:`register`; :func:`read_file` applies the checks every format shares.
Each format lives in its own module here and is listed in ``_MODULES``.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable, Iterator, TypeVar

from core.model.article import Article
from core.model.import_result import UnreadableFile

Reader = Callable[[Path, bytes], list[Article]]
_R = TypeVar("_R", bound=Reader)

#: Files larger than this are refused rather than read into memory.
MAX_FILE_BYTES = 200 * 1024 * 1024

_READERS: dict[str, Reader] = {}
_MODULES = (
    "core.importers.plain_text",
    "core.importers.html",
    "core.importers.lexisnexis",
    "core.importers.nexis_uk",
    "core.importers.factiva",
    "core.importers.word",
    "core.importers.pdf",
    "core.importers.rtf",
    "core.importers.odt",
    "core.importers.tables",
    "core.importers.archive",
    "core.importers.gzipped",
)
_loaded = False


def register(*extensions: str) -> Callable[[_R], _R]:
    """Decorator: ``@register(".txt", ".md")`` makes a function a reader."""

    def decorate(reader: _R) -> _R:
        for ext in extensions:
            _READERS[ext.lower()] = reader
        return reader

    return decorate


#: Reader modules that failed to import, with the reason (shown by ``unavailable_readers``).
_BROKEN: dict[str, str] = {}


def _load_readers() -> None:
    """Import every reader module; one that fails disables only its own formats."""
    global _loaded
    if not _loaded:
        for name in _MODULES:
            try:
                importlib.import_module(name)
            except Exception as exc:  # a missing optional package, a bug in one reader
                _BROKEN[name] = f"{exc.__class__.__name__}: {exc}"
        _loaded = True


def unavailable_readers() -> dict[str, str]:
    """Reader modules that could not be loaded, and why."""
    _load_readers()
    return dict(_BROKEN)


def supported_extensions() -> list[str]:
    _load_readers()
    return sorted(_READERS)


def reader_for(path: Path) -> Reader | None:
    _load_readers()
    return _READERS.get(path.suffix.lower())


def read_file(path: Path) -> list[Article]:
    """All articles in one file; :class:`UnreadableFile` says why not."""
    reader = reader_for(path)
    if reader is None:
        raise UnreadableFile(f"files of type '{path.suffix or 'no extension'}' are not supported")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableFile(f"the file cannot be opened: {exc.strerror or exc}") from exc
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(f"the file is too large ({size // 2**20} MB; the limit is {MAX_FILE_BYTES // 2**20} MB)")
    if size == 0:
        raise UnreadableFile("the file is empty")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"the file cannot be read: {exc.strerror or exc}") from exc
    articles = reader(path, data)
    if not articles:
        raise UnreadableFile("no articles were found in this file")
    return articles


def iter_files(paths: list[Path], skipped: list[tuple[Path, str]] | None = None) -> Iterator[Path]:
    """Files to import: the given files, and folders walked recursively in name order.

    Hidden files and folders are skipped inside folders; files of unknown
    types inside folders are skipped too (a file named directly is reported).
    A folder's import stays inside it: a link to a file or folder outside
    is not followed and is added to ``skipped`` as ``(path, why)``.
    """
    _load_readers()
    for path in paths:
        if path.is_dir():
            yield from _folder_files(path, skipped if skipped is not None else [])
        else:
            yield path


def _folder_files(folder: Path, skipped: list[tuple[Path, str]]) -> Iterator[Path]:
    root = folder.resolve()
    for child in sorted(folder.rglob("*")):  # rglob never descends into linked folders
        rel = child.relative_to(folder).parts
        if any(p.startswith(".") for p in rel):
            continue
        wanted = child.suffix.lower() in _READERS
        if child.is_symlink():
            why = _link_problem(child, root)
            if why:
                if wanted or child.is_dir():
                    skipped.append((child, why))
                continue
        if wanted and child.is_file():
            yield child


def _link_problem(link: Path, root: Path) -> str | None:
    """Why a link inside a folder being imported is not followed, or None if it stays inside."""
    try:
        target = link.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return "not imported: it is a link that cannot be followed"
    if not target.is_relative_to(root):
        return "not imported: it is a link to outside the folder (a folder's import reads only what is in it)"
    return None
