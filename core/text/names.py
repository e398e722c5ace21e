"""Entity names: normalised keys, the alias table, short forms within one article."""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from core.paths import resources_dir

if TYPE_CHECKING:  # pandas is not needed to resolve names
    import pandas as pd  # noqa: F401

#: spaCy labels that are never entities in Newsprism (numbers, dates, amounts).
NEVER_ENTITIES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
#: Counted in charts by default.
DEFAULT_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC")
#: spaCy's weaker types, counted only when the user asks.
OPTIONAL_TYPES = ("EVENT", "PRODUCT", "WORK_OF_ART", "FAC", "LAW", "LANGUAGE")

_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?<=[\w.])['’]s$|(?<=s)['’]$")
_LEADING_THE = re.compile(r"^the\s+", re.I)
_EDGE_PUNCT = " \t\n\"'“”‘’.,;:!?()[]{}-–—"


def normalise_name(text: str) -> str:
    """``"the Kremlin’s"`` -> ``"Kremlin"``: whitespace, possessive, leading "the"."""
    name = _SPACE.sub(" ", text).strip(_EDGE_PUNCT + "")
    name = _POSSESSIVE.sub("", name)
    name = _LEADING_THE.sub("", name).strip(_EDGE_PUNCT)
    # Keep the final dot of abbreviations such as "U.S." that the strip removed.
    if re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", name) and text.strip().rstrip("’'s").endswith("."):
        name += "."
    return name


def alias_key(name: str) -> str:
    return normalise_name(name).replace("’", "'").casefold()


@dataclass
class AliasTable:
    """Alias -> (canonical name, label or ""). Keys are :func:`alias_key` s.

    ``nicknames`` holds the keys of epithets ("Hermit Kingdom"), which are
    also recorded as descriptions of the entity they name.
    """

    entries: dict[str, tuple[str, str]] = field(default_factory=dict)
    nicknames: set[str] = field(default_factory=set)
    ignored: set[str] = field(default_factory=set)  # keys of names that are not entities ("Democrats")

    @classmethod
    def from_csv(cls, path: Path) -> "AliasTable":
        table = cls()
        with path.open(encoding="utf-8", newline="") as handle:
            rows = (line for line in handle if not line.startswith("#"))
            for row in csv.DictReader(rows):
                if row.get("alias") and row.get("canonical"):
                    table.add(row["alias"], row["canonical"], (row.get("label") or "").strip())
                    if (row.get("kind") or "").strip() == "nickname":
                        table.nicknames.add(alias_key(row["alias"]))
        return table

    @classmethod
    def default(cls) -> "AliasTable":
        table = cls.from_csv(resources_dir() / "aliases.csv")
        table.ignored = set(_listed_names(resources_dir() / "not_entities.txt"))
        return table

    def add(self, alias: str, canonical: str, label: str = "") -> None:
        """Make ``alias`` count as ``canonical``, which becomes a root name itself."""
        root = alias_key(canonical)
        if root != alias_key(alias) and root in self.entries:
            del self.entries[root]
        self.entries[alias_key(alias)] = (canonical.strip(), label)

    def canonical_names(self, names) -> "pd.Series":
        """Canonical name of each name in a Series, resolving each distinct name once (None: not an entity)."""
        unique = names.dropna().unique()
        resolved = (self.resolve(n, "")[0] for n in unique)
        return names.map({n: (None if self.is_ignored(r) else r) for n, r in zip(unique, resolved)})

    def is_ignored(self, name: str) -> bool:
        """Is ``name`` (canonical) listed in ``resources/not_entities.txt``?"""
        return alias_key(name) in self.ignored

    def copy(self) -> "AliasTable":
        return AliasTable(dict(self.entries), set(self.nicknames), set(self.ignored))

    def fingerprint(self) -> str:
        """Changes whenever any name would resolve differently (what stored counts were made with)."""
        state = (sorted(self.entries.items()), sorted(self.ignored))
        return hashlib.sha1(repr(state).encode("utf-8")).hexdigest()[:16]

    def is_nickname(self, name: str) -> bool:
        return alias_key(name) in self.nicknames

    def resolve(self, name: str, label: str) -> tuple[str, str]:
        """The canonical (name, label) of a mention, following chains of aliases.

        A user merging "United States" into "USA" makes "US" -> "United
        States" -> "USA"; a cycle stops where it would repeat.
        """
        seen = {alias_key(name)}
        for _ in range(8):
            canonical, forced = self.entries.get(alias_key(name), (name, ""))
            label = forced or label
            if canonical == name or alias_key(canonical) in seen:
                return canonical, label
            seen.add(alias_key(canonical))
            name = canonical
        return name, label


def _listed_names(path: Path) -> list[str]:
    """Alias keys of the names in a one-name-a-line file (``#`` starts a comment)."""
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [alias_key(line) for line in lines if line.strip() and not line.lstrip().startswith("#")]


def split_compounds(mentions: list[tuple], known: set[str]) -> list[tuple]:
    """Split hyphenated person pairs (``Putin-Kim Jong Un``) whose parts are known names."""
    out = []
    for start, end, text, label in mentions:
        parts = text.split("-")
        if label == "PERSON" and len(parts) == 2 and all(_is_known(p, known) for p in parts):
            cut = start + len(parts[0])
            out.append((start, cut, parts[0], label))
            out.append((cut + 1, end, parts[1], label))
        else:
            out.append((start, end, text, label))
    return out


def _is_known(part: str, known: set[str]) -> bool:
    part = normalise_name(part)
    return bool(part) and (part in known or any(part in name.split() for name in known))


def resolve_short_names(mentions: list[tuple]) -> list[tuple]:
    """Give one-word mentions of a person the full name the article uses.

    ``mentions`` are ``(start, end, text, label)`` in text order; the result
    adds the resolved, normalised name: ``(start, end, text, label, name)``.
    "Kim" joins "Kim Jong Un" and "Putin" joins "Vladimir Putin" when exactly
    one full name in the article begins or ends with that word; a full name
    used earlier wins over one used later (headlines often come first).
    """
    full_names = [(s, normalise_name(t)) for s, _, t, lab in mentions if lab == "PERSON" and " " in normalise_name(t)]
    known = {name for _, name in full_names}
    out = []
    for start, end, text, label in split_compounds(mentions, known):
        name = normalise_name(text)
        if label in ("PERSON", "ORG", "NORP") and " " not in name and name:
            full = _full_name_for(name, start, full_names)
            if full:
                name, label = full, "PERSON"
        out.append((start, end, text, label, name))
    return out


def _full_name_for(word: str, position: int, full_names: list[tuple[int, str]]) -> str | None:
    matches = [(s, n) for s, n in full_names if n.split()[0] == word or n.split()[-1] == word]
    candidates = {n for _, n in matches}
    if len(candidates) == 1:
        return candidates.pop()
    earlier = {n for s, n in matches if s < position}
    return earlier.pop() if len(earlier) == 1 else None
