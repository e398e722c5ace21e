"""Story grouping on real coverage: 150 articles by Fox News, The New York Times and HuffPost on 50 events.

The articles are imported like any user's table (without the true event
column) and analysed with the real model once per session; the grouping is
then scored against the true events. The figures asserted are those
``python -m benchmarks.score_real_stories`` prints and
docs/analysis-quality.md records: parameters chosen on one half of the
events, scores measured on the other half.
"""

from __future__ import annotations

import pytest

from benchmarks.score_real_stories import analysed_dev_set, cross_validate, score
from benchmarks.score_stories import bcubed, pairwise
from core.analysis.stories import StoryParams
from core.analysis.story_names import MAX_NAME, tidy_headline
from tests.conftest import REAL_STORIES, require_shared

#: Events in the set about the same politicians months apart (true event ids).
SAME_PEOPLE_MONTHS_APART = [
    ("2010_2b95d2cf", "2010_74708dbf"),  # Michael Steele: Afghanistan remarks (July), RNC re-election (December)
    ("2012_f11c2566", "2012_cad4bba5"),  # John Boehner: "1 in 3 chance" (April), fiscal-cliff talks (December)
    ("2016_d4a4bc34", "2016_8abec8d9"),  # Vicente Fox on Trump: the wall (February), Trump's visit (August)
    ("2012_29ffd053", "2012_2ec04201"),  # Paul Ryan: Georgetown budget row (April), Medicare fight (August)
]


@pytest.fixture(scope="module")
def real_stories(tmp_path_factory, nlp):
    """(project, true event by article id) for the development set."""
    folder = tmp_path_factory.mktemp("real-stories")
    project, truth = analysed_dev_set(require_shared(REAL_STORIES), folder)
    yield project, truth
    project.close()


def test_the_project_groups_real_coverage_into_its_events(real_stories):
    """Through the project itself, with the defaults, dates known (tuned partly on this set: see the next test)."""
    project, truth = real_stories
    story_of = project.story_of()
    predicted = {a: int(story_of[a]) for a in truth.index}
    assert bcubed(predicted, truth.to_dict())[2] >= 0.97
    assert pairwise(predicted, truth.to_dict())[2] >= 0.94
    stories = project.stories()
    assert (stories["outlets"] == "Fox News, HuffPost, The New York Times").sum() >= 45


def test_cross_validated_on_held_out_events(real_stories):
    """Tuned on half of the events, scored on the other half, both ways (split 0 of the benchmark)."""
    project, truth = real_stories
    rows = cross_validate(project, truth, seed=0)
    assert len(rows) == 2
    for row in rows:
        assert row["bcubed"] >= 0.97, row
        assert row["pairwise"] >= 0.94, row
        assert row["bcubed_undated"] >= 0.93, row


def test_the_same_people_in_events_months_apart_stay_apart_when_dates_are_known(real_stories):
    project, truth = real_stories
    for events in SAME_PEOPLE_MONTHS_APART:
        result = score(project, truth, set(events), StoryParams())
        assert result["stories"] == 2 and result["bcubed"] == 1.0, (events, result)


def test_stories_are_named_by_one_of_their_headlines(real_stories):
    project, _ = real_stories
    titles = project.articles_frame().set_index("id")["title"]
    story_of = project.story_of()
    for story in project.stories().itertuples():
        headlines = [tidy_headline(t) for t in titles[story_of[story_of == story.id].index]]
        assert any(h.startswith(story.name.rstrip("…")) for h in headlines), (story.name, headlines)
        assert len(story.name) <= MAX_NAME + 1


def test_tightness_regroups_at_once_and_keeps_the_users_edits(real_stories, tmp_path):
    from core.project import Project

    project, truth = real_stories
    path = tmp_path / "copy.newsprism"
    project.save_as(path)
    with Project(path) as copy:
        default = len(copy.stories())
        ids = list(truth.index)
        merged = copy.merge_stories([int(copy.story_of()[ids[0]]), int(copy.story_of()[ids[3]])])
        split = copy.split_story([ids[6]], "Kept apart")
        copy.set_story_tightness(1.0)
        tight = copy.stories()
        assert len(tight) > default + 20
        story_of = copy.story_of()
        assert story_of[ids[0]] == story_of[ids[3]] == merged
        assert story_of[ids[6]] == split and "Kept apart" in set(tight["name"])
        copy.set_story_tightness(0.0)
        assert len(copy.stories()) < len(tight)
        assert copy.story_tightness() == 0.0
    with Project(path) as reopened:
        assert reopened.story_tightness() == 0.0


def test_the_undated_set_still_mostly_groups(real_stories):
    project, truth = real_stories
    result = score(project, truth, set(truth.unique()), StoryParams(), dated=False)
    assert result["bcubed"] >= 0.93
