"""Attribution cues in a parsed doc: reporting verbs and "according to" phrases.

A cue knows the token heading its source (the subject of "said", the object
of "according to") and the tokens of its content clause, if it has one
("Sullivan warned *that North Korea would …*"). Which marked quotes a cue
attributes is decided in :mod:`core.nlp.quotes`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.nlp.quote_lexicon import QuoteLexicon

#: Verbs that introduce direct speech but do not report a content clause.
DIRECT_ONLY = frozenset(
    "continue laugh sigh quip joke call describe dub label praise slam blast tout scoff snap bark "
    "fume rage grumble mutter whisper shout scream yell exclaim go urge demand".split()
)
#: Verbs whose content is "X of/for Y": "accused Kim of selling weapons".
ACCUSING = {"accuse": ("of",), "blame": ("for", "on"), "charge": ("with",)}
#: Verbs that stand for the outlet's own reporting in "MailOnline can reveal".
_SCOOP = {"reveal", "report", "confirm", "disclose"}
#: Reporting verbs with common other senses ("and add Madeira to the list"): not cut without a subject.
_AMBIGUOUS = {"add", "continue", "note", "report", "find", "call", "go", "post", "charge", "state", "maintain", "observe",
              "counter", "text", "object", "signal", "indicate", "reveal", "repeat", "hint", "conclude", "answer", "tell"}
_DASHES = {"—", "–", "--"}
_TRIM_LEFT = {"that", ",", ":", ";", "—", "–", "-", "but", "and"}
_TRIM_RIGHT = {",", ":", ";", "—", "–", "-", "but", "and", "or"}
_SUBJECT_DEPS = ("nsubj",)
_REDUCED = {"when", "if", "as", "after", "before", "once", "while"}
_FIRST_PERSON = {"i", "we"}
#: Participles that share the subject of the verb they hang on ("…, adding that").
_INHERIT_DEPS = ("conj", "advcl", "xcomp", "pcomp")
#: Modifiers of the reported event that trail the attribution: left out of the content.
_TRAILING_ADVERBIAL = ("advcl", "npadvmod", "prep", "advmod")


@dataclass
class Cue:
    verb: Any  # spaCy Token: the reporting verb, or "according"
    lemma: str  # "say", "point out", "according to"
    source: Any | None  # Token heading the source's noun phrase; None if impersonal
    content: list[int]  # token indices of the content clause (empty: none)
    spans_attribution: bool = False  # content runs across the attribution ("X, he said, Y")

    @property
    def at(self) -> int:
        return self.verb.idx


def find_cues(doc, lexicon: QuoteLexicon, in_quote: list[bool]) -> list[Cue]:
    """Reporting verbs and "according to" phrases outside quotation marks."""
    cues = _headline_cues(doc)
    for token in doc:
        if in_quote[token.i]:
            continue
        if token.lower_ == "according" and _according_object(token) is not None:
            cues.append(_according_cue(token, in_quote))
        elif token.lower_ == "so" and _so_source(token) is not None:  # German "…, so Brenner."
            first, _ = _paragraph_sentence(token)
            cues.append(Cue(token, "according to", _so_source(token), _trim(doc, list(range(first, token.i)))))
        elif lexicon.is_reporting(token) and not _not_a_report(token):
            cues.append(_verb_cue(token, lexicon, in_quote))
    return cues


def _so_source(token):
    """"…, so Brenner." (a German way of writing "according to Brenner")."""
    doc = token.doc
    if token.i == 0 or doc[token.i - 1].text != ",":
        return None
    names = []
    for follower in doc[token.i + 1 : token.i + 5]:
        if follower.pos_ == "PROPN":
            names.append(follower)
        elif follower.text in (".", "\n") or "\n" in follower.text:
            break
        else:
            return None
    return names[-1] if names else None


def _headline_cues(doc) -> list[Cue]:
    """"N. Korea fires ballistic missile into East Sea: JCS": the headline's source after a colon."""
    line_end = next((t.i for t in doc if "\n" in t.text), len(doc))
    colons = [t for t in doc[:line_end] if t.text == ":"]
    if not colons or line_end - colons[-1].i > 5 or colons[-1].i < 3:
        return []
    tail = [t for t in doc[colons[-1].i + 1 : line_end] if not t.is_space]
    if not tail or not all(t.text[:1].isupper() for t in tail if t.is_alpha):
        return []
    content = _trim(doc, list(range(0, colons[-1].i)))
    return [Cue(colons[-1], "say", tail[-1], content)] if len(content) > 2 else []


def _not_a_report(verb) -> bool:
    """Infinitives ("declined to say"), negations ("did not say"), the outlet's own scoops."""
    children = list(verb.children)
    if any(c.dep_ == "neg" for c in children) or any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        return True
    return verb.lemma_.lower() in _SCOOP and any(c.dep_ == "aux" and c.lower_ == "can" for c in children)


def _according_object(token):
    for to in [c for c in token.children if c.lower_ == "to"] + ([token.head] if token.head.lower_ == "to" else []):
        objects = [c for c in to.children if c.dep_ == "pobj"]
        if objects:
            return objects[0]
    return None


def _according_cue(token, in_quote) -> Cue:
    """"according to X": the content is the rest of the sentence."""
    source = _according_object(token)
    phrase = {t.i for t in token.subtree} | {t.i for t in source.subtree} | {source.head.i}
    first, last = _paragraph_sentence(token)
    after = [i for i in range(max(phrase) + 1, last) if not token.doc[i].is_punct]
    if after and token.doc[after[0]].pos_ == "SCONJ":  # "…, according to X, although other estimates are lower."
        last = min(phrase)
    clause = [i for i in range(first, last) if i not in phrase]
    spans = bool(clause) and min(clause) < token.i < max(clause)
    return Cue(token, "according to", source, _trim(token.doc, clause), spans)


def _paragraph_sentence(token) -> tuple[int, int]:
    """Token range of ``token``'s sentence, cut at line breaks."""
    sent = token.sent
    first, last = sent.start, sent.end
    for i in range(token.i - 1, sent.start - 1, -1):
        if "\n" in token.doc[i].text:
            first = i + 1
            break
    for i in range(token.i, sent.end):
        if "\n" in token.doc[i].text:
            last = i
            break
    return first, last


def _verb_cue(verb, lexicon: QuoteLexicon, in_quote) -> Cue:
    lemma = verb.lemma_.lower()
    particles = [c.lemma_.lower() for c in verb.children if c.dep_ == "prt"]
    if particles and lemma in ("point", "go", "fire", "hit"):
        lemma = f"{lemma} {particles[0]}"
    content, spans = [], False
    if lemma not in DIRECT_ONLY:
        content = _clause_content(verb, lemma, lexicon, in_quote)
        if not content and _parenthetical(verb):
            content = _around_parenthetical(verb)
            spans = bool(content) and min(content) < verb.i < max(content)
        elif not content and _closing_attribution(verb):
            content = _content_before(verb, verb, set())
    source = source_of(verb)
    if source is not None and in_quote[source.i]:
        source = _subject_between_quote_and(verb, in_quote)
    first, last = _paragraph_sentence(verb)
    if source is not None and not first <= source.i < last or _first_person(source):
        source = None
    content = [i for i in content if first <= i < last]
    return Cue(verb, lemma, source, _trim(verb.doc, content), spans)


def _parenthetical(verb) -> bool:
    """"X, he said, Y" or "A and B, the ministry said": the verb hangs on the clause it reports."""
    if verb.head.i == verb.i or verb.head.pos_ not in ("VERB", "AUX", "NOUN", "PROPN"):
        return False
    if verb.dep_ == "parataxis":
        return True
    if verb.head.pos_ not in ("VERB", "AUX"):
        return False
    return verb.dep_ == "conj" and verb.head.i < verb.i and any(c.dep_ == "nsubj" for c in verb.children)


def _closing_attribution(verb) -> bool:
    """"…, a new record, the ONT reported on Thursday." parsed as a clause on a noun."""
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.pos_ in ("NOUN", "PROPN")]
    if verb.dep_ not in ("acl", "relcl", "conj") or not subjects or verb.lemma_.lower() == "ask":
        return False
    before = subjects[0].left_edge.i - 1
    rest = [t for t in doc[verb.i + 1 : verb.sent.end] if not t.is_punct and not t.is_space]
    return before > 0 and doc[before].text == "," and all(t.head.i == verb.i or t.head.head.i == verb.i for t in rest)


def _first_person(source) -> bool:
    """"When I asked residents …": the reporter, not a source."""
    return source is not None and source.lower_ in _FIRST_PERSON


def _around_parenthetical(verb) -> list[int]:
    """"The operation began in July, authorities said, and meetings were …"."""
    own = {t.i for t in verb.subtree}
    for child in verb.children:
        if child.dep_ == "conj" and any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children):
            own -= {t.i for t in child.subtree}
    skip: set[int] = set()
    for child in verb.head.children:
        if child.i > verb.i and child.dep_ in _TRAILING_ADVERBIAL:
            skip.update(t.i for t in child.subtree)
    return [t.i for t in verb.head.subtree if t.i not in own and t.i not in skip]


def _subject_between_quote_and(verb, in_quote):
    """The parser took a word inside the quote as subject: use the noun between quote and verb."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and not in_quote[i] and doc[i].sent == verb.sent:
        i -= 1
    for token in doc[i + 1 : verb.i]:
        if token.pos_ in ("PROPN", "NOUN", "PRON") and not token.is_punct:
            while token.head.i < verb.i and token.head.i > i and token.dep_ in ("compound", "amod", "nmod"):
                token = token.head
            return token
    return None


def _clause_content(verb, lemma: str, lexicon: QuoteLexicon, in_quote) -> list[int]:
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        clauses = [c for c in verb.children
                   if c.dep_ in ("dep", "parataxis") and c.i < verb.i and c.pos_ in ("VERB", "AUX", "PROPN", "NOUN")]
    if lemma == "find":  # "Jury finds bookkeeper guilty" is a verdict, "a study found that …" a finding
        clauses = [c for c in clauses if c.pos_ in ("VERB", "AUX")]
    if clauses:
        clause = max(clauses, key=lambda c: len(list(c.subtree)))
        indices = _without_inner_reports({t.i for t in clause.subtree}, clause, lexicon, in_quote)
        if clause.i < verb.i:
            return _content_before(verb, clause, indices) if verb.dep_ not in ("relcl", "acl") else []
        return _cut_at_dash(verb.doc, _content_after(verb, clause, indices, lexicon))
    stray = _stray_that_clause(verb)
    if stray:
        return stray
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma == "say" and objects and objects[0].i > verb.i and any(
        t.pos_ in ("VERB", "AUX") and t.dep_ in ("acl", "relcl") for t in objects[0].subtree
    ):  # "said several ministers expected to lose their seats" (parsed as an object)
        return [t.i for t in objects[0].subtree]
    if lemma == "say" and objects:  # "U.S. says North Korea to ‘pay a price’"; "X said Y, …, has provided"
        rest = [c for c in verb.children if c.dep_ in ("xcomp", "conj") and c.i > objects[0].i and c.pos_ in ("VERB", "AUX")]
        rest = [c for c in rest if not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
        if rest:
            return sorted({t.i for t in objects[0].subtree} | {t.i for t in rest[0].subtree})
    if lemma in ACCUSING:
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ACCUSING[lemma]]
        if objects and preps:
            return list(range(objects[0].left_edge.i, verb.right_edge.i + 1))
    return []


def _stray_that_clause(verb) -> list[int]:
    """"said after the verdict that …", "said in a statement that …": the parser hung the clause on the noun."""
    for token in verb.subtree:
        if token.i > verb.i and token.lower_ == "that" and token.head.i != verb.i and token.head.pos_ in ("VERB", "AUX"):
            clause = token.head
            path = list(clause.ancestors)
            between = path[: [a.i for a in path].index(verb.i)] if any(a.i == verb.i for a in path) else None
            if clause.i > token.i and between is not None and not any(a.pos_ in ("VERB", "AUX") for a in between):
                content = {t.i for t in clause.subtree if t.i > token.i}
                for child in verb.children:  # "… and that new controls were in place"
                    if child.dep_ == "conj" and child.i > clause.i and any(g.lower_ == "that" for g in child.children):
                        content.update(t.i for t in child.subtree)
                return sorted(content)
    return []


def _without_inner_reports(indices: set[int], clause, lexicon: QuoteLexicon, in_quote) -> set[int]:
    """Cut out attributions of their own inside a content clause: "…, which it called “…”", "… and urged …"."""
    doc = clause.doc
    for i in sorted(indices):
        token = doc[i]
        if i == clause.i or in_quote[i] or token.dep_ not in ("relcl", "conj") or not lexicon.is_reporting(token):
            continue
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        if own_subject or token.lemma_.lower() not in _AMBIGUOUS:
            indices -= {t.i for t in token.subtree}
    return indices


def _content_before(verb, clause, indices: set[int]) -> list[int]:
    """Content put before its attribution: from the sentence start to the source."""
    first, _ = _paragraph_sentence(verb)
    attribution = min([verb.i] + [t.i for c in verb.children if c.dep_ in ("nsubj", "aux") for t in c.subtree])
    first = _after_dateline_start(verb.doc, first, attribution)
    content = set(range(first, attribution)) | {i for i in indices if first <= i < attribution}
    for child in list(verb.children) + list(clause.children):  # "…, authorities said, and meetings were set up …"
        if child.dep_ == "conj" and child.i > verb.i and any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children):
            content.update(t.i for t in child.subtree)
    return sorted(content)


def _after_dateline_start(doc, first: int, end: int) -> int:
    """Skip "STOCKHOLM, March 4 (Reuters) - " or "SEOUL, Oct. 14 (Agency) -- " at a line start."""
    for i in range(first, min(end, first + 12)):
        token = doc[i]
        if token.text in _DASHES or token.text == "-" and token.whitespace_ or len(token.text) > 1 and token.text.endswith((").-", ")-")):
            if ")" in token.text or any(t.text == ")" or t.is_upper and len(t.text) > 2 for t in doc[first:i]):
                return i + 1
            return first
    return first


def _cut_at_dash(doc, indices: list[int]) -> list[int]:
    """"he will not quit — despite …": an aside after a dash is the reporter's."""
    for position, i in enumerate(indices[:-1]):
        if doc[i].text in _DASHES and doc[indices[position + 1]].pos_ in ("ADP", "SCONJ"):
            return indices[:position]
    return indices


def _content_after(verb, clause, indices: set[int], lexicon: QuoteLexicon) -> list[int]:
    """Content after the verb, with what the parser hung on the verb after the clause."""
    for child in verb.children:
        if child.i > clause.i and child.dep_ in ("advcl", "acl", "prep") and not lexicon.is_reporting(child):
            indices.update(t.i for t in child.subtree)
    for i in range(verb.i + 1, min(indices, default=verb.i)):  # a quote between verb and clause
        if verb.doc[i].is_quote:
            indices.update(range(i, min(indices)))
            break
    return sorted(indices)


def source_of(verb):
    """The token heading the source of a reporting verb, or None (impersonal, passive)."""
    source = _source_of(verb)
    if source is not None and source.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
        return verb.head  # "the minister, who told a conference that …"
    return source


def _source_of(verb, inherited: bool = False):
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS or inherited and c.dep_ == "nsubjpass"]
    if subjects:
        named = [c for c in subjects if c.pos_ == "PROPN"]
        return _after_dateline(verb, named[0] if named else subjects[-1])
    inverted = _inverted_subject(verb)
    if inverted is not None:
        return inverted
    return _source_without_subject(verb)


def _after_dateline(verb, subject):
    """"Washington (CNN) — Sen. Rachel Whitman said": the dateline is not the subject."""
    doc = verb.doc
    dashes = [t for t in doc[subject.i + 1 : verb.i] if t.text in _DASHES or t.text == "-" and t.whitespace_ and doc[t.i - 1].whitespace_]
    if dashes and subject.i - verb.sent.start < 4:
        for token in doc[dashes[-1].i + 1 : verb.i]:
            if token.pos_ in ("PROPN", "NOUN") and token.head.i == verb.i:
                return token
        for token in doc[dashes[-1].i + 1 : verb.i]:
            if token.pos_ in ("PROPN", "NOUN"):
                while token.head.i < verb.i and token.dep_ in ("compound", "amod", "poss"):
                    token = token.head
                return token
    return subject


def _inverted_subject(verb):
    """"« … », grumbled a student", "…, says MP": the noun after a verb that follows a quote or comma."""
    doc = verb.doc
    i = verb.i - 1
    comma = False
    while i >= 0 and doc[i].is_punct and not doc[i].is_quote:
        comma = comma or doc[i].text == ","
        i -= 1
    quoted = i >= 0 and doc[i].is_quote
    if not quoted and not (comma and verb.tag_ in ("VBZ", "VBD", "VBP")):
        return None
    deps = ("dobj", "attr", "npadvmod", "dep", "appos", "oprd") if quoted else ("attr", "npadvmod", "dep", "appos")
    for child in verb.children:
        if child.i > verb.i and child.dep_ in deps and child.pos_ in ("NOUN", "PROPN"):
            return child
    return None


def _source_without_subject(verb):
    if verb.lemma_.lower() == "ask" or any(c.lower_ in _REDUCED for c in verb.children if c.dep_ in ("advmod", "mark")):
        return None  # "When asked how …": the asker is the reporter
    for child in verb.children:
        if child.dep_ == "agent":  # "denied by North Korea's Defense Ministry"
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    if any(c.dep_ in ("nsubjpass", "expl", "auxpass") for c in verb.children):
        return None
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ in _INHERIT_DEPS and verb.tag_ != "VBN" and head.pos_ in ("VERB", "AUX"):
        return _source_of(head, inherited=verb.dep_ == "conj")
    if verb.dep_ == "acl" and verb.tag_ == "VBG":  # "a statement proclaiming that …"
        owner = head.head
        if head.dep_ == "pobj" and owner.dep_ == "prep" and owner.head.pos_ in ("VERB", "AUX"):
            return _source_of(owner.head)
        return head
    return None


def _trim(doc, indices: list[int]) -> list[int]:
    """Drop "that", punctuation and conjunctions at the edges of a content clause."""
    indices = sorted(indices)
    while indices and (doc[indices[0]].lower_ in _TRIM_LEFT or doc[indices[0]].is_punct and not doc[indices[0]].is_quote):
        indices.pop(0)
    while indices and (doc[indices[-1]].lower_ in _TRIM_RIGHT or doc[indices[-1]].is_punct and not doc[indices[-1]].is_quote):
        indices.pop()
    return indices
