"""Attribution cues in a parsed doc: reporting verbs and "according to" phrases.

A cue knows the token heading its source (the subject of "said", the object
of "according to") and the tokens of its content clause, if it has one
("Sullivan warned *that North Korea would …*"). Which marked quotes a cue
attributes is decided in :mod:`core.nlp.quotes`.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.nlp.quote_lexicon import QuoteLexicon

#: Verbs that introduce direct speech but do not report a content clause.
DIRECT_ONLY = frozenset(
    "continue laugh sigh quip joke call describe dub label praise slam blast tout scoff snap bark "
    "fume rage grumble mutter whisper shout scream yell exclaim go".split()
)
#: Verbs whose content is "X of/for Y": "accused Kim of selling weapons".
ACCUSING = {"accuse": ("of",), "blame": ("for", "on"), "charge": ("with",)}
_CONTENT_DEPS = ("ccomp",)
_TRIM_LEFT = {"that", ",", ":", ";", "—", "–", "-", "but", "and"}
_SUBJECT_DEPS = ("nsubj",)
_REDUCED = {"when", "if", "as", "after", "before", "once", "while"}
#: Participles that share the subject of the verb they hang on ("…, adding that").
_INHERIT_DEPS = ("conj", "advcl", "xcomp", "pcomp")


@dataclass
class Cue:
    verb: object  # spaCy Token: the reporting verb, or "according"
    lemma: str  # "say", "point out", "according to"
    source: object | None  # Token heading the source's noun phrase; None if impersonal
    content: list[int]  # token indices of the content clause (empty: none)
    spans_attribution: bool = False  # content runs across the attribution ("X, he said, Y")

    @property
    def at(self) -> int:
        return self.verb.idx


def find_cues(doc, lexicon: QuoteLexicon, in_quote: list[bool]) -> list[Cue]:
    """Reporting verbs and "according to" phrases outside quotation marks."""
    cues = []
    for token in doc:
        if in_quote[token.i]:
            continue
        if token.lower_ == "according" and _according_object(token) is not None:
            cues.append(_according_cue(token))
        elif lexicon.is_reporting(token):
            cues.append(_verb_cue(token))
    return cues


def _according_object(token):
    for child in token.children:
        if child.lower_ == "to":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    return None


def _according_cue(token) -> Cue:
    head = token.head if token.head.i != token.i else token
    excluded = {t.i for t in token.subtree}
    clause = [t.i for t in head.subtree if t.i not in excluded]
    if token.dep_ == "ROOT" or not clause:  # "According to X, …" parsed as the root
        clause = [t.i for t in token.sent if t.i not in excluded]
    spans = bool(clause) and min(clause) < token.i < max(clause)
    return Cue(token, "according to", _according_object(token), _trim(token.doc, clause), spans)


def _verb_cue(verb) -> Cue:
    lemma = verb.lemma_.lower()
    particles = [c.lemma_.lower() for c in verb.children if c.dep_ == "prt"]
    if particles and lemma in ("point", "go", "fire", "hit"):
        lemma = f"{lemma} {particles[0]}"
    content, spans = [], False
    if lemma not in DIRECT_ONLY:
        content = _clause_content(verb, lemma)
        if not content and verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
            own = {t.i for t in verb.subtree}
            content = [t.i for t in verb.head.subtree if t.i not in own]
            spans = bool(content) and min(content) < verb.i < max(content)
    source = source_of(verb)
    paragraph = _paragraph(verb)
    if source is not None and not paragraph[0] <= source.idx < paragraph[1]:
        source = None
    content = [i for i in content if paragraph[0] <= verb.doc[i].idx < paragraph[1]]
    return Cue(verb, lemma, source, _trim(verb.doc, content), spans)


def _paragraph(token) -> tuple[int, int]:
    """Character range of the line holding ``token``: the parser may join lines, quotes may not."""
    text = token.doc.text
    end = text.find("\n", token.idx)
    return text.rfind("\n", 0, token.idx) + 1, len(text) if end < 0 else end


def _clause_content(verb, lemma: str) -> list[int]:
    clauses = [c for c in verb.children if c.dep_ in _CONTENT_DEPS]
    if clauses:
        return sorted(t.i for c in clauses for t in c.subtree)
    if lemma == "say":  # headline style: "U.S. says North Korea to ‘pay a price’"
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        infinitives = [c for c in verb.children if c.dep_ == "xcomp"]
        if objects and infinitives:
            return sorted({t.i for t in objects[0].subtree} | {t.i for t in infinitives[0].subtree})
    if lemma in ACCUSING:
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ACCUSING[lemma]]
        if objects and preps:
            return sorted({t.i for t in objects[0].subtree} | {t.i for t in preps[0].subtree})
    return []


def source_of(verb):
    """The token heading the source of a reporting verb, or None (impersonal, passive)."""
    if verb.lemma_.lower() == "ask" or any(c.lower_ in _REDUCED for c in verb.children if c.dep_ in ("advmod", "mark")):
        if not any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
            return None  # "When asked how …": the asker is the reporter
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            return child
        if child.dep_ == "agent":  # "denied by North Korea's Defense Ministry"
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    if any(c.dep_ in ("nsubjpass", "expl", "auxpass") for c in verb.children):
        return None
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ in _INHERIT_DEPS and verb.tag_ != "VBN" and head.pos_ in ("VERB", "AUX"):
        return source_of(head)
    if verb.dep_ == "acl" and verb.tag_ == "VBG":  # "a statement proclaiming that …"
        owner = head.head
        if head.dep_ == "pobj" and owner.dep_ == "prep" and owner.head.pos_ in ("VERB", "AUX"):
            return source_of(owner.head)
        return head
    return None


def _trim(doc, indices: list[int]) -> list[int]:
    """Drop "that", punctuation and conjunctions at the edges of a content clause."""
    indices = sorted(indices)
    while indices and (doc[indices[0]].lower_ in _TRIM_LEFT or doc[indices[0]].is_punct and not doc[indices[0]].is_quote):
        indices.pop(0)
    while indices and doc[indices[-1]].is_punct and not doc[indices[-1]].is_quote:
        indices.pop()
    return indices
