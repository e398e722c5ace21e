"""The stored entity counts read a part at a time (a story's, an entity's, each article's total) give
what the whole counts give, and the entity × outlet table kept beside them is the one counted anew."""

from __future__ import annotations

import os
import shutil
import stat

import pandas as pd
import pytest

from core.analysis.entities import entity_outlet_table
from core.project import Project
from core.store import counted_rows


def _whole(project: Project) -> pd.DataFrame:
    return project.entity_counts(None)


def test_a_story_and_an_entity_read_alone_are_rows_of_the_whole_counts(report_project):
    whole = _whole(report_project)
    story = int(report_project.story_of().value_counts().idxmax())
    ids = report_project.story_article_ids(story)
    part = report_project.entity_counts(None, article_ids=ids)
    expected = whole[whole["article_id"].isin(ids)].reset_index(drop=True)
    assert len(set(part["article_id"])) == len(ids) >= 2
    pd.testing.assert_frame_equal(part, expected, check_dtype=False)
    names = list(whole["entity"].value_counts().index[:2])
    pd.testing.assert_frame_equal(report_project.entity_counts(None, entities=names),
                                  whole[whole["entity"].isin(names)].reset_index(drop=True), check_dtype=False)
    only_people = report_project.entity_counts(("PERSON",), article_ids=ids)
    assert set(only_people["label"]) == {"PERSON"}


def test_totals_per_article_sum_the_counts_of_the_chosen_types(report_project):
    whole = _whole(report_project)
    for types in (None, ("PERSON",), ("PERSON", "ORG", "GPE"), tuple(whole["label"].unique())):
        chosen = whole if types is None else whole[whole["label"].isin(types)]
        expected = chosen.groupby("article_id")["n"].sum()
        totals = report_project.entity_totals(types)
        pd.testing.assert_series_equal(totals.sort_index(), expected.sort_index(), check_names=False,
                                       check_index_type=False)


def test_labels_are_the_first_stored_label_of_each_entity(report_project):
    whole = report_project.tables._stored_counts()
    expected = whole.drop_duplicates("entity").set_index("entity")["label"]
    pd.testing.assert_series_equal(report_project.entity_labels().sort_index(), expected.sort_index(),
                                   check_names=False, check_index_type=False, check_dtype=False)


def test_the_kept_outlet_table_opens_without_reading_the_counts(report_project, monkeypatch):
    made = entity_outlet_table(report_project.articles_frame(), _whole(report_project))
    path = report_project.path
    report_project.close()
    with Project(path) as reopened:
        monkeypatch.setattr(counted_rows, "load", lambda *a: pytest.fail("the whole counts were read"))
        pd.testing.assert_frame_equal(reopened.entity_table(None), made, check_dtype=False)
        people = reopened.entity_table(("PERSON",))
        assert set(people["label"]) == {"PERSON"} and len(people) == (made["label"] == "PERSON").sum()


def test_the_outlet_table_follows_an_outlet_renamed(report_project):
    before = report_project.entity_table(None)
    article = next(a for a in report_project.articles() if a.outlet == "Daily Planet")
    report_project.edit_article(article.id, outlet="The Planet")
    after = report_project.entity_table(None)
    assert "Daily Planet" in set(before["outlet"]) and "Daily Planet" not in set(after["outlet"])
    assert "The Planet" in set(after["outlet"])
    pd.testing.assert_frame_equal(after, entity_outlet_table(report_project.articles_frame(), _whole(report_project)),
                                  check_dtype=False)


def test_a_read_only_project_with_stale_counts_reads_its_parts_from_memory(report_project, tmp_path):
    whole = _whole(report_project)
    path = tmp_path / "stale.newsprism"
    report_project.close()
    shutil.copy(report_project.path, path)
    with Project(path) as project:  # counts made for another alias table: stale
        project.store.set_meta(counted_rows.STAMP_KEY, "0:stale")
    os.chmod(path, stat.S_IRUSR)
    try:
        with Project(path) as project:
            assert project.read_only
            ids = list(whole["article_id"].unique()[:1])
            pd.testing.assert_frame_equal(project.entity_counts(None, article_ids=ids),
                                          whole[whole["article_id"].isin(ids)].reset_index(drop=True),
                                          check_dtype=False)
            assert project.entity_totals(None).sum() == whole["n"].sum()
            assert set(project.entity_table(None)["entity"]) == set(whole["entity"])
    finally:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
