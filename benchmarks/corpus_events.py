"""Events of the synthetic corpus: who, where, when, and what can be said about them.

Every event is fixed before any article is written, so all outlets covering
it report the same facts, numbers and quotes (as real coverage does). Some
events continue an earlier one (a *thread*): same country and people,
weeks later, on the same or a related topic.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from benchmarks.vocab import filler
from benchmarks.vocab.names import FIRST_NAMES_F, FIRST_NAMES_M, SURNAMES
from benchmarks.vocab.places import (
    COMPANY_KINDS, COMPANY_STEMS, COUNTRIES, INTERNATIONAL_ORGS, PARTIES, REGIONS, WEEKDAYS, MONTHS,
)
from benchmarks.vocab.topic import Topic
from benchmarks.vocab.topics_economy import ECONOMY_TOPICS
from benchmarks.vocab.topics_public import PUBLIC_TOPICS

TOPICS: dict[str, Topic] = {t.key: t for t in PUBLIC_TOPICS + ECONOMY_TOPICS}
#: A thread may move to a related topic: floods bring disease, protests move rates.
RELATED_TOPICS = {
    "floods": ("outbreak",), "wildfire": ("floods",), "protests": ("rates", "election"),
    "election": ("court", "protests"), "summit": ("trade",), "trade": ("summit", "strike"),
    "strike": ("rates",), "rates": ("protests",), "court": ("election",), "tech": ("court",),
    "outbreak": ("floods",), "doping": ("court",),
}
FIRST_DAY = date(2024, 1, 1)
_SLOT = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    gender: str  # "f" or "m"
    title: str  # role title written before the name

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def pronoun(self) -> str:
        return "she" if self.gender == "f" else "he"

    @property
    def possessive(self) -> str:
        return "her" if self.gender == "f" else "his"


@dataclass
class Event:
    id: str
    topic: Topic
    thread: str
    day: date
    slots: dict[str, str]
    actors: list[Person]
    facts: list[str]  # templates still holding actor slots
    background: list[str]
    quotes: list[tuple[int, str]]  # (actor index, words)
    claims: list[tuple[int, str]]
    leaks: list[str]
    wire: list[tuple[str, str]] = field(default_factory=list)  # (template, finished sentence) copied verbatim
    related: list[str] = field(default_factory=list)
    recap: list[str] = field(default_factory=list)  # finished sentences about the earlier event


class Cast:
    """Hands out people with unique full names; surnames never repeat within an event."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def person(self, title: str, avoid: set[str]) -> Person:
        """A new name; once most names are taken, an old one (never one in ``avoid``)."""
        for attempt in range(200):
            gender = self.rng.choice("fm")
            first = self.rng.choice(FIRST_NAMES_F if gender == "f" else FIRST_NAMES_M)
            last = self.rng.choice(SURNAMES)
            fresh = f"{first} {last}" not in self.used or attempt >= 100
            if fresh and first not in avoid and last not in avoid:
                self.used.add(f"{first} {last}")
                return Person(first, last, gender, title)
        raise RuntimeError("no name avoids all of: " + ", ".join(sorted(avoid)))


def fill(template: str, slots: dict[str, str]) -> str:
    """Fill the event slots of a template; actor slots stay for the article."""
    return _SLOT.sub(lambda m: slots.get(m.group(1), m.group(0)), template)


def _money(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"${rng.randint(2, 95) / 10:.1f} billion"
    return f"${rng.randint(15, 900)} million"


def event_slots(rng: random.Random, topic: Topic, day: date, home: tuple, other: tuple) -> dict[str, str]:
    country, adj, capital, city = home
    slots = {
        "country": country, "adj": adj, "capital": capital, "city": city,
        "other": other[0], "other_adj": other[1], "other_capital": other[2],
        "company": f"{rng.choice(COMPANY_STEMS)} {rng.choice(COMPANY_KINDS)}",
        "party": rng.choice(PARTIES), "intl": rng.choice(INTERNATIONAL_ORGS),
        "n1": str(rng.randint(3, 19)), "n2": f"{rng.randint(2, 95) * 1000 + rng.randint(1, 9) * 100:,}",
        "pct": f"{rng.randint(2, 48)}.{rng.randint(1, 9)} percent", "amount": _money(rng),
        "weekday": WEEKDAYS[day.weekday()], "month_day": f"{MONTHS[day.month - 1]} {day.day}",
        "region": rng.choice(REGIONS), "noun": topic.noun,
    }
    slots["org0"] = fill(topic.orgs[0], slots)
    slots["org1"] = fill(topic.orgs[1], slots)
    return slots


class EventMaker:
    """Makes events in date order; threads continue earlier events."""

    def __init__(self, rng: random.Random, span_days: int):
        self.rng = rng
        self.span_days = span_days
        self.cast = Cast(rng)
        self.events: list[Event] = []

    def next_event(self) -> Event:
        rng = self.rng
        number = len(self.events) + 1
        day = FIRST_DAY + timedelta(days=rng.randrange(self.span_days))
        parent = self._thread_parent(day)
        if parent is not None:
            topic = TOPICS[rng.choice((parent.topic.key,) + RELATED_TOPICS[parent.topic.key])]
            home = next(c for c in COUNTRIES if c[0] == parent.slots["country"])
            other = next(c for c in COUNTRIES if c[0] == parent.slots["other"])
            thread = parent.thread
        else:
            topic = TOPICS[rng.choice(sorted(TOPICS))]
            home, other = rng.sample(COUNTRIES, 2)
            thread = f"T{number:05d}"
        slots = event_slots(rng, topic, day, home, other)
        actors = self._actors(topic, slots, parent)
        event = Event(
            f"E{number:05d}", topic, thread, day, slots, actors,
            facts=rng.sample(topic.facts, 6), background=list(topic.background),
            quotes=[(i % len(actors), q) for i, q in enumerate(rng.sample(topic.quotes, len(topic.quotes)))],
            claims=[(rng.randrange(len(actors)), c) for c in rng.sample(topic.claims, len(topic.claims))],
            leaks=rng.sample(topic.leaks, len(topic.leaks)),
        )
        rng.shuffle(event.quotes)
        wire = [rng.choice(topic.ledes)] + rng.sample(event.facts, 2)
        event.wire = [(t, render_fixed(t, event)) for t in wire]
        if parent is not None:
            event.recap = _recap(event, parent)
            event.related.append(parent.id)
            parent.related.append(event.id)
        self.events.append(event)
        return event

    def _thread_parent(self, day: date) -> Event | None:
        """An earlier event this one continues (about a third of events)."""
        if not self.events or self.rng.random() > 0.3:
            return None
        candidates = [e for e in self.events[-200:] if 7 <= (day - e.day).days <= 90]
        return self.rng.choice(candidates) if candidates else None

    def _actors(self, topic: Topic, slots: dict[str, str], parent: Event | None) -> list[Person]:
        """New people for the roles; a thread keeps its people (on a related topic, its lead)."""
        inherited: dict[int, Person] = {}
        if parent is not None and parent.topic is topic:
            inherited = {i: p for i, p in enumerate(parent.actors) if self.rng.random() < 0.8}
        elif parent is not None and self.rng.random() < 0.7:
            inherited = {len(topic.roles) - 1: parent.actors[0]}  # keeps the title it had
        actors: list[Person] = []
        avoid: set[str] = set()
        for index, role in enumerate(topic.roles):
            person = inherited.get(index)
            if person is None or person.first in avoid or person.last in avoid:
                title = f"{slots['other_adj']} {role.title}" if role.side == "other" else role.title
                person = self.cast.person(title, avoid | {p.first for p in inherited.values()} | {p.last for p in inherited.values()})
            avoid |= {person.first, person.last}
            actors.append(person)
        return actors


_ACTOR_SLOT = re.compile(r"\{([APH])(\d)([sfc]?)\}")


def actor_slot(match: re.Match, actors: list[Person], reference) -> str:
    """Text for ``{A0}``, ``{A0s}``, ``{A0f}``, ``{P0}``, ``{P0c}``, ``{H0}``."""
    kind, index, form = match.group(1), int(match.group(2)), match.group(3)
    person = actors[index]
    if kind == "P":
        return person.pronoun.capitalize() if form == "c" else person.pronoun
    if kind == "H":
        return person.possessive
    if form == "s":
        return person.last
    if form == "f":
        return person.full
    return reference(index)


def render_fixed(template: str, event: Event) -> str:
    """A sentence as a news agency writes it: every person with title and full name."""
    text = _ACTOR_SLOT.sub(lambda m: actor_slot(m, event.actors, lambda i: f"{event.actors[i].title} {event.actors[i].full}"), template)
    text = fill(text, event.slots)
    return text[0].upper() + text[1:]


def _recap(event: Event, parent: Event) -> list[str]:
    """Sentences recalling the event this one continues."""
    month = MONTHS[parent.day.month - 1]
    sentences = [f"The latest developments follow {parent.topic.noun} in {parent.slots['city']} in {month}."]
    for person in parent.actors:
        if person in event.actors or any(p.full == person.full for p in event.actors):
            title = f"{person.title[0].upper()}{person.title[1:]}"
            sentences.append(f"{title} {person.full} was also at the centre of {parent.topic.noun} in {month}.")
    sentences.append(f"Coverage of {parent.topic.noun} in {month} focused on {parent.slots['capital']} and {parent.slots['city']}.")
    return sentences


def anonymous_source(rng: random.Random, slots: dict[str, str]) -> tuple[str, bool]:
    """A source without a name: ``(words, collective)``."""
    if rng.random() < 0.3:
        return fill(rng.choice(filler.COLLECTIVE_SOURCES), slots), True
    return fill(rng.choice(filler.ANONYMOUS_SOURCES), slots), False
