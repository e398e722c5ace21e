"""CSV export: one UTF-8 file per workbook table, for people who prefer plain data.

The files hold the same tables as the workbook (:data:`core.export.excel_specs.SHEETS`)
and a Summary.csv of the Summary sheet's facts. They are UTF-8 with a byte
order mark, so Excel opens accented names correctly. Text a spreadsheet
would read as a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return at
the start) gets a leading apostrophe, as OWASP advises for CSV. All files
are written to temporary names first and replace existing ones only when
every file is complete.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Iterable

import pandas as pd

from core.export.excel_output import ExportError, atomic_output
from core.export.excel_sheets import ExportData
from core.export.excel_specs import available_sheets
from core.export.excel_summary import FACT_HEADERS, SUMMARY_TITLE, facts
from core.export.csv_writer import write_csv
from core.tasks import NULL_STATE, TaskState
from core.text.names import DEFAULT_TYPES



def export_csv(
    project,
    folder: Path,
    *,
    state: TaskState = NULL_STATE,
    article_ids: Iterable[str] | None = None,
    types: Iterable[str] | None = None,
) -> list[Path]:
    """Write ``<table>.csv`` files into ``folder`` (created if missing); returns their paths."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"Cannot create the folder {folder}: {exc.strerror or exc}") from exc
    data = ExportData(project, DEFAULT_TYPES if types is None else types, article_ids)
    state.progress(0.0, "Reading the project…")
    if data.selected and data.articles.empty:
        raise ExportError("No articles are selected, so there is nothing to export.")
    specs = available_sheets(project)
    written = []
    with ExitStack() as files:  # every file replaces its old self only if all succeed
        summary = files.enter_context(atomic_output(folder / f"{SUMMARY_TITLE}.csv", ".csv"))
        write_csv([pd.DataFrame(facts(data), columns=list(FACT_HEADERS))], summary)
        written.append(folder / f"{SUMMARY_TITLE}.csv")
        for i, spec in enumerate(specs):
            state.progress(0.05 + 0.9 * i / len(specs), f"Writing {spec.title}.csv…")
            target = folder / f"{spec.title}.csv"
            temp = files.enter_context(atomic_output(target, ".csv"))
            built = spec.build(data)
            write_csv([built] if isinstance(built, pd.DataFrame) else built, temp, state=state)
            written.append(target)
        state.progress(1.0, f"Exported {len(written)} CSV files")  # the last chance to cancel: before the renames
    return written
