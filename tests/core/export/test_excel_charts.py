"""The workbook's charts, read back with openpyxl: what the story charts count, and outlet colours."""

from __future__ import annotations

import re

from core.text.names import DEFAULT_TYPES
from core.export.excel_charts import STORY_ENTITIES
from tests.core.export.excel_fixtures import workbook


def _cell(book, ref: str):
    """The value of a one-cell reference such as ``'Story entities'!$E$1``."""
    sheet, column, row = re.fullmatch(r"'?(.+?)'?!\$?([A-Z]+)\$?(\d+)", ref).groups()
    return book[sheet][f"{column}{row}"].value


def _cells(book, ref: str) -> list:
    """The values of a one-column range such as ``'Story entities'!$E$2:$E$9``."""
    sheet, column, first, last = re.fullmatch(r"'?(.+?)'?!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)", ref).groups()
    return [book[sheet][f"{column}{r}"].value for r in range(int(first), int(last) + 1)]


def _series_outlet(book, series) -> str:
    return _cell(book, series.tx.strRef.f)


def test_story_charts_show_entity_mentions_per_outlet_within_the_story(corpus_export):
    project, target = corpus_export
    book = workbook(target)
    charts = book["Story charts"]._charts
    stories = project.stories().set_index("id")
    frame = project.articles_frame().assign(story=lambda f: f["id"].map(project.story_of()))
    assert len(charts) == len(stories)
    charted_stories, counts = [], []
    for chart in charts:
        categories = (chart.series[0].cat.numRef or chart.series[0].cat.strRef).f
        (story,) = set(_cells(book, categories.replace("$C$", "$A$")))  # the Story id column of those rows
        charted_stories.append(story)
        entities = _cells(book, categories)
        table = project.story_entity_table(story, DEFAULT_TYPES)
        expected = table.set_index(["entity", "outlet"])["mentions"]
        outlets = [_series_outlet(book, s) for s in chart.series]
        assert outlets == sorted(frame.loc[frame["story"] == story, "outlet"].unique())  # who covered it
        for series, outlet in zip(chart.series, outlets):
            values = _cells(book, series.val.numRef.f)
            assert values == [int(expected.get((entity, outlet), 0)) for entity in entities], (story, outlet)
            counts += values
        totals = table.groupby("entity")["mentions"].sum().sort_values(ascending=False)
        assert len(entities) == min(STORY_ENTITIES, len(totals))
        assert sorted(totals[entities], reverse=True) == list(totals.iloc[:len(entities)])  # its top entities
    assert charted_stories == sorted(stories.index, key=lambda s: (-stories.loc[s, "articles"], s))
    assert max(counts) > 1  # mentions, not one article per outlet


def test_every_chart_has_the_projects_outlet_colours(report_project, tmp_path):
    planet = next(a for a in report_project.articles() if a.outlet == "Daily Planet")
    report_project.edit_article(planet.id, outlet="Aardvark Times")  # a new outlet takes a free colour
    colours = report_project.outlet_colours()
    assert colours["Aardvark Times"] != "#0072B2"  # which sorting the outlets would have given it
    book = workbook(report_project.export_xlsx(tmp_path / "colours.xlsx"))
    seen = set()
    for name in ("Top entities", "Story charts"):
        for chart in book[name]._charts:
            for series in chart.series:
                outlet = _series_outlet(book, series)
                assert "#" + series.spPr.solidFill.srgbClr == colours[outlet].upper(), (name, outlet)
                seen.add(outlet)
    assert seen == set(report_project.outlets())
