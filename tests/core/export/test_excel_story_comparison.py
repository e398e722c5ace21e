"""The Story comparison sheet against ``Project.story_comparison_table``, read back with openpyxl."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from core.analysis.story_comparison import COLUMNS
from tests.core.export.excel_fixtures import workbook


@pytest.fixture(scope="module")
def sheet(corpus_export):
    return workbook(corpus_export[1])["Story comparison"]


def _block(ws, story: int) -> tuple[str, list, list[dict]]:
    """The heading above the story's table, its header cells and its rows."""
    table = ws.tables[f"StoryComparison{story}"]
    rows = list(ws[table.ref])
    header = rows[0]
    heading = ws.cell(header[0].row - 1, 1).value
    return heading, list(header), [dict(zip(COLUMNS, (c.value for c in row))) for row in rows[1:]]


def _same(cell, expected) -> bool:
    if expected is None or expected == "" or (isinstance(expected, float) and math.isnan(expected)):
        return cell is None  # an empty cell
    if isinstance(expected, float):
        return cell == pytest.approx(expected)
    return cell == expected


def _several_outlets(project) -> list[int]:
    stories = project.stories()
    frame = project.articles_frame().assign(story=lambda f: f["id"].map(project.story_of()))
    outlets = frame.groupby("story")["outlet"].nunique()
    return [int(s) for s in stories["id"] if outlets.get(s, 0) > 1]


def test_one_block_per_story_of_several_outlets_with_the_projects_numbers(corpus_export, sheet):
    project, _ = corpus_export
    stories = _several_outlets(project)
    assert stories and set(sheet.tables) == {f"StoryComparison{s}" for s in stories}
    for story in stories:
        _, _, rows = _block(sheet, story)
        expected = project.story_comparison_table(story)
        assert len(rows) == len(expected) == len(project.outlets())
        for row, want in zip(rows, expected.to_dict("records")):
            for column in COLUMNS:
                assert _same(row[column], want[column]), (story, row["Outlet"], column, row[column], want[column])


def test_each_block_names_who_did_not_cover_the_story_and_explains_its_columns(corpus_export, sheet):
    project, _ = corpus_export
    story = _several_outlets(project)[0]
    heading, header, rows = _block(sheet, story)
    absent = [r["Outlet"] for r in rows if r["Covered"] != "yes"]
    assert absent and all(r["Articles"] == 0 for r in rows if r["Outlet"] in absent)
    assert heading.startswith(f"Story {story}: ") and heading.endswith("not by " + ", ".join(absent))
    assert [c.value for c in header] == list(COLUMNS)
    assert [c.comment.text for c in header] == list(COLUMNS.values())
    notes = [r for r in sheet.iter_rows(max_row=4 + len(COLUMNS), max_col=2, values_only=True) if r[0] in COLUMNS]
    assert notes == list(COLUMNS.items())  # printed once, above the first story


def test_blocks_come_most_widely_covered_first(corpus_export, sheet):
    project, _ = corpus_export
    order = [int(name.removeprefix("StoryComparison")) for name in sheet.tables]
    covered = [sum(r["Covered"] == "yes" for r in _block(sheet, s)[2]) for s in order]
    assert covered == sorted(covered, reverse=True)


def test_the_csv_export_carries_the_same_rows(corpus_export, tmp_path):
    project, _ = corpus_export
    files = {p.stem: p for p in project.export_csv(tmp_path)}
    table = pd.read_csv(files["Story comparison"], encoding="utf-8-sig")
    for story in _several_outlets(project):
        rows = table[table["Story id"] == story]
        expected = project.story_comparison_table(story)
        assert list(rows["Outlet"]) == list(expected["Outlet"])
        assert list(rows["Words"]) == list(expected["Words"])


def test_a_project_without_shared_stories_says_so(seeds_project, tmp_path):
    from tests.conftest import date_the_seeds

    date_the_seeds(seeds_project)  # two stories, one outlet each
    ws = workbook(seeds_project.export_xlsx(tmp_path / "seeds.xlsx"))["Story comparison"]
    assert not ws.tables
    assert "No story in this export was covered by more than one outlet." in [r[0] for r in ws.iter_rows(values_only=True)]
