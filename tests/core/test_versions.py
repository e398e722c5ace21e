"""Near-duplicates kept as linked versions: both stored, the report names what each repeats, the
analysis counts the story once, and the timeline dates it at its first appearance."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.analysis.entities import counted_articles
from core.analysis.timeline import mentions_per_day
from core.model.import_result import Status
from core.project import Project

WIRE = Path(__file__).resolve().parents[1] / "data" / "articles" / "wire"


@pytest.fixture(scope="module")
def analysed(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("versions") / "Capital Wire"
    shutil.copytree(WIRE, folder)
    project = Project(folder.parent / "p.newsprism")
    # the later version first: the first appearance is still the earlier date
    results = project.import_paths([folder / "capital_wire_2024-08-15_update.txt", folder / "capital_wire_2024-08-14_first.txt",
                                    folder / "coastline_post_print.txt", folder / "coastline_post_online.txt"])
    project.analyse(processes=1)
    yield project, results
    project.close()


def test_both_versions_are_stored_and_the_report_names_the_first(analysed):
    project, results = analysed
    assert [r.status for r in results] == [Status.IMPORTED] * 4
    assert len(project.articles()) == 4
    update, first, print_edition, online = results
    assert first.versions == ((first.article_ids[0], update.article_ids[0]),)
    assert first.message == ("1 article; 1 version of an article kept and linked: 'Wildfire forces evacuation of hill "
                             "villages' repeats 'Wildfire forces evacuation of hill villages' (Capital Wire, 2024-08-15)")
    # print and online editions under two headlines are versions of one article too
    assert online.versions == ((online.article_ids[0], print_edition.article_ids[0]),)
    assert "'Harbour car park to become a square, council decides' repeats 'Council votes to close harbour car park'" in online.message


def test_first_appearance_is_the_earliest_date_of_the_versions(analysed):
    project, _ = analysed
    frame = project.articles_frame().set_index("title")
    assert set(frame.loc["Wildfire forces evacuation of hill villages", "first_appearance"]) == {"2024-08-14"}
    assert frame.loc["Council votes to close harbour car park", "first_appearance"] == "2024-08-15"
    assert frame.loc["Harbour car park to become a square, council decides", "version_of"] == \
        frame.loc["Council votes to close harbour car park", "id"]


def test_a_reprint_counts_once_in_the_entity_table_and_the_timeline(analysed):
    project, _ = analysed
    table = project.entity_table().set_index(["entity", "outlet"])
    assert table.loc[("Carla Mendez", "Capital Wire"), "mentions"] == 1
    assert table.loc[("Carla Mendez", "Capital Wire"), "articles"] == 1
    counted = counted_articles(project.articles_frame())
    assert counted["outlet"].value_counts().to_dict() == {"Capital Wire": 1, "Coastline Post": 1}
    counts = project.entity_counts()
    assert (counts["entity"] == "Carla Mendez").sum() == 2  # each version keeps its own analysis
    timeline = mentions_per_day(counts, project.articles_frame(), ["Carla Mendez"])
    assert timeline[["day", "mentions"]].astype(str).values.tolist() == [["2024-08-14", "1"]]
    by_date = mentions_per_day(counts, project.articles_frame(), ["Carla Mendez"], first_appearance=False)
    assert by_date["day"].astype(str).tolist() == ["2024-08-15"]  # the counted article's own date


def test_the_article_table_notes_the_version(analysed):
    from core.analysis.article_table import article_table

    project, _ = analysed
    rows = article_table(project.articles_frame(), project.entity_counts())
    notes = dict(zip(rows["title"], rows["note"]))
    assert notes["Harbour car park to become a square, council decides"] == "version of 'Council votes to close harbour car park'"
    assert notes["Council votes to close harbour car park"] == ""


def test_the_same_text_on_another_day_is_kept_and_the_same_day_is_a_repeat(tmp_path):
    import pandas as pd

    text = (WIRE / "capital_wire_2024-08-14_first.txt").read_text(encoding="utf-8")
    row = {"text": text, "outlet": "Capital Wire"}
    pd.DataFrame([{**row, "date": "2024-08-14"}, {**row, "date": "2024-08-16"}]).to_csv(tmp_path / "two.csv", index=False)
    pd.DataFrame([{**row, "date": "2024-08-16"}]).to_csv(tmp_path / "again.csv", index=False)
    with Project(tmp_path / "p.newsprism") as project:
        [both] = project.import_paths([tmp_path / "two.csv"])
        [again] = project.import_paths([tmp_path / "again.csv"])
        assert len(both.article_ids) == 2 and both.versions == ((both.article_ids[1], both.article_ids[0]),)
        assert again.status is Status.DUPLICATE and "already in the project" in again.message
        assert sorted(a.date for a in project.articles()) == ["2024-08-14", "2024-08-16"]
