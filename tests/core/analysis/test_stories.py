"""Stories: the seeds are related events told apart by their dates; the user's edits survive regrouping."""

from __future__ import annotations

import pandas as pd
import pytest

from core.analysis.stories import StoryParams, cluster_articles, reconcile
from tests.conftest import date_the_seeds


@pytest.fixture
def dated_seeds(dated_seeds_project):
    return dated_seeds_project


def test_undated_related_events_join_on_content_and_their_dates_set_them_apart(seeds_project):
    """The seeds report related events nine months apart with the same people, places and words;
    without dates nothing tells them apart (they are as alike as 72 % of real same-event pairs,
    docs/analysis-quality.md). With the dates known they are two stories."""
    undated = seeds_project.stories()
    assert len(undated) == 1 and undated["outlets"].iloc[0] == "Newsweek, Yahoo News"
    stories = date_the_seeds(seeds_project).stories()
    assert len(stories) == 2
    assert sorted(stories["outlets"]) == ["Newsweek", "Yahoo News"]


def test_story_names_are_headlines(dated_seeds):
    names = set(dated_seeds.stories()["name"])
    assert names == {a.title for a in dated_seeds.articles()}


def test_rewritten_copies_of_one_event_join_its_story(dated_seeds, tmp_path):
    """A second outlet's version of the Yahoo story (same event, edited wording, undated) joins it."""
    seeds_project = dated_seeds
    yahoo = next(a for a in seeds_project.articles() if a.outlet == "Yahoo News")
    paragraphs = yahoo.text.split("\n")
    rewritten = "\n".join(["Kim may head to Russia for arms talks, U.S. says"] + paragraphs[1:4] + paragraphs[13:16])
    folder = tmp_path / "Daily Wire Copy"
    folder.mkdir()
    (folder / "kim.txt").write_text(rewritten, encoding="utf-8")
    seeds_project.import_paths([folder])
    seeds_project.analyse()
    story = seeds_project.story_of()
    copy = next(a for a in seeds_project.articles() if a.outlet == "Daily Wire Copy")
    assert story[copy.id] == story[yahoo.id]
    assert len(seeds_project.stories()) == 2


def test_moves_merges_splits_and_names_survive_reanalysis(dated_seeds):
    seeds_project = dated_seeds
    ids = {a.outlet: a.id for a in seeds_project.articles()}
    first, second = seeds_project.stories()["id"]
    merged = seeds_project.merge_stories([first, second])
    seeds_project.rename_story(merged, "Russia and North Korea")
    seeds_project.update_stories()
    stories = seeds_project.stories()
    assert list(stories["name"]) == ["Russia and North Korea"] and stories["articles"].iloc[0] == 2

    new = seeds_project.split_story([ids["Newsweek"]], "Putin in Pyongyang")
    seeds_project.update_stories()
    names = dict(zip(seeds_project.stories()["id"], seeds_project.stories()["name"]))
    assert names == {merged: "Russia and North Korea", new: "Putin in Pyongyang"}
    assert seeds_project.story_of()[ids["Newsweek"]] == new


def test_stories_are_stored_in_the_project_file(seeds_project):
    from core.project import Project

    before = seeds_project.stories()
    path = seeds_project.path
    seeds_project.close()
    with Project(path, create=False) as reopened:
        pd.testing.assert_frame_equal(reopened.stories(), before)


def _frame(rows):
    return pd.DataFrame(rows, columns=["article_id", "term", "kind", "count"])


def test_articles_far_apart_in_time_are_never_one_story():
    words = [(t, "word") for t in ("storm", "flood", "river", "rain")]
    phrases = [(f"heavy rain {i}", "phrase") for i in range(25)]
    entities = [("Dresden", "entity"), ("Elbe", "entity")]
    terms = _frame([(a, t, kind, 3) for a in "abc" for t, kind in words + phrases + entities])
    articles = pd.DataFrame({"id": list("abc"), "date": ["2024-01-01", "2024-01-02", "2024-03-01"]})
    clusters = cluster_articles(articles, terms, StoryParams(window_days=4))
    assert clusters["a"] == clusters["b"] != clusters["c"]


def test_reconcile_keeps_pinned_articles_and_old_story_ids():
    clusters = pd.Series({"a": 0, "b": 0, "c": 1, "d": 1, "e": 2})
    previous = pd.DataFrame(
        [("a", 7, 0), ("b", 7, 0), ("c", 9, 1), ("d", 7, 0)], columns=["article_id", "story_id", "pinned"]
    )
    result = reconcile(clusters, previous).set_index("article_id")["story_id"].to_dict()
    assert result["c"] == 9  # pinned by the user
    assert result["a"] == result["b"] == 7  # the cluster that was mostly story 7 stays story 7
    assert result["d"] == 9  # it clusters with c, which the user put in story 9
    assert result["e"] < 0  # a new article on its own: a new story


def test_a_story_snapshot_puts_back_every_story_after_a_merge_and_a_split(dated_seeds):
    seeds_project = dated_seeds
    before_stories, before_of = seeds_project.stories(), seeds_project.story_of()
    state = seeds_project.story_state()
    first, second = before_stories["id"]
    merged = seeds_project.merge_stories([first, second])
    seeds_project.rename_story(merged, "Both")
    seeds_project.split_story([before_of.index[0]], "Alone")
    assert seeds_project.stories()["name"].tolist() != before_stories["name"].tolist()
    seeds_project.restore_stories(state)
    pd.testing.assert_frame_equal(seeds_project.stories(), before_stories)
    pd.testing.assert_series_equal(seeds_project.story_of(), before_of)
    assert seeds_project.story_state() == state


def test_stories_from_terms_read_a_kind_at_a_time_equal_those_from_the_whole_table(tmp_path):
    from benchmarks.corpus import write_corpus
    from core.project import Project

    write_corpus(tmp_path / "corpus", n=30, seed=11)
    with Project(tmp_path / "p.newsprism") as project:
        project.import_paths([tmp_path / "corpus"])
        project.analyse(processes=1)
        articles = project.articles_frame()
        whole = cluster_articles(articles, project.store.frame("terms"))
        in_parts = cluster_articles(articles, project.store.term_counts)
    assert whole.nunique() > 3
    pd.testing.assert_series_equal(whole, in_parts)
