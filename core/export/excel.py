"""Excel export: the project as a workbook an analyst can put straight into a report.

Sheets come from :data:`core.export.excel_sheets.SHEETS`; each is a real Excel
table (named, filterable, banded) with a frozen, styled header, number
formats and fitted widths. Worksheets are streamed (openpyxl ``write_only``)
so memory stays flat on large projects: at 100,000 rows normal mode takes
about four times the memory for the same time (STACK_NOTES, and
``benchmarks/excel_bench.py``). The file is written beside the target and
renamed over it only when complete.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Mapping

import pandas as pd
from openpyxl import Workbook

from core.export.csv_writer import write_csv
from core.export.excel_charts import (CHART_TITLE, STORY_CHARTS_TITLE, STORY_ENTITIES, TOP_STORIES, write_chart_sheet,
                                  write_story_charts)
from core.export.excel_analysis_sheets import story_coverage, story_entities
from core.export.excel_output import ExportError, atomic_output
from core.export.excel_sheets import ExportData, SheetSpec
from core.export.excel_specs import available_sheets
from core.export.excel_summary import guide_rows, write_summary
from core.export.excel_writer import TableWriter
from core.tasks import NULL_STATE, TaskState
from core.text.names import DEFAULT_TYPES

__all__ = ["ExportError", "export_workbook", "export_table", "available_sheets"]

MATRIX_TITLE = "Entity matrix"
STORY_ENTITIES_TITLE = "Story entities"


@dataclass(frozen=True)
class ChartSpec:
    """A chart sheet, placed after the Summary, drawn from the data sheet ``source``."""

    title: str
    about: str
    source: str
    has_data: Callable[[ExportData], bool]
    write: Callable[[Workbook, ExportData], bool]


CHARTS = [
    ChartSpec(CHART_TITLE, f"Column chart of the most mentioned entities, one bar per outlet (from {MATRIX_TITLE}).",
              MATRIX_TITLE, lambda data: not data.matrix.empty,
              lambda workbook, data: write_chart_sheet(workbook, data, MATRIX_TITLE)),
    ChartSpec(STORY_CHARTS_TITLE,
              f"One chart per story, the {TOP_STORIES} largest: mentions of its {STORY_ENTITIES} most mentioned "
              f"entities within the story, one bar per outlet that covered it (from {STORY_ENTITIES_TITLE}).",
              STORY_ENTITIES_TITLE, lambda data: not story_entities(data).empty,
              lambda workbook, data: write_story_charts(workbook, data, STORY_ENTITIES_TITLE, story_coverage(data),
                                                        story_entities(data))),
]


def export_workbook(
    project,
    target: Path,
    *,
    state: TaskState = NULL_STATE,
    article_ids: Iterable[str] | None = None,
    types: Iterable[str] | None = None,
) -> Path:
    """Write the project (or the articles ``article_ids``) to ``target`` as .xlsx.

    ``types`` are the entity types counted (default: the five main types; the
    window and the command line pass the user's setting). Raises :class:`ExportError` for a target
    that cannot be written and :class:`~core.tasks.Cancelled` on cancel; in
    both cases an existing ``target`` is left untouched.
    """
    target = Path(target)
    data = ExportData(project, DEFAULT_TYPES if types is None else types, article_ids)
    state.progress(0.0, "Reading the project…")
    if data.selected and data.articles.empty:
        raise ExportError("No articles are selected, so there is nothing to export.")
    specs = available_sheets(project)
    with atomic_output(target, ".xlsx") as temp:
        workbook = _new_workbook(project.path.stem)
        try:
            titles = {spec.title for spec in specs}
            charts = [chart for chart in CHARTS if chart.source in titles and chart.has_data(data)]
            write_summary(workbook, data, guide_rows(specs, [(chart.title, chart.about) for chart in charts]))
            for chart in charts:
                chart.write(workbook, data)
            _write_specs(workbook, specs, data, state.sub(0.05, 0.9))
            state.progress(0.9, "Saving the workbook…")
            workbook.save(temp)
        except BaseException:
            _discard(workbook)
            raise
        state.progress(1.0, f"Exported {target.name}")  # the last chance to cancel: before the rename
    return target


def _write_specs(workbook, specs: list[SheetSpec], data: ExportData, state: TaskState) -> None:
    sizes = [max(1, spec.size(data)) for spec in specs]
    total, done = sum(sizes), 0
    for spec, size in zip(specs, sizes):
        part = state.sub(done / total, (done + size) / total)
        part.progress(0.0, f"Writing {spec.title}…")
        if spec.write is not None:
            spec.write(workbook, spec, data, part)
        else:
            writer = TableWriter(workbook, spec.title, spec.table, formats=spec.formats, row_height=spec.row_height,
                                 align_top=spec.align_top, print_until=spec.print_until)
            writer.write(_as_chunks(spec.build(data)), total_rows=size, state=part)
        done += size


def export_table(
    frame: pd.DataFrame,
    target: Path,
    *,
    title: str = "Data",
    formats: Mapping[str, str] | None = None,
    state: TaskState = NULL_STATE,
) -> Path:
    """Write one DataFrame (the current view's data) as a one-table workbook.

    A target ending in ``.csv`` gets a formula-safe UTF-8 CSV file instead.
    """
    target = Path(target)
    if target.suffix.lower() == ".csv":
        with atomic_output(target, ".csv") as temp:
            write_csv([frame], temp, state=state)
            state.progress(1.0, f"Exported {target.name}")
        return target
    state.progress(0.0, f"Writing {target.name}…")
    with atomic_output(target, ".xlsx") as temp:
        workbook = _new_workbook(title)
        try:
            TableWriter(workbook, title, "Data", formats=formats).write([frame], total_rows=len(frame),
                                                                       state=state.sub(0.0, 0.9))
            state.progress(0.9, "Saving the workbook…")
            workbook.save(temp)
        except BaseException:
            _discard(workbook)
            raise
        state.progress(1.0, f"Exported {target.name}")  # the last chance to cancel: before the rename
    return target


#: Streamed (write_only) sheets; ``False`` only to measure normal mode (benchmarks/excel_bench.py).
STREAMING = True


def _new_workbook(title: str) -> Workbook:
    workbook = Workbook(write_only=STREAMING)
    if not STREAMING:
        workbook.remove(workbook.active)
    workbook.properties.creator = "Newsprism"
    workbook.properties.title = title
    return workbook


def _as_chunks(built) -> Iterable[pd.DataFrame]:
    return [built] if isinstance(built, pd.DataFrame) else built


def _discard(workbook: Workbook) -> None:
    """Remove the streamed sheets' temporary files after a cancel or an error."""
    for ws in workbook.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        try:
            if getattr(ws, "_rows", None) is not None:
                ws._rows.close()  # ends the row stream before its file is closed
            writer.close()
            writer.cleanup()
        except Exception:  # noqa: BLE001 - best effort; openpyxl also cleans up at exit
            pass
