"""One article: an outlet's take on an event, with its quotes recorded as it writes.

The :class:`Writer` builds the text line by line and knows every offset, so
the ground truth (quotes, speakers, boilerplate) is exact by construction.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from benchmarks.corpus_events import Event, Person, actor_slot, anonymous_source, fill, _ACTOR_SLOT
from benchmarks.vocab import filler
from benchmarks.vocab.outlets import Outlet


@dataclass
class Expert:
    """Someone only this article quotes (analysts differ between outlets)."""

    person: Person
    affiliation: str  # "an economist at University of Amsterdam"


@dataclass
class Writer:
    """Lines of one article (``kind``, ``text``) and the truth about them."""

    outlet: Outlet
    event: Event
    expert: Expert | None
    lines: list[list[str]] = field(default_factory=list)  # [kind, text]; "para" lines grow
    quotes: list[dict] = field(default_factory=list)
    mentioned: set[int] = field(default_factory=set)
    last_person: int | None = None
    words: int = 0
    wire: list[str] = field(default_factory=list)
    before_last: int = 0  # length of the text before the last line, with its newline

    # -- text ---------------------------------------------------------------
    def _append(self, kind: str, text: str) -> None:
        if self.lines:
            self.before_last += len(self.lines[-1][1]) + 1
        self.lines.append([kind, text])

    def line(self, kind: str, text: str) -> None:
        """A line of its own: title, byline, subhead or boilerplate."""
        self._append(kind, self.typo(text))
        if kind in ("subhead", "title"):
            self.words += len(text.split())

    def sentence(self, text: str, new_paragraph: bool = False) -> int:
        """Append a finished sentence; returns its offset in the article text."""
        text = self.typo(text)
        if new_paragraph or not self.lines or self.lines[-1][0] != "para":
            self._append("para", "")
        para = self.lines[-1]
        start = self.before_last + (len(para[1]) + 1 if para[1] else 0)
        para[1] = f"{para[1]} {text}" if para[1] else text
        self.words += len(text.split())
        return start

    def text(self) -> str:
        return "\n".join(text for _, text in self.lines)

    def typo(self, text: str) -> str:
        return text.replace("'", "’") if self.outlet.curly_quotes else text

    # -- people ---------------------------------------------------------------
    def ref(self, index: int) -> str:
        """Title and full name the first time, the surname afterwards."""
        person = self.person(index)
        self.last_person = index
        if index in self.mentioned:
            return person.last
        self.mentioned.add(index)
        if index == -1:
            return f"{person.full}, {self.expert.affiliation},"
        return f"{person.title} {person.full}"

    def person(self, index: int) -> Person:
        return self.expert.person if index == -1 else self.event.actors[index]

    def render(self, template: str) -> str:
        text = _ACTOR_SLOT.sub(lambda m: self._slot(m), template)
        text = fill(text, self.event.slots)
        return text[0].upper() + text[1:]

    def _slot(self, match) -> str:
        index = int(match.group(2))
        if match.group(1) == "A" and match.group(3) == "s" and index not in self.mentioned:
            return self.ref(index)  # never a bare surname before the full name
        text = actor_slot(match, self.event.actors, self.ref)
        if match.group(1) == "A":
            self.mentioned.add(int(match.group(2)))
            self.last_person = int(match.group(2))
        return text

    # -- quotes ---------------------------------------------------------------
    def marks(self) -> tuple[str, str]:
        return ("“", "”") if self.outlet.curly_quotes else ('"', '"')

    def record(self, start: int, words: str, speaker: int | None, source: str | None, kind: str, verb: str) -> None:
        person = None if speaker is None else self.person(speaker)
        self.quotes.append({
            "text": words, "start": start, "end": start + len(words), "kind": kind,
            "speaker": person.full if person else None, "role": person.title if person and speaker != -1 else None,
            "anonymous": person is None, "source": source, "verb": verb.split()[0],
        })

    def direct(self, rng: random.Random, speaker: int, words: str) -> None:
        """One direct quote in one of the usual layouts."""
        words = self.typo(fill(words, self.event.slots))
        verb = rng.choice(filler.VERBS)
        op, cl = self.marks()
        style = rng.random()
        pronoun_ok = self.last_person == speaker and speaker in self.mentioned
        if style < 0.15 and pronoun_ok:
            before, after = op, f",{cl} {self.person(speaker).pronoun} {verb}."
        elif style < 0.4:
            before, after = f"{self.ref(speaker)} {verb}: {op}", f".{cl}"
        elif style < 0.55 and verb in ("said", "added") and speaker != -1:
            before, after = op, f",{cl} {verb} {self.ref(speaker)}."
        else:
            before, after = op, f",{cl} {self.ref(speaker)} {verb}."
        start = self.sentence(before + words + after, new_paragraph=True)
        self.record(start + len(before), words, speaker, None, "direct", verb)
        self.last_person = speaker

    def open_quote(self, rng: random.Random, speaker: int, first: str, second: str) -> None:
        """A quote running over two paragraphs: the first one's mark is left open."""
        op, cl = self.marks()
        first, second = (self.typo(fill(w, self.event.slots)) for w in (first, second))
        start = self.sentence(f"{op}{first}.", new_paragraph=True)
        self.record(start + 1, first, speaker, None, "direct", "said")
        verb = rng.choice(("said", "added"))
        before, after = op, f",{cl} {self.ref(speaker)} {verb}."
        start = self.sentence(before + second + after, new_paragraph=True)
        self.record(start + len(before), second, speaker, None, "direct", verb)

    def indirect(self, rng: random.Random, speaker: int, claim: str) -> None:
        claim = self.typo(fill(claim, self.event.slots))
        verb = rng.choice(filler.CLAIM_VERBS)
        if rng.random() < 0.2 and speaker != -1:
            before, verb = f"According to {self.ref(speaker)}, ", "according to"
        else:
            before = f"{self.ref(speaker)} {verb} {'that ' if rng.random() < 0.6 else ''}"
        start = self.sentence(before[0].upper() + before[1:] + claim + ".", new_paragraph=rng.random() < 0.5)
        self.record(start + len(before), claim, speaker, None, "indirect", verb)

    def anonymous(self, rng: random.Random, words: str, direct: bool) -> None:
        """A quote from someone without a name (officials, state media, insiders)."""
        source, collective = anonymous_source(rng, self.event.slots)
        words = self.typo(fill(words, self.event.slots))
        op, cl = self.marks()
        if direct:
            words = words[0].upper() + words[1:]
        if direct and collective:
            before, after, kind = op, f",{cl} {source} said.", "direct"
        elif direct:
            before, after, kind = op, f",{cl} said {source}, who asked not to be named.", "direct"
        elif collective:
            before, after, kind = f"According to {source}, ", ".", "indirect"
        elif rng.random() < 0.5:
            before, after, kind = f"{source[0].upper()}{source[1:]}, speaking on condition of anonymity, said ", ".", "indirect"
        else:
            words = words[0].upper() + words[1:]
            before, after, kind = "", f", {source} said on condition of anonymity.", "indirect"
        start = self.sentence(before + words + after, new_paragraph=True)
        self.record(start + len(before), words, None, self.typo(source), kind, "said")
