"""A synthetic project of a million analysed articles, its tables written in bulk (issue 18).

    python -m benchmarks.million PROJECT [--n 1000000] [--seed 0]

Analysing a million articles would take days on this machine, so the rows
the analysis and the story grouping would store are made up and written
straight into a real project file (schema, indexes, the stored counts and
the window's kept tables, as ``newsprism-cli analyse`` leaves them): short texts from a fixed vocabulary, ten outlets over
two years, four entity mentions, three sentences and a quote per article,
stories of about ten articles. What it measures is the window and the
queries at that size, not the analysis. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from benchmarks.measure import emit
from benchmarks.vocab.outlets import OUTLETS

WORDS = ("the council said on monday that the plan would go ahead despite protests from residents and "
         "business groups who warned of higher costs while officials promised new jobs and better roads").split()
LABELS = ("PERSON", "ORG", "GPE")
ENTITIES_PER_LABEL = 3000
BATCH = 50_000
STORY_SIZE = 10


def _names(rng: random.Random) -> list[tuple[str, str]]:
    syllables = ["ka", "lo", "mi", "ren", "sa", "to", "vi", "dor", "el", "an", "mar", "ber", "qu", "is", "ol"]
    name = lambda k: "".join(rng.choice(syllables) for _ in range(k)).capitalize()  # noqa: E731
    out = []
    for label in LABELS:
        for _ in range(ENTITIES_PER_LABEL):
            out.append((f"{name(2)} {name(3)}" if label == "PERSON" else name(3), label))
    return list(dict.fromkeys(out))


def _article(i: int, rng: random.Random, entities, start: date):
    outlet = OUTLETS[i % len(OUTLETS)].name
    day = start + timedelta(days=(i * 731) // 1_000_000 % 731)
    picked = [entities[rng.randrange(len(entities))] for _ in range(4)]
    title = f"{picked[0][0]} and {picked[1][0]} in talks over {rng.choice(WORDS)} plan"
    body = " ".join(rng.choice(WORDS) for _ in range(70))
    text = f"{title}\n{picked[0][0]} {body}. {picked[1][0]} met {picked[2][0]} in {picked[3][0]}."
    return outlet, day.isoformat(), title, text, picked


def write(path: Path, n: int, seed: int = 0) -> dict:
    from core.model.article import content_hash, count_words
    from core.nlp.extract import analysis_key
    from core.nlp.pipeline import DEFAULT_MODEL
    from core.project import Project
    from core.cli import keep_window_tables
    from core.store import counted_rows

    started = time.perf_counter()
    rng = random.Random(seed)
    entities = _names(rng)
    model = analysis_key(DEFAULT_MODEL)
    path.unlink(missing_ok=True)
    with Project(path) as project:
        store = project.store
        with store.transaction() as db:  # the mention triggers bump a counter per row: off while bulk writing
            db.execute("DROP TRIGGER mention_added")
            db.execute("DROP TRIGGER mention_removed")
        entity_id = {e: k for k, e in enumerate(entities)}
        with store.transaction() as db:
            db.executemany("INSERT INTO counted_entities(id, entity, label) VALUES (?, ?, ?)",
                           [(k, name, label) for (name, label), k in entity_id.items()])
        stamp_now = "2026-01-01T00:00:00+00:00"
        origins = json.dumps({"title": "file", "outlet": "file", "date": "file"})
        for first in range(0, n, BATCH):
            rows = {t: [] for t in ("articles", "analyses", "mentions", "sentences", "quotes", "counted", "members")}
            for i in range(first, min(first + BATCH, n)):
                outlet, day, title, text, picked = _article(i, rng, entities, date(2024, 1, 1))
                aid = f"m{i:09d}"
                text_hash = content_hash(text)  # no boilerplate: the analysed text is the text
                rows["articles"].append((aid, text, title, outlet, "[]", day, "", "", "en", "", origins, "[]",
                                         count_words(text), stamp_now, text_hash))
                rows["analyses"].append((aid, text_hash, model, stamp_now))
                offset, counted = len(title) + 1, {}
                for name, label in picked:
                    at = text.find(name, offset)
                    rows["mentions"].append((aid, at, at + len(name), name, label, name))
                    counted[entity_id[(name, label)]] = counted.get(entity_id[(name, label)], 0) + 1
                rows["counted"] += [(aid, k, c) for k, c in counted.items()]
                end = text.index(". ", offset) + 1
                rows["sentences"] += [(aid, 0, 0, len(title)), (aid, 1, offset, end), (aid, 2, end + 1, len(text))]
                rows["quotes"].append((aid, offset, end, text[offset:end], "indirect", picked[0][0], picked[0][0],
                                       offset, "say", "named"))
                rows["members"].append((aid, i // STORY_SIZE + 1, 0))
            _insert(store, rows, first)
        with store.transaction() as db:
            db.execute("CREATE TRIGGER mention_added AFTER INSERT ON mentions BEGIN UPDATE meta SET value = value + 1 "
                       "WHERE key = 'mention_generation'; END")
            db.execute("CREATE TRIGGER mention_removed AFTER DELETE ON mentions BEGIN UPDATE meta SET value = value + 1 "
                       "WHERE key = 'mention_generation'; END")
            db.execute("UPDATE meta SET value = ? WHERE key = 'mention_generation'", (str(4 * n),))
        outlets = project.articles_frame()[["id", "outlet"]]  # the stamp core/project/tables.py checks
        store.set_meta(counted_rows.STAMP_KEY, counted_rows.stamp(store, project.names.fingerprint(outlets)))
        project.keep_outlet_colours()
        project.entity_table(None)  # the entity × outlet table, as Project.regroup leaves it
        keep_window_tables(project)  # as newsprism-cli analyse leaves a big project
    return {"articles": n, "seconds": time.perf_counter() - started, "mb": path.stat().st_size / 2**20}


def _insert(store, rows: dict, first: int) -> None:
    with store.transaction() as db:
        db.executemany("INSERT INTO articles(id, text, title, outlet, authors, date, url, section, language, "
                       "source_path, origins, boilerplate, word_count, imported_at, text_hash) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows["articles"])
        db.executemany("INSERT INTO analyses(article_id, text_hash, model, analysed_at) VALUES (?, ?, ?, ?)",
                       rows["analyses"])
        db.executemany("INSERT INTO mentions(article_id, start, end, text, label, name) VALUES (?, ?, ?, ?, ?, ?)",
                       rows["mentions"])
        db.executemany("INSERT INTO sentences(article_id, idx, start, end) VALUES (?, ?, ?, ?)", rows["sentences"])
        db.executemany("INSERT INTO quotes(article_id, start, end, text, kind, speaker, speaker_text, speaker_start, "
                       "verb, source_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows["quotes"])
        db.executemany("INSERT INTO counted_mentions(article_id, entity_id, n) VALUES (?, ?, ?)", rows["counted"])
        stories = sorted({s for _, s, _ in rows["members"]})
        db.executemany("INSERT OR IGNORE INTO stories(id, name, user_named) VALUES (?, ?, 0)",
                       [(s, f"Story {s}") for s in stories])
        db.executemany("INSERT INTO story_members(article_id, story_id, pinned) VALUES (?, ?, ?)", rows["members"])
    print(f"{first + len(rows['articles']):,} articles written", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.million", description=__doc__.split("\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    emit(write(args.project, args.n, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
