"""Noun phrases of sources: their words, short descriptions and proper names."""

from __future__ import annotations

import re

HONORIFICS = re.compile(
    r"^(?:(?:mr|mrs|ms|miss|dr|prof|sir|dame|lord|lady|sen|rep|gov|gen|col|lt|capt|sgt|rev|rabbi|judge|justice)\.?\s+)+",
    re.I,
)
_DROP_LEFT = ("det", "predet", "nummod", "quantmod", "punct", "relcl", "acl", "appos", "cc", "conj", "advmod", "case")
_RIGHT_DEPS = ("prep", "amod", "compound")
_CLAUSE_DEPS = ("relcl", "acl", "appos")


def strip_honorific(name: str) -> str:
    """"Mr. Marcus" -> "Marcus", "Dr Anthony Fauci" -> "Anthony Fauci"."""
    return HONORIFICS.sub("", name).strip()


def phrase_text(token) -> str:
    """The words naming a source, without relative clauses and appositions."""
    return phrase_span(token).text


def phrase_span(token):
    """The span of :func:`phrase_text` (its ``start_char`` is where the speaker is named)."""
    tokens = [t for t in token.subtree if t.dep_ != "punct" and not _below(t, token, _CLAUSE_DEPS)]
    return token.doc[tokens[0].i : tokens[-1].i + 1] if tokens else token.doc[token.i : token.i + 1]


def _below(t, head, deps) -> bool:
    """Is ``t`` inside a child subtree of ``head`` attached with one of ``deps``?"""
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ in deps:
            return True
        t = t.head
    return False


def phrase_tokens(token, exclude: tuple[str, ...]) -> list:
    """Tokens of ``token``'s phrase, leaving out subtrees attached with ``exclude``."""
    return [t for t in token.subtree if not _below(t, token, exclude)]


def describe(token) -> str:
    """A short description of an unnamed source: "U.S. official", "officials in Washington"."""
    keep = {token.i}
    for child in token.children:
        if child.i < token.i and child.dep_ not in _DROP_LEFT:
            keep.update(t.i for t in child.subtree if t.dep_ not in ("det", "punct") and not t.like_num and t.tag_ != "CD")
        elif child.i > token.i and child.dep_ in _RIGHT_DEPS:
            sub = [t.i for t in child.subtree if not _below(t, child, ("relcl", "acl", "appos")) and not t.is_punct]
            if len(sub) <= 8:
                keep.update(sub)
    words = [token.doc[i] for i in sorted(keep)]
    while words and words[0].dep_ in ("det", "poss") and words[0].pos_ in ("DET", "PRON"):
        words.pop(0)
    return "".join(t.text_with_ws for t in words).strip()


def modifiers(token) -> set[str]:
    """Content words before the head ("state", "health"), to tell "the state health department" apart."""
    return {
        t.lower_ for c in token.children if c.i < token.i and c.dep_ not in _DROP_LEFT
        for t in c.subtree if t.is_alpha and t.pos_ not in ("DET", "PRON")
    }


def proper_chain(token, stop: frozenset[str] = frozenset()) -> tuple[str, int]:
    """The capitalised words around a proper noun: "Water UK", "Surfers Against Sewage".

    Words in ``stop`` (titles: "Minister") end the chain on the left.
    """
    doc = token.doc
    first = token.i
    while first > 0:
        before = doc[first - 1]
        joined = before.dep_ in ("compound", "poss") and before.text[:1].isupper() or before.dep_ == "case" and before.text in ("'s", "’s")
        if not joined or not any(a.i == token.i for a in before.ancestors) or before.lower_.rstrip(".") in stop:
            break
        first -= 1
    last = token.i
    for child in token.children:
        if child.i == last + 1 and child.dep_ == "prep" and child.text[:1].isupper():
            objects = [c for c in child.children if c.dep_ == "pobj" and c.text[:1].isupper()]
            if objects and objects[0].right_edge.i <= child.i + 3:
                last = objects[0].right_edge.i
    return doc[first : last + 1].text, doc[first].idx
