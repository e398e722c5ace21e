"""Who is speaking: from the token heading a source to a canonical speaker.

Named sources take the ``name`` of their entity mention (so "Sullivan" is
"Jake Sullivan", and "Mr. Marcus" the "David Marcus" named before); pronouns
are resolved in :mod:`core.nlp.quote_pronouns`. Definite descriptions ("the
spokesman", "the official", "the agency") go to an earlier source or mention
with that role or head noun. Everything else is described in a few words
("U.S. official", "officials in Washington", "state media") and typed:

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

from dataclasses import replace

from core.nlp.doc_text import doc_text, first_line_end
from core.nlp.quote_lexicon import QuoteLexicon
from core.nlp.quote_people import REACH, UNKNOWN, ArticleIndex, Speaker
from core.nlp.quote_phrases import describe, modifiers, phrase_span, phrase_text, phrase_tokens, proper_chain, strip_honorific
from core.nlp.quote_pronouns import PRONOUNS, PronounsMixin

_QUANTIFIERS = {"one", "two", "three", "several", "some", "many", "most", "both", "another", "others", "each"}
_FEMALE = {"spokeswoman", "chairwoman", "congresswoman", "businesswoman", "wife", "mother", "daughter", "sister", "actress"}
_MALE = {"spokesman", "chairman", "congressman", "businessman", "husband", "father", "son", "brother", "actor"}
#: Sources that are someone's speech: "a statement from Natick police" is the police speaking.
_STATEMENTS = {"statement", "release", "letter", "post", "tweet", "remarks", "comments", "message"}
__all__ = ["Speaker", "SpeakerResolver", "UNKNOWN"]


class SpeakerResolver(PronounsMixin):
    """Resolves sources in text order; remembers earlier speakers for coreference."""

    def __init__(self, doc, mentions: list[tuple], lexicon: QuoteLexicon, in_quote: list[bool]):
        self.doc, self.lexicon, self.in_quote = doc, lexicon, in_quote
        self.index = ArticleIndex(doc, mentions, lexicon, in_quote)
        self.history: list[Speaker] = []
        self._focus: dict[int, Speaker | None] = {}

    def resolve(self, token) -> Speaker:
        speaker = self._resolve(token) if token is not None else UNKNOWN
        if speaker.name is not None:
            self.history.append(speaker)
        return speaker

    # -- dispatch -------------------------------------------------------------------------------
    def _resolve(self, token) -> Speaker:
        if token.lower_ in PRONOUNS and token.pos_ == "PRON":
            return self._pronoun(token)
        if token.lower_ in _QUANTIFIERS:
            inner = _of_object(token)
            if inner is None:
                return self._group_before(token, nouns_first=True) or UNKNOWN
            token = inner
        author = self._statement_author(token)
        if author is not None:
            return replace(self._resolve(author), text=phrase_text(token), start=phrase_span(token).start_char)
        mention = self._named_in_phrase(token)
        if mention is not None:
            return self._named(token, mention)
        if token.text[:1].isupper() and not self._role_head(token):
            name = self._proper_name(token)
            if name.person or token.pos_ == "PROPN" and not self.index.sentence_initial(token):
                return name
        if self._definite(token) or self._headline(token):
            earlier = self._corefer(token)
            if earlier is not None:
                anonymous = earlier.source_type == "unnamed" and self._anonymous_sentence(token)
                return replace(earlier, text=phrase_text(token), start=phrase_span(token).start_char,
                               source_type="anonymous" if anonymous else earlier.source_type)
        return self._described(token)

    # -- pronouns ---------------------------------------------------------------------------------


    # -- names ------------------------------------------------------------------------------------
    def _named_in_phrase(self, token):
        """The entity naming a source: the one holding its head, a person in apposition, an outlet's name."""
        own = self.index.mention_at(token)
        if own is not None and own[3] == "PERSON" and token.pos_ == "PROPN":
            return own
        for t in phrase_tokens(token, ("poss", "relcl", "acl", "pobj")):
            found = self.index.mention_at(t) if t.i != token.i else None
            titled = any(w.lower_ in self.lexicon.person_roles for w in self.doc[min(t.i, token.i) + 1 : max(t.i, token.i)])
            if found is not None and found[3] == "PERSON" and t.pos_ == "PROPN" and not (t.i < token.i and titled):
                return found
        if token.lower_ in self.lexicon.person_roles:  # "Rossi’s wife Sofia", "The Minister of Health, Elena Vidal"
            for child in token.children:
                if child.dep_ in ("appos", "compound") and child.pos_ == "PROPN" and child.i > token.i:
                    chain, start = proper_chain(child, self.lexicon.person_roles)
                    return (start, start + len(chain), chain, "PERSON", chain)
        if self._role_head(token):
            return None
        if own is not None and token.pos_ == "PROPN" and token.text[:1].isupper():
            return own
        for child in token.children:
            found = self.index.mention_at(child) if child.dep_ in ("appos", "compound") else None
            if found is not None and found[3] in ("ORG", "PERSON") and (child.dep_ == "appos" or self._outlet_head(token)):
                return found
            if found is None and child.dep_ == "compound" and child.pos_ == "PROPN" and self._is_media(token, ""):
                chain, start = proper_chain(child)
                return (start, start + len(chain), chain, "ORG", chain)
        follower = self._positional_appos(token)
        return follower

    def _positional_appos(self, token):
        """"the project developer, WindKraft Nord, …" parsed badly: a name between commas right after."""
        doc = self.doc
        after = token.right_edge.i + 1
        if after + 1 < len(doc) and doc[after].text == ",":
            found = self.index.mention_at(doc[after + 1])
            if found is not None and found[3] in ("ORG", "PERSON") and found[0] == doc[after + 1].idx:
                end = doc.char_span(found[0], found[1], alignment_mode="expand").end
                if end >= len(doc) or doc[end].text in (",", ".", ":"):
                    return found
        return None

    def _statement_author(self, token):
        """"a statement from Natick police" -> "police"."""
        if token.lemma_.lower() not in _STATEMENTS:
            return None
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        return None

    def _outlet_head(self, token) -> bool:
        """"Russia’s Interfax news agency", "the BDEW association": the name is in a compound."""
        lexicon = self.lexicon
        return token.lower_ in lexicon.media or token.lower_ in lexicon.organisations or token.lemma_.lower() in lexicon.documents

    def _named(self, token, mention, text: str | None = None) -> Speaker:
        name, label = mention[4], mention[3]
        if label == "PERSON" and " " not in name:
            mention = self._with_first_names(token, mention)
        if label == "PERSON" or self.index.surname(name):
            return self._person(mention) if label == "PERSON" else replace(self._person(mention), name=self.index.surname(name))
        if not any(w[:1].isupper() for w in mention[2].split()):  # "foreign ministry" tagged as an organisation
            return self._described(token)
        chain, _ = proper_chain(token) if token.pos_ == "PROPN" else ("", 0)
        if chain and (len(chain) > len(name) and name in chain or "," in mention[2]):
            name = chain
            if self.index.surname(name):
                return replace(self._person(mention), name=self.index.surname(name), text=text or name)
        source_type = "media" if self._is_media(token, name) else "named"
        return Speaker(name, text or mention[2], mention[0], source_type, token.lower_)

    def _with_first_names(self, token, mention):
        """"Dmitry Peskov" when the recogniser only took "Peskov": up to two name words before it."""
        doc = self.doc
        span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
        if span is None:
            return mention
        first = span.start
        while first > span.start - 2 and first > 0:
            before = doc[first - 1]
            if before.pos_ != "PROPN" or before.dep_ != "compound" or before.lower_.rstrip(".") in self.lexicon.person_roles \
                    or strip_honorific(before.text + " x") == "x" or not before.text[:1].isupper():
                break
            first -= 1
        if first == span.start:
            return mention
        name = doc[first : span.end].text
        return (doc[first].idx, mention[1], name, "PERSON", name)

    def _person(self, mention) -> Speaker:
        name = self.index.full_name(mention[4])
        return Speaker(name, mention[2], mention[0], "named", person=True, gender=self.index.gender.get(name, ""))

    def _proper_name(self, token) -> Speaker:
        """A name the entity recogniser missed: its capitalised chain, widened to a known full name."""
        chain, start = proper_chain(token, self.lexicon.person_roles)
        if strip_honorific(chain) != chain:
            start += len(chain) - len(strip_honorific(chain))
        full = self.index.full_name(chain)
        person = full != strip_honorific(chain) or full in self.index.full_names
        source_type = "media" if self._is_media(token, full) else "named"
        return Speaker(full, chain, start, source_type, token.lower_, person=person, gender=self.index.gender.get(full, ""))

    # -- descriptions -------------------------------------------------------------------------------
    def _role_head(self, token) -> bool:
        """"the Ohio Democrat", "the Conservative MP": a role, not a name."""
        return token.lower_ in self.lexicon.person_roles and self._definite(token)

    def _definite(self, token) -> bool:
        return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that") for c in token.children)

    def _headline(self, token) -> bool:
        return token.idx < first_line_end(self.doc) and token.lower_ in self.lexicon.person_roles

    def _corefer(self, token) -> Speaker | None:
        head, words = token.lower_, modifiers(token)
        if token.lemma_.lower() in _STATEMENTS:  # "the statement said": whoever made it
            recent = [s for s in self.history if s.start is not None and 0 < token.idx - s.start < REACH]
            return recent[-1] if recent else None
        earlier = [s for s in self.history if s.head == head and not s.person and words <= s.words | {s.head}
                   and s.start is not None and 0 < token.idx - s.start < REACH * 2]
        if head in self.lexicon.person_roles or token.lemma_.lower() in self.lexicon.person_roles:
            if earlier:
                return earlier[-1]
            lemma = token.lemma_.lower()
            for mention in self.index.before(token.idx if not self._headline(token) else len(doc_text(self.doc)), ("PERSON",)):
                if lemma in self.index.roles.get(mention[4], ()) or head in self.index.roles.get(mention[4], ()):
                    return self._person(mention)
            if any(c.dep_ == "prep" and c.lower_ in ("of", "for", "at") for c in token.children):
                return None  # "the head of the IAEA": a role of that organisation, not someone named before
            sentence = self.index.sentence_of.get(token.i, 0)
            for before in range(sentence - 1, max(sentence - 6, -1), -1):
                focus = self.focus(before)
                if focus is not None and focus.person:
                    return focus
            nearest = next(self.index.before(token.idx, ("PERSON",)), None)
            return self._person(nearest) if nearest is not None and token.tag_ in ("NN", "NNP") else None
        if head in self.lexicon.organisations or head in self.lexicon.institutions:
            named = [m for m in self.index.before(token.idx, ("ORG", "GPE", "NORP"))
                     if (head in m[4].lower().split() or head in self.index.roles.get(m[4], ())) and words <= set(m[4].lower().split())]
            if named and (not earlier or named[0][0] > earlier[-1].start):
                return replace(self._named(token, named[0]), text=phrase_text(token), start=phrase_span(token).start_char)
        return earlier[-1] if earlier else None

    def _described(self, token) -> Speaker:
        description = describe(token)
        gender = "f" if token.lower_ in _FEMALE else "m" if token.lower_ in _MALE else ""
        return Speaker(description, phrase_text(token), phrase_span(token).start_char, self._description_type(token, description),
                       token.lower_, gender=gender, words=frozenset(modifiers(token)))

    def _description_type(self, token, description: str) -> str:
        lowered = description.lower()
        if self._is_media(token, description):
            return "media"
        if self._anonymous(token, lowered):
            return "anonymous"
        if token.lower_ in self.lexicon.institutions or lowered in self.lexicon.institutions:
            return "named"
        words = [w for w in description.split() if w.isalpha()]
        if words and all(w[:1].isupper() for w in words) and (len(words) > 1 or not self.index.sentence_initial(token) or token.is_upper):
            return "named"  # "Surfers Against Sewage", "JCS": a name the recogniser missed
        return "unnamed"

    def _anonymous(self, token, lowered: str) -> bool:
        lexicon = self.lexicon
        if token.lemma_.lower() in lexicon.anonymous or token.lower_ in lexicon.anonymous:
            return True
        if token.lemma_.lower() in ("person", "people", "official") and any(m in lowered for m in lexicon.anonymous_modifiers):
            return True
        if any(s.head == token.lower_ and s.source_type == "anonymous" for s in self.history):
            return True
        return self._anonymous_sentence(token)

    def _anonymous_sentence(self, token) -> bool:
        sentence = token.sent.text.lower()
        return any(phrase in sentence for phrase in self.lexicon.anonymity)

    def _is_media(self, token, name: str) -> bool:
        lexicon = self.lexicon
        folded = name.casefold().removeprefix("the ")
        if folded in lexicon.media_names or any(part in lexicon.media_names for part in (folded.split(" ")[0],) if len(folded.split()) > 2):
            return True
        phrase = " ".join(t.lower_ for t in token.subtree if not self.in_quote[t.i])
        if token.lower_ in lexicon.media or any(f" {m} " in f" {phrase} " for m in lexicon.media if " " in m):
            return True
        return token.lower_ == "agency" and "news" in phrase.split()

    # -- mentions -------------------------------------------------------------------------------------


def _of_object(token):
    """"one of the people" -> "people"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None

