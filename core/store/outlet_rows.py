"""The project's own outlet aliases: the user's renames and merges of outlets, applied on import.

Exports and pages name one paper in many ways; :mod:`core.text.outlets`
folds the spellings it knows. What is left the user joins here ("Capital
Wire Online" is "Capital Wire"), as with entity aliases. A row rewrites the
outlet of the stored articles it names and of every later import; spellings
that differ only in case or punctuation take the spelling already in the
project, so one outlet is one row in every table.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

import pandas as pd

from core.store.store import ProjectStore
from core.model.article import UNKNOWN_OUTLET, Article
from core.text.outlets import outlet_key

#: Alias chains (A -> B, B -> C) are followed this far.
_MAX_HOPS = 5


def load(store: ProjectStore) -> dict[str, str]:
    """``outlet key -> outlet`` of the project's rows."""
    with store.reading() as db:
        return {key: outlet for key, outlet in db.execute("SELECT alias_key, outlet FROM outlet_aliases ORDER BY rowid")}


def table(store: ProjectStore) -> pd.DataFrame:
    """``alias, outlet`` rows in the order they were made (what the user can review and undo)."""
    with store.reading() as db:
        rows = db.execute("SELECT alias, outlet FROM outlet_aliases ORDER BY rowid").fetchall()
    return pd.DataFrame(rows, columns=["alias", "outlet"])


def save(store: ProjectStore, alias: str, outlet: str) -> int:
    """Count ``alias`` as ``outlet`` from now on; returns how many stored articles changed."""
    alias, outlet = alias.strip(), outlet.strip()
    if not alias or not outlet:
        raise ValueError("an outlet alias needs both names")
    with store.transaction() as db:
        db.execute("INSERT OR REPLACE INTO outlet_aliases(alias_key, alias, outlet) VALUES (?, ?, ?)",
                   (outlet_key(alias), alias, outlet))
        if outlet_key(outlet) != outlet_key(alias):
            db.execute("DELETE FROM outlet_aliases WHERE alias_key = ?", (outlet_key(outlet),))  # no cycle back
        names = [r[0] for r in db.execute("SELECT DISTINCT outlet FROM articles")]
        renamed = [n for n in names if outlet_key(n) == outlet_key(alias) and n != outlet]
        changed = 0
        for name in renamed:
            changed += db.execute("UPDATE articles SET outlet = ? WHERE outlet = ?", (outlet, name)).rowcount
    return changed


def delete(store: ProjectStore, alias: str) -> None:
    """Forget the row for ``alias``: later imports keep that spelling (stored articles keep theirs)."""
    with store.transaction() as db:
        db.execute("DELETE FROM outlet_aliases WHERE alias_key = ?", (outlet_key(alias),))


def resolve(name: str, aliases: dict[str, str], known: dict[str, str]) -> str:
    """The project's name for an outlet: its alias row (followed), else the spelling already stored."""
    if not name or name == UNKNOWN_OUTLET:
        return name
    for _ in range(_MAX_HOPS):
        target = aliases.get(outlet_key(name))
        if target is None or target == name:
            break
        name = target
    return known.get(outlet_key(name), name)


def with_project_outlets(store: ProjectStore, articles: Iterable[Article]) -> list[Article]:
    """The articles with the project's outlet names (rows first, then spellings already in the project)."""
    articles = list(articles)
    aliases = load(store)
    with store.reading() as db:
        known: dict[str, str] = {}
        for (name,) in db.execute("SELECT outlet FROM articles GROUP BY outlet ORDER BY MIN(rowid)"):
            known.setdefault(outlet_key(name), name)
    out = []
    for article in articles:
        outlet = resolve(article.outlet, aliases, known)
        known.setdefault(outlet_key(outlet), outlet)  # the first spelling in a batch wins for the rest
        out.append(article if outlet == article.outlet else replace(article, outlet=outlet))
    return out
