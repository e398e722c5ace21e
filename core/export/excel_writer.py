"""One pandas table into streamed worksheets as a real, styled Excel table.

Worksheets are openpyxl ``write_only`` sheets: rows go to disk as they are
written, so a million mentions never sit in memory as cells. Everything a
streamed sheet needs up front (column widths, frozen panes) is decided from
the first chunk of rows. A table longer than Excel's row limit continues on
a second sheet ("Entity mentions (2)").
"""

from __future__ import annotations

import itertools
import re
import warnings
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Iterator, Mapping

import pandas as pd
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.filters import AutoFilter
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

from core.export.excel_cells import CELL_LIMIT, ERROR_LITERALS, FORMULA_STARTS, excel_value, needs_text_mark, parse_date
from core.export.excel_print import PRINT_ROWS, note_on_pages, printed_rows_note, set_up_page
from core.tasks import NULL_STATE, TaskState

#: Data rows per sheet: Excel's 1,048,576 rows less the header.
MAX_DATA_ROWS = 1_048_575
PROGRESS_EVERY = 2_000
WIDTH_SAMPLE = 2_000
LINE_HEIGHT = 15.0  # points per line of 11-point text
HEADER_WRAP = 14  # headers longer than this may wrap onto a second line
MAX_ROW_HEIGHT = 409.0  # Excel's limit
#: Kinds of column left out of the printout at the edges of a table: identifiers at its
#: start, character offsets and full texts at its end (they fill pages and say little on paper).
UNPRINTED_FIRST = frozenset({"id"})
UNPRINTED_LAST = frozenset({"offset", "longtext"})

FONT = "Calibri"  # the workbook default; a font without a name renders as serif in LibreOffice
HEADER_FONT = Font(name=FONT, bold=True, color="FFFFFF")
FORMULA_FIRST_CHARS = frozenset(FORMULA_STARTS)
HEADER_FILL = PatternFill("solid", fgColor="1F4E78")
HEADER_ALIGNMENT = Alignment(vertical="center", wrap_text=True)
TABLE_STYLE = "TableStyleMedium2"


@dataclass(frozen=True)
class ColumnKind:
    """How a kind of column looks: number format, wrapping, width bounds (characters)."""

    number_format: str | None = None
    wrap: bool = False
    min_width: float = 6
    max_width: float = 40


KINDS: dict[str, ColumnKind] = {
    "text": ColumnKind(),
    "id": ColumnKind(min_width=18, max_width=18),
    "wrap": ColumnKind(wrap=True, min_width=20, max_width=60),
    "para": ColumnKind(wrap=True, min_width=40, max_width=80),
    "line": ColumnKind(min_width=30, max_width=100),  # long text kept on one line (a sentence)
    "longtext": ColumnKind(min_width=100, max_width=100),  # one line; the whole text is in the cell
    "date": ColumnKind("yyyy-mm-dd", min_width=12, max_width=18),
    "integer": ColumnKind(max_width=14),
    "offset": ColumnKind(max_width=14),  # a character offset into an article's text
    "count": ColumnKind("#,##0", max_width=14),
    "number": ColumnKind("#,##0.0##", max_width=14),
    "rate": ColumnKind("0.0", max_width=14),
    "percent": ColumnKind("0.0%", max_width=14),
    "decimal": ColumnKind("0.00", max_width=14),
    "pvalue": ColumnKind("0.0000", max_width=14),
}
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"


def kind_of(series: pd.Series, declared: str | None) -> str:
    """The declared kind of a column, else one inferred from its dtype."""
    if declared:
        return declared
    if pd.api.types.is_bool_dtype(series):
        return "text"
    if pd.api.types.is_integer_dtype(series):
        return "integer"
    if pd.api.types.is_float_dtype(series):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "date"
    return "text"


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def sheet_title(text: str) -> str:
    """A legal sheet name: no ``[]:*?/\\``, at most 31 characters, not empty."""
    title = _SHEET_FORBIDDEN.sub(" ", excel_value(str(text)) or "").strip().strip("'")[:31]
    return title or "Sheet"


def table_headers(names: Iterable) -> list[str]:
    """Unique, non-empty, single-line header texts (Excel repairs a file otherwise)."""
    out: list[str] = []
    seen: set[str] = set()
    for i, name in enumerate(names, 1):
        text = " ".join((excel_value(str(name)) or "").split())[:255] or f"Column {i}"
        candidate, n = text, 2
        while candidate.casefold() in seen:
            candidate, n = f"{text} ({n})", n + 1
        seen.add(candidate.casefold())
        out.append(candidate)
    return out


class TableWriter:
    """Writes chunks of one table into as many streamed sheets as it needs."""

    def __init__(
        self,
        workbook,
        title: str,
        table_name: str,
        *,
        formats: Mapping[str, str] | None = None,
        row_height: float | None = None,
        align_top: bool = False,
        print_until: str | None = None,
    ):
        self.workbook = workbook
        self.print_until = print_until
        self.align_top = align_top
        self.title = sheet_title(title)
        self.table_name = table_name
        self.formats = dict(formats or {})
        self.row_height = row_height
        self.sheets: list = []
        self.rows_written = 0

    def write(self, chunks: Iterable[pd.DataFrame], *, total_rows: int = 0, state: TaskState = NULL_STATE) -> int:
        """Write every chunk (all with the same columns); returns the data rows written."""
        chunks = iter(chunks)
        first = next(chunks)
        self._prepare(first)
        for chunk in _with_first(first, chunks):
            columns = [self._column(chunk.iloc[:, i], i) for i in range(chunk.shape[1])]
            heights = self._heights(chunk)
            for row, height in zip(zip(*columns), heights):
                if self._sheet_rows == MAX_DATA_ROWS:
                    self._finish_sheet()
                    self._start_sheet()
                self._append(list(row), height)
                self._sheet_rows += 1
                self.rows_written += 1
                if self.rows_written % PROGRESS_EVERY == 0:
                    state.progress(self.rows_written / max(total_rows, self.rows_written, 1), self._message())
        self._finish_sheet()
        return self.rows_written

    def _message(self) -> str:
        return f"Writing {self.title}: {self.rows_written:,} rows"

    # -- set up ----------------------------------------------------------
    def _prepare(self, sample: pd.DataFrame) -> None:
        self.headers = table_headers(sample.columns)
        self.kinds = [kind_of(sample[c], self.formats.get(c)) for c in sample.columns]
        self.widths = [self._width(sample.iloc[:WIDTH_SAMPLE, i], h, k)
                       for i, (h, k) in enumerate(zip(self.headers, self.kinds))]
        self.styles = [self._style_for(kind) for kind in self.kinds]
        self.wrapped = [(i, max(self.widths[i] - 1, 1)) for i, k in enumerate(self.kinds) if KINDS[k].wrap]
        self._start_sheet()

    @staticmethod
    def _width(values: pd.Series, header: str, kind: str) -> float:
        bounds = KINDS[kind]
        if kind in ("integer", "number", "rate", "percent", "date"):
            longest: float = max((len(f"{v:,.1f}") if isinstance(v, float) else len(str(v)) for v in values.dropna()), default=0)
        else:
            lengths = values.dropna().astype(str).str.len()
            longest = float(lengths.quantile(0.95)) if len(lengths) else 0
        # the header (wrapped onto two lines if long) plus room for the filter button, then the values
        header_width = min(len(header), max(HEADER_WRAP, -(-len(header) // 2))) + 4
        return min(max(bounds.min_width, header_width, longest + 2), max(bounds.max_width, header_width))

    def _style_for(self, kind: str):
        bounds = KINDS[kind]
        if bounds.wrap:
            return bounds.number_format, Alignment(vertical="top", wrap_text=True)
        if self.align_top:
            return bounds.number_format, Alignment(vertical="top")
        return (bounds.number_format, None) if bounds.number_format else None

    def _heights(self, chunk: pd.DataFrame) -> Iterable[float | None]:
        """Rows with wrapped text get the height of their longest cell (spreadsheets don't size them on open)."""
        if self.row_height or not self.wrapped:
            return itertools.repeat(self.row_height, len(chunk))
        wrapped = [(chunk.iloc[:, i].tolist(), width) for i, width in self.wrapped]
        heights = []
        for r in range(len(chunk)):
            lines: float = 1  # widths are fractional
            for values, width in wrapped:
                value = values[r]
                if isinstance(value, str) and len(value) > width:
                    lines = max(lines, sum(-(-len(part) // width) or 1 for part in value.split("\n")))
            heights.append(min(lines * LINE_HEIGHT, MAX_ROW_HEIGHT) if lines > 1 else None)
        return heights

    def _start_sheet(self) -> None:
        n = len(self.sheets) + 1
        title = self.title if n == 1 else f"{self.title[:26]} ({n})"
        ws = self.workbook.create_sheet(title)
        for i, width in enumerate(self.widths, 1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = "A2"
        set_up_page(ws, title_rows="1:1")
        self.sheets.append(ws)
        self._sheet_rows = 0
        self._row_index = 1
        header_lines = max(-(-len(h) // max(w - 4, 1)) for h, w in zip(self.headers, self.widths))
        self._append([self._header_cell(ws, h) for h in self.headers],
                     LINE_HEIGHT * min(header_lines, 3) if header_lines > 1 else None)

    def _append(self, row: list, height: float | None = None) -> None:
        ws = self.sheets[-1]
        if height:
            ws.row_dimensions[self._row_index].height = height
        ws.append(row)  # a streamed row is written at once: its dimension is no longer needed
        if height:
            del ws.row_dimensions[self._row_index]
        self._row_index += 1

    @staticmethod
    def _header_cell(ws, text: str):
        cell = WriteOnlyCell(ws, text)
        cell.data_type = "s"
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT
        return cell

    # -- cells -----------------------------------------------------------
    def _column(self, series: pd.Series, column: int) -> list:
        """The cells of one column of a chunk; plain values where openpyxl can take them as they are."""
        values = series.tolist()
        if self.styles[column] is not None:
            return [self._cell(v, column) for v in values]
        if pd.api.types.is_integer_dtype(series.dtype) and not pd.api.types.is_extension_array_dtype(series.dtype):
            return values
        return [v if type(v) is str and _plain_text(v) else self._cell(v, column) for v in values]

    def _cell(self, value, column: int):
        kind = self.kinds[column]
        if kind == "date":
            value = parse_date(value)
        value = excel_value(value)
        style = self.styles[column]
        text = isinstance(value, str)
        if style is None and not (text and needs_text_mark(value)):
            return value
        cell = WriteOnlyCell(self.sheets[-1], value)
        if text:
            cell.data_type = "s"  # never a formula or an error value, whatever it says
        if style is not None:
            number_format, alignment = style
            if isinstance(value, datetime):
                cell.number_format = DATETIME_FORMAT
            elif number_format and not (text and kind == "date"):
                cell.number_format = number_format
            if alignment is not None:
                cell.alignment = alignment
        return cell

    def _finish_sheet(self) -> None:
        ws = self.sheets[-1]
        if self._sheet_rows == 0:  # Excel wants a table body: one empty row
            self._append([])
        last_row = self._row_index - 1
        ref = f"A1:{get_column_letter(len(self.headers))}{last_row}"
        n = len(self.sheets)
        add_table(ws, self.table_name if n == 1 else f"{self.table_name}{n}", ref, self.headers)
        first, last = self.printed_columns()
        printed_rows = min(self._sheet_rows, PRINT_ROWS)
        ws.print_area = f"{get_column_letter(first)}1:{get_column_letter(last)}{1 + max(printed_rows, 1)}"
        if printed_rows < self._sheet_rows:
            note_on_pages(ws, printed_rows_note(printed_rows, self._sheet_rows))

    def printed_columns(self) -> tuple[int, int]:
        """First and last printed column (1-based): the table less its unprinted edges."""
        last = len(self.kinds)
        if self.print_until in self.headers:
            last = self.headers.index(self.print_until) + 1
        while last > 1 and self.kinds[last - 1] in UNPRINTED_LAST:
            last -= 1
        first = 1
        while first < last and self.kinds[first - 1] in UNPRINTED_FIRST:
            first += 1
        return first, last


def add_table(ws, name: str, ref: str, headers: list[str]) -> None:
    """A named, filterable, banded Excel table over ``ref`` of a streamed sheet.

    Streamed sheets cannot read their header cells back, so the columns are
    named here (they must match the header cells exactly).
    """
    table = Table(displayName=name, ref=ref)
    table.tableColumns = [TableColumn(id=i, name=h) for i, h in enumerate(headers, 1)]
    table.autoFilter = AutoFilter(ref=ref)
    table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True, showColumnStripes=False)
    with warnings.catch_warnings():  # "you must add table columns manually": done above
        warnings.filterwarnings("ignore", message="In write-only mode", category=UserWarning)
        ws.add_table(table)


def _plain_text(text: str) -> bool:
    """Text openpyxl stores as it is: not formula-like, not an error literal, no rejected characters, not too long."""
    return (
        bool(text) and text[0] not in FORMULA_FIRST_CHARS and len(text) <= CELL_LIMIT // 2
        and not (text[0] == "#" and text in ERROR_LITERALS) and ILLEGAL_CHARACTERS_RE.search(text) is None
    )


def _with_first(first: pd.DataFrame, rest: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    yield first
    yield from rest
