"""The quote scorer: its matching rule, speaker comparison, gold files, and the target on the seeds."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks import score_quotes
from benchmarks.score_quotes import GoldArticle, head_noun, normalise, score_article, speaker_right

GOLD = Path(__file__).resolve().parents[2] / "data" / "quotes"


@dataclass
class Predicted:
    start: int
    end: int
    kind: str = "direct"
    speaker: str | None = "Jake Sullivan"
    source_type: str = "named"


def gold(start, end, speakers=("Jake Sullivan",), source_type="named", optional=False, kind="direct"):
    return {"start": start, "end": end, "kind": kind, "speaker": speakers[0] if speakers else None,
            "speakers": list(speakers), "source_type": source_type, "optional": optional}


def test_overlap_must_reach_half_of_the_longer_span():
    article = GoldArticle("t", "x" * 200, "x" * 200, [gold(0, 100)])
    assert score_article(article, [Predicted(0, 50)]).matched == 1  # 50 of 100
    assert score_article(article, [Predicted(0, 49)]).matched == 0
    assert score_article(article, [Predicted(60, 160)]).matched == 0  # 40 shared, longer is 100


def test_pairs_are_one_to_one_and_optional_quotes_count_for_nothing():
    article = GoldArticle("t", "x" * 300, "x" * 300, [gold(0, 100), gold(150, 200, optional=True)])
    counts = score_article(article, [Predicted(0, 100), Predicted(5, 100), Predicted(150, 200)])
    assert (counts.gold, counts.predicted, counts.matched) == (1, 2, 1)  # the optional hit is dropped from both


def test_speaker_comparison():
    assert normalise("The Kremlin’s") == "kremlin"
    assert head_noun("U.S. officials in Washington") == "official"
    assert speaker_right(Predicted(0, 1, speaker="jake sullivan"), gold(0, 1))
    assert not speaker_right(Predicted(0, 1, speaker="Sullivan"), gold(0, 1))
    assert speaker_right(Predicted(0, 1, speaker="official", source_type="anonymous"), gold(0, 1, ("U.S. official",), "anonymous"))
    assert not speaker_right(Predicted(0, 1, speaker="official", source_type="named"), gold(0, 1, ("U.S. official",), "anonymous"))
    assert speaker_right(Predicted(0, 1, speaker=None), gold(0, 1, ()))


def _records(name: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("name", ["gold_written.jsonl", "gold_heldout.jsonl"])
def test_written_gold_offsets_match_their_sha1(name):
    total = 0
    for record in _records(name):
        for q in record["quotes"]:
            assert hashlib.sha1(record["text"][q["start"] : q["end"]].encode()).hexdigest() == q["sha1"]
            total += not q["optional"]
    assert total >= 50


def test_gold_set_is_large_enough():
    total = sum(1 for n in GOLD.glob("gold_*.jsonl") for r in _records(n.name) for q in r["quotes"] if not q["optional"])
    assert total >= 300


def test_html_gold_holds_no_publisher_text():
    for record in _records("gold_html.jsonl"):
        assert "text" not in record
        assert all(set(q) >= {"start", "end", "sha1"} and "text" not in q for q in record["quotes"])


def test_target_is_met_on_the_seeds(full_nlp):
    articles, _ = score_quotes.load_gold()
    seeds = [a for a in articles if a.source == "seeds"]
    total = score_quotes.Counts()
    for counts in score_quotes.run(seeds, full_nlp).values():
        total.add(counts)
    assert total.gold >= 25
    assert total.prf()[2] >= 0.85
    assert total.speaker_accuracy() >= 0.88


def test_quotes_are_found_again_when_the_extracted_text_shifts():
    text = "Intro. “We will win,” she said."
    start = text.index("We")
    quote = {**gold(start, start + 11), "sha1": hashlib.sha1(text[start : start + 11].encode()).hexdigest()}
    moved, lost = score_quotes._reanchored("A new first line.\n" + text, [quote])
    assert lost == 0 and moved[0]["start"] == start + len("A new first line.\n")
    _, lost = score_quotes._reanchored("Different text altogether.", [quote])
    assert lost == 1
