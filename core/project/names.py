"""Entity names in a project: the user's aliases (merges, renames, splits) and the surnames joined to
full names across articles.

Both change how every entity is counted, so :meth:`ProjectNames.fingerprint`
changes with them and the kept entity counts are made again.
"""

from __future__ import annotations

import json
import zlib
from typing import Callable

import pandas as pd

from core.analysis.name_joins import NameJoins, renamed, surname_joins
from core.store import alias_rows
from core.store.store import ProjectStore
from core.text.names import AliasTable

#: The project file's meta key for the surname joins (derived data, made again after each analysis).
NAME_JOINS_KEY = "name_joins"


class ProjectNames:
    """The aliases and surname joins of one project file."""

    def __init__(self, store: ProjectStore):
        self.store = store
        self._default_aliases = AliasTable.default()
        self.aliases = alias_rows.apply(self._default_aliases, alias_rows.load(store))

    # -- the user's aliases ----------------------------------------------------------
    def merge_entities(self, names: list[str], into: str) -> None:
        """Count every entity in ``names`` as ``into``, now and for later imports."""
        for name in names:
            if name != into:
                alias_rows.save(self.store, name, into)
        self._reload()

    def split_entity(self, alias: str) -> None:
        """Let a name that an alias joined to another entity stand on its own again."""
        alias_rows.save(self.store, alias, alias)
        self._reload()

    def forget_alias(self, alias: str) -> None:
        """Undo the user's merge, rename or split of ``alias`` (the defaults apply again)."""
        alias_rows.delete(self.store, alias)
        self._reload()

    def user_aliases(self, names: list[str] | None = None) -> dict[str, str]:
        """The user's own alias rows, ``alias -> canonical`` (of ``names`` only, if given): what undo restores."""
        wanted = None if names is None else set(names)
        return {alias: canonical for alias, canonical, *_ in alias_rows.load(self.store)
                if wanted is None or alias in wanted}

    def merged_names(self, entity: str) -> list[str]:
        """Names the user joined to ``entity`` (what Split can separate again)."""
        return [alias for alias, canonical in self.user_aliases().items() if canonical == entity and alias != canonical]

    def entity_names(self, entity: str) -> list[str]:
        """The names in this project's mentions that count as ``entity`` (merged into it)."""
        names = self.store.frame("mentions", columns="name")["name"].unique()
        return sorted(n for n in names if self.aliases.resolve(n, "")[0] == entity)

    def _reload(self) -> None:
        self.aliases = alias_rows.apply(self._default_aliases, alias_rows.load(self.store))

    # -- surnames joined to full names across articles -------------------------------
    def update_name_joins(self, story_of: pd.Series) -> None:
        """Join each lone surname to the one full name it stands for in its story or the project."""
        with self.store.reading() as db:
            names = pd.read_sql_query("SELECT article_id, name, label, COUNT(*) AS n FROM mentions "
                                      "WHERE label = 'PERSON' GROUP BY article_id, name, label", db)
        keep = set(self.user_aliases())
        joins = surname_joins(names, story_of, keep)
        if joins != self.name_joins():
            self.store.set_meta(NAME_JOINS_KEY, json.dumps(joins.as_dict(), ensure_ascii=False, sort_keys=True))

    def name_joins(self) -> NameJoins:
        try:
            return NameJoins.from_dict(json.loads(self.store.get_meta(NAME_JOINS_KEY, "{}")))
        except (ValueError, TypeError, AttributeError):
            return NameJoins()  # a damaged value: joins are made again at the next analysis

    def joined(self, mentions: pd.DataFrame, story_of: Callable[[], pd.Series],
               name_column: str = "name") -> pd.DataFrame:
        """Mentions (or entity terms) with lone surnames joined to the full names of their story."""
        joins = self.name_joins()
        if mentions.empty or (not joins.project and not joins.stories):
            return mentions
        stories = mentions["article_id"].map(story_of())
        return mentions.assign(**{name_column: joins.joined(mentions[name_column], stories)})

    def project_canonical_names(self, names: pd.Series) -> pd.Series:
        """Canonical names with the project-wide surname joins (what story grouping compares)."""
        return self.aliases.canonical_names(renamed(names, self.name_joins().project))

    def fingerprint(self, outlets: pd.DataFrame | None) -> str:
        """Changes whenever an entity would be counted differently: aliases, joins, outlets (``id, outlet``;
        None leaves them out, for a caller whose own stamp follows the articles)."""
        joins = self.store.get_meta(NAME_JOINS_KEY, "")
        names = f"{self.aliases.fingerprint()}-{zlib.crc32(joins.encode('utf-8')):08x}"
        if outlets is None:
            return names
        return f"{names}-{int(pd.util.hash_pandas_object(outlets, index=False).sum()) & 0xFFFFFFFF:08x}"
