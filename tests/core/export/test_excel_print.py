"""How the workbook prints: every sheet set up for print, every table an Excel table with filters,
long tables cut to their first rows on paper, charts never cut by a page break, and, with
LibreOffice installed, the printed page count.

Read back with openpyxl from the workbook of a generated project (5 stories, 9 outlets).
"""

from __future__ import annotations

import math
import re

import pytest
from openpyxl.utils import column_index_from_string

from core.export.excel_charts import GRID_ROW_CM
from core.export.excel_print import PRINT_ROWS, PRINTABLE_HEIGHT_CM
from tests.core.export.excel_fixtures import synthetic_project, workbook

CHART_SHEETS = {"Top entities", "Story charts"}
#: Sheets of more than one table (the rest hold one, from A1, its header repeated on every printed page).
MULTI_TABLE_SHEETS = {"Summary", "Story comparison"}
EMU_PER_CM = 360_000


@pytest.fixture(scope="module")
def book(corpus_export):
    return workbook(corpus_export[1])


def _print_area(ws) -> tuple[int, int, int, int]:
    """(first column, first row, last column, last row) of the sheet's print area."""
    match = re.fullmatch(r"'?[^!]*'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)", ws.print_area)
    first_col, first_row, last_col, last_row = match.groups()
    return column_index_from_string(first_col), int(first_row), column_index_from_string(last_col), int(last_row)


def test_every_sheet_prints_landscape_one_page_wide_named_and_numbered(book):
    assert CHART_SHEETS <= set(book.sheetnames)
    for ws in book.worksheets:
        setup = ws.page_setup
        assert setup.orientation == "landscape", ws.title
        assert ws.oddHeader.left.text == "&A", ws.title  # the sheet's name on every page
        assert ws.oddFooter.right.text == "Page &P of &N", ws.title
        if ws.title == "Story charts":  # page breaks between charts: Excel ignores them when fitting to a page
            assert setup.scale == 100 and not ws.sheet_properties.pageSetUpPr.fitToPage
        else:
            assert ws.sheet_properties.pageSetUpPr.fitToPage and int(setup.fitToWidth) == 1, ws.title
            assert int(setup.fitToHeight) == (1 if ws.title == "Top entities" else 0), ws.title


def test_every_table_is_an_excel_table_with_filters_and_its_header_repeats(book):
    for ws in book.worksheets:
        if ws.title in CHART_SHEETS:
            assert ws._charts and not ws.tables, ws.title
            continue
        assert ws.tables, ws.title
        for table in ws.tables.values():
            assert table.autoFilter is not None and table.autoFilter.ref == table.ref, (ws.title, table.name)
        if ws.title in MULTI_TABLE_SHEETS:
            continue
        (table,) = ws.tables.values()
        assert table.ref.startswith("A1:") and ws.print_title_rows == "$1:$1", ws.title
        first_col, first_row, last_col, _ = _print_area(ws)
        assert first_row == 1 and 1 <= first_col <= last_col <= ws.max_column, ws.title


def test_identifiers_offsets_and_full_texts_stay_off_paper(book):
    printed = {}
    for name in ("Articles", "Entity mentions", "Quotes", "Shared passages"):
        ws = book[name]
        first, _, last, _ = _print_area(ws)
        printed[name] = [ws.cell(1, c).value for c in range(first, last + 1)]
    assert printed["Articles"][0] == "Outlet" and printed["Articles"][-1] == "Same wire copy in"
    assert printed["Entity mentions"] == ["Article", "Outlet", "Entity", "Label", "Mention", "Context"]
    assert printed["Quotes"] == ["Outlet", "Speaker", "Source type", "Kind", "Verb", "Words", "Quote"]
    assert printed["Shared passages"][-1] == "Other sentence"
    assert not {"Article id", "Text", "Start", "End"} & {h for headers in printed.values() for h in headers}


def test_long_tables_print_their_first_rows_and_say_so(tmp_path):
    project = synthetic_project(tmp_path / "long.newsprism", 30, 5)  # 150 mentions
    book = workbook(project.export_xlsx(tmp_path / "long.xlsx"))
    project.close()
    mentions, matrix = book["Entity mentions"], book["Entity matrix"]
    assert mentions.max_row == 151
    assert _print_area(mentions)[3] == 1 + PRINT_ROWS
    assert mentions.oddHeader.center.text == f"Printed: the first {PRINT_ROWS} of 150 rows; the workbook holds them all"
    assert _print_area(matrix)[3] == matrix.max_row and matrix.oddHeader.center.text is None


def test_no_story_chart_is_cut_by_a_page_break(book):
    ws = book["Story charts"]
    charts = ws._charts
    assert len(charts) == 5
    breaks = sorted(b.id for b in ws.row_breaks.brk)
    last_row = _print_area(ws)[3]
    pages = list(zip([0, *breaks], [*breaks, last_row]))  # (row before the page, last row of the page)
    assert len(pages) == math.ceil(len(charts) / 2)
    assert all((end - start) * GRID_ROW_CM <= PRINTABLE_HEIGHT_CM for start, end in pages)
    for chart in charts:
        top = chart.anchor._from.row + 1  # 1-based
        bottom = top + math.ceil(chart.anchor.ext.height / EMU_PER_CM / GRID_ROW_CM)
        assert any(start < top and bottom <= end for start, end in pages), (top, bottom, pages)


@pytest.mark.slow
def test_libreoffice_prints_the_workbook_to_a_few_pages_per_sheet(corpus_export, tmp_path):
    from scripts.check_workbook_libreoffice import NO_HEADER, pages_per_sheet, to_pdf, tools_missing

    missing = tools_missing()
    if missing:
        pytest.skip(f"{missing}: apt-get install -y --no-install-recommends libreoffice-calc poppler-utils")
    _, target = corpus_export
    sheets = workbook(target).sheetnames
    pages = pages_per_sheet(to_pdf(target, tmp_path, tmp_path / "home"), sheets)
    assert list(pages) == sheets  # every page carries the name of a sheet, and every sheet printed
    assert all(n >= 1 for n in pages.values()) and NO_HEADER not in pages
    assert pages["Story charts"] == 3 and pages["Top entities"] == 1  # five charts, two to a page
    assert max(pages.values()) <= 6 and sum(pages.values()) <= 60  # tens of pages, not hundreds
