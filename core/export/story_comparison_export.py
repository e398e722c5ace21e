"""The story comparison page as a file: one sheet (or CSV) an analyst can drop into a report.

Rows are the measures, columns the outlets (as the window shows them), with
what each measure means beside it. Every value from the articles is written
as text (a descriptor starting with "=" stays text).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from core.export.excel_cells import csv_value, excel_value
from core.export.excel_output import atomic_output


def page_rows(table: pd.DataFrame, notes: dict[str, str]) -> list[list]:
    """``[measure, value per outlet…, what it means]`` rows from ``story_comparison_table``."""
    outlets = list(table["Outlet"])
    rows = [["", *outlets, "What it means"]]
    for column in table.columns:
        if column == "Outlet":
            continue
        rows.append([column, *table[column].tolist(), notes.get(column, "")])
    return rows


def export_story_comparison(table: pd.DataFrame, notes: dict[str, str], title: str, target: Path,
                            colours: dict[str, str] | None = None) -> Path:
    """Write the page to ``target`` (.xlsx, else CSV); an existing file is replaced only when done."""
    target = Path(target)
    rows = page_rows(table, notes)
    if target.suffix.lower() != ".xlsx":
        with atomic_output(target, target.suffix or ".csv") as temp:
            with temp.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow([csv_value(title)])
                writer.writerows([[csv_value(v) for v in row] for row in rows])
        return target
    with atomic_output(target, ".xlsx") as temp:
        _workbook(rows, title, colours or {}).save(temp)
    return target


def _workbook(rows: list[list], title: str, colours: dict[str, str]):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = "Story comparison"
    _text(sheet.cell(1, 1), title).font = Font(bold=True, size=13)
    for r, row in enumerate(rows, start=3):
        for c, value in enumerate(row, start=1):
            cell = _text(sheet.cell(r, c), value)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if r == 3 or c == 1:
                cell.font = Font(bold=True)
    for c, outlet in enumerate(rows[0][1:-1], start=2):
        colour = colours.get(outlet)
        if colour:
            sheet.cell(3, c).fill = PatternFill("solid", fgColor=colour.lstrip("#"))
            sheet.cell(3, c).font = Font(bold=True, color="FFFFFF")
    sheet.column_dimensions["A"].width = 24
    for c in range(2, len(rows[0]) + 1):
        sheet.column_dimensions[sheet.cell(3, c).column_letter].width = 34 if c < len(rows[0]) else 60
    sheet.freeze_panes = "B4"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "3:3"
    return book


def _text(cell, value):
    """Store ``value``; text stays text (never a formula)."""
    cell.value = excel_value(value)
    if isinstance(cell.value, str):
        cell.data_type = "s"
    return cell
