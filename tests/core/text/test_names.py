"""Entities on the sample articles, with the real spaCy model."""

from __future__ import annotations

import pytest

from core.text.names import AliasTable, normalise_name, resolve_short_names


def _counts(project, outlet):
    table = project.entity_table()
    rows = table[table["outlet"] == outlet]
    return {(r.entity, r.label): r.mentions for r in rows.itertuples()}


@pytest.mark.parametrize("outlet", ["Yahoo News", "Newsweek"])
def test_kim_and_putin_are_people_named_by_both_outlets(seeds_project, outlet):
    counts = _counts(seeds_project, outlet)
    assert ("Kim Jong Un", "PERSON") in counts
    assert ("Vladimir Putin", "PERSON") in counts


def test_short_forms_count_under_the_full_name(seeds_project):
    mentions = seeds_project.mentions()
    kim = mentions[mentions["entity"] == "Kim Jong Un"]
    putin = mentions[mentions["entity"] == "Vladimir Putin"]
    assert "Kim" in set(kim["text"]) and "Kim Jong Un" in set(kim["text"])
    assert "Putin" in set(putin["text"]) and "Vladimir Putin" in set(putin["text"])
    assert not set(mentions["entity"]) & {"Kim", "Putin"}


def test_possessive_north_korea_counts_as_north_korea(seeds_project):
    mentions = seeds_project.mentions()
    possessive = mentions[mentions["text"].str.startswith("North Korea’s")]
    assert len(possessive) >= 1
    assert set(possessive["entity"]) == {"North Korea"}


def test_boilerplate_is_not_counted(seeds_project):
    mentions = seeds_project.mentions(types=None)
    texts = " ".join(mentions["text"])
    assert "Getty Images" not in texts
    assert "USA Today" not in texts and "Telegraph" not in texts  # the Read-more link list
    yahoo = next(a for a in seeds_project.articles() if a.outlet == "Yahoo News")
    read_more = yahoo.text.index("Read more from Yahoo News")
    end_of_list = yahoo.text.index("Kremlin’s response")
    in_list = mentions[(mentions["article_id"] == yahoo.id) & (mentions["start"] >= read_more) & (mentions["start"] < end_of_list)]
    assert in_list.empty


def test_numbers_and_dates_are_never_entities(seeds_project):
    labels = set(seeds_project.mentions(types=None)["label"])
    assert not labels & {"DATE", "CARDINAL", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"}


def test_demonyms_and_abbreviations_join_their_country(seeds_project):
    mentions = seeds_project.mentions()
    assert set(mentions.loc[mentions["text"].isin(["North Korean", "DPRK"]), "entity"]) == {"North Korea"}
    assert set(mentions.loc[mentions["text"] == "U.S.", "entity"]) == {"United States"}


def test_coverage_split_names_entities_of_one_outlet(seeds_project):
    coverage = seeds_project.coverage().set_index("entity")
    assert coverage.loc["Kim Jong Un", "named_by"] == "all"
    assert coverage.loc["Jake Sullivan", "only_outlet"] == "Yahoo News"
    assert coverage.loc["Antony Blinken", "only_outlet"] == "Newsweek"


def test_per_1000_words_uses_each_outlets_word_count(seeds_project):
    table = seeds_project.entity_table()
    words = seeds_project.articles_frame().set_index("outlet")["word_count"]
    row = table[(table["entity"] == "Russia") & (table["outlet"] == "Newsweek")].iloc[0]
    assert row.per_1000_words == pytest.approx(1000 * row.mentions / words["Newsweek"])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("North Korea’s", "North Korea"), ("the Kremlin", "Kremlin"), ("U.S.’s", "U.S."), ("Kim Jong Un's", "Kim Jong Un"),
     ("  Jake   Sullivan ", "Jake Sullivan"), ("Reuters’", "Reuters")],
)
def test_normalise_name(raw, expected):
    assert normalise_name(raw) == expected


def test_short_names_resolve_to_the_full_name_used_in_the_article():
    mentions = [(0, 5, "Putin", "PERSON"), (10, 24, "Vladimir Putin", "PERSON"), (30, 33, "Kim", "ORG"),
                (40, 51, "Kim Jong Un", "PERSON"), (60, 65, "Biden", "PERSON")]
    names = [m[4] for m in resolve_short_names(mentions)]
    assert names == ["Vladimir Putin", "Vladimir Putin", "Kim Jong Un", "Kim Jong Un", "Biden"]


def test_ambiguous_short_names_prefer_the_earlier_full_name():
    mentions = [(0, 10, "Joe Biden", "PERSON"), (20, 25, "Biden", "PERSON"), (30, 42, "Hunter Biden", "PERSON")]
    assert resolve_short_names(mentions)[1][4] == "Joe Biden"


def test_alias_table_is_case_insensitive_and_sets_labels():
    table = AliasTable.default()
    assert table.resolve("the DPRK", "ORG") == ("North Korea", "GPE")
    assert table.resolve("Ukrainians", "NORP") == ("Ukraine", "GPE")
    assert table.resolve("Tass", "ORG") == ("Tass", "ORG")
