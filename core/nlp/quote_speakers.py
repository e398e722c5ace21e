"""Who is speaking: from the token heading a source to a canonical speaker.

Named sources take the ``name`` of their entity mention (so "Sullivan" is
"Jake Sullivan", and "Mr. Marcus" the "David Marcus" named before). "He" and
"she" go to a person earlier in the sentence, else to the person the previous
sentences are about (their subject), else to the nearest person; "it" and
"they" to the nearest organisation or group. Definite descriptions ("the
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

import bisect
from dataclasses import dataclass, replace

from core.nlp.quote_lexicon import QuoteLexicon
from core.nlp.quote_phrases import describe, modifiers, phrase_span, phrase_text, phrase_tokens, proper_chain, strip_honorific

PRONOUNS = {"he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "them": "p", "it": "o"}
_QUANTIFIERS = {"one", "two", "three", "several", "some", "many", "most", "both", "another", "others", "each"}
_FEMALE = {"ms", "ms.", "mrs", "mrs.", "miss", "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "wife", "mother", "daughter", "sister", "actress", "grandmother", "queen"}
_MALE = {"mr", "mr.", "spokesman", "chairman", "congressman", "businessman", "husband", "father", "son", "brother", "actor", "grandfather", "king", "sir"}
_REPLIES = {"reply", "answer", "respond", "retort"}
#: Sources that are someone's speech: "a statement from Natick police" is the police speaking.
_STATEMENTS = {"statement", "release", "letter", "post", "tweet", "remarks", "comments", "message"}
#: How far back (characters) a pronoun, role or description may point.
_REACH = 3000


@dataclass(frozen=True)
class Speaker:
    name: str | None
    text: str | None
    start: int | None
    source_type: str
    head: str = ""  # head word of a description ("official"), for coreference
    person: bool = False
    gender: str = ""
    words: frozenset[str] = frozenset()  # modifiers of a description


UNKNOWN = Speaker(None, None, None, "unknown")


class SpeakerResolver:
    """Resolves sources in text order; remembers earlier speakers for coreference."""

    def __init__(self, doc, mentions: list[tuple], lexicon: QuoteLexicon, in_quote: list[bool]):
        self.doc, self.lexicon, self.in_quote = doc, lexicon, in_quote
        self.history: list[Speaker] = []
        self.mentions = sorted(m for m in mentions if not _token_in_quote(doc, m[0], in_quote))
        self.starts = [m[0] for m in self.mentions]
        self.roles: dict[str, set[str]] = {}
        self.gender: dict[str, str] = {}
        self.full_names = sorted({strip_honorific(m[4]) for m in self.mentions if m[3] == "PERSON" and " " in strip_honorific(m[4])})
        self.name_chains = _name_chains(doc, in_quote, self.lexicon.person_roles)
        for mention in self.mentions:
            if mention[3] == "PERSON":
                self._learn_roles(mention)
        self.sentences = _line_sentences(doc)
        self.sentence_of = {t.i: n for n, (a, b) in enumerate(self.sentences) for t in doc[a:b]}
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
            if name.person or token.pos_ == "PROPN" and not self._sentence_initial(token):
                return name
        if self._definite(token) or self._headline(token):
            earlier = self._corefer(token)
            if earlier is not None:
                anonymous = earlier.source_type == "unnamed" and self._anonymous_sentence(token)
                return replace(earlier, text=phrase_text(token), start=phrase_span(token).start_char,
                               source_type="anonymous" if anonymous else earlier.source_type)
        return self._described(token)

    # -- pronouns ---------------------------------------------------------------------------------
    def _pronoun(self, token) -> Speaker:
        kind = PRONOUNS[token.lower_]
        if kind in ("m", "f"):
            found = self._person_for(token, kind)
            return replace(found, text=token.text, start=token.idx) if found else Speaker(None, token.text, token.idx, "unknown")
        candidates = [s for s in self.history if not s.person and s.start is not None and 0 < token.idx - s.start < _REACH]
        if kind == "o":
            near = self._mentions_in_sentences(token, ("ORG", "GPE", "NORP"), back=1)
            subjects = [m for m in near if self._in_subject(m)]
            if subjects:
                return self._named(self._token_of(subjects[0]), subjects[0], text=token.text)
            if near and not candidates:
                return self._named(self._token_of(near[0]), near[0], text=token.text)
        if candidates:
            return replace(candidates[-1], text=token.text, start=token.idx)
        group = self._group_before(token) if kind == "p" else None
        return replace(group, text=token.text, start=token.idx) if group else Speaker(None, token.text, token.idx, "unknown")

    def _person_for(self, token, kind: str) -> Speaker | None:
        """"he"/"she": earlier in the sentence, the one asked, the previous sentences' subject, the nearest person."""
        sentence = self.sentence_of.get(token.i, 0)
        first, _ = self.sentences[sentence]
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
        for mention in self._before(token.idx, ("PERSON",)):
            if self._gender_ok(mention[4], kind):
                return self._person(mention)
        return None

    def focus_before(self, char: int, back: int = 1) -> Speaker | None:
        """The person the words before offset ``char`` (its sentence, else the ``back`` ones before) are about."""
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        if span is None:
            return None
        sentence = self.sentence_of.get(span[0].i, 0)
        first = self.sentences[sentence][0]
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
        first, last = self.sentences[sentence]
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
            mention = self._mention_at(token)
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
        for mention in self._before(token.idx, ("PERSON",)):
            if mention[0] < self.doc[first].idx:
                break
            span = self.doc.char_span(mention[0], mention[1], alignment_mode="expand")
            if span is not None and not _in_subordinate(span.root, token):
                found.append(mention)
        if not found:
            for t in reversed(self.doc[first : token.i]):
                if t.pos_ == "PROPN" and not self.in_quote[t.i] and self._full_name(t.text) != t.text:
                    if not _in_subordinate(t, token):
                        return [(t.idx, t.idx + len(t.text), t.text, "PERSON", self._full_name(t.text))]
        return found

    def _asked_in(self, sentence: int) -> Speaker | None:
        first, last = self.sentences[sentence]
        for token in self.doc[first:last]:
            if token.lemma_.lower() == "ask":
                for child in token.children:
                    if child.dep_ in ("dobj", "dative"):
                        mention = self._mention_at(child)
                        if mention is not None and mention[3] == "PERSON":
                            return self._person(mention)
        return None

    def _gender_ok(self, name: str | None, kind: str) -> bool:
        return self.gender.get(name or "", kind) == kind

    def _group_before(self, token, nouns_first: bool = False) -> Speaker | None:
        """"they": an earlier group source, else a group noun in the previous sentences.

        "One said": the group speaking in the previous sentence, else a group
        noun there ("Furious fans took to social media. One wrote: …").
        """
        sources = [s for s in self.history if not s.person and s.start is not None and 0 < token.idx - s.start < _REACH]
        if nouns_first:
            sentence = self.sentence_of.get(token.i, 0)
            previous = self.doc[self.sentences[max(sentence - 1, 0)][0]].idx
            if sources and sources[-1].start >= previous:
                return sources[-1]
            return self._group_noun(token) or (sources[-1] if sources else None)
        return sources[-1] if sources else self._group_noun(token)

    def _group_noun(self, token) -> Speaker | None:
        sentence = self.sentence_of.get(token.i, 0)
        for earlier in range(sentence - 1, max(sentence - 3, -1), -1):
            first, last = self.sentences[earlier]
            nouns = [t for t in self.doc[first:last] if t.tag_ in ("NNS", "NNPS") and not self.in_quote[t.i]]
            groups = [t for t in nouns if t.lower_ in self.lexicon.groups]
            if groups or nouns:
                return self._described((groups or nouns)[-1])
        return None

    # -- names ------------------------------------------------------------------------------------
    def _named_in_phrase(self, token):
        """The entity naming a source: the one holding its head, a person in apposition, an outlet's name."""
        own = self._mention_at(token)
        if own is not None and own[3] == "PERSON" and token.pos_ == "PROPN":
            return own
        for t in phrase_tokens(token, ("poss", "relcl", "acl", "pobj")):
            found = self._mention_at(t) if t.i != token.i else None
            titled = any(w.lower_ in self.lexicon.person_roles for w in self.doc[min(t.i, token.i) + 1 : max(t.i, token.i)])
            if found is not None and found[3] == "PERSON" and t.pos_ == "PROPN" and not (t.i < token.i and titled):
                return found
        if self._role_head(token):
            return None
        if own is not None and token.pos_ == "PROPN" and token.text[:1].isupper():
            return own
        for child in token.children:
            found = self._mention_at(child) if child.dep_ in ("appos", "compound") else None
            if found is not None and found[3] in ("ORG", "PERSON") and (child.dep_ == "appos" or self._outlet_head(token)):
                return found
            if found is None and child.dep_ == "compound" and child.pos_ == "PROPN" and self._is_media(token, ""):
                chain, start = proper_chain(child)
                return (start, start + len(chain), chain, "ORG", chain)
        if token.lower_ in self.lexicon.person_roles:  # "Rossi’s wife Sofia", "the spokesman, Aaron Pruitt"
            for child in token.children:
                if child.dep_ in ("appos", "compound") and child.pos_ == "PROPN" and child.i > token.i:
                    chain, start = proper_chain(child)
                    return (start, start + len(chain), chain, "PERSON", chain)
        follower = self._positional_appos(token)
        return follower

    def _positional_appos(self, token):
        """"the project developer, WindKraft Nord, …" parsed badly: a name between commas right after."""
        doc = self.doc
        after = token.right_edge.i + 1
        if after + 1 < len(doc) and doc[after].text == ",":
            found = self._mention_at(doc[after + 1])
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

    def _sentence_initial(self, token) -> bool:
        first = self.sentences[self.sentence_of.get(token.i, 0)][0]
        return all(t.is_punct or t.like_num for t in self.doc[first : token.i])

    def _outlet_head(self, token) -> bool:
        """"Russia’s Interfax news agency", "the BDEW association": the name is in a compound."""
        return token.lower_ in self.lexicon.media or token.lower_ in self.lexicon.organisations or token.lemma_.lower() in self.lexicon.documents

    def _named(self, token, mention, text: str | None = None) -> Speaker:
        name, label = mention[4], mention[3]
        if label == "PERSON" and " " not in name:
            mention = self._with_first_names(token, mention)
        if label == "PERSON" or self._surname(name):
            return self._person(mention) if label == "PERSON" else replace(self._person(mention), name=self._surname(name))
        if not any(w[:1].isupper() for w in mention[2].split()):  # "foreign ministry" tagged as an organisation
            return self._described(token)
        chain, chain_start = proper_chain(token) if token.pos_ == "PROPN" else ("", 0)
        if chain and (len(chain) > len(name) and name in chain or "," in mention[2]):
            name = chain
            if self._surname(name):
                return replace(self._person(mention), name=self._surname(name), text=text or name)
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
        name = self._full_name(mention[4])
        return Speaker(name, mention[2], mention[0], "named", person=True, gender=self.gender.get(name, ""))

    def _full_name(self, name: str) -> str:
        """"Mr. Marcus", "Abu Hatab" -> the full name the article uses (the longest, if several fit)."""
        bare = strip_honorific(name)
        fits = {full for full in self.full_names if full != bare and (full.endswith(" " + bare) or full.split()[0] == bare)}
        if not fits and " " not in bare:  # names the recogniser missed: "Interior Minister Nadia Tavares"
            fits = {full for full in self.name_chains if full.endswith(" " + bare)}
        if len(fits) > 1:  # "Seth Goldstein", "Rabbi Seth Goldstein": one person if one name holds the others
            longest = max(fits, key=len)
            fits = {longest} if all(f in longest for f in fits) else fits
        return fits.pop() if len(fits) == 1 else bare

    def _surname(self, name: str) -> str | None:
        """A one-word non-person mention that is the surname of a person ("Phoenix said")."""
        if " " in name:
            return None
        fits = {full for full in self.full_names if full.split()[-1] == name}
        return fits.pop() if len(fits) == 1 else None

    def _proper_name(self, token) -> Speaker:
        """A name the entity recogniser missed: its capitalised chain, widened to a known full name."""
        chain, start = proper_chain(token, self.lexicon.person_roles)
        if strip_honorific(chain) != chain:
            start += len(chain) - len(strip_honorific(chain))
        full = self._full_name(chain)
        person = full != strip_honorific(chain) or full in self.full_names
        source_type = "media" if self._is_media(token, full) else "named"
        return Speaker(full, chain, start, source_type, token.lower_, person=person, gender=self.gender.get(full, ""))

    # -- descriptions -------------------------------------------------------------------------------
    def _role_head(self, token) -> bool:
        """"the Ohio Democrat", "the Conservative MP": a role, not a name."""
        return token.lower_ in self.lexicon.person_roles and self._definite(token)

    def _definite(self, token) -> bool:
        return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that") for c in token.children)

    def _headline(self, token) -> bool:
        return "\n" not in self.doc.text[: token.idx] and token.lower_ in self.lexicon.person_roles

    def _corefer(self, token) -> Speaker | None:
        head, words = token.lower_, modifiers(token)
        if token.lemma_.lower() in _STATEMENTS:  # "the statement said": whoever made it
            recent = [s for s in self.history if s.start is not None and 0 < token.idx - s.start < _REACH]
            return recent[-1] if recent else None
        earlier = [s for s in self.history if s.head == head and not s.person and words <= s.words | {s.head}
                   and s.start is not None and 0 < token.idx - s.start < _REACH * 2]
        if head in self.lexicon.person_roles or token.lemma_.lower() in self.lexicon.person_roles:
            if earlier:
                return earlier[-1]
            lemma = token.lemma_.lower()
            for mention in self._before(token.idx if not self._headline(token) else len(self.doc.text), ("PERSON",)):
                if lemma in self.roles.get(mention[4], ()) or head in self.roles.get(mention[4], ()):
                    return self._person(mention)
            if any(c.dep_ == "prep" and c.lower_ in ("of", "for", "at") for c in token.children):
                return None  # "the head of the IAEA": a role of that organisation, not someone named before
            sentence = self.sentence_of.get(token.i, 0)
            for before in range(sentence - 1, max(sentence - 6, -1), -1):
                focus = self.focus(before)
                if focus is not None and focus.person:
                    return focus
            nearest = next(self._before(token.idx, ("PERSON",)), None)
            return self._person(nearest) if nearest is not None and token.tag_ in ("NN", "NNP") else None
        if head in self.lexicon.organisations or head in self.lexicon.institutions:
            named = [m for m in self._before(token.idx, ("ORG", "GPE", "NORP"))
                     if (head in m[4].lower().split() or head in self.roles.get(m[4], ())) and words <= set(m[4].lower().split())]
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
        if words and all(w[:1].isupper() for w in words) and (len(words) > 1 or not self._sentence_initial(token) or token.is_upper):
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
    def _mention_at(self, token):
        pos = bisect.bisect_right(self.starts, token.idx) - 1
        if pos >= 0 and self.mentions[pos][0] <= token.idx < self.mentions[pos][1]:
            return self.mentions[pos]
        return None

    def _before(self, position: int, labels: tuple[str, ...]):
        """Mentions with these labels before ``position``, nearest first."""
        pos = bisect.bisect_left(self.starts, position) - 1
        while pos >= 0 and position - self.mentions[pos][0] < _REACH * 2:
            if self.mentions[pos][3] in labels:
                yield self.mentions[pos]
            pos -= 1

    def _token_of(self, mention):
        span = self.doc.char_span(mention[0], mention[1], alignment_mode="expand")
        return span.root

    def _in_subject(self, mention) -> bool:
        t = self._token_of(mention)
        while t.head.i != t.i and t.dep_ not in ("nsubj", "nsubjpass"):
            if t.dep_ in ("dobj", "pobj", "ccomp", "advcl", "relcl") and t.head.pos_ in ("VERB", "AUX"):
                return False
            t = t.head
        return t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ != "ccomp"

    def _mentions_in_sentences(self, token, labels, back: int) -> list:
        sentence = self.sentence_of.get(token.i, 0)
        first = self.doc[self.sentences[max(sentence - back, 0)][0]].idx
        return [m for m in self._before(token.idx, labels) if m[0] >= first]

    def _learn_roles(self, mention) -> None:
        """Role words around a person ("spokesman", "adviser") and gender hints."""
        span = self.doc.char_span(mention[0], mention[1], alignment_mode="expand")
        if span is None:
            return
        root, words = span.root, set()
        for token in root.subtree:
            if token.i < span.start and token.dep_ in ("compound", "amod") or token.dep_ == "appos":
                words.add(token.lower_)
                words.update(c.lower_ for c in token.children if c.dep_ in ("compound", "amod"))
        if root.dep_ == "appos":
            words.add(root.head.lower_)
        self.roles.setdefault(mention[4], set()).update(words)
        name = self._full_name(mention[4])
        hints = words | {self.doc[max(span.start - 1, 0)].lower_, span[0].lower_}
        if hints & _FEMALE:
            self.gender.setdefault(name, "f")
        elif hints & _MALE:
            self.gender.setdefault(name, "m")
        elif name.split()[0] in self.lexicon.first_names and " " in name:
            self.gender.setdefault(name, self.lexicon.first_names[name.split()[0]])


def _token_in_quote(doc, char: int, in_quote: list[bool]) -> bool:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return bool(span) and in_quote[span[0].i]


def _of_object(token):
    """"one of the people" -> "people"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _below_prep(t, head) -> bool:
    """``t`` hangs below ``head`` through "by", "from" or "of" ("a report by X")."""
    while t.i != head.i and t.head.i != t.i:
        if t.dep_ == "prep" and t.lower_ in ("by", "from", "of") and t.head.i == head.i:
            return True
        t = t.head
    return False


def _in_subordinate(t, pronoun) -> bool:
    """Is ``t`` inside a subordinate clause that does not hold ``pronoun``?"""
    pronoun_path = set()
    p = pronoun
    while p.head.i != p.i:
        pronoun_path.add(p.i)
        p = p.head
    while t.head.i != t.i:
        if t.dep_ in ("advcl", "relcl", "ccomp", "acl") and t.i not in pronoun_path:
            return True
        t = t.head
    return False


def _name_chains(doc, in_quote, roles) -> set[str]:
    """Two or three capitalised proper nouns in a row ("Nadia Tavares"), titles left out."""
    chains = set()
    for token in doc:
        if token.pos_ != "PROPN" or in_quote[token.i] or token.dep_ == "compound":
            continue
        words = [t for t in doc[token.left_edge.i : token.i + 1] if t.dep_ == "compound" or t.i == token.i]
        words = [t for t in words if t.pos_ == "PROPN" and t.text[:1].isupper() and t.text.isalpha() and t.lower_ not in roles]
        while words and strip_honorific(words[0].text + " x") == "x":
            words.pop(0)
        if 2 <= len(words) <= 3 and words[-1].i == token.i and all(b.i == a.i + 1 for a, b in zip(words, words[1:])):
            chains.add(" ".join(t.text for t in words))
    return chains


def _line_sentences(doc) -> list[tuple[int, int]]:
    """Sentence token ranges, cut at line breaks."""
    out = []
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if "\n" in token.text:
                if token.i > start:
                    out.append((start, token.i))
                start = token.i + 1
        if sent.end > start:
            out.append((start, sent.end))
    return out
