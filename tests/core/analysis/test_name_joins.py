"""Lone surnames join the full name of their story or project; some names are not entities of the coverage."""

from __future__ import annotations

import pandas as pd
import pytest

from core.analysis.name_joins import NameJoins, surname_joins
from tests.conftest import REAL_STORIES, require_shared


def _names(rows):
    return pd.DataFrame(rows, columns=["article_id", "name", "label", "n"])


def test_a_surname_joins_the_only_full_name_of_its_story():
    names = _names([("a", "Rick Perry", "PERSON", 3), ("b", "Perry", "PERSON", 2),
                    ("c", "Katy Perry", "PERSON", 2), ("d", "Perry", "PERSON", 1)])
    joins = surname_joins(names, pd.Series({"a": 1, "b": 1, "c": 2, "d": 2}))
    assert joins.project == {}  # two Perrys in the project
    assert joins.stories == {1: {"Perry": "Rick Perry"}, 2: {"Perry": "Katy Perry"}}
    joined = joins.joined(pd.Series(["Perry", "Perry", "Rick Perry"]), pd.Series([1, 2, 1]))
    assert list(joined) == ["Rick Perry", "Katy Perry", "Rick Perry"]


def test_a_surname_with_one_full_name_in_the_project_joins_it_in_every_story():
    names = _names([("a", "Donald Trump", "PERSON", 4), ("b", "Trump", "PERSON", 5)])
    assert surname_joins(names, pd.Series({"a": 1, "b": 2})).project == {"Trump": "Donald Trump"}


def test_one_full_name_named_far_more_than_the_others_wins_across_the_project():
    names = _names([("a", "Barack Obama", "PERSON", 40), ("b", "Michelle Obama", "PERSON", 3),
                    ("c", "Obama", "PERSON", 9), ("d", "Sasha Obama", "PERSON", 2)])
    assert surname_joins(names, pd.Series({"a": 1, "b": 2, "c": 3, "d": 4})).project == {"Obama": "Barack Obama"}
    names.loc[1, "n"] = 30  # now Michelle Obama is named often too: no join
    assert surname_joins(names, pd.Series({"a": 1, "b": 2, "c": 3, "d": 4})).project == {}


def test_what_is_not_joined():
    names = _names([("a", "Nancy Pelosi Beats Back House", "PERSON", 1), ("b", "House", "PERSON", 9),
                    ("a", "George W. Bush", "PERSON", 2), ("a", "Jeb Bush", "PERSON", 2), ("b", "Bush", "PERSON", 3),
                    ("a", "Paul Ryan", "PERSON", 3), ("b", "Ryan", "PERSON", 3), ("b", "Ryan", "ORG", 1)])
    joins = surname_joins(names, pd.Series({"a": 1, "b": 1}), keep={"Ryan"})
    assert "House" not in joins.project  # a headline the recogniser took for a name, named once, is no candidate
    assert "Bush" not in joins.project and not joins.stories  # two candidates
    assert "Ryan" not in joins.project  # the user split "Ryan" off


def test_joins_survive_being_stored_as_plain_data():
    joins = NameJoins({"Trump": "Donald Trump"}, {3: {"Perry": "Rick Perry"}})
    assert NameJoins.from_dict(joins.as_dict()) == joins


@pytest.fixture(scope="module")
def mattis_story(tmp_path_factory, nlp):
    """The three real articles on Jim Mattis's resignation (December 2018), imported and analysed."""
    from core.project import Project

    table = pd.read_csv(require_shared(REAL_STORIES))
    rows = table[table["title"].str.contains("Mattis", na=False)]
    assert len(rows) == 3
    folder = tmp_path_factory.mktemp("mattis")
    rows.drop(columns=["event"]).to_csv(folder / "mattis.csv", index=False)
    project = Project(folder / "mattis.newsprism")
    project.import_paths([folder / "mattis.csv"])
    project.analyse(processes=1)
    yield project
    project.close()


def test_on_real_coverage_trump_is_counted_as_donald_trump_by_every_outlet(mattis_story):
    table = mattis_story.entity_table()
    raw = mattis_story.store.mentions_frame()
    assert "Trump" in set(raw["name"])  # an outlet writes the surname alone
    assert "Trump" not in set(table["entity"])
    trump = table[table["entity"] == "Donald Trump"]
    assert set(trump["outlet"]) == {"Fox News", "HuffPost", "The New York Times"}


def test_party_members_and_the_outlets_own_name_are_not_entities_of_the_coverage(mattis_story):
    raw = mattis_story.store.mentions_frame()
    named = set(mattis_story.entity_table()["entity"])
    assert {"Democrats", "Republicans", "Republican"} & set(raw["name"])  # the recogniser found them
    assert not {"Democrat", "Democrats", "Republican", "Republicans"} & named
    fox = set(mattis_story.entity_table().query("outlet == 'Fox News'")["entity"])
    assert "Fox News" not in fox


def test_a_middle_initial_does_not_make_another_person():
    names = _names([("a", "Donald J. Trump", "PERSON", 10), ("b", "Donald Trump", "PERSON", 1),
                    ("c", "Trump", "PERSON", 20)])
    joins = surname_joins(names, pd.Series({"a": 1, "b": 2, "c": 3}))
    assert joins.project == {"Donald J. Trump": "Donald Trump", "Trump": "Donald Trump"}
