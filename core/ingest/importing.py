"""Import files into a project: one result per file, one bad file never stops the rest."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from core.store.copy_index import Placement, add_new_articles
from core.importers import iter_files, read_file
from core.importers.archive import MembersUnreadable
from core.store.outlet_lines import mark_outlet_boilerplate
from core.store.outlet_rows import with_project_outlets
from core.store.project_file import ProjectError, ReadOnlyProject, read_only_message
from core.store.store import ProjectStore
from core.ingest.table_import import import_table, is_streamed
from core.model.article import Article
from core.model.import_result import ImportResult, Status, UnreadableFile, plural
from core.nlp.languages import models_for
from core.nlp.pipeline import DEFAULT_MODEL
from core.tasks import NULL_STATE, Cancelled, TaskState


def import_paths(store: ProjectStore, paths: Iterable[str | Path], *, state: TaskState = NULL_STATE,
                 model: str = DEFAULT_MODEL) -> list[ImportResult]:
    """Import files and folders (recursively); cancelling keeps what is done.

    ``model`` is the analysis model: the report says which articles are in a
    language that no installed model reads. A read-only project is refused
    before any file is read.
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
        results.append(import_file(store, path, member_failures=member_rows, model=model, state=step))
        results.extend(member_rows)
    state.progress(1.0, _tally(results, len(files), len(files)))
    finish_import(store, results)
    return results


def finish_import(store: ProjectStore, results: list[ImportResult]) -> None:
    """After an import: mark the lines the new articles' outlets print under every article."""
    mark_outlet_boilerplate(store, [i for r in results for i in r.article_ids])


def _tally(results: list[ImportResult], done: int, total: int) -> str:
    """"120 of 10,000 files, 340 articles, 2 failed": what the progress bar says."""
    articles = sum(len(r.article_ids) for r in results)
    failed = sum(r.status == Status.FAILED for r in results)
    return f"{done:,} of {total:,} files, {articles:,} articles, {failed:,} failed"


def import_file(store: ProjectStore, path: Path, *, member_failures: list[ImportResult] | None = None,
                model: str = DEFAULT_MODEL, state: TaskState = NULL_STATE) -> ImportResult:
    """Read one file and store its articles; every failure becomes a result.

    For an archive, the members that were read are stored and each unreadable
    member is added to ``member_failures`` as a failed row. A CSV or JSON
    Lines table is imported a chunk at a time (``core/ingest/table_import.py``).
    """
    try:
        if is_streamed(path):
            return import_table(store, path, state=state,
                                store_chunk=lambda articles: store_articles(store, str(path), articles, model=model))
        articles = read_file(path)
    except MembersUnreadable as exc:  # an archive: keep what was read, report each bad member
        if member_failures is not None:
            member_failures += [ImportResult(f"{path}/{name}", Status.FAILED, why) for name, why in exc.failures]
        if not exc.articles:
            return ImportResult(str(path), Status.FAILED, str(exc))
        articles = exc.articles
    except UnreadableFile as exc:
        return ImportResult(str(path), Status.FAILED, str(exc))
    except MemoryError:
        return ImportResult(str(path), Status.FAILED, "the file is too large to read")
    except ProjectError as exc:  # a full disk, a damaged project, while a table was stored
        return ImportResult(str(path), Status.FAILED, f"its articles could not be saved: {exc}")
    except Cancelled:
        raise
    except Exception as exc:  # a reader bug must not stop the import of the rest
        return ImportResult(str(path), Status.FAILED, f"the file could not be read ({exc.__class__.__name__}: {exc})")
    try:
        return store_articles(store, str(path), articles, model=model)
    except ProjectError as exc:  # a full disk, a damaged project: this file's articles are not stored
        return ImportResult(str(path), Status.FAILED, f"its articles could not be saved: {exc}")


def store_articles(store: ProjectStore, source: str, articles: list[Article], *,
                   model: str = DEFAULT_MODEL) -> ImportResult:
    """Add the articles of one source; report new ones, versions, repeats and those no model reads.

    Outlets take the project's names first (:mod:`core.store.outlet_rows`).
    """
    articles = with_project_outlets(store, articles)
    placements = add_new_articles(store, articles)  # repeats not stored; versions linked; shared copy flagged
    stored = [p for p in placements if p.stored]
    known = _described(store, {p.repeats for p in placements if p.repeats} | {p.version_of for p in stored if p.version_of})
    versions = tuple((p.article.id, p.version_of) for p in stored if p.version_of)
    repeats = tuple((p.article.title, p.repeats) for p in placements if not p.stored and p.repeats is not None)
    _, skipped = models_for([p.article for p in stored], model)
    message = _message(placements, known, skipped)
    if not stored:
        return ImportResult(source, Status.DUPLICATE, message, repeats=repeats, read=len(placements))
    return ImportResult(source, Status.IMPORTED, message, tuple(p.article.id for p in stored),
                        tuple(p.article.title for p in stored), versions=versions, repeats=repeats,
                        not_analysed=tuple(skipped), read=len(placements))


#: Versions and repeats named one by one in a report row; the rest are counted.
LISTED = 5


def _described(store: ProjectStore, ids: set[str]) -> dict[str | None, str]:
    """"'Title' (Outlet, 2024-08-14)" for each id, as the report names the articles repeated."""
    return {a.id: f"'{a.title[:80]}' ({a.outlet}{', ' + a.date[:10] if a.date else ''})" for a in store.articles(ids)}


def _message(placements: list[Placement], known: dict[str | None, str], skipped: list[tuple[str, str]]) -> str:
    stored = [p for p in placements if p.stored]
    repeated = [p for p in placements if not p.stored]
    if not stored:
        first = known.get(repeated[0].repeats, "an article") if repeated else "an article"
        if len(repeated) == 1:
            return f"this article is already in the project: {first}"
        return f"all {len(repeated)} articles are already in the project: " + _listed(
            [known.get(p.repeats, p.article.title) for p in repeated])
    parts = [plural(len(stored), "article")]
    versions = [p for p in stored if p.version_of]
    if versions:
        parts.append(f"{plural(len(versions), 'version')} of an article kept and linked: " + _listed(
            [f"'{p.article.title[:80]}' repeats {known.get(p.version_of, 'an article')}" for p in versions]))
    if repeated:
        parts.append(f"{len(repeated)} already in the project: " + _listed(
            [known.get(p.repeats, f"'{p.article.title[:80]}'") for p in repeated]))
    if skipped:
        languages = sorted({reason.rsplit(" ", 1)[-1] for _, reason in skipped})
        parts.append(f"{len(skipped)} not analysed: language {', '.join(languages)} (no language model installed)")
    return "; ".join(parts)


def _listed(items: list[str]) -> str:
    shown = ", ".join(items[:LISTED])
    return shown + (f" and {len(items) - LISTED} more" if len(items) > LISTED else "")
