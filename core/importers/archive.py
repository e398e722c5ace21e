"""``.zip`` archives: every member read with the reader for its type.

Members are read in memory and never written to disk, so a member named
``../../x`` cannot land anywhere; names are only shown. Zip bombs are refused
before anything is decompressed (total size, compression ratio of each
member and of the whole, member count, entries whose bytes overlap), and the
sizes are checked again while reading because a header can lie. One budget
of unpacked bytes covers an archive and the archives inside it. One bad
member never stops the others: the reader raises :class:`MembersUnreadable`
carrying the good articles and a message per bad member, and the import
reports each.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path, PurePosixPath

from core.importers import MAX_FILE_BYTES, reader_for, register
from core.model.article import Article
from core.model.import_result import UnreadableFile

#: Limits for one archive (also used for .xlsx and .docx packages). An archive's
#: articles are held in memory until stored: larger ones are imported unpacked, as a folder.
MAX_MEMBERS = 20_000
MAX_TOTAL_BYTES = 512 * 1024**2
MAX_RATIO = 200
#: Members smaller than this may compress as well as they like (text of repeats) ...
RATIO_FREE_BYTES = 1024**2
#: ... and so may whole archives unpacking to less than this (1,900 members of 1 MiB may not).
RATIO_FREE_TOTAL = 64 * 1024**2
MAX_NESTING = 2
#: Bytes of a zip's local file header before the name: what each member takes up at least.
_LOCAL_HEADER = 30


class MembersUnreadable(UnreadableFile):
    """Some (or all) members of an archive could not be read.

    ``articles`` are those read; ``failures`` is ``[(member, message)]``.
    """

    def __init__(self, message: str, articles: list[Article], failures: list[tuple[str, str]]):
        super().__init__(message)
        self.articles = articles
        self.failures = failures


def open_zip(data: bytes, what: str = "archive") -> zipfile.ZipFile:
    """A zip file whose declared sizes pass the bomb checks; ``UnreadableFile`` if not."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
        raise UnreadableFile(f"this {what} is damaged or not a zip file ({exc})") from exc
    check_zip_limits(members, what)
    return archive


def check_zip_limits(members: list[zipfile.ZipInfo], what: str = "archive") -> None:
    if len(members) > MAX_MEMBERS:
        raise UnreadableFile(f"this {what} has too many files ({len(members):,}; the limit is {MAX_MEMBERS:,})")
    overlap = _overlapping(members)
    if overlap:
        raise UnreadableFile(f"the entries '{overlap[0]}' and '{overlap[1]}' of this {what} overlap "
                             "(they share their bytes): it may be a zip bomb")
    total = sum(m.file_size for m in members)
    if total > MAX_TOTAL_BYTES:
        raise UnreadableFile(
            f"this {what} would unpack to {total / 2**20:,.0f} MB (the limit is {MAX_TOTAL_BYTES // 2**20:,} MB): "
            "it may be a zip bomb; unpack it and import the folder"
        )
    for member in members:
        if member.file_size > RATIO_FREE_BYTES and member.file_size > MAX_RATIO * max(member.compress_size, 1):
            raise UnreadableFile(
                f"'{member.filename}' in this {what} is compressed {member.file_size // max(member.compress_size, 1):,} "
                f"times (the limit is {MAX_RATIO}): it may be a zip bomb"
            )
    packed = sum(m.compress_size for m in members)
    if total > RATIO_FREE_TOTAL and total > MAX_RATIO * max(packed, 1):
        raise UnreadableFile(f"this {what} is compressed {total // max(packed, 1):,} times in all "
                             f"(the limit is {MAX_RATIO}): it may be a zip bomb")


def _overlapping(members: list[zipfile.ZipInfo]) -> tuple[str, str] | None:
    """Two entries whose bytes overlap, if any: each member's header and data must have a place of their own."""
    spans = sorted((m.header_offset, m.header_offset + _LOCAL_HEADER + m.compress_size, m.filename) for m in members)
    for (_, end, name), (start, _, other) in zip(spans, spans[1:]):
        if end > start:
            return name, other
    return None


class _Budget:
    """The bytes an archive, with the archives inside it, may still unpack to."""

    def __init__(self, total: int):
        self.left = total

    def take(self, size: int) -> None:
        if size > self.left:
            raise UnreadableFile(f"not read: the archive would unpack to more than {MAX_TOTAL_BYTES // 2**20:,} MB "
                                 "in all (the limit); unpack it and import the folder")
        self.left -= size


def read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limit: int) -> bytes:
    """A member's bytes, never more than ``limit`` whatever its header says."""
    try:
        with archive.open(member) as stream:
            data = stream.read(limit + 1)
    except RuntimeError as exc:  # encrypted
        raise UnreadableFile(f"it is encrypted or cannot be unpacked ({exc})") from exc
    except (zipfile.BadZipFile, NotImplementedError, EOFError, OSError, ValueError) as exc:
        raise UnreadableFile(f"it is damaged in the archive ({exc})") from exc
    except Exception as exc:  # zlib.error and other decompressor errors
        raise UnreadableFile(f"it is damaged in the archive ({exc.__class__.__name__})") from exc
    if len(data) > limit:
        raise UnreadableFile("it unpacks to more than its declared size: it may be a zip bomb")
    return data


def safe_member_name(name: str) -> str:
    """A display name with no parent steps, drive or root (names are never paths here)."""
    parts = [p for p in PurePosixPath(name.replace("\\", "/")).parts if p not in ("", ".", "..", "/") and not p.endswith(":")]
    return "/".join(parts)


def _wanted(name: str) -> bool:
    parts = name.split("/")
    return bool(name) and not name.endswith("/") and not any(p.startswith(".") or p == "__MACOSX" for p in parts)


@register(".zip")
def read_zip(path: Path, data: bytes, *, depth: int = 1, budget: _Budget | None = None) -> list[Article]:
    archive = open_zip(data)
    budget = budget or _Budget(MAX_TOTAL_BYTES)
    articles: list[Article] = []
    failures: list[tuple[str, str]] = []
    for member in archive.infolist():
        name = safe_member_name(member.filename)
        if member.is_dir() or not _wanted(name):
            continue
        # the archive acts as a folder named after it (outlet guesses use folder names)
        member_path = path.parent / path.stem / name
        reader = reader_for(member_path)
        if reader is None:
            continue
        try:
            found = _read_one(archive, member, member_path, reader, depth, budget)
        except MembersUnreadable as exc:
            articles += _relabel(exc.articles, member_path, path, name)
            failures += [(f"{name}/{inner}", why) for inner, why in exc.failures]
        except UnreadableFile as exc:
            failures.append((name, str(exc)))
        except (MemoryError, RecursionError):
            failures.append((name, "it is too large or too deeply nested to read"))
        except Exception as exc:  # a reader bug must not stop the other members
            failures.append((name, f"it could not be read ({exc.__class__.__name__}: {exc})"))
        else:
            articles += _relabel(found, member_path, path, name)
    if failures:
        raise MembersUnreadable(_summary(articles, failures), articles, failures)
    if not articles:
        raise UnreadableFile("this archive holds no files of a supported type")
    return articles


def _read_one(archive, member, member_path: Path, reader, depth: int, budget: _Budget) -> list[Article]:
    if member.file_size == 0:
        raise UnreadableFile("the file is empty")
    if member.file_size > MAX_FILE_BYTES:
        raise UnreadableFile(f"the file is too large ({member.file_size // 2**20} MB)")
    is_zip = member_path.suffix.lower() == ".zip"
    if is_zip and depth >= MAX_NESTING:
        raise UnreadableFile("archives nested this deep are not opened")
    budget.take(member.file_size)  # what it unpacks to is never more (read_member checks)
    data = read_member(archive, member, max(member.file_size, 0))
    if is_zip:
        return read_zip(member_path, data, depth=depth + 1, budget=budget)
    found = reader(member_path, data)
    if not found:
        raise UnreadableFile("no articles were found in this file")
    return found


def _relabel(articles: list[Article], member_path: Path, path: Path, name: str) -> list[Article]:
    """Source paths shown as ``archive.zip/member`` (nested members keep their tail)."""
    shown, inner = f"{path}/{name}", str(member_path)
    return [replace(a, source_path=shown + a.source_path[len(inner):] if a.source_path.startswith(inner) else shown) for a in articles]


def _summary(articles: list[Article], failures: list[tuple[str, str]]) -> str:
    read = f"{len(articles)} article{'s' if len(articles) != 1 else ''} read; " if articles else ""
    return f"{read}{len(failures)} file{'s' if len(failures) != 1 else ''} in the archive could not be read"
