"""Deleting articles, and putting them back exactly: every table, the counts, the stories."""

from __future__ import annotations

import sqlite3

import pandas as pd
import pytest

from core.cli import main
from tests.conftest import project_tables


def _tables(project) -> dict[str, list[tuple]]:
    return project_tables(project.path)


def _views(project) -> dict[str, pd.DataFrame]:
    return {"articles": project.articles_frame(), "counts": project.entity_counts(), "stories": project.stories(),
            "quotes": project.quotes(), "sentences": project.sentences()}


def _newsweek(project) -> str:
    return next(a.id for a in project.articles() if a.outlet == "Newsweek")


def test_delete_removes_the_article_and_every_row_about_it(dated_seeds_project):
    project = dated_seeds_project
    gone = _newsweek(project)
    stories_before, title = len(project.stories()), project.article(gone).title
    deleted = project.delete_articles([gone, "no-such-id"])
    assert deleted.ids == (gone,) and len(deleted) == 1
    assert deleted.field("outlet") == ("Newsweek",) and deleted.field("title") == (title,)
    assert [a.outlet for a in project.articles()] == ["Yahoo News"]
    for table, rows in _tables(project).items():
        assert all(gone not in row for row in rows), f"{table} still refers to the deleted article"
    assert len(project.stories()) == stories_before - 1  # its story had no other article
    assert set(project.entity_counts()["outlet"]) == {"Yahoo News"}
    assert set(project.quotes()["outlet"]) <= {"Yahoo News"}


def test_restore_puts_back_every_table_exactly(dated_seeds_project):
    project = dated_seeds_project
    gone = _newsweek(project)
    kept = next(a.id for a in project.articles() if a.id != gone)
    project.move_articles([gone, kept], int(project.story_of()[kept]))  # a pin and a merged story to restore
    project.rename_story(int(project.story_of()[kept]), "Putin and Kim")
    quote = project.quotes().query("article_id == @gone").iloc[0]
    project.correct_quote_speaker(gone, quote["start"], quote["end"], "a Kremlin aide", "anonymous")
    tables, views = _tables(project), _views(project)
    assert all(tables[t] for t in ("story_members", "mentions", "quotes", "copy_bands", "quote_speakers"))

    deleted = project.delete_articles([gone])
    assert _tables(project) != tables
    assert project.restore_articles(deleted) == [gone]
    assert _tables(project) == tables
    for name, frame in _views(project).items():
        pd.testing.assert_frame_equal(frame, views[name], obj=name)


def test_restoring_both_articles_brings_back_their_emptied_stories(dated_seeds_project):
    project = dated_seeds_project
    tables, views = _tables(project), _views(project)
    deleted = project.delete_articles([a.id for a in project.articles()])
    assert project.store.article_count() == 0 and project.stories().empty
    project.restore_articles(deleted)
    assert _tables(project) == tables
    pd.testing.assert_frame_equal(project.stories(), views["stories"])


def test_an_article_imported_again_meanwhile_is_left_as_it_is(dated_seeds_project):
    from tests.conftest import SEEDS

    project = dated_seeds_project
    deleted = project.delete_articles([a.id for a in project.articles()])
    project.import_paths([SEEDS])  # the same files: the same ids, not analysed yet
    assert project.restore_articles(deleted) == []
    assert project.store.article_count() == 2


def test_a_failed_restore_changes_nothing(dated_seeds_project, monkeypatch):
    from core.store import deleted_articles

    project = dated_seeds_project
    deleted = project.delete_articles([_newsweek(project)])
    after_delete = _tables(project)
    calls = []

    def failing_insert(db, part, rows):
        calls.append(part.table)
        if len(calls) == 3:
            raise sqlite3.OperationalError("disk full")
        return original(db, part, rows)

    original = deleted_articles._insert
    monkeypatch.setattr(deleted_articles, "_insert", failing_insert)
    with pytest.raises(sqlite3.OperationalError):
        project.restore_articles(deleted)
    assert _tables(project) == after_delete  # one transaction: nothing half restored


def test_cli_delete(dated_seeds_project, capsys):
    project = dated_seeds_project
    gone = _newsweek(project)
    path = project.path
    project.close()
    assert main(["delete", "--project", str(path), gone, "nonexistent"]) == 0
    captured = capsys.readouterr()
    assert "Deleted 1 article" in captured.out and "Newsweek" in captured.out
    assert "no article nonexistent" in captured.err
    assert main(["delete", "--project", str(path), gone]) == 1  # nothing left to delete
    assert main(["summary", "--project", str(path), "--json"]) == 0
    assert "Newsweek" not in capsys.readouterr().out.split('"outlets"')[1]


def test_an_analysis_that_arrives_for_a_deleted_article_is_left_out(dated_seeds_project):
    """The job process may finish analysing an article the user deleted meanwhile: nothing fails."""
    project = dated_seeds_project
    gone = _newsweek(project)
    project.delete_articles([gone])
    project.store.save_analyses([(gone, "hash", "model", [(0, 5, "Putin", "PERSON", "Vladimir Putin")])])
    assert gone not in project.store.analysis_state()
    assert gone not in set(project.store.mentions_frame()["article_id"])


def test_restore_after_the_counts_were_made_again(dated_seeds_project):
    """Recounting after a deletion rewrites the count rows: their old rowids are taken; restoring still works."""
    project = dated_seeds_project
    counts = project.entity_counts()
    deleted = project.delete_articles([_newsweek(project)])
    project.entity_counts()  # the window reloads: counted again, rows rewritten
    assert project.restore_articles(deleted) == list(deleted.ids)
    pd.testing.assert_frame_equal(project.entity_counts(), counts)


def test_a_row_whose_rowid_was_taken_meanwhile_never_takes_another_restored_rows_place(dated_seeds_project):
    project = dated_seeds_project
    gone = _newsweek(project)
    kept = next(a.id for a in project.articles() if a.id != gone)
    with project.store.reading() as db:
        first, second = [r[0] for r in db.execute(
            "SELECT rowid FROM mentions WHERE article_id = ? ORDER BY rowid LIMIT 2", (gone,))]
    assert second == first + 1
    deleted = project.delete_articles([gone])
    with project.store.transaction() as db:  # a new row now holds the first one's place, and is the last row
        db.execute("DELETE FROM mentions WHERE rowid > ?", (first,))
        db.execute("INSERT INTO mentions(rowid, article_id, start, end, text, label, name) "
                   "VALUES (?, ?, 0, 5, 'Putin', 'PERSON', 'Putin')", (first, kept))
    project.restore_articles(deleted)
    with project.store.reading() as db:
        restored = db.execute("SELECT COUNT(*) FROM mentions WHERE article_id = ?", (gone,)).fetchone()[0]
    assert restored == sum(len(part.rows) for part in deleted.tables if part.table == "mentions")
