"""Native Excel charts, drawn from the workbook's own tables so they stay live.

The chart of the top entities reads the first rows of the Entity matrix
sheet (sorted by total mentions), one bar series per outlet. It sits alone
on a landscape sheet set to fit one printed page, with the value axis
starting at 0, so it prints and renders in LibreOffice as it shows in Excel.
The story charts read one row each of the Story coverage sheet: articles
per outlet on that story.
"""

from __future__ import annotations

import math

from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.data_source import NumFmt
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.marker import DataPoint
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.descriptors import Typed
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties, RegularTextRun
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from core.io.excel_cells import excel_value
from core.io.excel_sheets import ExportData
from core.io.excel_writer import FONT

TOP_ENTITIES = 15
CHART_WIDTH_CM = 25
CHART_HEIGHT_CM = 14
#: The chart sheet's grid, set explicitly so the printed area matches the chart.
GRID_COLUMN_WIDTH = 10  # characters: about 2.0 cm
GRID_COLUMN_CM = 2.0
GRID_ROW_CM = 0.53  # a default-height row (15 points)
CHART_TITLE = "Top entities"
#: One colour per outlet, distinguishable in colour and in grey print (Okabe–Ito).
OUTLET_COLOURS = ("0072B2", "E69F00", "009E73", "CC79A7", "56B4E9", "D55E00", "F0E442", "000000")


def top_entities_chart(matrix_title: str, outlets: list[str], n_entities: int) -> BarChart:
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
        series = chart.series[-1]
        colour = OUTLET_COLOURS[i % len(OUTLET_COLOURS)]
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour
    chart.set_categories(Reference(ws_stub, min_col=1, min_row=2, max_row=last_row))
    if len(outlets) * n_entities <= 60:
        chart.dataLabels = _ValueLabels(showVal=True, showSerName=False, showCatName=False,
                                        showLegendKey=False, showPercent=False)
        chart.dataLabels.numFmt = NumFmt(formatCode="0;-0;;@", sourceLinked=False)  # no label on a zero bar
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
    chart = top_entities_chart(matrix_title, data.outlets, n_entities)
    # Sheet properties are streamed with the first row: set the page up before writing.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    # Fit-to-page only sees cells: print the cells under the chart so it is scaled onto one page.
    columns = math.ceil(chart.width / GRID_COLUMN_CM)
    for i in range(1, columns + 1):
        ws.column_dimensions[get_column_letter(i)].width = GRID_COLUMN_WIDTH
    rows = 2 + math.ceil(chart.height / GRID_ROW_CM)
    ws.print_area = f"A1:{get_column_letter(columns)}{rows}"
    ws.page_margins.left = ws.page_margins.right = 0.5
    heading = WriteOnlyCell(ws, excel_value(f"Top entities per outlet ({', '.join(data.types)})"))
    heading.data_type = "s"
    heading.font = Font(name=FONT, bold=True, size=14)
    ws.append([heading])
    ws.add_chart(chart, "A3")
    return True


STORY_CHARTS_TITLE = "Story charts"
TOP_STORIES = 12
STORY_CHART_CM = (12.0, 7.0)
STORY_CHART_COLUMNS = 2  # charts side by side


def story_chart(coverage_title: str, row: int, n_outlets: int, name: str) -> BarChart:
    """Articles per outlet on one story: one row of the Story coverage sheet."""
    chart = BarChart()
    chart.type = "col"
    chart.title = chart_title(name if len(name) <= 60 else name[:59] + "…", size=11)
    chart.style = 10
    chart.legend = None
    chart.y_axis.title = "Articles"
    chart.y_axis.scaling.min = 0
    chart.y_axis.number_format = "0"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    sheet = _SheetRef(coverage_title)
    chart.add_data(Reference(sheet, min_col=3, max_col=2 + n_outlets, min_row=row, max_row=row), from_rows=True)
    chart.set_categories(Reference(sheet, min_col=3, max_col=2 + n_outlets, min_row=1, max_row=1))
    for i in range(n_outlets):  # each outlet in its colour of the top-entities chart
        point = DataPoint(idx=i)
        point.graphicalProperties.solidFill = OUTLET_COLOURS[i % len(OUTLET_COLOURS)]
        chart.series[0].dPt.append(point)
    chart.width, chart.height = STORY_CHART_CM
    return chart


def write_story_charts(workbook, data: ExportData, coverage_title: str, coverage) -> bool:
    """A sheet of small charts, one per story (the largest first); ``False`` if there are no stories."""
    n_stories = min(TOP_STORIES, len(coverage))
    if n_stories == 0 or not data.outlets:
        return False
    ws = workbook.create_sheet(STORY_CHARTS_TITLE)
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    width, height = STORY_CHART_CM
    cols_per_chart = math.ceil(width / GRID_COLUMN_CM)
    rows_per_chart = math.ceil(height / GRID_ROW_CM) + 1
    for i in range(1, cols_per_chart * STORY_CHART_COLUMNS + 1):
        ws.column_dimensions[get_column_letter(i)].width = GRID_COLUMN_WIDTH
    grid_rows = math.ceil(n_stories / STORY_CHART_COLUMNS)
    ws.print_area = f"A1:{get_column_letter(cols_per_chart * STORY_CHART_COLUMNS)}{2 + grid_rows * rows_per_chart}"
    more = f" ({n_stories} largest of {len(coverage)})" if len(coverage) > n_stories else ""
    heading = WriteOnlyCell(ws, excel_value(f"Articles per outlet on each story{more}"))
    heading.data_type = "s"
    heading.font = Font(name=FONT, bold=True, size=14)
    ws.append([heading])
    for k, name in enumerate(coverage["Story"].iloc[:n_stories]):
        chart = story_chart(coverage_title, 2 + k, len(data.outlets), str(name))
        column = 1 + (k % STORY_CHART_COLUMNS) * cols_per_chart
        row = 3 + (k // STORY_CHART_COLUMNS) * rows_per_chart
        ws.add_chart(chart, f"{get_column_letter(column)}{row}")
    return True
