"""Mentions counted per article and entity, kept in the project file (what a big project opens from)."""

from __future__ import annotations

import sqlite3

import pandas as pd

from core.analysis.entities import count_mentions, entity_outlet_table
from core.store import counted_rows
from core.project import Project


def _by_entity(counts: pd.DataFrame) -> dict:
    return counts.groupby(["article_id", "entity", "label"])["n"].sum().to_dict()


def _stored_stamp(path) -> str | None:
    db = sqlite3.connect(path)
    try:
        row = db.execute("SELECT value FROM meta WHERE key = ?", (counted_rows.STAMP_KEY,)).fetchone()
        return row[0] if row else None
    finally:
        db.close()


def test_counts_are_the_canonical_mentions_counted(seeds_project):
    mentions = seeds_project.mentions(types=None)
    counts = seeds_project.entity_counts(types=None)
    assert counts["n"].sum() == len(mentions) > 100
    assert _by_entity(counts) == _by_entity(count_mentions(mentions))
    # The entity × outlet table is the same from counts as from single mentions.
    articles = seeds_project.articles_frame()
    pd.testing.assert_frame_equal(entity_outlet_table(articles, counts),
                                  entity_outlet_table(articles, seeds_project.mentions(types=None)))


def test_analysis_stores_the_counts_and_a_reopened_project_reads_them(seeds_project, monkeypatch):
    path = seeds_project.path
    expected = _by_entity(seeds_project.entity_counts(None))
    seeds_project.close()
    assert _stored_stamp(path) is not None  # counted by the analysis, before anyone asked
    with Project(path, create=False) as reopened:
        monkeypatch.setattr(reopened.store, "mentions_frame", lambda *a: (_ for _ in ()).throw(AssertionError("recounted")))
        assert _by_entity(reopened.entity_counts(None)) == expected


def test_a_merge_of_entities_is_counted_at_once_and_survives_reopening(seeds_project):
    before = seeds_project.entity_counts(None).groupby("entity")["n"].sum()
    seeds_project.merge_entities(["Kim Jong Un"], "Vladimir Putin")
    after = seeds_project.entity_counts(None).groupby("entity")["n"].sum()
    assert "Kim Jong Un" not in after.index
    assert after["Vladimir Putin"] == before["Vladimir Putin"] + before["Kim Jong Un"]
    path = seeds_project.path
    seeds_project.close()
    with Project(path, create=False) as reopened:
        assert reopened.entity_counts(None).groupby("entity")["n"].sum().to_dict() == after.to_dict()


def test_removed_articles_and_changed_mentions_make_the_counts_stale(seeds_project):
    first = seeds_project.articles_frame()["id"].iloc[0]
    stamp = counted_rows.stamp(seeds_project.store, seeds_project.aliases.fingerprint())
    seeds_project.store.delete_articles([first])  # its mentions go by cascade: the trigger still sees them
    now = counted_rows.stamp(seeds_project.store, seeds_project.aliases.fingerprint())
    assert now != stamp and counted_rows.load(seeds_project.store, now) is None
    counts = seeds_project.entity_counts(None)
    assert first not in set(counts["article_id"]) and counts["n"].sum() == len(seeds_project.mentions(None))


def test_counts_made_while_mentions_changed_are_not_kept(seeds_project):
    stamp = counted_rows.stamp(seeds_project.store, seeds_project.aliases.fingerprint())
    counts = seeds_project.entity_counts(None)
    seeds_project.store.delete_articles([counts["article_id"].iloc[0]])  # a worker writes meanwhile
    assert counted_rows.save(seeds_project.store, counts, stamp) is False


def test_some_articles_mentions_carry_the_projects_labels(seeds_project):
    labels = seeds_project.entity_labels()
    first = seeds_project.articles_frame()["id"].iloc[0]
    part = seeds_project.mentions(None, article_ids=[first])
    assert not part.empty
    assert (part["label"] == part["entity"].map(labels)).all()
    forced = seeds_project.mentions(None, article_ids=[first], labels=pd.Series("EVENT", index=labels.index))
    assert set(forced["label"]) == {"EVENT"}


def test_a_project_from_before_the_counts_opens_with_everything_and_counts_them(seeds_project):
    """A schema-3 file (no counts, no triggers) migrates on open: nothing lost, counted once, kept fresh."""
    path, expected = seeds_project.path, _by_entity(seeds_project.entity_counts(None))
    articles = len(seeds_project.articles_frame())
    seeds_project.close()
    db = sqlite3.connect(path)
    db.executescript("""
        DROP TRIGGER mention_added; DROP TRIGGER mention_removed;
        DROP TABLE counted_mentions; DROP TABLE counted_entities; DROP TABLE analysis_failures;
        PRAGMA application_id = 0;
        DELETE FROM meta WHERE key IN ('mention_generation', 'counted_mentions_stamp');
        ALTER TABLE terms DROP COLUMN surface;
        PRAGMA user_version = 3;
    """)
    db.close()
    with Project(path, create=False) as old:
        assert len(old.articles_frame()) == articles
        assert _by_entity(old.entity_counts(None)) == expected
        assert _stored_stamp(path) is not None
        old.store.delete_articles([old.articles_frame()["id"].iloc[0]])  # the new triggers keep them fresh
        assert old.entity_counts(None)["n"].sum() == len(old.mentions(None))
