"""A deterministic synthetic news corpus with its ground truth, for benchmarks and tests.

``generate_corpus(n, seed)`` returns ``n`` articles by ten invented outlets
about invented events in real places: several outlets cover each event within
a few days, some copy the same wire sentences, some events continue earlier
ones. Each article knows its event, its quotes (exact offsets, speaker or
anonymous source) and its boilerplate lines. ``write_corpus`` saves them as
plain-text files and simple saved web pages, one folder per outlet, with a
``truth.json`` beside them. The same seed always gives the same bytes.

Usage: ``python -m benchmarks.corpus FOLDER --n 2000 [--seed 0]``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

from benchmarks.corpus_article import Expert
from benchmarks.corpus_compose import compose
from benchmarks.corpus_events import Cast, Event, EventMaker
from benchmarks.corpus_html import article_url, page
from benchmarks.vocab.names import BYLINE_NAMES, EXPERT_TITLES, PHOTOGRAPHERS
from benchmarks.vocab.outlets import OUTLETS, Outlet

GENERATOR_VERSION = 2
EXPERTS = 150
MIN_WORDS, MAX_WORDS = 150, 1500
BOILERPLATE_KINDS = ("credit", "promo", "readmore", "link", "signoff")
TRUTH_FILE = "truth.json"


def _staff(outlet_index: int, outlet: Outlet) -> list[str]:
    start = outlet_index * 4
    return [BYLINE_NAMES[(start + i) % len(BYLINE_NAMES)] for i in range(outlet.bylines)]


def _target_words(rng: random.Random, outlet: Outlet) -> int:
    low, high = outlet.words
    return max(MIN_WORDS, min(MAX_WORDS, int(rng.triangular(low, high, low + (high - low) / 3))))


def _experts(rng: random.Random, cast: Cast) -> list[Expert]:
    """The analysts outlets turn to; the same ones are quoted again and again."""
    return [Expert(cast.person("", set()), " ".join(rng.choice(EXPERT_TITLES))) for _ in range(EXPERTS)]


def _expert(rng: random.Random, experts: list[Expert], event: Event) -> Expert:
    names = {p.first for p in event.actors} | {p.last for p in event.actors}
    while True:
        expert = rng.choice(experts)
        if expert.person.first not in names and expert.person.last not in names:
            return expert


def _coverage(rng: random.Random, remaining: int) -> list[int]:
    """Which outlets cover an event (indexes); sometimes one writes a follow-up."""
    k = min(remaining, rng.choice((2, 3, 3, 4, 4, 5, 5, 6, 7, 8)))
    chosen = rng.sample(range(len(OUTLETS)), k)
    if k < remaining and rng.random() < 0.1:
        chosen.append(rng.choice(chosen))
    return chosen


def _article(rng: random.Random, experts: list[Expert], event: Event, outlet_index: int, follow_up: bool, links: list) -> dict:
    outlet = OUTLETS[outlet_index]
    staff = _staff(outlet_index, outlet)
    authors = rng.sample(staff, 2 if rng.random() < 0.2 else 1)
    day = event.day + timedelta(days=rng.choice((2, 3, 4)) if follow_up else rng.choice((0, 0, 0, 1, 1, 2, 3)))
    target = _target_words(rng, outlet)
    expert = _expert(rng, experts, event) if target >= 450 else None
    shown = [(OUTLETS[i].name, t) for i, t in rng.sample(links, min(len(links), rng.randint(3, 5)))] if links else []
    w = compose(
        rng, event, outlet, target=target, authors=authors, editor=rng.choice([s for s in staff if s not in authors] or staff),
        expert=expert, links=shown, photographer=rng.choice(PHOTOGRAPHERS),
    )
    text = w.text()
    people = [p.full for p in event.actors if p.full in text] + ([expert.person.full] if expert and expert.person.full in text else [])
    return {
        "event": event.id, "thread": event.thread, "topic": event.topic.key, "outlet": outlet.name,
        "title": w.lines[0][1], "date": day.isoformat(), "time": f"{rng.randint(5, 21):02d}:{rng.choice((0, 15, 30, 45)):02d}:00",
        "authors": authors, "text": text, "words": len(text.split()),
        "quotes": w.quotes, "wire_sentences": w.wire, "people": people,
        "boilerplate": [{"kind": k, "text": t} for k, t in w.lines if k in BOILERPLATE_KINDS],
        "lines": w.lines,
    }


def generate_corpus(n: int, seed: int = 0) -> list[dict]:
    """``n`` articles (dicts with text and truth), the same for the same seed."""
    return _generate(n, seed)[0]


def _generate(n: int, seed: int) -> tuple[list[dict], list[Event]]:
    rng = random.Random(seed)
    maker = EventMaker(rng, max(21, min(730, n // 10)))
    experts = _experts(rng, maker.cast)
    articles: list[dict] = []
    links: list[tuple[int, str]] = []  # (outlet index, headline) of earlier articles
    while len(articles) < n:
        event = maker.next_event()
        chosen = _coverage(rng, n - len(articles))
        for position, outlet_index in enumerate(chosen):
            follow_up = outlet_index in chosen[:position]
            article = _article(rng, experts, event, outlet_index, follow_up, links[-300:])
            article["key"] = f"A{len(articles) + 1:06d}"
            articles.append(article)
            links.append((outlet_index, article["title"]))
    events = {e.id: e for e in maker.events}
    for article in articles:
        article["related_events"] = list(events[article["event"]].related)
    return articles, maker.events


def _event_truth(event: Event) -> dict:
    return {
        "id": event.id, "topic": event.topic.key, "thread": event.thread, "date": event.day.isoformat(),
        "country": event.slots["country"], "place": event.slots["city"], "capital": event.slots["capital"],
        "people": [{"name": p.full, "surname": p.last, "role": p.title} for p in event.actors],
        "organisations": [event.slots["org0"], event.slots["org1"]],
        "related": list(event.related),
        "wire_sentences": [s for _, s in event.wire],
    }


def outlet_folder(outlet_name: str) -> str:
    """Folder per outlet, as analysts keep them (the importer may guess the outlet from it)."""
    return outlet_name.replace(" ", "_")


def _file_bytes(article: dict, outlet: Outlet, fmt: str, variant: float) -> bytes:
    if fmt == "html":
        return page(article, outlet, article["lines"]).encode("utf-8")
    text = article["text"] + "\n"
    if variant < 0.05:  # saved on Windows
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if 0.05 <= variant < 0.08 else data


def write_corpus(folder: str | Path, n: int, seed: int = 0, html_share: float = 0.1) -> dict:
    """Write ``n`` articles under ``folder/<Outlet>/`` and ``folder/truth.json``; returns the truth.

    A share of the articles (``html_share``) are saved web pages (``.html``),
    the rest plain text (``.txt``; a few with Windows line ends or a BOM).
    Quote offsets in the truth index the article text as in the ``.txt`` form
    (title line, then the body).
    """
    folder = Path(folder)
    articles, events = _generate(n, seed)
    by_name = {o.name: o for o in OUTLETS}
    formats = random.Random(f"formats-{seed}")
    records = []
    for article in articles:
        fmt = "html" if formats.random() < html_share else "txt"
        variant = formats.random()
        outlet = by_name[article["outlet"]]
        relative = f"{outlet_folder(outlet.name)}/{article['date']}_{article['key']}.{fmt}"
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(_file_bytes(article, outlet, fmt, variant))
        record = {k: v for k, v in article.items() if k not in ("text", "lines")}
        record.update(file=relative, format=fmt, url=article_url(outlet, article) if fmt == "html" else "")
        records.append(record)
    used = {a["event"] for a in articles}
    truth = {
        "generator_version": GENERATOR_VERSION, "seed": seed, "n": n, "html_share": html_share,
        "outlets": [{"name": o.name, "folder": outlet_folder(o.name), "domain": o.domain} for o in OUTLETS],
        "events": [_event_truth(e) for e in events if e.id in used],
        "articles": records,
    }
    (folder / TRUTH_FILE).write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return truth


def load_truth(folder: str | Path) -> dict:
    """The truth written by :func:`write_corpus`; ``articles`` keyed also by file path."""
    truth = json.loads((Path(folder) / TRUTH_FILE).read_text(encoding="utf-8"))
    truth["by_file"] = {a["file"]: a for a in truth["articles"]}
    return truth


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus", description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--html-share", type=float, default=0.1)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    truth = write_corpus(args.folder, args.n, args.seed, args.html_share)
    words = sum(a["words"] for a in truth["articles"])
    print(f"{args.n} articles, {len(truth['events'])} events, {words:,} words in {time.perf_counter() - started:.1f} s -> {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
