"""The sample articles: the quotes and speakers the issue's "Must show" names."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.importers import read_file
from core.nlp.quotes import KINDS, SOURCE_TYPES

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


@pytest.fixture(scope="module", params=[True, False], ids=["line-breaks", "parser-joins-lines"])
def seed_quotes(request, quotes_in):
    """Quotes of both seeds, found with and without the line-break component."""
    found = {}
    for path in sorted(SEEDS.glob("*.txt")):
        (article,) = read_file(path)
        found[path.name] = (article, quotes_in(article.analysed_text, line_breaks=request.param))
    return found


def all_quotes(seed_quotes):
    return [q for _, quotes in seed_quotes.values() for q in quotes]


def test_the_named_speakers_are_found(seed_quotes):
    speakers = {q.speaker for q in all_quotes(seed_quotes)}
    for name in ("Jake Sullivan", "Adrienne Watson", "Dmitry Peskov", "John Kirby", "Antony Blinken", "Kim Jong Un"):
        assert name in speakers


@pytest.mark.parametrize(
    "words, speaker, kind",
    [
        ("North Korea would “pay a price”", "Jake Sullivan", "indirect"),
        ("is not going to reflect well on North Korea", "Jake Sullivan", "direct"),  # "he said" -> Sullivan
        ("I think it says a lot", "Jake Sullivan", "direct"),
        ("We have information that Kim Jong Un expects", "Adrienne Watson", "direct"),
        ("defense minister, Sergei Shoigu, had traveled", "Adrienne Watson", "indirect"),
        ("nothing to say", "Dmitry Peskov", "indirect"),
        ("Today we can confirm", "John Kirby", "direct"),
        ("Last month, North Korea delivered infantry rockets", "John Kirby", "direct"),  # unattributed, continues
        ("with countries that can provide it", "Antony Blinken", "indirect"),  # mixed quote
        ("is providing significant munitions", "Antony Blinken", "indirect"),
        ("expresses full support and solidarity", "Kim Jong Un", "direct"),
        ("We highly appreciate your consistent", "Vladimir Putin", "direct"),
    ],
)
def test_quote_has_its_speaker(seed_quotes, words, speaker, kind):
    matching = [q for q in all_quotes(seed_quotes) if words in q.text]
    assert matching, f"no quote holds {words!r}"
    assert (matching[0].speaker, matching[0].kind) == (speaker, kind)


def test_the_official_speaking_on_condition_of_anonymity_is_an_anonymous_source(seed_quotes):
    article, quotes = seed_quotes["000_37565cef0e52f10e.txt"]
    meeting = next(q for q in quotes if "meeting is expected to happen" in q.text)
    assert meeting.source_type == "anonymous"
    assert meeting.speaker_text == "the official"
    assert meeting.speaker == "U.S. official"
    # "a U.S. official said" earlier is the same source, so anonymous too
    trip = next(q for q in quotes if "may travel to Russia" in q.text)
    assert (trip.speaker, trip.source_type) == ("U.S. official", "anonymous")


def test_unnamed_and_media_sources(seed_quotes):
    quotes = all_quotes(seed_quotes)
    washington = next(q for q in quotes if "Kim of selling weapons" in q.text)
    assert (washington.speaker, washington.source_type, washington.verb) == ("Officials in Washington", "unnamed", "accuse")
    state_media = next(q for q in quotes if "two leaders would sign" in q.text)
    assert state_media.source_type == "media"
    intelligence = next(q for q in quotes if "already provided weapons" in q.text)
    assert (intelligence.kind, intelligence.speaker, intelligence.verb) == ("according_to", "Western intelligence", "according to")


def test_terms_in_quotes_without_a_source_are_not_quotes(seed_quotes):
    texts = [q.text for q in all_quotes(seed_quotes)]
    assert not any(t.startswith("special military operation") for t in texts)


def test_offsets_index_the_article_text(seed_quotes):
    for article, quotes in seed_quotes.values():
        assert quotes
        for q in quotes:
            assert article.text[q.start : q.end] == q.text
            assert q.kind in KINDS and q.source_type in SOURCE_TYPES
            if q.speaker_start is not None:
                assert article.text[q.speaker_start :].startswith(q.speaker_text.split()[0])
