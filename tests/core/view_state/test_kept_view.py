"""The window's tables kept in the project file: read back exactly as made, and never once the project changed."""

from __future__ import annotations

import pandas as pd
import pytest

from core.project import Project
from core.store import frame_snapshots
from core.tasks import TaskState
from core.text.names import DEFAULT_TYPES
from core.view_state import kept_view
from core.view_state.view_data import ViewData, load_view_data, make_view_data

TYPES = tuple(DEFAULT_TYPES)
FRAMES = ("articles", "entities", "stories", "article_rows", "entity_rows")
SERIES = ("story_of", "quote_counts", "labels")


@pytest.fixture
def keeping(monkeypatch):
    """Every project keeps its tables (not only those of 20,000 articles or more); records which were decoded."""
    monkeypatch.setattr(kept_view, "KEEP_FROM", 0)
    decoded = []
    made = kept_view.view_data_from
    monkeypatch.setattr(kept_view, "view_data_from", lambda *a: decoded.append(1) or made(*a))
    return decoded


def assert_same(data: ViewData, made: ViewData) -> None:
    for name in FRAMES:
        pd.testing.assert_frame_equal(getattr(data, name), getattr(made, name), obj=name)
    for name in SERIES:
        pd.testing.assert_series_equal(getattr(data, name), getattr(made, name), obj=name)
    assert data.outlets == made.outlets and data.types == made.types and data.colours == made.colours
    assert list(data.article_records) == list(made.article_records)


def test_a_reopened_project_shows_the_kept_tables_exactly_as_made(report_project, keeping):
    made = make_view_data(report_project, TYPES, state=TaskState())
    load_view_data(report_project, TYPES, state=TaskState())  # makes and keeps them
    path = report_project.path
    report_project.close()
    with Project(path) as reopened:
        data = load_view_data(reopened, TYPES, state=TaskState())
        assert keeping == [1]
        assert_same(data, made)
        story = int(data.stories["id"].iloc[0])  # a story's counts still come from the file
        ids = list(data.story_of[data.story_of == story].index)
        assert set(data.counts.of_articles(ids)["article_id"]) <= set(ids)


@pytest.mark.parametrize("change", [
    "title", "outlet", "story name", "merged stories", "merged entities", "quote speaker", "deleted article",
])
def test_any_change_of_what_they_show_makes_them_again(report_project, keeping, change):
    """A quote's speaker is not in these tables (quotes load after them): they stay valid."""
    load_view_data(report_project, TYPES, state=TaskState())
    article = report_project.articles()[0]
    stories = list(report_project.stories()["id"])
    if change == "title":
        report_project.edit_article(article.id, title="A new headline")
    elif change == "outlet":
        report_project.edit_article(article.id, outlet="Renamed Outlet")
    elif change == "story name":
        report_project.rename_story(stories[0], "Renamed story")
    elif change == "merged stories":
        report_project.merge_stories(stories[:2])
    elif change == "merged entities":
        names = list(report_project.entity_table(None)["entity"].drop_duplicates()[:2])
        report_project.merge_entities(names, names[0])
    elif change == "quote speaker":
        quote = report_project.quotes().iloc[0]
        report_project.correct_quote_speaker(quote["article_id"], quote["start"], quote["end"], "Someone Else",
                                             "anonymous")
    else:
        report_project.delete_articles([article.id])
    data = load_view_data(report_project, TYPES, state=TaskState())
    assert keeping == ([1] if change == "quote speaker" else [])
    assert_same(data, make_view_data(report_project, TYPES, state=TaskState()))


def test_other_types_are_counted_anew(report_project, keeping):
    load_view_data(report_project, TYPES, state=TaskState())
    data = load_view_data(report_project, ("PERSON",), state=TaskState())
    assert keeping == [] and set(data.entity_rows["label"]) == {"PERSON"}
    assert load_view_data(report_project, ("PERSON",), state=TaskState()).types == ("PERSON",) and keeping == [1]


def test_a_damaged_snapshot_is_made_again(report_project, keeping):
    load_view_data(report_project, TYPES, state=TaskState())
    with report_project.store.transaction() as db:
        db.execute("UPDATE frame_snapshots SET data = ?", (b"not a snapshot",))
    data = load_view_data(report_project, TYPES, state=TaskState())
    assert keeping == []
    assert_same(data, make_view_data(report_project, TYPES, state=TaskState()))


def test_small_projects_keep_nothing(report_project):
    load_view_data(report_project, TYPES, state=TaskState())
    with report_project.store.reading() as db:
        assert db.execute("SELECT COUNT(*) FROM frame_snapshots").fetchone() == (0,)


def test_every_kind_of_column_survives_the_round_trip():
    frame = pd.DataFrame({
        "text": pd.Series(["a", None, "ü — 北"], dtype="str"), "objects": ["x", None, ""],
        "nan_objects": ["2024-01-02", float("nan"), "2024-01-03"],
        "ints": [1, 2, 3], "floats": [0.5, float("nan"), 2.0],
        "nullable": pd.Series([1, None, 3], dtype="Int64"), "dicts": [{"title": "file"}, {}, {"a": "b"}],
        "flags": [True, False, True],
    })
    long = pd.DataFrame({"id": [f"a{i}" for i in range(45_000)], "n": range(45_000)})  # several pieces
    empty = pd.DataFrame({"id": pd.Series(dtype="str"), "n": pd.Series(dtype="int64")})
    back = frame_snapshots.decode(frame_snapshots.encode({"f": frame, "long": long, "empty": empty}))
    pd.testing.assert_frame_equal(back["f"], frame)
    pd.testing.assert_frame_equal(back["long"], long)
    pd.testing.assert_frame_equal(back["empty"], empty)


def test_the_command_line_makes_a_big_projects_window_tables_after_analysing(tmp_path, keeping, capsys):
    from core.cli import main
    from tests.conftest import SEEDS

    path = tmp_path / "cli.newsprism"
    assert main(["import", str(SEEDS), "--project", str(path)]) == 0
    with Project(path) as project:
        data = load_view_data(project, TYPES, state=TaskState())
        assert keeping == [1]  # decoded: made by the command line
        assert_same(data, make_view_data(project, TYPES, state=TaskState()))


def test_hashing_the_texts_of_an_old_project_keeps_them(report_project, keeping):
    from core.analysis.analyse import articles_to_analyse

    load_view_data(report_project, TYPES, state=TaskState())
    with report_project.store.transaction() as db:  # as a project from before the hashes were stored
        db.execute("UPDATE articles SET text_hash = NULL")
    articles_to_analyse(report_project.store, report_project.model)  # hashes them, once
    with report_project.store.reading() as db:
        assert db.execute("SELECT COUNT(*) FROM articles WHERE text_hash IS NULL").fetchone() == (0,)
    data = load_view_data(report_project, TYPES, state=TaskState())
    assert keeping == [1]
    assert_same(data, make_view_data(report_project, TYPES, state=TaskState()))


def test_tables_json_cannot_hold_are_not_kept_and_still_shown(report_project):
    frames = {"odd": pd.DataFrame({"title": ["fine", "a lone \udcff surrogate"]})}
    assert not frame_snapshots.save(report_project.store, "odd", "stamp", frames)
    assert frame_snapshots.load(report_project.store, "odd", "stamp") is None
