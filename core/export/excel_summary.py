"""The Summary sheet: what was exported, with which settings, and a guide to the sheets."""

from __future__ import annotations

import hashlib
from datetime import datetime
from importlib import metadata

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from core.export.excel_cells import excel_value
from core.export.excel_print import set_up_page
from core.export.excel_sheets import ExportData, SheetSpec
from core.export.excel_writer import FONT, TableWriter, add_table
from core.paths import resources_dir

SUMMARY_TITLE = "Summary"
FACT_HEADERS = ("Item", "Value")
GUIDE_HEADERS = ("Sheet", "What it holds")
VALUE_CHARS_PER_LINE = 105


def alias_table_version() -> str:
    """The alias table as shipped: its entry count and a short hash of the file."""
    path = resources_dir() / "aliases.csv"
    try:
        raw = path.read_bytes()
    except OSError:
        return "not found"
    entries = sum(1 for line in raw.decode("utf-8", "replace").splitlines()[1:] if line.strip() and not line.startswith("#"))
    return f"{path.name}, {entries} aliases, sha1 {hashlib.sha1(raw).hexdigest()[:10]}"


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"


def _models_used(project) -> str:
    used: dict[str, int] = {}
    for _hash, model in project.store.analysis_state().values():
        model = model.split("#")[0]  # the model, without the extraction version
        used[model] = used.get(model, 0) + 1
    return "; ".join(f"{m} ({n} articles)" for m, n in sorted(used.items())) or "not analysed yet"


def _stories(project) -> int | str:
    stories = getattr(project, "stories", None)
    if stories is None:
        return "not available in this version"
    try:
        return len(stories() if callable(stories) else stories)
    except Exception:  # noqa: BLE001 - a story problem must not stop the export of everything else
        return "could not be counted"


def facts(data: ExportData) -> list[tuple[str, object]]:
    """The Item/Value rows of the Summary table."""
    project, articles, mentions = data.project, data.articles, data.mentions
    total = project.store.article_count()
    scope = "all articles" if not data.selected else f"a selection of {len(articles)} of {total} articles"
    return [
        ("Project", project.path.stem),
        ("Project file", str(project.path)),
        ("Exported", datetime.now().replace(microsecond=0)),
        ("Scope", scope),
        ("Articles", len(articles)),
        ("Outlets", len(data.outlets)),
        ("Outlet names", ", ".join(data.outlets)),
        ("Stories", _stories(project)),
        ("Words analysed", int(articles["word_count"].sum())),
        ("Entity mentions counted", len(mentions)),
        ("Distinct entities", int(mentions["entity"].nunique()) if len(mentions) else 0),
        ("Entity types counted", ", ".join(data.types)),
        ("Language model (setting)", f"{project.model} {_version(project.model.replace('_', '-'))}"),
        ("Models used in the analysis", _models_used(project)),
        ("Alias table", alias_table_version()),
        ("Newsprism version", _version("newsprism")),
    ]


def write_summary(workbook, data: ExportData, guide: list[tuple[str, str]]) -> None:
    """The first sheet: a heading, the facts table and the guide table."""
    ws = workbook.create_sheet(SUMMARY_TITLE)
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 100
    set_up_page(ws)
    heading = WriteOnlyCell(ws, excel_value(f"Newsprism report: {data.project.path.stem}"))
    heading.data_type = "s"
    heading.font = Font(name=FONT, bold=True, size=16)
    ws.append([heading])
    ws.append([])
    row = _table(ws, "SummaryFacts", FACT_HEADERS, facts(data), first_row=3)
    ws.append([])
    _table(ws, "SheetGuide", GUIDE_HEADERS, guide, first_row=row + 2)


def _table(ws, name: str, headers: tuple[str, str], rows: list[tuple], first_row: int) -> int:
    """Write a two-column table from ``first_row``; returns its last row."""
    ws.append([TableWriter._header_cell(ws, h) for h in headers])
    for row, (key, value) in enumerate(rows, first_row + 1):
        lines = -(-len(value) // VALUE_CHARS_PER_LINE) if isinstance(value, str) else 1
        if lines > 1:  # spreadsheets do not size wrapped rows on open
            ws.row_dimensions[row].height = 15 * lines
        ws.append([_text(ws, key, bold=True), _value(ws, value)])
    last = first_row + len(rows)
    add_table(ws, name, f"A{first_row}:B{last}", list(headers))
    return last


def _text(ws, text: str, bold: bool = False):
    cell = WriteOnlyCell(ws, excel_value(text))
    cell.data_type = "s"
    cell.alignment = Alignment(vertical="top", wrap_text=True)
    if bold:
        cell.font = Font(name=FONT, bold=True)
    return cell


def _value(ws, value):
    if isinstance(value, str):
        return _text(ws, value)
    cell = WriteOnlyCell(ws, excel_value(value))
    cell.alignment = Alignment(horizontal="left", vertical="top")
    if isinstance(value, datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
    elif isinstance(value, int):
        cell.number_format = "#,##0"
    return cell


def guide_rows(specs: list[SheetSpec], extra: list[tuple[str, str]]) -> list[tuple[str, str]]:
    rows = [(SUMMARY_TITLE, "This page: the project, the export's scope, the settings used, and this guide.")]
    return rows + extra + [(spec.title, spec.about) for spec in specs]
