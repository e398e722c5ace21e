"""The views' data loads headless: a real analysed project, a TaskState that records progress, no Qt."""

import pytest

from core.tasks import Cancelled, TaskState
from core.text.names import DEFAULT_TYPES
from core.view_state.view_data import ViewData, load_terms, load_view_data, shown_mentions


def test_view_data_holds_every_table_the_views_draw(seeds_project):
    reports = []
    data = load_view_data(seeds_project, tuple(DEFAULT_TYPES), state=TaskState(lambda f, m: reports.append(f)))
    assert isinstance(data, ViewData) and not data.problems
    assert len(data.article_records) == len(data.articles) == seeds_project.store.article_count()
    assert set(data.outlets) == set(seeds_project.outlets()) and set(data.colours) == set(data.outlets)
    assert not data.stories.empty and set(data.story_of.index) <= set(data.articles["id"])
    assert set(data.entity_rows.columns) >= {"entity", "label"} and data.types == tuple(DEFAULT_TYPES)
    assert reports == sorted(reports) and reports[0] == 0.0


def test_counting_other_types_recounts_both_tables(seeds_project):
    data = load_view_data(seeds_project, ("PERSON",), state=TaskState())
    assert set(data.entity_rows["label"]) == {"PERSON"}
    data.count(("GPE",))
    assert set(data.entity_rows["label"]) == {"GPE"} and data.types == ("GPE",)


def test_a_cancelled_load_stops(seeds_project):
    state = TaskState()
    state.cancel()
    with pytest.raises(Cancelled):
        load_view_data(seeds_project, tuple(DEFAULT_TYPES), state=state)


def test_shown_mentions_are_canonical_and_labelled(seeds_project):
    data = load_view_data(seeds_project, tuple(DEFAULT_TYPES), state=TaskState())
    first = data.articles["id"].iloc[0]
    mentions = shown_mentions(seeds_project, data, [first])
    assert not mentions.empty and set(mentions["article_id"]) == {first}
    assert set(mentions["entity"]) <= set(data.entities["entity"])


def test_terms_of_a_story_gone_meanwhile_are_empty(seeds_project):
    assert load_terms(seeds_project, 10**9, state=TaskState()).empty
