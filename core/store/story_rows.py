"""Stories in the project file: memberships, names and the user's pins."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import pandas as pd

from core.store.store import ProjectStore


def memberships(store: ProjectStore) -> pd.DataFrame:
    """``article_id, story_id, pinned`` for every grouped article."""
    with store.reading() as db:
        return pd.read_sql_query("SELECT article_id, story_id, pinned FROM story_members ORDER BY rowid", db)


def stories(store: ProjectStore) -> pd.DataFrame:
    with store.reading() as db:
        return pd.read_sql_query("SELECT id, name, user_named FROM stories ORDER BY id", db)


def save_memberships(store: ProjectStore, members: pd.DataFrame, names: dict[int, str]) -> dict[int, int]:
    """Replace all memberships in one transaction; create stories for negative ids.

    ``names`` gives automatic names by (possibly negative) story id; a name
    the user gave is never overwritten. Returns the ids given to new stories.
    """
    created: dict[int, int] = {}
    with store.transaction() as db:
        for story_id in sorted({int(s) for s in members["story_id"] if s < 0}, reverse=True):
            cur = db.execute("INSERT INTO stories(name) VALUES (?)", (names.get(story_id, "Untitled story"),))
            created[story_id] = _inserted_id(cur)
        final = members["story_id"].map(lambda s: created.get(int(s), int(s)))
        db.execute("DELETE FROM story_members")
        db.executemany(
            "INSERT INTO story_members(article_id, story_id, pinned) VALUES (?, ?, ?)",
            list(zip(members["article_id"], final.astype(int), members["pinned"].astype(int))),
        )
        for story_id, name in names.items():
            if story_id >= 0:
                db.execute("UPDATE stories SET name = ? WHERE id = ? AND user_named = 0", (name, story_id))
        db.execute("DELETE FROM stories WHERE id NOT IN (SELECT DISTINCT story_id FROM story_members)")
    return created


def pin(store: ProjectStore, article_ids: list[str], story_id: int) -> None:
    """Put articles into a story as the user decided; re-grouping keeps them there."""
    with store.transaction() as db:
        if not db.execute("SELECT 1 FROM stories WHERE id = ?", (story_id,)).fetchone():
            raise KeyError(f"no story {story_id}")
        db.executemany(
            "INSERT OR REPLACE INTO story_members(article_id, story_id, pinned) VALUES (?, ?, 1)",
            [(a, story_id) for a in article_ids],
        )
        db.execute("DELETE FROM stories WHERE id NOT IN (SELECT DISTINCT story_id FROM story_members)")


def new_story(store: ProjectStore, name: str, *, user_named: bool = True) -> int:
    with store.transaction() as db:
        return _inserted_id(db.execute("INSERT INTO stories(name, user_named) VALUES (?, ?)", (name, int(user_named))))


def _inserted_id(cursor: sqlite3.Cursor) -> int:
    """The rowid an INSERT gave (sqlite3 types it optional: it is None only after other statements)."""
    if cursor.lastrowid is None:
        raise sqlite3.InterfaceError("the INSERT gave no row id")
    return cursor.lastrowid


def rename(store: ProjectStore, story_id: int, name: str) -> None:
    with store.transaction() as db:
        if db.execute("UPDATE stories SET name = ?, user_named = 1 WHERE id = ?", (name.strip(), story_id)).rowcount != 1:
            raise KeyError(f"no story {story_id}")


@dataclass(frozen=True)
class StoryState:
    """Every story and membership at one moment: what undoing a story edit puts back."""

    stories: tuple[tuple[int, str, int], ...]  # id, name, user_named
    members: tuple[tuple[str, int, int], ...]  # article_id, story_id, pinned


def snapshot(store: ProjectStore) -> StoryState:
    with store.reading() as db:
        stories_now = db.execute("SELECT id, name, user_named FROM stories ORDER BY id").fetchall()
        members_now = db.execute("SELECT article_id, story_id, pinned FROM story_members ORDER BY rowid").fetchall()
    return StoryState(tuple(map(tuple, stories_now)), tuple(map(tuple, members_now)))


def restore(store: ProjectStore, state: StoryState) -> None:
    """Put every story and membership back as in ``state``, in one transaction.

    Articles removed since are left out; articles imported since stay
    ungrouped until the stories are next regrouped.
    """
    with store.transaction() as db:
        db.execute("DELETE FROM story_members")
        db.execute("DELETE FROM stories")
        db.executemany("INSERT INTO stories(id, name, user_named) VALUES (?, ?, ?)", state.stories)
        db.executemany(
            "INSERT INTO story_members(article_id, story_id, pinned) "
            "SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)",
            [(a, s, p, a) for a, s, p in state.members],
        )
