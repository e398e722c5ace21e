"""Resolving "he", "she", "it", "they" and "one" to a source named before.

"He" and "she" go to a person earlier in the sentence (outside subordinate
clauses), to the person asked when someone "replied", else to the person the
previous sentences are about (their subject or the source of their reporting
verb), else to the nearest person; first names, titles and role words
("spokeswoman") keep "she" from a man's name. "It" goes to the organisation
that is the subject nearby, "they" and "one" to the group speaking before or
a group noun in the previous sentence.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from core.nlp.quote_people import REACH, ArticleIndex, Speaker, in_subordinate

if TYPE_CHECKING:
    from core.nlp.quote_lexicon import QuoteLexicon

PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "them": "p", "it": "o"}
_REPLIES = {"reply", "answer", "respond", "retort"}


class PronounsMixin:
    """Pronoun and focus resolution for :class:`~core.nlp.quote_speakers.SpeakerResolver`."""

    # What SpeakerResolver, the one class mixing this in, sets and defines.
    doc: Any
    lexicon: QuoteLexicon
    in_quote: list[bool]
    index: ArticleIndex
    history: list[Speaker]
    _focus: dict[int, Speaker | None]

    if TYPE_CHECKING:
        def _named_in_phrase(self, token) -> Any: ...
        def _named(self, token, mention, text: str | None = None) -> Speaker: ...
        def _person(self, mention) -> Speaker: ...
        def _proper_name(self, token) -> Speaker: ...
        def _definite(self, token) -> bool: ...
        def _corefer(self, token) -> Speaker | None: ...
        def _described(self, token) -> Speaker: ...

    def _pronoun(self, token) -> Speaker:
        kind = PRONOUNS[token.lower_]
        if kind in ("m", "f"):
            found = self._person_for(token, kind)
            return replace(found, text=token.text, start=token.idx) if found else Speaker(None, token.text, token.idx, "unknown")
        candidates = [s for s in self.history if not s.person and s.start is not None and 0 < token.idx - s.start < REACH]
        if kind == "o":
            near = self.index.mentions_in_sentences(token, ("ORG", "GPE", "NORP"), back=1)
            subjects = [m for m in near if self.index.in_subject(m)]
            if subjects:
                return self._named(self.index.token_of(subjects[0]), subjects[0], text=token.text)
            if near and not candidates:
                return self._named(self.index.token_of(near[0]), near[0], text=token.text)
        if candidates:
            return replace(candidates[-1], text=token.text, start=token.idx)
        group = self._group_before(token) if kind == "p" else None
        return replace(group, text=token.text, start=token.idx) if group else Speaker(None, token.text, token.idx, "unknown")

    def _person_for(self, token, kind: str) -> Speaker | None:
        """"he"/"she": earlier in the sentence, the one asked, the previous sentences' subject, the nearest person."""
        sentence = self.index.sentence_of.get(token.i, 0)
        first, _ = self.index.sentences[sentence]
        for mention in self._persons_between(first, token):
            if self._gender_ok(mention[4], kind):
                return self._person(mention)
        if token.head.lemma_.lower() in _REPLIES and sentence > 0:
            asked = self._asked_in(sentence - 1)
            if asked is not None:
                return asked
        for earlier in range(sentence - 1, max(sentence - 6, -1), -1):
            focus = self.focus(earlier)
            if focus is not None and (not focus.gender or focus.gender == kind) and (not focus.person or self._gender_ok(focus.name, kind)):
                return focus
        for mention in self.index.before(token.idx, ("PERSON",)):
            if self._gender_ok(mention[4], kind):
                return self._person(mention)
        return None

    def focus_before(self, char: int, back: int = 1) -> Speaker | None:
        """The person the words before offset ``char`` (its sentence, else the ``back`` ones before) are about."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None:
            return None
        sentence = self.index.sentence_of.get(span[0].i, 0)
        first = self.index.sentences[sentence][0]
        if first < span[0].i - 1:
            return self._span_subject(first, span[0].i - 1)
        for earlier in range(sentence - 1, max(sentence - 1 - back, -1), -1):
            focus = self.focus(earlier)
            if focus is not None:
                return focus
        return None

    def focus(self, sentence: int) -> Speaker | None:
        """The person a sentence is about: its subject, if that is a person or a person-like description."""
        if sentence not in self._focus:
            self._focus[sentence] = None  # no cycles
            self._focus[sentence] = self._sentence_subject(sentence)
        return self._focus[sentence]

    def _sentence_subject(self, sentence: int) -> Speaker | None:
        first, last = self.index.sentences[sentence]
        return self._span_subject(first, last)

    def _span_subject(self, first: int, last: int) -> Speaker | None:
        """The person tokens ``first:last`` are about: a reporting verb's source, else the main subject."""
        from core.nlp.quote_cues import source_of

        tokens = [t for t in self.doc[first:last] if not self.in_quote[t.i]]
        speaking = [source_of(t) for t in tokens if self.lexicon.is_reporting(t)]
        subjects = [t for t in tokens if t.dep_ in ("nsubj", "nsubjpass")]
        main = [t for t in subjects if t.head.dep_ in ("ROOT", "conj", "parataxis") or t.head.head.i == t.head.i]
        for token in [s for s in speaking if s is not None and first <= s.i < last][:1] + main[:1]:
            found = self._subject_person(token)
            if found is not None:
                return found
        for token in subjects:  # "The row is not the first time Hartley has clashed …"
            mention = self.index.mention_at(token)
            if mention is not None and mention[3] == "PERSON" and token.pos_ == "PROPN":
                return self._person(mention)
        return None

    def _subject_person(self, token) -> Speaker | None:
        if token.lower_ in ("he", "she"):
            return self._person_for(token, PRONOUNS[token.lower_])
        mention = self._named_in_phrase(token)
        if mention is not None and mention[3] == "PERSON":
            return self._person(mention)
        if token.text[:1].isupper() and mention is None:
            found = self._proper_name(token)
            return found if found.person else None
        if token.tag_ == "NN" and (token.lower_ in self.lexicon.person_roles or token.lower_ in self.lexicon.anonymous):
            if self._definite(token):
                return self._corefer(token) or self._described(token)
            return self._described(token)
        return None

    def _persons_between(self, first: int, token):
        """Persons named earlier in the sentence, outside subordinate clauses, nearest first."""
        found = []
        for mention in self.index.before(token.idx, ("PERSON",)):
            if mention[0] < self.doc[first].idx:
                break
            span = self.doc.char_span(mention[0], mention[1], alignment_mode="expand")
            if span is not None and not in_subordinate(span.root, token):
                found.append(mention)
        if not found:
            for t in reversed(self.doc[first : token.i]):
                if t.pos_ == "PROPN" and not self.in_quote[t.i] and self.index.full_name(t.text) != t.text:
                    if not in_subordinate(t, token):
                        return [(t.idx, t.idx + len(t.text), t.text, "PERSON", self.index.full_name(t.text))]
        return found

    def _asked_in(self, sentence: int) -> Speaker | None:
        first, last = self.index.sentences[sentence]
        for token in self.doc[first:last]:
            if token.lemma_.lower() == "ask":
                for child in token.children:
                    if child.dep_ in ("dobj", "dative"):
                        mention = self.index.mention_at(child)
                        if mention is not None and mention[3] == "PERSON":
                            return self._person(mention)
        return None

    def _gender_ok(self, name: str | None, kind: str) -> bool:
        return self.index.gender.get(name or "", kind) == kind

    def _group_before(self, token, nouns_first: bool = False) -> Speaker | None:
        """"they": an earlier group source, else a group noun in the previous sentences.

        "One said": the group speaking in the previous sentence, else a group
        noun there ("Furious fans took to social media. One wrote: …").
        """
        sources = [s for s in self.history if not s.person and s.start is not None and 0 < token.idx - s.start < REACH]
        if nouns_first:
            sentence = self.index.sentence_of.get(token.i, 0)
            previous = self.doc[self.index.sentences[max(sentence - 1, 0)][0]].idx
            if sources and sources[-1].start >= previous:
                return sources[-1]
            return self._group_noun(token) or (sources[-1] if sources else None)
        return sources[-1] if sources else self._group_noun(token)

    def _group_noun(self, token) -> Speaker | None:
        sentence = self.index.sentence_of.get(token.i, 0)
        for earlier in range(sentence - 1, max(sentence - 3, -1), -1):
            first, last = self.index.sentences[earlier]
            nouns = [t for t in self.doc[first:last] if t.tag_ in ("NNS", "NNPS") and not self.in_quote[t.i]]
            groups = [t for t in nouns if t.lower_ in self.lexicon.groups]
            if groups or nouns:
                return self._described((groups or nouns)[-1])
        return None
