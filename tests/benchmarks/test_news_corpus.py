"""The synthetic corpus is deterministic and its ground truth matches its files."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import pytest

from benchmarks.corpus import MAX_WORDS, MIN_WORDS, generate_corpus, load_truth, write_corpus

N = 120


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, N, seed=7, html_share=0.2)
    return folder, load_truth(folder), {a["key"]: a for a in generate_corpus(N, seed=7)}


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_same_seed_gives_the_same_bytes(corpus, tmp_path):
    folder, _, _ = corpus
    write_corpus(tmp_path / "again", N, seed=7, html_share=0.2)
    assert _files(tmp_path / "again") == _files(folder)


def test_another_seed_gives_another_corpus():
    first, other = generate_corpus(30, seed=1), generate_corpus(30, seed=2)
    assert [a["text"] for a in first] != [a["text"] for a in other]


def test_files_hold_the_article_texts(corpus):
    folder, truth, articles = corpus
    assert len(truth["articles"]) == N
    for record in truth["articles"]:
        data = (folder / record["file"]).read_bytes()
        text = articles[record["key"]]["text"]
        if record["format"] == "txt":
            assert data.decode("utf-8-sig").replace("\r\n", "\n") == text + "\n"
        else:
            page = data.decode("utf-8")
            assert f'content="{record["outlet"]}"' in page
            for line in text.split("\n"):
                assert html.escape(line, quote=False) in page
    assert {r["format"] for r in truth["articles"]} == {"txt", "html"}


def test_every_quote_is_in_its_article_at_its_offsets(corpus):
    _, truth, articles = corpus
    total = 0
    for record in truth["articles"]:
        text = articles[record["key"]]["text"]
        for quote in record["quotes"]:
            assert text[quote["start"]:quote["end"]] == quote["text"]
            assert quote["anonymous"] == (quote["speaker"] is None)
            assert quote["speaker"] is None or quote["speaker"] in record["people"]
            assert quote["anonymous"] or quote["speaker"].split()[-1] in text[: quote["end"] + 600]
            total += 1
    assert total > 5 * N


def test_speakers_belong_to_their_event(corpus):
    _, truth, _ = corpus
    people = {e["id"]: {p["name"] for p in e["people"]} for e in truth["events"]}
    for record in truth["articles"]:
        named = {q["speaker"] for q in record["quotes"] if q["speaker"] and q["role"]}
        assert named <= people[record["event"]]


def test_articles_cover_events_within_days_from_several_outlets(corpus):
    _, truth, _ = corpus
    events = {e["id"]: e for e in truth["events"]}
    outlets_per_event: dict[str, set[str]] = {}
    for record in truth["articles"]:
        lag = (date.fromisoformat(record["date"]) - date.fromisoformat(events[record["event"]]["date"])).days
        assert 0 <= lag <= 4
        assert MIN_WORDS * 0.8 <= record["words"] <= MAX_WORDS * 1.1
        outlets_per_event.setdefault(record["event"], set()).add(record["outlet"])
    assert len({r["outlet"] for r in truth["articles"]}) >= 8
    assert sum(len(o) >= 2 for o in outlets_per_event.values()) >= len(outlets_per_event) * 0.7
    assert any(e["related"] for e in truth["events"])


def test_wire_sentences_are_shared_verbatim(corpus):
    _, truth, articles = corpus
    copied = [(r, s) for r in truth["articles"] for s in r["wire_sentences"]]
    assert copied
    for record, sentence in copied:
        assert sentence in articles[record["key"]]["text"]


def test_boilerplate_lines_are_lines_of_the_text(corpus):
    _, truth, articles = corpus
    kinds = set()
    for record in truth["articles"]:
        lines = articles[record["key"]]["text"].split("\n")
        for item in record["boilerplate"]:
            assert item["text"] in lines
            kinds.add(item["kind"])
    assert {"credit", "promo", "readmore", "link"} <= kinds
