"""Who is speaking: from the token heading a source to a canonical speaker.

Named sources take the ``name`` of their entity mention (so "Sullivan" is
"Jake Sullivan"). Pronouns ("he said") go to the nearest person mentioned
before; definite descriptions ("the spokesman", "the official", "the
agency") go to an earlier source or mention with that role or head noun.
Everything else is described in a few words ("U.S. official", "officials in
Washington", "state media") and typed:

* ``named`` – a person, organisation, country or institution named in the text;
* ``anonymous`` – deliberately unidentified: anonymity is stated in the
  sentence ("on condition of anonymity", "asked not to be named") or the
  description says so ("a source", "insiders", "people familiar with …");
  later quotes by the same description ("the official") inherit it;
* ``unnamed`` – described but not named: groups and roles ("experts",
  "police", "a spokesperson for X"), documents and data ("a study");
* ``media`` – a news outlet or agency, or "state media";
* ``unknown`` – no source found (speaker None).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from core.nlp.quote_lexicon import QuoteLexicon

PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "them": "p", "it": "o"}
_NAMED_LABELS = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
_QUANTIFIERS = {"one", "two", "three", "four", "several", "some", "many", "most", "both", "another", "others", "other", "each", "none"}
_DROP_DEPS = ("det", "predet", "nummod", "quantmod", "punct", "relcl", "acl", "appos", "cc", "conj", "advmod", "case")
_RIGHT_DEPS = ("prep", "amod", "compound")
_FEMALE = {"ms", "ms.", "mrs", "mrs.", "miss", "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "wife", "mother", "daughter", "sister", "actress", "grandmother", "queen", "madam"}
_MALE = {"mr", "mr.", "spokesman", "chairman", "congressman", "businessman", "husband", "father", "son", "brother", "actor", "grandfather", "king", "sir"}
#: How far back (characters) a pronoun or role may point.
_REACH = 2500


@dataclass(frozen=True)
class Speaker:
    name: str | None
    text: str | None
    start: int | None
    source_type: str
    head: str = ""  # head noun of a description, to carry anonymity over
    person: bool = False


UNKNOWN = Speaker(None, None, None, "unknown")


class SpeakerResolver:
    """Resolves sources in text order; remembers earlier speakers for coreference."""

    def __init__(self, doc, mentions: list[tuple], lexicon: QuoteLexicon, in_quote: list[bool]):
        self.doc = doc
        self.lexicon = lexicon
        self.in_quote = in_quote
        self.history: list[Speaker] = []
        outside = [m for m in mentions if not _inside(doc, m[0], in_quote)]
        self.mentions = sorted(outside)
        self.starts = [m[0] for m in self.mentions]
        self.roles: dict[str, set[str]] = {}
        self.gender: dict[str, str] = {}
        for mention in self.mentions:
            if mention[3] == "PERSON":
                self._learn_roles(mention)

    # -- public -----------------------------------------------------------------
    def resolve(self, token) -> Speaker:
        speaker = self._resolve(token) if token is not None else UNKNOWN
        if speaker.name is not None:
            self.history.append(speaker)
        return speaker

    def remember(self, speaker: Speaker) -> None:
        if speaker.name is not None:
            self.history.append(speaker)

    # -- resolution ---------------------------------------------------------------
    def _resolve(self, token) -> Speaker:
        if token.lower_ in PRONOUNS and token.pos_ == "PRON":
            return self._pronoun(token)
        if token.lower_ in _QUANTIFIERS:
            token = self._quantified(token)
            if token is None:
                return self._previous_group()
        phrase = [t for t in token.subtree if not self.in_quote[t.i]]
        mention = self._named_mention(token, phrase)
        if mention is not None:
            return self._named(token, mention)
        if token.pos_ == "PROPN":
            return self._proper_name(token)
        if self._definite(token):
            earlier = self._corefer(token)
            if earlier is not None:
                return Speaker(earlier.name, _text(token), token.idx, earlier.source_type, earlier.head, earlier.person)
        return self._described(token)

    def _pronoun(self, token) -> Speaker:
        kind = PRONOUNS[token.lower_]
        if kind in ("m", "f"):
            for mention in self._before(token.idx, ("PERSON",)):
                if self.gender.get(mention[4], kind) == kind:
                    self.gender.setdefault(mention[4], kind)
                    return Speaker(mention[4], token.text, token.idx, self._type_of_name(mention[4], token), person=True)
            return Speaker(None, token.text, token.idx, "unknown")
        for speaker in reversed(self.history):
            if speaker.start is not None and token.idx - speaker.start < _REACH and not speaker.person:
                return Speaker(speaker.name, token.text, token.idx, speaker.source_type, speaker.head)
        if kind == "o":
            for mention in self._before(token.idx, ("ORG", "GPE")):
                return Speaker(mention[4], token.text, token.idx, self._type_of_name(mention[4], token))
        return Speaker(None, token.text, token.idx, "unknown")

    def _quantified(self, token):
        """"one of the people" -> "people"; bare "one"/"another" -> None."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        return None if not list(token.children) else token

    def _previous_group(self) -> Speaker:
        for speaker in reversed(self.history):
            if not speaker.person:
                return speaker
        return UNKNOWN

    def _named_mention(self, token, phrase):
        """The entity naming the source: the one holding the head, else a person in apposition."""
        own = self._mention_at(token)
        if own is not None and own[3] in _NAMED_LABELS and not (own[3] in ("GPE", "NORP") and token.pos_ == "NOUN"):
            return own
        idx = {t.i for t in phrase}
        for child in token.children:
            if child.dep_ == "appos":
                found = self._mention_at(child)
                if found is not None and found[3] == "PERSON" and child.i in idx:
                    return found
        for child in token.children:  # "spokesman … , Lt. Col. Aaron Pruitt" parsed as compound
            if child.dep_ == "compound":
                found = self._mention_at(child)
                if found is not None and found[3] == "PERSON":
                    return found
        return None

    def _mention_at(self, token):
        pos = bisect.bisect_right(self.starts, token.idx) - 1
        if pos >= 0:
            mention = self.mentions[pos]
            if mention[0] <= token.idx < mention[1]:
                return mention
        return None

    def _named(self, token, mention) -> Speaker:
        name, label = mention[4], mention[3]
        if label == "PERSON":
            return Speaker(name, mention[2], mention[0], self._type_of_name(name, token), person=True)
        source_type = "media" if self._is_media(token, name) else "named"
        if label in ("GPE", "NORP") and token.lower_ in self.lexicon.institutions:
            return Speaker(_describe(token), _text(token), token.idx, "named", token.lemma_.lower())
        return Speaker(name, mention[2], mention[0], source_type, token.lemma_.lower())

    def _proper_name(self, token) -> Speaker:
        """A name the entity recogniser missed: its proper-noun chain, widened to a known full name."""
        chain = [t for t in token.subtree if t.pos_ == "PROPN" and (t.i == token.i or t.head.i == token.i and t.dep_ == "compound")]
        name = " ".join(t.text for t in chain)
        for earlier in reversed(self.history):
            if earlier.person and earlier.name and earlier.name.split()[-1] == name:
                return Speaker(earlier.name, name, token.idx, earlier.source_type, person=True)
        for mention in self._before(token.idx + 10_000, ("PERSON",)):
            if mention[4].split()[-1] == name:
                return Speaker(mention[4], name, token.idx, "named", person=True)
        source_type = "media" if self._is_media(token, name) else "named"
        return Speaker(name, name, chain[0].idx, source_type, token.lemma_.lower())

    def _definite(self, token) -> bool:
        dets = [c.lower_ for c in token.children if c.dep_ in ("det", "poss")]
        return "the" in dets or "this" in dets or "that" in dets

    def _corefer(self, token) -> Speaker | None:
        head = token.lemma_.lower()
        for speaker in reversed(self.history):
            if speaker.head == head and speaker.start is not None and token.idx - speaker.start < _REACH * 2:
                return speaker
        for mention in self._before(token.idx, ("PERSON",)):
            if head in self.roles.get(mention[4], ()):
                return Speaker(mention[4], mention[2], mention[0], "named", person=True)
        if head in self.lexicon.organisations:
            for mention in self._before(token.idx, ("ORG", "GPE", "NORP")):
                words = {w.lower() for w in mention[4].split()}
                if head in words or head in self.roles.get(mention[4], ()):
                    return Speaker(mention[4], mention[2], mention[0], "named", head)
            return None
        if token.tag_ in ("NN", "NNP") and head not in self.lexicon.media:
            for speaker in reversed(self.history):
                if speaker.person and speaker.start is not None and token.idx - speaker.start < _REACH:
                    return speaker
        return None

    def _described(self, token) -> Speaker:
        description = _describe(token)
        head = token.lemma_.lower() if token.tag_ != "NNS" else token.lower_
        source_type = self._description_type(token, description)
        if source_type == "unnamed" and any(s.head == head and s.source_type == "anonymous" for s in self.history):
            source_type = "anonymous"
        return Speaker(description, _text(token), token.idx, source_type, head)

    # -- source types ---------------------------------------------------------------
    def _description_type(self, token, description: str) -> str:
        lowered = description.lower()
        words = set(lowered.split())
        if self._is_media(token, description):
            return "media"
        if self._anonymous(token, words, lowered):
            return "anonymous"
        if token.lower_ in self.lexicon.institutions or lowered in self.lexicon.institutions:
            return "named"
        return "unnamed"

    def _anonymous(self, token, words, lowered) -> bool:
        if token.lemma_.lower() in self.lexicon.anonymous or token.lower_ in self.lexicon.anonymous:
            return True
        if token.lemma_.lower() in ("person", "people", "official") and any(m in lowered for m in self.lexicon.anonymous_modifiers):
            return True
        sentence = token.sent.text.lower()
        return any(phrase in sentence for phrase in self.lexicon.anonymity)

    def _is_media(self, token, name: str) -> bool:
        lexicon = self.lexicon
        if name.casefold() in lexicon.media_names or name.casefold().removeprefix("the ") in lexicon.media_names:
            return True
        phrase = " ".join(t.lower_ for t in token.subtree if not self.in_quote[t.i])
        if token.lower_ in lexicon.media or any(f" {m} " in f" {phrase} " for m in lexicon.media if " " in m):
            return True
        return token.lower_ == "agency" and "news" in phrase.split()

    def _type_of_name(self, name: str, token) -> str:
        return "media" if name.casefold() in self.lexicon.media_names else "named"

    # -- helpers ------------------------------------------------------------------
    def _before(self, position: int, labels: tuple[str, ...]):
        """Mentions with these labels before ``position``, nearest first."""
        pos = bisect.bisect_left(self.starts, position) - 1
        while pos >= 0 and position - self.mentions[pos][0] < _REACH * 2:
            if self.mentions[pos][3] in labels:
                yield self.mentions[pos]
            pos -= 1

    def _learn_roles(self, mention) -> None:
        """Role words around a person ("spokesman", "adviser") and gender hints."""
        span = self.doc.char_span(mention[0], mention[1], alignment_mode="expand")
        if span is None:
            return
        root = span.root
        words = set()
        for token in root.subtree:
            if token.i < span.start and token.dep_ in ("compound", "amod") or token.dep_ == "appos":
                words.add(token.lemma_.lower())
                words.update(c.lemma_.lower() for c in token.children if c.dep_ in ("compound", "amod"))
        if root.dep_ == "appos":
            words.add(root.head.lemma_.lower())
        before = self.doc[max(span.start - 1, 0)].lower_
        hints = words | {before}
        self.roles.setdefault(mention[4], set()).update(words)
        if hints & _FEMALE:
            self.gender.setdefault(mention[4], "f")
        elif hints & _MALE:
            self.gender.setdefault(mention[4], "m")


def _inside(doc, char: int, in_quote: list[bool]) -> bool:
    token = doc.char_span(char, char + 1, alignment_mode="expand")
    return bool(token) and in_quote[token[0].i]


def _text(token) -> str:
    tokens = [t for t in token.subtree if t.dep_ not in ("relcl", "acl", "punct") and not _in_clause(t, token)]
    return token.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else token.text


def _in_clause(t, head) -> bool:
    while t.i != head.i:
        if t.dep_ in ("relcl", "acl", "appos"):
            return True
        t = t.head
    return False


def _describe(token) -> str:
    """A short description of an unnamed source: "U.S. official", "officials in Washington"."""
    keep = {token.i}
    for child in token.children:
        if child.i < token.i and child.dep_ not in _DROP_DEPS:
            keep.update(t.i for t in child.subtree if t.dep_ not in ("det", "punct"))
        elif child.i > token.i and child.dep_ in _RIGHT_DEPS:
            sub = [t.i for t in child.subtree]
            if len(sub) <= 6:
                keep.update(sub)
    words = [token.doc[i] for i in sorted(keep)]
    while words and words[0].dep_ == "det":
        words.pop(0)
    return "".join(t.text_with_ws for t in words).strip()
