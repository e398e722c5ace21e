"""Compose one outlet's article about an event, in that outlet's house style.

The news (facts, quotes, claims, leaks) comes first and context follows until
the article reaches its target length; boilerplate is put where outlets put it.
"""

from __future__ import annotations

import random

from benchmarks.corpus_article import Expert, Writer
from benchmarks.corpus_events import Event, fill
from benchmarks.vocab import filler
from benchmarks.vocab.outlets import Outlet


def headline(rng: random.Random, event: Event, outlet: Outlet) -> str:
    slots = dict(event.slots)
    slots.update({f"A{i}s": p.last for i, p in enumerate(event.actors)})
    text = fill(rng.choice(event.topic.headlines), slots)
    text = text[0].upper() + text[1:]
    if outlet.headline_style == "colon" and rng.random() < 0.5:
        text = f"{text}: {fill(rng.choice(event.topic.subheads), slots).lower()}"
    elif outlet.headline_style == "question" and rng.random() < 0.5:
        text = f"{text}. What happens next?"
    elif outlet.headline_style == "live" and rng.random() < 0.4:
        text = f"LIVE: {text}"
    return text


def _lede(rng: random.Random, w: Writer, use_wire: bool) -> None:
    event, outlet = w.event, w.outlet
    if use_wire:
        sentence = event.wire[0][1]
        w.wire.append(w.typo(sentence))
        w.mentioned |= {i for i, p in enumerate(event.actors) if p.full in sentence}
    else:
        sentence = w.render(rng.choice(event.topic.ledes))
    if outlet.dateline:
        sentence = f"{event.slots['capital'].upper()} ({outlet.name}) — {sentence}"
    w.sentence(sentence, new_paragraph=True)
    if use_wire:
        for _, wire_sentence in event.wire[1:rng.randint(1, len(event.wire) - 1) + 1]:
            w.sentence(wire_sentence, new_paragraph=len(w.wire) == 1)
            w.wire.append(w.typo(wire_sentence))


def _news(rng: random.Random, w: Writer, wire_used: set[str]) -> list[tuple]:
    """Facts and what people said, in a newsroom's order: facts first, quotes soon."""
    event = w.event
    items: list[tuple] = [("fact", t) for t in event.facts if t not in wire_used]
    items += [("direct", i, q) for i, q in event.quotes]
    items += [("claim", i, c) for i, c in event.claims]
    items += [("leak", c) for c in event.leaks]
    rng.shuffle(items)
    first_quote = next(i for i, item in enumerate(items) if item[0] == "direct")
    items.insert(1, items.pop(first_quote))
    if rng.random() < 0.15:
        quotes = [item for item in items if item[0] == "direct"]
        if len(quotes) >= 2:
            items.remove(quotes[1])
            items[items.index(quotes[0])] = ("open", quotes[0][1], quotes[0][2], quotes[1][2])
    return items


def _extras(rng: random.Random, w: Writer) -> list[tuple]:
    """Context that lengthens an article: background, an expert, general reaction."""
    items: list[tuple] = [("fact", t) for t in w.event.background]
    if w.expert is not None:
        items += [("expert", fill(q, w.event.slots)) for q in rng.sample(filler.EXPERT_QUOTES, 2)]
        items.append(("expert_claim", rng.choice(filler.EXPERT_CLAIMS)))
    items += [("fact", t) for t in filler.CONTEXT]
    items += [("fact", t.replace("{year}", str(rng.randint(1990, 2021)))) for t in rng.sample(filler.HISTORY, 4)]
    items += [("fixed", s) for s in w.event.recap]
    rng.shuffle(items)
    return items


def _emit(rng: random.Random, w: Writer, item: tuple) -> None:
    kind = item[0]
    if kind == "fact":
        w.sentence(w.render(item[1]), new_paragraph=rng.random() < 0.45)
    elif kind == "fixed":
        w.sentence(item[1], new_paragraph=rng.random() < 0.45)
    elif kind == "direct":
        w.direct(rng, item[1], item[2])
    elif kind == "open":
        w.open_quote(rng, item[1], item[2], item[3])
    elif kind == "claim":
        w.indirect(rng, item[1], item[2])
    elif kind == "leak":
        w.anonymous(rng, item[1], direct=rng.random() < 0.3)
    elif kind == "expert":
        w.direct(rng, -1, item[1])
    elif kind == "expert_claim":
        w.indirect(rng, -1, item[1])


def _boilerplate_plan(rng: random.Random, outlet: Outlet) -> dict[str, bool]:
    return {
        "credit": bool(outlet.photo_credit) and rng.random() < 0.6,
        "promo": bool(outlet.promo) and rng.random() < 0.7,
        "read_more": outlet.read_more and rng.random() < 0.7,
        "self_ref": bool(outlet.self_refs) and rng.random() < 0.8,
    }


def compose(
    rng: random.Random, event: Event, outlet: Outlet, *, target: int, authors: list[str],
    editor: str, expert: Expert | None, links: list[tuple[str, str]], photographer: str,
) -> Writer:
    """Write the article; the writer holds its lines, quotes and wire sentences."""
    w = Writer(outlet, event, expert)
    w.line("title", headline(rng, event, outlet))
    if outlet.byline_line:
        w.line("byline", "By " + " and ".join(authors))
    use_wire = rng.random() < outlet.wire_share
    _lede(rng, w, use_wire)
    plan = _boilerplate_plan(rng, outlet)
    if plan["credit"]:
        w.line("credit", outlet.photo_credit.format(photographer=photographer))
    news = _news(rng, w, {t for t, _ in event.wire[:len(w.wire)]} if use_wire else set())
    extras = _extras(rng, w)
    subheads = list(event.topic.subheads) if target >= 700 else []
    read_more_at = target * rng.uniform(0.5, 0.8)
    while (news or extras) and w.words < target:
        queue = news if news and (not extras or rng.random() < 0.7) else extras
        _emit(rng, w, queue.pop(0))
        if plan["self_ref"] and any(q["speaker"] for q in w.quotes):
            phrase = fill(rng.choice(outlet.self_refs), event.slots)
            if " is committed to " in phrase:  # a promotion line of its own
                w.line("promo", phrase)
            else:
                w.sentence(phrase, new_paragraph=rng.random() < 0.5)
            plan["self_ref"] = False
        if subheads and w.words > target * (1 - len(subheads) / (len(event.topic.subheads) + 1)):
            w.line("subhead", fill(subheads.pop(0), event.slots))
        if plan["read_more"] and w.words > read_more_at and links:
            w.line("readmore", f"Read more from {outlet.name}:")
            for other, title in links:
                w.line("link", f"{other}: {title}")
            plan["read_more"] = False
            if subheads and rng.random() < 0.6:
                w.line("subhead", fill(subheads.pop(0), event.slots))
    if plan["promo"]:
        w.line("promo", outlet.promo)
    if outlet.sign_off:
        w.line("signoff", outlet.sign_off.format(author=authors[0], editor=editor))
    return w
