"""Comparing outlets on the seeds: descriptors, entity edits, prominence, compare."""

from __future__ import annotations

import json

from core.cli import main


def _descriptors(project, entity):
    table = project.descriptors()
    return set(table.loc[table["entity"] == entity, "descriptor"])


def test_hermit_kingdom_is_recorded_as_a_description_of_north_korea(seeds_project):
    assert "Hermit Kingdom" in _descriptors(seeds_project, "North Korea")
    mentions = seeds_project.mentions()
    assert set(mentions.loc[mentions["text"] == "Hermit Kingdom", "entity"]) == {"North Korea"}


def test_each_outlet_describes_in_its_own_words(seeds_project):
    table = seeds_project.descriptors()
    yahoo = set(table.loc[table["outlet"] == "Yahoo News", "descriptor"])
    newsweek = set(table.loc[table["outlet"] == "Newsweek", "descriptor"])
    assert {"fellow pariah", "Russia's key ally", "spokesman for the Kremlin"} <= yahoo
    assert {"secretive nation", "Russian President"} <= newsweek
    assert "U.S. national security adviser" in _descriptors(seeds_project, "Jake Sullivan")


def test_merging_entities_changes_the_counts_at_once_and_is_stored(seeds_project):
    before = seeds_project.entity_table()
    pyongyang = before.loc[before["entity"] == "Pyongyang", "mentions"].sum()
    north_korea = before.loc[before["entity"] == "North Korea", "mentions"].sum()
    seeds_project.merge_entities(["Pyongyang"], "North Korea")
    after = seeds_project.entity_table()
    assert "Pyongyang" not in set(after["entity"])
    assert after.loc[after["entity"] == "North Korea", "mentions"].sum() == pyongyang + north_korea

    from core.project import Project

    path = seeds_project.path
    seeds_project.close()
    with Project(path) as reopened:
        assert "Pyongyang" not in set(reopened.entity_table()["entity"])
        reopened.split_entity("Pyongyang")
        assert "Pyongyang" in set(reopened.entity_table()["entity"])


def test_renaming_an_entity_follows_its_aliases(seeds_project):
    seeds_project.rename_entity("United States", "USA")
    entities = set(seeds_project.mentions()["entity"])
    assert "USA" in entities and "United States" not in entities


def test_prominence_of_entities_in_headline_and_lead(dated_seeds_project):
    seeds_project = dated_seeds_project
    story = seeds_project.story_of()[next(a.id for a in seeds_project.articles() if a.outlet == "Newsweek")]
    table = seeds_project.story_entity_table(int(story)).set_index("entity")
    assert table.loc["Vladimir Putin", "in_headline"] == 1  # "Putin-Kim Jong Un deal: …"
    assert table.loc["Kim Jong Un", "in_headline"] == 1
    assert table.loc["Jens Stoltenberg", "in_lead"] == 0
    assert table.loc["Vladimir Putin", "first_position"] < table.loc["Jens Stoltenberg", "first_position"]


def test_distinctive_terms_against_the_project(seeds_project):
    terms = seeds_project.distinctive_terms(scope="project", min_freq=2)
    assert set(terms["outlet"]) <= {"Yahoo News", "Newsweek"}
    assert (terms["log_ratio"] > 0).all()
    yahoo = set(terms.loc[terms["outlet"] == "Yahoo News", "term"])
    assert "Wagner" in yahoo  # only Yahoo News writes about Wagner, four times


def test_compare_command_prints_one_story(dated_seeds_project, capsys):
    seeds_project = dated_seeds_project
    path = str(seeds_project.path)
    seeds_project.close()
    assert main(["summary", "--project", path, "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    story = next(s for s in summary["stories"] if s["outlets"] == ["Newsweek"])
    assert main(["compare", "--project", path, "--story", str(story["id"]), "--json"]) == 0
    comparison = json.loads(capsys.readouterr().out)
    assert list(comparison["outlets"]) == ["Newsweek"]
    assert comparison["outlets"]["Newsweek"]["entities"][0]["entity"] == "Russia"
    assert main(["compare", "--project", path, "--story", "999"]) == 1


def test_a_merge_can_be_undone_and_lists_the_names_it_joined(seeds_project):
    seeds_project.merge_entities(["Pyongyang"], "North Korea")
    assert "Pyongyang" in seeds_project.entity_names("North Korea")
    assert "DPRK" in seeds_project.entity_names("North Korea")  # from the default alias table
    seeds_project.forget_alias("Pyongyang")
    assert "Pyongyang" in set(seeds_project.entity_table()["entity"])
    assert "Pyongyang" not in seeds_project.entity_names("North Korea")


def test_the_story_comparison_table_lists_every_outlet_and_who_did_not_cover_it(dated_seeds_project):
    project = dated_seeds_project
    newsweek = next(a for a in project.articles() if a.outlet == "Newsweek")
    story = int(project.story_of()[newsweek.id])
    comparison = project.compare_story(story)
    assert comparison["absent_outlets"] == ["Yahoo News"]
    table = project.story_comparison_table(story).set_index("Outlet")
    assert list(table.index) == ["Newsweek", "Yahoo News"]
    assert table.loc["Yahoo News", "Covered"].startswith("no") and table.loc["Yahoo News", "Articles"] == 0
    row = table.loc["Newsweek"]
    assert row["Articles"] == 1 and row["Words"] == newsweek.word_count
    assert row["Quotes"] == sum(s["quotes"] for s in comparison["outlets"]["Newsweek"]["sources"]) > 0
    assert row["Anonymous sourcing"] == round(comparison["outlets"]["Newsweek"]["anonymous_share"], 3)


def test_the_comparison_page_exports_to_a_workbook_and_csv_with_every_number(dated_seeds_project, tmp_path, capsys):
    import csv as csv_module

    import openpyxl

    from core.analysis.story_comparison import COLUMNS

    project = dated_seeds_project
    newsweek = next(a for a in project.articles() if a.outlet == "Newsweek")
    story = int(project.story_of()[newsweek.id])
    table = project.story_comparison_table(story).set_index("Outlet")
    path = str(project.path)
    project.close()
    assert main(["compare", "--project", path, "--story", str(story), "--export", str(tmp_path / "page.xlsx")]) == 0
    sheet = openpyxl.load_workbook(tmp_path / "page.xlsx").active
    rows = {row[0]: row[1:] for row in sheet.iter_rows(min_row=3, values_only=True)}
    assert rows[None][:2] == ("Newsweek", "Yahoo News") and rows[None][2] == "What it means"
    assert rows["Quotes"][0] == table.loc["Newsweek", "Quotes"] and rows["Words"][0] == newsweek.word_count
    assert rows["Anonymous sourcing"][2] == COLUMNS["Anonymous sourcing"]
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$3:$3"
    assert main(["compare", "--project", path, "--story", str(story), "--export", str(tmp_path / "page.csv")]) == 0
    with open(tmp_path / "page.csv", encoding="utf-8-sig") as handle:
        lines = list(csv_module.reader(handle))
    assert lines[0][0].startswith("Story: ") and lines[1][1:3] == ["Newsweek", "Yahoo News"]
    assert main(["compare", "--project", path, "--export", str(tmp_path / "x.xlsx")]) == 2
    assert main(["compare", "--project", path, "--story", "999", "--export", str(tmp_path / "x.xlsx")]) == 1
