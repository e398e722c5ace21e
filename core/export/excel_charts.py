"""Native Excel charts, drawn from the workbook's own tables so they stay live.

The chart of the top entities reads the first rows of the Entity matrix
sheet (sorted by total mentions), one bar series per outlet. It sits alone
on a landscape sheet set to fit one printed page, with the value axis
starting at 0, so it prints and renders in LibreOffice as it shows in Excel.
The story charts read the Story entities sheet: per story, its most
mentioned entities, one bar per outlet that covered it, counted within the
story. Every outlet has its colour of the window (``Project.outlet_colours``).
Story charts print two to a page, a page break between pairs, so none is cut.
"""

from __future__ import annotations

import math

from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.data_source import NumFmt, StrRef
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.series import SeriesLabel
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.descriptors import Typed
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties, RegularTextRun
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.pagebreak import Break

from core.export.excel_cells import excel_value
from core.export.excel_print import set_up_page
from core.export.excel_sheets import ExportData
from core.export.excel_writer import FONT

TOP_ENTITIES = 15
CHART_WIDTH_CM = 25
CHART_HEIGHT_CM = 14
#: The chart sheet's grid, set explicitly so the printed area matches the chart.
GRID_COLUMN_WIDTH = 10  # characters: about 2.0 cm
GRID_COLUMN_CM = 2.0
GRID_ROW_CM = 0.53  # a default-height row (15 points)
CHART_TITLE = "Top entities"


def outlet_fills(data: ExportData) -> dict[str, str]:
    """``RRGGBB`` per outlet: the project's colours, as in the window."""
    return {outlet: colour.lstrip("#").upper() for outlet, colour in data.outlet_colours.items()}


def _paint(series, colour: str) -> None:
    series.graphicalProperties.solidFill = colour
    series.graphicalProperties.line.solidFill = colour


def _value_labels() -> "_ValueLabels":
    labels = _ValueLabels(showVal=True, showSerName=False, showCatName=False, showLegendKey=False, showPercent=False)
    labels.numFmt = NumFmt(formatCode="0;-0;;@", sourceLinked=False)  # no label on a zero bar
    return labels


def top_entities_chart(matrix_title: str, outlets: list[str], n_entities: int, fills: dict[str, str]) -> BarChart:
    """A clustered column chart: the most mentioned entity first, one bar per outlet.

    Columns rather than horizontal bars: with bars, putting the top entity
    first needs a reversed axis, and spreadsheets then list the outlets in the
    legend in the opposite order to the bars.
    """
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = f"Top {n_entities} entities: mentions per outlet"
    chart.style = 10
    chart.y_axis.title = "Mentions"
    chart.y_axis.scaling.min = 0
    chart.y_axis.number_format = "0"
    chart.x_axis.delete = False  # openpyxl 3.1 hides axes unless told otherwise
    chart.y_axis.delete = False
    chart.legend.position = "t"
    chart.gapWidth = 60

    ws_stub = _SheetRef(matrix_title)
    first_outlet_col, last_row = 3, 1 + n_entities
    for i, outlet in enumerate(outlets):
        col = first_outlet_col + i
        values = Reference(ws_stub, min_col=col, min_row=1, max_row=last_row)
        chart.add_data(values, titles_from_data=True)
        _paint(chart.series[-1], fills[outlet])
    chart.set_categories(Reference(ws_stub, min_col=1, min_row=2, max_row=last_row))
    if len(outlets) * n_entities <= 60:
        chart.dataLabels = _value_labels()
    chart.width = CHART_WIDTH_CM
    chart.height = CHART_HEIGHT_CM
    return chart


def chart_title(text: str, size: float) -> Title:
    """A bold chart title of ``size`` points (the default 14 pt crowds a small chart)."""
    font = CharacterProperties(sz=int(size * 100), b=True)
    paragraph = Paragraph(pPr=ParagraphProperties(defRPr=font), r=[RegularTextRun(rPr=font, t=text)])
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)


class _ValueLabels(DataLabelList):
    """Data labels whose number format LibreOffice honours too.

    openpyxl writes a label format without ``sourceLinked="0"``, which
    LibreOffice ignores (it then labels every zero bar).
    """

    numFmt = Typed(expected_type=NumFmt, allow_none=True)
    __elements__ = DataLabelList.__elements__
    __attrs__ = DataLabelList.__attrs__
    __nested__ = tuple(name for name in DataLabelList.__nested__ if name != "numFmt")


class _SheetRef:
    """What :class:`~openpyxl.chart.Reference` needs of a sheet: its title."""

    def __init__(self, title: str):
        self.title = title


def write_chart_sheet(workbook, data: ExportData, matrix_title: str) -> bool:
    """The chart's own sheet, placed where this is called; ``False`` if nothing to chart."""
    n_entities = min(TOP_ENTITIES, len(data.matrix))
    if n_entities == 0 or not data.outlets:
        return False
    ws = workbook.create_sheet(CHART_TITLE)
    chart = top_entities_chart(matrix_title, data.outlets, n_entities, outlet_fills(data))
    # Sheet properties are streamed with the first row: set the page up before writing.
    set_up_page(ws)
    ws.page_setup.fitToHeight = 1  # the chart alone, on one page
    # Fit-to-page only sees cells: print the cells under the chart so it is scaled onto one page.
    columns = math.ceil(chart.width / GRID_COLUMN_CM)
    for i in range(1, columns + 1):
        ws.column_dimensions[get_column_letter(i)].width = GRID_COLUMN_WIDTH
    rows = 2 + math.ceil(chart.height / GRID_ROW_CM)
    ws.print_area = f"A1:{get_column_letter(columns)}{rows}"
    ws.append([_heading(ws, f"Top entities per outlet ({', '.join(data.types)})")])
    ws.add_chart(chart, "A3")
    return True


def _heading(ws, text: str):
    heading = WriteOnlyCell(ws, excel_value(text))
    heading.data_type = "s"
    heading.font = Font(name=FONT, bold=True, size=14)
    return heading


STORY_CHARTS_TITLE = "Story charts"
TOP_STORIES = 12
#: Entities per story chart: its most mentioned ones.
STORY_ENTITIES = 8
STORY_CHART_CM = (24.0, 6.5)
STORY_CHARTS_PER_PAGE = 2
#: Columns of Story entities before the outlets' (Story id, Story, Entity, Label).
FIRST_OUTLET_COLUMN = 5
ENTITY_COLUMN = 3


def story_chart(entities_title: str, rows: tuple[int, int], outlets: list[tuple[int, str]], fills: dict[str, str],
                name: str) -> BarChart:
    """Mentions of a story's top entities (``rows`` of Story entities), one bar series per outlet.

    ``outlets`` are (column, outlet) of the outlets that covered the story.
    """
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = chart_title(name if len(name) <= 90 else name[:89] + "…", size=11)
    chart.style = 10
    chart.legend.position = "r"
    chart.y_axis.title = "Mentions"
    chart.y_axis.scaling.min = 0
    chart.y_axis.number_format = "0"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.gapWidth = 60
    sheet = _SheetRef(entities_title)
    first, last = rows
    for column, outlet in outlets:
        chart.add_data(Reference(sheet, min_col=column, min_row=first, max_row=last), titles_from_data=False)
        series = chart.series[-1]
        letter = get_column_letter(column)
        series.tx = SeriesLabel(strRef=StrRef(f"{quote_sheetname(entities_title)}!${letter}$1"))  # the outlet's header
        _paint(series, fills[outlet])
    chart.set_categories(Reference(sheet, min_col=ENTITY_COLUMN, min_row=first, max_row=last))
    if len(outlets) * (last - first + 1) <= 40:
        chart.dataLabels = _value_labels()
    chart.width, chart.height = STORY_CHART_CM
    return chart


def story_chart_rows(entities, story_ids) -> dict[int, tuple[int, int]]:
    """Sheet rows (first, last) of each story's top entities in Story entities (row 1 is the header)."""
    rows = {}
    positions = entities.groupby("Story id", sort=False).indices
    for story in story_ids:
        found = positions.get(story)
        if found is not None and len(found):
            first = int(found[0]) + 2
            rows[int(story)] = (first, first + min(STORY_ENTITIES, len(found)) - 1)
    return rows


def write_story_charts(workbook, data: ExportData, entities_title: str, coverage, entities) -> bool:
    """A sheet of charts, one per story (the largest first); ``False`` if there are no stories to chart."""
    charted = coverage.iloc[:TOP_STORIES]
    rows = story_chart_rows(entities, charted["Story id"])
    if not rows or not data.outlets:
        return False
    ws = workbook.create_sheet(STORY_CHARTS_TITLE)
    set_up_page(ws, fit_width=False)  # page breaks between charts; fit-to-page would override them
    width, height = STORY_CHART_CM
    columns = math.ceil(width / GRID_COLUMN_CM)
    rows_per_chart = math.ceil(height / GRID_ROW_CM) + 1  # and a row of space
    rows_per_page = 2 + STORY_CHARTS_PER_PAGE * rows_per_chart  # 15.9 cm: a heading row, a blank row, the charts
    for i in range(1, columns + 1):
        ws.column_dimensions[get_column_letter(i)].width = GRID_COLUMN_WIDTH
    more = f" (the {len(rows)} largest of {len(coverage)})" if len(coverage) > len(rows) else ""
    ws.append([_heading(ws, f"Mentions of each story's main entities, per outlet that covered it{more}")])
    column_of = {outlet: FIRST_OUTLET_COLUMN + i for i, outlet in enumerate(data.outlets)}
    fills = outlet_fills(data)
    placed = 0
    for story, name, *counts in charted[["Story id", "Story", *data.outlets]].itertuples(index=False):
        if int(story) not in rows:
            continue
        covering = [(column_of[o], o) for o, n in zip(data.outlets, counts) if n > 0]
        chart = story_chart(entities_title, rows[int(story)], covering, fills, str(name))
        page, slot = divmod(placed, STORY_CHARTS_PER_PAGE)
        ws.add_chart(chart, f"A{page * rows_per_page + 3 + slot * rows_per_chart}")
        placed += 1
    pages = math.ceil(placed / STORY_CHARTS_PER_PAGE)
    for page in range(1, pages):
        ws.row_breaks.append(Break(id=page * rows_per_page))
    ws.print_area = f"A1:{get_column_letter(columns)}{pages * rows_per_page}"
    return True
