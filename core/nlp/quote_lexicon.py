"""The word lists quote finding relies on, read once from ``resources/``.

Kept as plain text files so analysts can add a reporting verb or an outlet
name without touching code: ``reporting_verbs.txt`` and ``quote_sources.txt``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache

from core.paths import resources_dir


@dataclass(frozen=True)
class QuoteLexicon:
    verbs: frozenset[str]  # single-word reporting verb lemmas
    phrasal: frozenset[tuple[str, str]]  # (lemma, particle): point out, go on
    anonymity: tuple[str, ...]  # phrases that make a source anonymous
    anonymous: frozenset[str]  # head nouns anonymous by nature (source, insider)
    anonymous_modifiers: tuple[str, ...]  # people *familiar with* the matter
    media: frozenset[str]  # media head nouns (newspaper, broadcaster)
    media_names: frozenset[str]  # casefolded outlet names (reuters, kcna)
    institutions: frozenset[str]  # organisation heads counted as named (ministry)
    organisations: frozenset[str]  # heads that refer back to a named organisation
    person_roles: frozenset[str]  # "the spokesman", "the minister": a person named before
    groups: frozenset[str]  # plural sources "they" may stand for (experts, officials)
    documents: frozenset[str]  # sources that are documents of someone ("a report by X")
    first_names: dict[str, str]  # "Mateo" -> "m", "Anna" -> "f": a hint for "he"/"she"

    @cached_property
    def phrasal_verbs(self) -> frozenset[str]:
        """The verbs of the phrasal verbs ("point" of "point out")."""
        return frozenset(verb for verb, _ in self.phrasal)

    def is_reporting(self, token) -> bool:
        """Is ``token`` a reporting verb (phrasal verbs need their particle)?"""
        lemma = token.lemma_.lower()
        if lemma in self.phrasal_verbs and any((lemma, c.lemma_.lower()) in self.phrasal
                                               for c in token.children if c.dep_ == "prt"):
            return True
        if lemma in ("go", "fire", "hit", "point"):
            return False
        return lemma in self.verbs and token.pos_ in ("VERB", "AUX")


def _lines(name: str) -> list[str]:
    text = (resources_dir() / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _sections(name: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for line in _lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
        else:
            sections.setdefault(current, []).append(line)
    return sections


def _first_names() -> dict[str, str]:
    names = _sections("quote_first_names.txt")
    pronoun = {"female": "f", "male": "m"}
    return {name: pronoun[kind] for kind in pronoun for line in names.get(kind, []) for name in line.split()}


@lru_cache(maxsize=1)
def quote_lexicon() -> QuoteLexicon:
    verbs = _lines("reporting_verbs.txt")
    words = _sections("quote_sources.txt")
    return QuoteLexicon(
        verbs=frozenset(v for v in verbs if " " not in v),
        phrasal=frozenset((head, rest) for head, _, rest in (v.partition(" ") for v in verbs if " " in v)),
        anonymity=tuple(p.lower() for p in words.get("anonymity", [])),
        anonymous=frozenset(w.lower() for w in words.get("anonymous", [])),
        anonymous_modifiers=tuple(w.lower() for w in words.get("anonymous_modifiers", [])),
        media=frozenset(w.lower() for w in words.get("media", [])),
        media_names=frozenset(w.casefold() for w in words.get("media_names", [])),
        institutions=frozenset(w.lower() for w in words.get("institutions", [])),
        organisations=frozenset(w.lower() for w in words.get("organisations", [])),
        person_roles=frozenset(w.lower() for w in words.get("person_roles", [])),
        groups=frozenset(w.lower() for w in words.get("groups", [])),
        documents=frozenset(w.lower() for w in words.get("documents", [])),
        first_names=_first_names(),
    )
