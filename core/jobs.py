"""The window's long jobs on a project: import, analysis, export.

Module-level functions of plain arguments, so that the job process
(core/job_process.py) can run them in its child; tests also call them
directly. Each keeps what it did when a later step fails.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from pathlib import Path

from core.model.import_result import ImportResult, Status, UnreadableFile
from core.project import Project
from core.settings import Settings
from core.tasks import Cancelled, TaskFailure, TaskState, portable

#: Tables whose columns the user can map when they are not recognised.
TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".xlsx", ".xlsm", ".json", ".jsonl", ".ndjson")


@dataclass
class ImportOutcome:
    """An import's per-file results, and how the analysis after it went."""

    results: list[ImportResult]
    analysis_error: TaskFailure | None = None
    analysis_cancelled: bool = False
    unmapped: list[tuple[str, list[str]]] = field(default_factory=list)  # tables to map: (path, columns)
    not_analysed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason): imported, left out of analysis


def import_then_analyse(project: Project, paths: list[str], *, state: TaskState) -> ImportOutcome:
    """What a drop on the window does: import, then analyse what is new; the import report is kept when
    analysis fails or stops."""
    results = project.import_paths(paths, state=state.sub(0.0, 0.3))
    return _analyse_after(project, results, unmapped_tables(results), state=state)


def import_pasted_then_analyse(project: Project, text: str, *, state: TaskState) -> ImportOutcome:
    """Pasted or dropped text: links are fetched, other text becomes an article."""
    return _analyse_after(project, project.import_pasted(text, state=state.sub(0.0, 0.3)), state=state)


def import_urls_then_analyse(project: Project, urls: list[str], *, state: TaskState) -> ImportOutcome:
    return _analyse_after(project, project.import_urls(urls, state=state.sub(0.0, 0.3)), state=state)


def import_mapped_then_analyse(project: Project, path: str, mapping: dict[str, str], *,
                               state: TaskState) -> ImportOutcome:
    """A table imported with the columns the user mapped."""
    from core.importers.tables import read_table_with_mapping
    from core.ingest.importing import store_articles
    from core.ingest.table_import import import_table, is_streamed

    state.progress(0.0, f"Importing {Path(path).name}…")
    try:
        if is_streamed(Path(path)):  # a big CSV or JSON Lines file: a chunk at a time
            chunk = lambda articles: store_articles(project.store, str(path), articles, model=project.model)  # noqa: E731
            results = [import_table(project.store, Path(path), dict(mapping), state=state.sub(0.0, 0.3), store_chunk=chunk)]
        else:
            results = [store_articles(project.store, str(path), read_table_with_mapping(path, mapping), model=project.model)]
    except (UnreadableFile, OSError) as exc:
        results = [ImportResult(str(path), Status.FAILED, str(exc))]
    return _analyse_after(project, results, state=state)


def unmapped_tables(results: list[ImportResult]) -> list[tuple[str, list[str]]]:
    """Tables that failed because no column was recognised as the text: (path, columns) to map."""
    from core.importers.tables import recognise_columns, table_columns

    found = []
    for result in results:
        path = Path(result.source)
        if result.status != Status.FAILED or path.suffix.lower() not in TABLE_SUFFIXES or not path.is_file():
            continue
        try:
            columns = table_columns(path)
        except (UnreadableFile, OSError):
            continue  # unreadable, not unmapped: the report says why
        if columns and "text" not in recognise_columns(columns):
            found.append((str(path), columns))
    return found


def _analyse_after(project: Project, results: list[ImportResult], unmapped=(), *, state: TaskState) -> ImportOutcome:
    """Analyse what was imported; the import report is kept when analysis fails or stops."""
    unmapped = list(unmapped)
    try:
        report = project.analyse(state=state.sub(0.3, 1.0))
    except Cancelled:
        return ImportOutcome(results, analysis_cancelled=True, unmapped=unmapped)
    except Exception as exc:  # e.g. ModelUnavailable: the articles stay imported
        return ImportOutcome(results, TaskFailure("Analysing articles", portable(exc), traceback.format_exc()), unmapped=unmapped)
    return ImportOutcome(results, unmapped=unmapped, not_analysed=not_analysed(project, report.failed))


def not_analysed(project: Project, failed) -> list[tuple[str, str]]:
    """``(source, reason)`` of the articles the analysis left out (shown in the import report)."""
    rows = []
    for article_id, reason in failed:
        article = project.article(article_id)
        rows.append((article.source_path or article.title, reason))
    return rows


def analyse(project: Project, *, state: TaskState):
    """Analyse whatever is not analysed yet."""
    return project.analyse(state=state)


def export_xlsx(project: Project, target: str | Path, article_ids: list[str] | None, *, state: TaskState) -> Path:
    return project.export_xlsx(target, state=state, article_ids=article_ids, types=Settings.load().entity_types)


def export_csv(project: Project, folder: str | Path, article_ids: list[str] | None, *, state: TaskState) -> Path:
    project.export_csv(folder, state=state, article_ids=article_ids, types=Settings.load().entity_types)
    return Path(folder)


def regroup_stories(project: Project, tightness: float, *, state: TaskState) -> int:
    """Regroup the stories as tight as asked (the user's moves, merges and splits stay); how many there are."""
    state.progress(0.0, "Grouping articles into stories…")
    project.set_story_tightness(tightness)
    return len(project.stories())
