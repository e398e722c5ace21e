"""The analysis sheets of the Excel report, against the Project's own tables.

The project (``report`` in ``tests/core/conftest.py``): the two seed articles
plus a third outlet's article that reuses three of Yahoo News' sentences, put
in Yahoo's story.
"""

from __future__ import annotations

import pandas as pd

from core.export.excel_specs import available_sheets
from tests.core.export.excel_fixtures import REUSED, workbook

ANALYSIS_SHEETS = ["Stories", "Story comparison", "Story coverage", "Story entities", "Quotes", "Sources",
                   "Shared passages", "Shared text by article", "Distinctive terms", "Descriptors"]


def _yahoo_story(project) -> int:
    outlets = project.articles_frame().set_index("id")["outlet"]
    return int(next(s for a, s in project.story_of().items() if outlets[a] == "Yahoo News"))


def test_analysis_sheets_follow_the_data_sheets(report):
    _, target, sheets = report
    names = list(sheets)
    assert names[:3] == ["Summary", "Top entities", "Story charts"]
    assert [n for n in names if n in ANALYSIS_SHEETS] == ANALYSIS_SHEETS
    for name in ANALYSIS_SHEETS:
        assert workbook(target)[name].tables, name


def test_stories_and_story_coverage_match_the_project(report):
    project, _, sheets = report
    stories = project.stories()
    sheet = sheets["Stories"]
    assert dict(zip(sheet["Story id"], sheet["Articles"])) == dict(zip(stories["id"], stories["articles"]))
    assert dict(zip(sheet["Story id"], sheet["Story"])) == dict(zip(stories["id"], stories["name"]))
    coverage = sheets["Story coverage"].set_index("Story id")
    outlets = project.outlets()
    assert (coverage[outlets].sum(axis=1) == coverage["Total"]).all()
    assert coverage.loc[_yahoo_story(project), ["Daily Planet", "Yahoo News", "Newsweek"]].tolist() == [1, 1, 0]
    summary_story = {s["id"]: len(s["articles"]) for s in project.summary()["stories"]}
    assert coverage["Total"].to_dict() == summary_story


def test_quotes_and_sources_match_the_project(report):
    project, _, sheets = report
    quotes = project.quotes()
    assert len(sheets["Quotes"]) == len(quotes)
    assert sorted(sheets["Quotes"]["Speaker"]) == sorted(quotes["speaker"])
    summary = project.summary()
    expected = {(o, s["speaker"], s["quotes"]) for o, d in summary["outlets"].items() for s in d["sources"]}
    sources = sheets["Sources"]
    assert set(zip(sources["Outlet"], sources["Speaker"], sources["Quotes"])) == expected


def test_shared_passages_show_both_sentences(report):
    project, target, sheets = report
    shared = sheets["Shared passages"]
    assert len(shared) == len(project.passages()[0]) == 2 * len(REUSED)
    planet_rows = shared[shared["Outlet"] == "Daily Planet"]
    assert set(planet_rows["Sentence"]) == set(REUSED)
    assert (planet_rows["Sentence"] == planet_rows["Other sentence"]).all()
    assert set(planet_rows["Other outlet"]) == {"Yahoo News"} and set(shared["Relation"]) == {"reused"}
    by_article = sheets["Shared text by article"].set_index("Outlet")
    assert by_article.loc["Daily Planet", "Shared"] == len(REUSED) and by_article.loc["Newsweek", "Shared"] == 0
    book = workbook(target)
    header = {c.value: c.column for c in book["Shared text by article"][1]}
    assert book["Shared text by article"].cell(2, header["Share shared"]).number_format == "0.0%"
    header = {c.value: c.column for c in book["Shared passages"][1]}
    assert book["Shared passages"].cell(2, header["Similarity"]).number_format == "0.00"


def test_distinctive_terms_and_descriptors_match_the_project(report):
    project, _, sheets = report
    terms = sheets["Distinctive terms"]
    in_project = terms[terms["Compared with"] == "other outlets in the project"]
    for outlet, data in project.summary()["outlets"].items():
        expected = [t["term"] for t in data["distinctive_terms"]]
        assert list(in_project.loc[in_project["Outlet"] == outlet, "Term"])[: len(expected)] == expected
    in_story = terms[terms["Compared with"] == "other outlets in the story"]
    assert len(in_story) == len(project.distinctive_terms(scope="story")) > 0
    assert len(sheets["Descriptors"]) == len(project.descriptors())


def test_entities_by_outlet_carry_prominence(report):
    _, _, sheets = report
    long = sheets["Entities by outlet"].set_index(["Outlet", "Entity"])
    assert long.loc[("Yahoo News", "North Korea"), "Articles with it in the headline"] == 1
    assert long.loc[("Newsweek", "Kim Jong Un"), "Articles with it in the headline"] == 1
    assert 0 <= long["Mean first position"].min() and long["Mean first position"].max() <= 1


def test_exporting_one_story_keeps_to_that_story(report, tmp_path):
    project, _, _ = report
    story = _yahoo_story(project)
    target = project.export_xlsx(tmp_path / "story.xlsx", article_ids=project.story_article_ids(story))
    sheets = pd.read_excel(target, sheet_name=None)
    assert list(sheets["Stories"]["Story id"]) == [story]
    assert set(sheets["Articles"]["Outlet"]) == {"Daily Planet", "Yahoo News"}
    assert len(sheets["Shared passages"]) == 2 * len(REUSED)
    assert set(sheets["Quotes"]["Outlet"]) <= {"Daily Planet", "Yahoo News"}
    in_story = sheets["Distinctive terms"][sheets["Distinctive terms"]["Compared with"] == "other outlets in the story"]
    assert set(in_story["Story"]) <= {project.stories().set_index("id").loc[story, "name"]}


class _BeforeTheAnalysisIssue:
    """A project as the walking skeleton had it: no stories, quotes, passages, terms or descriptors."""

    MISSING = {"stories", "story_of", "quotes", "passages", "distinctive_terms", "descriptors"}

    def __init__(self, project):
        self._project = project

    def __getattr__(self, name):
        if name in self.MISSING:
            raise AttributeError(name)
        return getattr(self._project, name)


def test_sheets_whose_project_method_is_missing_are_left_out(report, tmp_path):
    from core.export.excel import export_workbook

    project, _, _ = report
    older = _BeforeTheAnalysisIssue(project)
    assert [s.title for s in available_sheets(older)] == [
        "Articles", "Entity mentions", "Entities by outlet", "Entity matrix", "Coverage"]
    target = export_workbook(older, tmp_path / "older.xlsx")
    names = pd.ExcelFile(target).sheet_names
    assert "Story charts" not in names and not set(ANALYSIS_SHEETS) & set(names)
    assert "Story" not in pd.read_excel(target, sheet_name="Articles").dropna(axis=1, how="all").columns
