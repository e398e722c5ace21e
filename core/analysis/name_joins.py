"""A surname alone joins the one full name it can stand for, across articles.

Within one article "Putin" already joins "Vladimir Putin"
(:func:`core.text.names.resolve_short_names`). Across articles it did not: an
outlet that writes only "Trump" or "Perry" named another entity than the
outlet writing "Donald Trump" or "Rick Perry". Here a one-word person name
joins a full name that begins or ends with it when that full name is the
only such candidate among the person names of its story; failing that, of
the whole project. Where two candidates remain ("Bush": George W. Bush and
Jeb Bush in one story) the surname stays as it is.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

PERSON_LABELS = ("PERSON",)


@dataclass(frozen=True)
class NameJoins:
    """Short name -> full name, for the whole project and per story."""

    project: dict[str, str] = field(default_factory=dict)
    stories: dict[int, dict[str, str]] = field(default_factory=dict)

    def joined(self, names: pd.Series, stories: pd.Series) -> pd.Series:
        """Each name joined as its story (``stories``, aligned with ``names``), else the project, says."""
        if not self.project and not self.stories:
            return names
        out = renamed(names, self.project)
        for story_id, joins in self.stories.items():
            mask = (stories == story_id).to_numpy()
            if mask.any():
                out[mask] = renamed(names[mask], {**self.project, **joins}).to_numpy()
        return out

    def as_dict(self) -> dict:
        return {"project": self.project, "stories": {str(k): v for k, v in self.stories.items()}}

    @classmethod
    def from_dict(cls, raw: dict) -> "NameJoins":
        stories = {int(k): dict(v) for k, v in (raw.get("stories") or {}).items()}
        return cls(dict(raw.get("project") or {}), stories)


def renamed(names: pd.Series, mapping: dict[str, str]) -> pd.Series:
    """``names`` with those in ``mapping`` replaced (each distinct name looked up once; NaN stays)."""
    codes, uniques = pd.factorize(names)
    looked_up = np.array([mapping.get(u, u) for u in uniques] + [None], dtype=object)
    return pd.Series(looked_up[codes], index=names.index, dtype=object)


def surname_joins(names: pd.DataFrame, story_of: pd.Series, keep: Set[str] = frozenset()) -> NameJoins:
    """Joins for the person names of a project.

    ``names``: ``article_id, name, label, n`` (mentions of a name in an
    article); ``story_of``: story id by article id. Names in ``keep`` (the
    user split them off, or gave them an alias) are never joined.

    Full names with the same first and last word are one ("Donald J. Trump"
    joins "Donald Trump"). A full name is a candidate if it has two to four words and is mentioned
    at least twice in the project (a headline swallowed by the recogniser,
    "Nancy Pelosi Beats Back House", is not a name). A lone word joins a
    candidate it ends ("Perry": "Rick Perry"); in a story also one it begins
    ("Hillary": "Hillary Clinton"). Across the project, where several
    candidates remain, one named in :data:`DOMINANT_SHARE` of their mentions
    wins ("Obama": Barack Obama over Michelle and Sasha Obama).
    """
    persons = names[names["label"].isin(PERSON_LABELS)]
    persons = persons.groupby(["article_id", "name"], as_index=False)["n"].sum()
    variants = _variant_joins(persons)
    persons = persons.assign(name=renamed(persons["name"], variants))
    persons = persons.assign(story=persons["article_id"].map(story_of), words=persons["name"].str.count(" ") + 1)
    totals = persons.groupby("name")["n"].sum()
    full = persons[persons["words"].between(2, 4) & persons["name"].map(totals).ge(2)]
    short = persons[(persons["words"] == 1) & ~persons["name"].isin(keep)]
    if full.empty or short.empty:
        return NameJoins(variants)
    project = {**variants, **_project_joins(set(short["name"]), totals[totals.index.isin(full["name"])])}
    stories = {}
    for story_id, members in short.dropna(subset=["story"]).groupby("story"):
        in_story = set(full.loc[full["story"] == story_id, "name"])
        joins = {s: f for s, f in _story_joins(set(members["name"]), in_story).items() if project.get(s) != f}
        if joins:
            stories[int(story_id)] = joins
    return NameJoins(project, stories)


#: Share of the candidates' mentions that makes one of several the project-wide join.
DOMINANT_SHARE = 0.8


def _variant_joins(persons: pd.DataFrame) -> dict[str, str]:
    """Full names with the same first and last word join the shortest: "Donald J. Trump" -> "Donald Trump"."""
    full = persons.loc[persons["name"].str.count(" ").between(1, 4), "name"].drop_duplicates()
    ends = full.str.split().map(lambda words: (words[0], words[-1]))
    joins = {}
    for _, variants in full.groupby(ends.to_numpy()):
        if len(variants) > 1:
            shortest = min(variants, key=lambda n: (len(n), n))
            joins.update({v: shortest for v in variants if v != shortest})
    return joins


def _candidates(shorts: set[str], fulls, first_word: bool) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for full in fulls:
        words = full.split()
        for word in {words[-1], words[0]} if first_word else {words[-1]}:
            if word in shorts:
                found.setdefault(word, set()).add(full)
    return found


def _story_joins(shorts: set[str], fulls: set[str]) -> dict[str, str]:
    """Each lone name with exactly one candidate in the story."""
    return {short: one for short, c in _candidates(shorts, fulls, True).items() if (one := _one(c))}


def _project_joins(shorts: set[str], mentions: pd.Series) -> dict[str, str]:
    """Each surname with one candidate in the project, or one that dominates the others."""
    joins = {}
    for short, candidates in _candidates(shorts, mentions.index, False).items():
        one = _one(candidates)
        if one is None:
            counts = mentions[list(candidates)].sort_values(ascending=False)
            one = counts.index[0] if counts.iloc[0] >= DOMINANT_SHARE * counts.sum() else None
        if one:
            joins[short] = one
    return joins


def _one(candidates: set[str]) -> str | None:
    """The candidate, if there is one; "Donald Trump" for it and "Donald J. Trump" (same first and last word)."""
    ends = {(c.split()[0], c.split()[-1]) for c in candidates}
    return min(candidates, key=lambda c: (len(c), c)) if len(ends) == 1 else None
