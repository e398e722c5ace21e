"""The Story comparison sheet: the window's story page for every story more than one outlet covered.

One block per story, the most widely covered first: a heading (who covered
it, who did not), then ``Project.story_comparison_table`` as a filterable
Excel table, one row per outlet of the project. What each column means
(:data:`core.analysis.story_comparison.COLUMNS`) is printed once at the top
and is a comment on every block's header cells. The CSV export gets the same
rows as one table, the story's id and name in front.
"""

from __future__ import annotations

import math

import pandas as pd
from openpyxl.cell import WriteOnlyCell
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from core.analysis.story_comparison import COLUMNS
from core.export.excel_cells import excel_value
from core.export.excel_print import PRINT_ROWS, note_on_pages, printed_rows_note, set_up_page
from core.export.excel_sheets import ExportData, SheetSpec
from core.export.excel_writer import FONT, KINDS, LINE_HEIGHT, MAX_ROW_HEIGHT, TableWriter, add_table
from core.tasks import NULL_STATE, TaskState

#: Stories compared at most (each takes about half a second), the most widely covered first.
MAX_STORIES = 300
#: A story's comparison takes about as long as writing this many rows (for the progress bar).
STORY_WEIGHT = 1_000
#: Column -> (kind of :data:`core.export.excel_writer.KINDS`, width in characters).
LAYOUT = {
    "Outlet": ("text", 22), "Covered": ("text", 12), "Articles": ("count", 10), "Words": ("count", 10),
    "Only this outlet names": ("wrap", 30), "Quotes": ("count", 9), "Quoted most": ("wrap", 34),
    "Anonymous sourcing": ("percent", 13), "Describes": ("wrap", 34), "Distinctive words": ("wrap", 30),
    "Shared text": ("percent", 10),
}
COMMENT_SIZE = {"width": 260, "height": 90}  # points


def compared_stories(data: ExportData) -> pd.DataFrame:
    """``story_id, name, outlets, articles`` of the stories compared: more than one outlet, wholly exported."""
    return data.cached("compared_stories", lambda: _compared_stories(data))


def _compared_stories(data: ExportData) -> pd.DataFrame:
    members = data.articles.assign(story_id=data.articles["id"].map(data.story_of)).dropna(subset=["story_id"])
    per_story = members.groupby(members["story_id"].astype("int64")).agg(
        outlets=("outlet", "nunique"), articles=("id", "size")).reset_index()
    per_story = per_story[per_story["outlets"] > 1]
    if data.selected:  # a story partly selected would be compared on articles that were not
        chosen = set(data.articles["id"])
        whole = per_story["story_id"].map(lambda s: set(data.project.story_article_ids(int(s))) <= chosen)
        per_story = per_story[whole.astype(bool)]
    per_story = per_story.assign(name=per_story["story_id"].map(data.story_names))
    per_story = per_story.sort_values(["outlets", "articles", "story_id"], ascending=[False, False, True])
    return per_story.reset_index(drop=True)


def comparisons(data: ExportData, state: TaskState = NULL_STATE) -> list[tuple[int, str, pd.DataFrame]]:
    """``(story id, name, Project.story_comparison_table)`` per compared story, built once per export."""
    def build():
        stories = compared_stories(data).head(MAX_STORIES)
        out = []
        for k, (story, name) in enumerate(zip(stories["story_id"], stories["name"])):
            state.progress(k / max(len(stories), 1), f"Comparing the outlets of story {k + 1} of {len(stories)}…")
            out.append((int(story), str(name), data.project.story_comparison_table(int(story))))
        return out

    return data.cached("story_comparisons", build)


def story_comparison_sheet(data: ExportData) -> pd.DataFrame:
    """All blocks as one table (for the CSV export)."""
    parts = [table.assign(**{"Story id": story, "Story": name}) for story, name, table in comparisons(data)]
    columns = ["Story id", "Story", *COLUMNS]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "Story id" else object) for c in columns})
    return pd.concat(parts, ignore_index=True)[columns]


def write_story_comparison(workbook, spec: SheetSpec, data: ExportData, state: TaskState) -> None:
    """The sheet: a heading, the column notes, then one titled table per story."""
    blocks = comparisons(data, state.sub(0.0, 0.9))
    state.progress(0.9, f"Writing {spec.title}…")
    ws = workbook.create_sheet(spec.title)
    for i, (_kind, width) in enumerate(LAYOUT.values(), 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    set_up_page(ws)
    sheet = _BlockSheet(ws)
    compared = compared_stories(data)
    more = f" (the {len(blocks)} most widely covered of {len(compared)})" if len(compared) > len(blocks) else ""
    sheet.line(f"How each outlet covered each story{more}", size=14)
    sheet.line("One table per story that more than one outlet covered, the most widely covered first; outlets of "
               "the project that did not cover a story are listed as absent. The same as the window's story page.")
    sheet.line("")
    sheet.line("What the columns mean (also shown on each header cell):", size=11)
    for column, note in COLUMNS.items():
        sheet.note(column, note)
    if not blocks:
        sheet.line("")
        sheet.line("No story in this export was covered by more than one outlet.", size=12)
    printed_until, printed_stories, printed_rows = sheet.row - 1, 0, 0
    for story, name, table in blocks:
        sheet.line("")
        covered = int((table["Covered"] == "yes").sum())
        absent = list(table.loc[table["Covered"] != "yes", "Outlet"])
        heading = f"Story {story}: {name} · covered by {covered} of {len(table)} outlets"
        sheet.line(heading + (f" · not by {', '.join(absent)}" if absent else ""), size=12)
        first, last = sheet.table(table)
        add_table(ws, f"{spec.table}{story}", f"A{first}:{get_column_letter(len(LAYOUT))}{last}", list(COLUMNS))
        if printed_stories == 0 or printed_rows + len(table) <= PRINT_ROWS:  # whole stories, at least one
            printed_until, printed_stories, printed_rows = last, printed_stories + 1, printed_rows + len(table)
    ws.print_area = f"A1:{get_column_letter(len(LAYOUT))}{printed_until}"
    if printed_stories < len(blocks):
        note_on_pages(ws, printed_rows_note(printed_stories, len(blocks), "stories"))


class _BlockSheet:
    """Rows of a streamed sheet: text lines, column notes and tables, counting the row."""

    def __init__(self, ws):
        self.ws = ws
        self.row = 1
        self.styles = {c: (KINDS[kind], width) for c, (kind, width) in LAYOUT.items()}

    def _append(self, cells: list, height: float | None = None) -> None:
        if height:
            self.ws.row_dimensions[self.row].height = height
        self.ws.append(cells)
        if height:
            del self.ws.row_dimensions[self.row]
        self.row += 1

    def _text(self, text, *, bold: bool = False, size: float | None = None, alignment: Alignment | None = None):
        cell = WriteOnlyCell(self.ws, excel_value(text))
        cell.data_type = "s"  # never a formula, whatever it starts with
        if bold or size:
            cell.font = Font(name=FONT, bold=True, size=size or 11)
        if alignment is not None:
            cell.alignment = alignment
        return cell

    def line(self, text: str, *, size: float | None = None) -> None:
        self._append([self._text(text, size=size)] if text else [])

    def note(self, column: str, note: str) -> None:
        self._append([self._text(column, bold=True), self._text(note)])  # the note runs on over empty cells

    def table(self, table: pd.DataFrame) -> tuple[int, int]:
        """The header (each cell with its note as a comment) and the rows; returns (header row, last row)."""
        header_row = self.row
        headers = []
        for column in COLUMNS:
            cell = TableWriter._header_cell(self.ws, column)
            cell.comment = Comment(COLUMNS[column], "Newsprism", **COMMENT_SIZE)
            headers.append(cell)
        self._append(headers, 2 * LINE_HEIGHT)
        for values in table[list(COLUMNS)].itertuples(index=False):
            self._append([self._cell(c, v) for c, v in zip(COLUMNS, values)], self._height(values))
        return header_row, self.row - 1

    def _cell(self, column: str, value):
        kind, _width = self.styles[column]
        value = excel_value(value)
        alignment = Alignment(vertical="top", wrap_text=kind.wrap)
        if isinstance(value, str):
            return self._text(value, alignment=alignment)
        cell = WriteOnlyCell(self.ws, value)
        if kind.number_format:
            cell.number_format = kind.number_format
        cell.alignment = alignment
        return cell

    def _height(self, values) -> float | None:
        lines = 1
        for column, value in zip(COLUMNS, values):
            kind, width = self.styles[column]
            if kind.wrap and isinstance(value, str):
                lines = max(lines, math.ceil(len(value) / max(width - 2, 1)))
        return min(lines * LINE_HEIGHT, MAX_ROW_HEIGHT) if lines > 1 else None


STORY_COMPARISON = SheetSpec(
    "Story comparison", "StoryComparison", story_comparison_sheet,
    "The window's story page for every story more than one outlet covered: per outlet of the project, whether "
    "it covered the story, its articles and words, the entities only it names, who it quotes and how much "
    "anonymous sourcing, how it describes the key people and places, its distinctive words and the share of "
    "its text other outlets also carry. What each column means is at the top of the sheet.",
    requires=("story_comparison_table", "stories", "story_of"),
    size=lambda data: STORY_WEIGHT * min(len(compared_stories(data)), MAX_STORIES),
    write=write_story_comparison,
)
