"""What an article says about its people and organisations, indexed for finding speakers.

Entity mentions outside quotes in text order, sentences cut at line breaks,
the full names used ("Dmitry Peskov" for a later "Peskov"), role words
around each person ("spokesman", "adviser") and pronoun hints (from titles,
role words and first names).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from core.nlp.doc_text import line_break_tokens, sentence_ranges
from core.nlp.quote_lexicon import QuoteLexicon
from core.nlp.quote_phrases import strip_honorific

_FEMALE = {"ms", "ms.", "mrs", "mrs.", "miss", "spokeswoman", "chairwoman", "congresswoman", "businesswoman",
           "wife", "mother", "daughter", "sister", "actress", "grandmother", "queen"}
_MALE = {"mr", "mr.", "spokesman", "chairman", "congressman", "businessman",
         "husband", "father", "son", "brother", "actor", "grandfather", "king", "sir"}
#: How far back (characters) a pronoun, role or description may point.
REACH = 3000


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


class ArticleIndex:
    """Mentions, sentences, full names, roles and pronoun hints of one parsed article."""

    def __init__(self, doc, mentions: list[tuple], lexicon: QuoteLexicon, in_quote: list[bool]):
        self.doc, self.lexicon = doc, lexicon
        self.mentions = sorted(m for m in mentions if not _token_in_quote(doc, m[0], in_quote))
        self.starts = [m[0] for m in self.mentions]
        self.roles: dict[str, set[str]] = {}
        self.gender: dict[str, str] = {}
        self.full_names = sorted({strip_honorific(m[4]) for m in self.mentions if m[3] == "PERSON" and " " in strip_honorific(m[4])})
        self.name_chains = _name_chains(doc, in_quote, lexicon.person_roles)
        for mention in self.mentions:
            if mention[3] == "PERSON":
                self._learn_roles(mention)
        self.sentences = _line_sentences(doc)
        self.sentence_of = {t.i: n for n, (a, b) in enumerate(self.sentences) for t in doc[a:b]}

    def mention_at(self, token):
        pos = bisect.bisect_right(self.starts, token.idx) - 1
        if pos >= 0 and self.mentions[pos][0] <= token.idx < self.mentions[pos][1]:
            return self.mentions[pos]
        return None

    def before(self, position: int, labels: tuple[str, ...]):
        """Mentions with these labels before ``position``, nearest first."""
        pos = bisect.bisect_left(self.starts, position) - 1
        while pos >= 0 and position - self.mentions[pos][0] < REACH * 2:
            if self.mentions[pos][3] in labels:
                yield self.mentions[pos]
            pos -= 1

    def token_of(self, mention):
        span = self.doc.char_span(mention[0], mention[1], alignment_mode="expand")
        return span.root

    def in_subject(self, mention) -> bool:
        t = self.token_of(mention)
        while t.head.i != t.i and t.dep_ not in ("nsubj", "nsubjpass"):
            if t.dep_ in ("dobj", "pobj", "ccomp", "advcl", "relcl") and t.head.pos_ in ("VERB", "AUX"):
                return False
            t = t.head
        return t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ != "ccomp"

    def mentions_in_sentences(self, token, labels, back: int) -> list:
        sentence = self.sentence_of.get(token.i, 0)
        first = self.doc[self.sentences[max(sentence - back, 0)][0]].idx
        return [m for m in self.before(token.idx, labels) if m[0] >= first]

    def full_name(self, name: str) -> str:
        """"Mr. Marcus", "Abu Hatab" -> the full name the article uses (the longest, if several fit)."""
        bare = strip_honorific(name)
        folded = bare.casefold()  # "Al-Rashidi" for "Majed al-Rashidi"
        fits = {full for full in self.full_names
                if full != bare and (full.casefold().endswith(" " + folded) or full.split()[0].casefold() == folded)}
        if not fits and " " not in bare:  # names the recogniser missed: "Interior Minister Nadia Tavares"
            fits = {full for full in self.name_chains if full.endswith(" " + bare)}
        if len(fits) > 1:  # "Seth Goldstein", "Rabbi Seth Goldstein": one person if one name holds the others
            longest = max(fits, key=len)
            fits = {longest} if all(f in longest for f in fits) else fits
        return fits.pop() if len(fits) == 1 else bare

    def surname(self, name: str) -> str | None:
        """A one-word non-person mention that is the surname of a person ("Phoenix said")."""
        if " " in name:
            return None
        fits = {full for full in self.full_names if full.split()[-1].casefold() == name.casefold()}
        return fits.pop() if len(fits) == 1 else None

    def sentence_initial(self, token) -> bool:
        first = self.sentences[self.sentence_of.get(token.i, 0)][0]
        return all(t.is_punct or t.like_num for t in self.doc[first : token.i])

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
        name = self.full_name(mention[4])
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


def in_subordinate(t, pronoun) -> bool:
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
    breaks = line_break_tokens(doc)
    for first, end, _, _ in sentence_ranges(doc):
        start = first
        for i in breaks[bisect.bisect_left(breaks, first) : bisect.bisect_left(breaks, end)]:
            if i > start:
                out.append((start, i))
            start = i + 1
        if end > start:
            out.append((start, end))
    return out
