"""How a text describes an entity: titles, appositions, predicates, epithets.

From the dependency parse: "fellow pariah Kim Jong Un" (modifier), "Dmitry
Peskov, spokesman for the Kremlin" (apposition), "North Korea remains
Russia's key ally" (predicate), "An outcast …, Vladimir Putin has" (fronted
apposition), "the secretive nation" after North Korea (epithet), and
nicknames from the alias table ("the Hermit Kingdom").
"""

from __future__ import annotations

import re

from core.nlp.doc_text import doc_text
from core.text.names import AliasTable

_COPULAS = {"be", "remain", "become", "seem", "appear", "stay"}
_EPITHET = re.compile(
    r"\bthe ((?:[a-z][\w-]+ ){1,3})(nation|country|state|regime|kingdom|republic|government|leader|dictator|strongman|president|capital)\b"
)
_MODIFIER_DEPS = {"amod", "compound", "nmod", "poss"}
_ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC"}


def descriptors_of(doc, mentions: list[tuple], aliases: AliasTable) -> list[tuple]:
    """``(name, descriptor, kind, start, end)`` for the doc's entity mentions."""
    found: list[tuple] = []
    by_start = {m[0]: m for m in mentions if m[3] in _ENTITY_LABELS}
    spans = {m[0]: doc.char_span(m[0], m[1], alignment_mode="expand") for m in by_start.values()}
    covered = {t.i for span in spans.values() if span is not None for t in span}
    for start, mention in by_start.items():
        span = spans[start]
        if span is None:
            continue
        name = mention[4]
        found += [(name, *d) for d in _modifiers(span, covered)]
        found += [(name, *d) for d in _appositions(span)]
        found += [(name, *d) for d in _predicates(span)]
        if aliases.is_nickname(mention[2]):
            canonical, _ = aliases.resolve(mention[4], mention[3])
            found.append((canonical, mention[4], "nickname", mention[0], mention[1]))
    found += _epithets(doc, mentions)
    return _unique(found)


def _phrase(tokens) -> tuple[str, int, int] | None:
    """Text and offsets of a descriptive phrase, or None if it describes nothing.

    Leading determiners go; a phrase must hold a content noun or adjective,
    stay on one line and contain no verb (a clause is not a description).
    """
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and tokens[0].dep_ in ("det", "punct"):
        tokens = tokens[1:]
    while tokens and tokens[-1].dep_ == "punct":
        tokens = tokens[:-1]
    if not tokens or any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return None
    if not any(t.pos_ in ("NOUN", "ADJ") and not t.is_stop for t in tokens):
        return None
    first, last = tokens[0], tokens[-1]
    text = first.doc[first.i:last.i + 1].text.strip(" ,")
    if not text or "\n" in text:
        return None
    return text, first.idx, last.idx + len(last.text)


def _modifiers(span, covered: set[int]) -> list[tuple]:
    """Words before the name inside its noun phrase: titles and labels."""
    root = span.root
    left = [t for t in root.lefts if t.dep_ in _MODIFIER_DEPS and t.i < span.start and t.i not in covered]
    out = []
    for token in left:
        if token.pos_ not in ("NOUN", "ADJ", "PROPN") or token.dep_ == "poss":
            continue
        phrase = _phrase([t for t in token.subtree if t.i not in covered or t.i < token.left_edge.i + 1])
        if phrase and any(t.pos_ == "NOUN" or t.pos_ == "ADJ" for t in token.subtree):
            out.append((phrase[0], "modifier", phrase[1], phrase[2]))
    return out


def _appositions(span) -> list[tuple]:
    out = []
    root = span.root
    for child in root.rights:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and not child.ent_type_:
            phrase = _phrase(list(child.subtree))
            if phrase:
                out.append((phrase[0], "apposition", phrase[1], phrase[2]))
    head = root.head
    if root.dep_ == "nsubj":  # "An outcast in …, Vladimir Putin has turned"
        for other in head.children:
            if other.dep_ == "nsubj" and other.i < span.start and other.pos_ == "NOUN":
                phrase = _phrase(list(other.subtree))
                if phrase:
                    out.append((phrase[0], "apposition", phrase[1], phrase[2]))
    return out


def _predicates(span) -> list[tuple]:
    """"X is/remains a Y": Y with its modifiers, without what follows it."""
    root = span.root
    if root.dep_ != "nsubj" or root.head.lemma_ not in _COPULAS:
        return []
    out = []
    for child in root.head.rights:
        if child.dep_ in ("attr", "acomp"):
            tokens = [t for t in child.lefts if t.dep_ in _MODIFIER_DEPS | {"det"}] + [child]
            phrase = _phrase(sorted(tokens, key=lambda t: t.i))
            if phrase:
                out.append((phrase[0], "predicate", phrase[1], phrase[2]))
    return out


def _epithets(doc, mentions: list[tuple]) -> list[tuple]:
    """"the secretive nation": the place or person named just before it."""
    out = []
    places = [m for m in mentions if m[3] in ("GPE", "LOC")]
    people = [m for m in mentions if m[3] == "PERSON"]
    for match in _EPITHET.finditer(doc_text(doc)):
        noun = match.group(2)
        pool = people if noun in ("leader", "dictator", "strongman", "president") else places
        before = [m for m in pool if m[1] <= match.start() and match.start() - m[1] < 400]
        if before:
            target = before[-1]
            out.append((target[4], f"{match.group(1)}{noun}".strip(), "epithet", match.start(1), match.end()))
    return out


def _unique(found: list[tuple]) -> list[tuple]:
    seen, out = set(), []
    for item in found:
        key = (item[0], item[1].casefold(), item[3])
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out
