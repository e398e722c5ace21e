"""How every sheet prints, so that the printed or PDF workbook is a report of tens of pages.

Every sheet prints landscape and one page wide, with the sheet's name at the
top of each page and "Page n of N" at the foot, so a loose page says where it
comes from. Tables repeat their header row on every page and print their
first :data:`PRINT_ROWS` rows: the workbook keeps every row, and the page
header says how many were left out (at 100 articles, the shared passages
alone would print to 3,500 pages). Chart sheets print at a fixed scale with
a page break between rows of charts, because with fit-to-page Excel ignores
manual page breaks and a chart could be cut in two.
"""

from __future__ import annotations

from openpyxl.worksheet.page import PageMargins

#: Data rows a table prints; the rest stay in the workbook.
PRINT_ROWS = 100
#: Inches. The printable area is then at least 25.4 x 17.1 cm (Letter or A4, landscape).
MARGINS = {"left": 0.5, "right": 0.5, "top": 0.75, "bottom": 0.75, "header": 0.3, "footer": 0.3}
PRINTABLE_HEIGHT_CM = 17.1
PRINTABLE_WIDTH_CM = 25.4


def set_up_page(ws, *, fit_width: bool = True, title_rows: str | None = None) -> None:
    """Landscape, one page wide (``fit_width``), the header rows ``title_rows`` repeated.

    Call it before the first row of a streamed sheet: its sheet properties
    (where fit-to-page lives) are written with that row.
    """
    ws.page_setup.orientation = "landscape"
    ws.page_margins = PageMargins(**MARGINS)
    if fit_width:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    else:
        ws.page_setup.scale = 100
    if title_rows:
        ws.print_title_rows = title_rows
    ws.oddHeader.left.text = "&A"  # the sheet's name
    ws.oddFooter.right.text = "Page &P of &N"


def note_on_pages(ws, note: str) -> None:
    """``note`` in the middle of every printed page's header."""
    ws.oddHeader.center.text = note.replace("&", "&&")  # a lone & starts a header code


def printed_rows_note(printed: int, total: int, noun: str = "rows") -> str:
    return f"Printed: the first {printed:,} of {total:,} {noun}; the workbook holds them all"
