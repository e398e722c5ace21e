"""Import files into a project: one result per file, one bad file never stops the rest."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from core.io.copy_index import add_new_articles
from core.io.importers import iter_files, read_file
from core.io.importers.archive import MembersUnreadable
from core.io.project_file import ProjectError, ReadOnlyProject, read_only_message
from core.io.store import ProjectStore
from core.model.article import Article
from core.model.import_result import ImportResult, Status, UnreadableFile
from core.io.table_import import import_table, is_streamed
from core.tasks import NULL_STATE, Cancelled, TaskState


def import_paths(store: ProjectStore, paths: Iterable[str | Path], *, state: TaskState = NULL_STATE) -> list[ImportResult]:
    """Import files and folders (recursively); cancelling keeps what is done.

    A read-only project is refused before any file is read.
    """
    if store.read_only:
        raise ReadOnlyProject(read_only_message(store.path))
    skipped: list[tuple[Path, str]] = []
    files = list(iter_files([Path(p) for p in paths], skipped))
    results = [ImportResult(str(path), Status.FAILED, why) for path, why in skipped]
    for index, path in enumerate(files):
        state.progress(index / max(len(files), 1), f"{_tally(results, index, len(files))} — {path.name}")
        member_rows: list[ImportResult] = []
        step = state.sub(index / len(files), (index + 1) / len(files))  # a big table reports within its file
        results.append(import_file(store, path, member_failures=member_rows, state=step))
        results.extend(member_rows)
    state.progress(1.0, _tally(results, len(files), len(files)))
    return results


def _tally(results: list[ImportResult], done: int, total: int) -> str:
    """"120 of 10,000 files, 340 articles, 2 failed": what the progress bar says."""
    articles = sum(len(r.article_ids) for r in results)
    failed = sum(r.status == Status.FAILED for r in results)
    return f"{done:,} of {total:,} files, {articles:,} articles, {failed:,} failed"


def import_file(store: ProjectStore, path: Path, *, member_failures: list[ImportResult] | None = None,
                state: TaskState = NULL_STATE) -> ImportResult:
    """Read one file and store its articles; every failure becomes a result.

    For an archive, the members that were read are stored and each unreadable
    member is added to ``member_failures`` as a failed row. A CSV or JSON
    Lines table is imported a chunk at a time (``core/io/table_import.py``).
    """
    try:
        if is_streamed(path):
            return import_table(store, path, state=state)
        articles = read_file(path)
    except MembersUnreadable as exc:  # an archive: keep what was read, report each bad member
        if member_failures is not None:
            member_failures += [ImportResult(f"{path}/{name}", Status.FAILED, why) for name, why in exc.failures]
        if not exc.articles:
            return ImportResult(str(path), Status.FAILED, str(exc))
        articles = exc.articles
    except UnreadableFile as exc:
        return ImportResult(str(path), Status.FAILED, str(exc))
    except ProjectError as exc:  # a full disk, a damaged project, while a table was stored
        return ImportResult(str(path), Status.FAILED, f"its articles could not be saved: {exc}")
    except Cancelled:
        raise
    except MemoryError:
        return ImportResult(str(path), Status.FAILED, "the file is too large to read")
    except Exception as exc:  # a reader bug must not stop the import of the rest
        return ImportResult(str(path), Status.FAILED, f"the file could not be read ({exc.__class__.__name__}: {exc})")
    try:
        return store_articles(store, str(path), articles)
    except ProjectError as exc:  # a full disk, a damaged project: this file's articles are not stored
        return ImportResult(str(path), Status.FAILED, f"its articles could not be saved: {exc}")


def store_articles(store: ProjectStore, source: str, articles: list[Article]) -> ImportResult:
    """Add the articles of one source; report new ones and duplicates."""
    added = add_new_articles(store, articles)  # exact and near duplicates -> False; shared copy flagged
    new = tuple(a.id for a, ok in zip(articles, added) if ok)
    dupes = len(articles) - len(new)
    if not new:
        what = "this article is" if len(articles) == 1 else f"all {len(articles)} articles are"
        return ImportResult(source, Status.DUPLICATE, f"{what} already in the project")
    message = f"{len(new)} article{'s' if len(new) != 1 else ''}"
    if dupes:
        message += f" ({dupes} already in the project)"
    return ImportResult(source, Status.IMPORTED, message, new, tuple(a.title for a, ok in zip(articles, added) if ok))
