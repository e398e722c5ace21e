"""Shared and unique passages: real spaCy sentences of articles written for the purpose."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from core.analysis.passages import (
    ALIGNMENT_COLUMNS,
    SHARE_COLUMNS,
    align_passages,
    passage_shares,
    sentence_status,
)


def status_by_text(sentences: pd.DataFrame, alignment: pd.DataFrame, article_id: str) -> dict[str, str]:
    """First words of each sentence of one article -> its status."""
    status = sentence_status(sentences, alignment).merge(sentences, on=["article_id", "idx"])
    rows = status[status["article_id"] == article_id]
    return {" ".join(text.split()[:4]): s for text, s in zip(rows["text"], rows["status"])}


@pytest.fixture(scope="module")
def wire_and_copy(corpus_of, story_texts):
    """The wire report and the paper that runs two paragraphs of it and rewords one sentence."""
    return corpus_of([(name, name, story_texts[name]) for name in ("wire_service", "daily_planet")])


def test_copied_sentences_are_reused_the_reworded_one_same_fact_the_rest_unique(wire_and_copy):
    sentences = wire_and_copy.sentences
    alignment = align_passages(sentences)
    assert list(alignment.columns) == ALIGNMENT_COLUMNS
    assert status_by_text(sentences, alignment, "wire_service") == {
        "Putin arrives in North": "unique",
        "Russian President Vladimir Putin": "reused",  # "early Wednesday" -> "on Wednesday"
        "North Korean leader Kim": "reused",
        "The visit comes as": "reused",
        "Both Moscow and Pyongyang": "unique",
        "The two leaders are": "same_fact",
        "Putin is scheduled to": "unique",
    }
    assert status_by_text(sentences, alignment, "daily_planet") == {
        "Kim rolls out the": "unique",
        "Russian President Vladimir Putin": "reused",
        "North Korean leader Kim": "reused",
        "The visit comes as": "reused",
        "Kremlin foreign policy adviser": "same_fact",
        "In Seoul, officials watched": "unique",
        "South Korea's president convened": "unique",
    }


def test_a_rewritten_report_reuses_nothing_and_shares_only_a_restated_fact(putin_visit):
    sentences = putin_visit.sentences
    alignment = align_passages(sentences)
    herald = alignment[alignment["article_id"] == "morning_herald"]
    assert "reused" not in set(herald["relation"])
    assert status_by_text(sentences, alignment, "morning_herald") == {
        "Putin and Kim embrace": "unique",
        "Vladimir Putin touched down": "unique",  # same fact, too few words in common: missed on purpose
        "Kim Jong Un was": "unique",
        "Washington and Seoul say": "unique",
        "Russian state media said": "unique",
        "Putin is expected to": "same_fact",  # "scheduled to leave for Vietnam on Thursday"
    }
    vietnam = herald[herald["relation"] == "same_fact"]
    assert set(vietnam["other_article_id"]) == {"wire_service"}


def test_alignment_lists_each_pair_in_both_directions(putin_visit):
    alignment = align_passages(putin_visit.sentences)
    forward = set(zip(alignment["article_id"], alignment["idx"], alignment["other_article_id"], alignment["other_idx"]))
    backward = set(zip(alignment["other_article_id"], alignment["other_idx"], alignment["article_id"], alignment["idx"]))
    assert forward == backward
    assert len(forward) == len(alignment)
    assert (alignment["story_id"] == 1).all()
    assert alignment["similarity"].between(0, 1).all()


def test_entity_mentions_as_anchors_give_the_same_alignment(putin_visit):
    without = align_passages(putin_visit.sentences)
    with_names = align_passages(putin_visit.sentences, putin_visit.mentions)
    key = ["article_id", "idx", "other_article_id", "other_idx", "relation"]
    pd.testing.assert_frame_equal(
        without[key].sort_values(key).reset_index(drop=True), with_names[key].sort_values(key).reset_index(drop=True)
    )


def test_two_different_events_share_no_reused_copy(seeds_corpus):
    alignment = align_passages(seeds_corpus.sentences, seeds_corpus.mentions)
    assert len(seeds_corpus.sentences) > 40
    assert (alignment["relation"] == "reused").sum() == 0
    assert (alignment["relation"] == "same_fact").sum() <= 2  # each pair counted twice


def frame(rows) -> pd.DataFrame:
    """Sentences ``(article_id, outlet, story_id, idx, text)``; offsets made up."""
    return pd.DataFrame(
        [(a, o, s, i, 0, len(t), t) for a, o, s, i, t in rows],
        columns=["article_id", "outlet", "story_id", "idx", "start", "end", "text"],
    )


WIRE = "Officials said the talks in Geneva would resume next week after a two-day pause over prisoner exchanges."


def test_the_same_outlet_repeating_itself_is_not_sharing():
    sentences = frame([("a1", "Post", 1, 0, WIRE), ("a2", "Post", 1, 0, WIRE)])
    assert align_passages(sentences).empty


def test_articles_without_a_story_are_not_aligned_and_without_an_outlet_stand_alone():
    sentences = frame([
        ("a1", "Post", None, 0, WIRE), ("a2", "Times", None, 0, WIRE),
        ("b1", None, 2, 0, WIRE), ("b2", None, 2, 0, WIRE), ("b3", "", 2, 0, WIRE),
    ])
    alignment = align_passages(sentences)
    assert set(alignment["article_id"]) == {"b1", "b2", "b3"}
    assert (alignment["relation"] == "reused").all()
    assert len(alignment) == 6


def test_stories_are_aligned_separately():
    sentences = frame([("a1", "Post", 1, 0, WIRE), ("a2", "Times", 2, 0, WIRE)])
    assert align_passages(sentences).empty


def test_small_wire_edits_punctuation_and_quote_styles_still_count_as_reused():
    edited = WIRE.replace("Officials said", "Officials said on Monday").replace("two-day", "two day")
    quoted = "“We will not retreat,” the minister told parliament on Tuesday, according to the agency."
    sentences = frame([
        ("a1", "Post", 1, 0, edited), ("a1", "Post", 1, 1, quoted),
        ("a2", "Times", 1, 0, WIRE), ("a2", "Times", 1, 1, quoted.replace("“", '"').replace("”", '"')),
    ])
    alignment = align_passages(sentences)
    assert set(alignment["relation"]) == {"reused"}
    assert len(alignment) == 4


def test_a_short_sentence_missing_one_long_word_is_reused():
    sentences = frame([("a1", "Post", 1, 0, "USA Today: Is Putin getting desperate in Ukraine?"),
                       ("a2", "Times", 1, 0, "USA Today: Is Putin getting in Ukraine?")])
    alignment = align_passages(sentences)
    assert list(alignment["relation"]) == ["reused", "reused"]
    assert alignment["similarity"].iloc[0] == pytest.approx(2 * 7 / 15)  # word-level Indel similarity


def test_scattered_common_words_inside_a_long_sentence_are_not_copy():
    short = "It was not clear what he meant by that remark."
    longer = "It was a cold day, and not many people knew clearly what he meant when he spoke by that river about the remark."
    assert align_passages(frame([("a1", "Post", 1, 0, short), ("a2", "Times", 1, 0, longer)])).empty


def test_a_wire_sentence_kept_whole_inside_a_longer_one_is_reused():
    longer = WIRE[:-1] + ", a spokesman for the delegation added, while opposition figures demanded the release of all detainees."
    sentences = frame([("a1", "Post", 1, 0, WIRE), ("a2", "Times", 1, 0, longer)])
    alignment = align_passages(sentences)
    assert list(alignment["relation"]) == ["reused", "reused"]
    assert alignment["similarity"].iloc[0] == 1.0  # all of the wire sentence is there


def test_short_stock_phrases_are_not_copy():
    sentences = frame([("a1", "Post", 1, 0, "Officials declined to comment."),
                       ("a2", "Times", 1, 0, "Officials declined to comment.")])
    assert align_passages(sentences).empty


def test_same_topic_but_different_facts_are_not_the_same_fact():
    sentences = frame([
        ("a1", "Post", 1, 0, "Putin arrived in Pyongyang on Wednesday for talks with Kim."),
        ("a1", "Post", 1, 1, "Kim has pledged full support for Russia's war in Ukraine."),
        ("a2", "Times", 1, 0, "Putin will leave Pyongyang for Vietnam on Thursday."),
        ("a2", "Times", 1, 1, "South Korea summoned the Russian ambassador over the visit."),
    ])
    assert align_passages(sentences).empty


def test_same_fact_needs_a_shared_name_or_number():
    sentences = frame([
        ("a1", "Post", 1, 0, "prices of bread rose sharply across the region last winter"),
        ("a2", "Times", 1, 0, "across the region bread prices climbed sharply during the winter"),
    ])
    assert align_passages(sentences).empty
    named = sentences.assign(text=sentences["text"].str.replace("the region", "Kharkiv region"))
    assert list(align_passages(named)["relation"]) == ["same_fact", "same_fact"]


def test_each_sentence_gets_at_most_its_best_restatement_per_article():
    fact = "The Central Bank raised its key rate to 16 percent on Friday."
    sentences = frame([
        ("a1", "Post", 1, 0, fact),
        ("a2", "Times", 1, 0, "On Friday the Central Bank lifted its key interest rate to 16 percent."),
        ("a2", "Times", 1, 1, "The Central Bank key rate decision on Friday surprised analysts."),
    ])
    alignment = align_passages(sentences)
    from_post = alignment[alignment["article_id"] == "a1"]
    assert list(from_post["other_idx"]) == [0]
    assert list(from_post["relation"]) == ["same_fact"]


def test_empty_input_gives_empty_frames_with_the_columns():
    sentences = frame([])
    alignment = align_passages(sentences)
    assert list(alignment.columns) == ALIGNMENT_COLUMNS and alignment.empty
    assert list(passage_shares(sentences, alignment).columns) == SHARE_COLUMNS


def test_shares_count_sentences_and_characters_by_status(wire_and_copy):
    sentences = wire_and_copy.sentences
    alignment = align_passages(sentences)
    shares = passage_shares(sentences, alignment).set_index("article_id")
    assert list(shares.reset_index().columns) == SHARE_COLUMNS
    status = sentence_status(sentences, alignment).assign(chars=sentences["text"].str.len())
    for article_id, rows in status.groupby("article_id"):
        row = shares.loc[article_id]
        reused, fact = rows[rows["status"] == "reused"], rows[rows["status"] == "same_fact"]
        assert row["sentences"] == len(rows)
        assert row["reused_sentences"] == len(reused) == 3
        assert row["same_fact_sentences"] == len(fact) == 1
        assert row["shared_sentences"] == 4
        assert row["unique_sentences"] == len(rows) - 4
        assert row["share_shared"] == pytest.approx((reused["chars"].sum() + fact["chars"].sum()) / rows["chars"].sum())
        assert row["share_reused"] == pytest.approx(reused["chars"].sum() / rows["chars"].sum())
    assert 0.5 < shares.loc["daily_planet", "share_shared"] < 0.9


def test_an_article_nobody_else_covers_is_all_unique():
    sentences = frame([("a1", "Post", 1, 0, WIRE), ("a1", "Post", 1, 1, "Nothing else.")])
    shares = passage_shares(sentences, align_passages(sentences))
    assert shares.iloc[0][["sentences", "shared_sentences", "unique_sentences", "share_shared"]].tolist() == [2, 0, 2, 0.0]
    assert list(sentence_status(sentences, align_passages(sentences))["status"]) == ["unique", "unique"]


def test_importing_the_analyses_does_not_import_scikit_learn_or_scipy():
    """They take seconds to import; the window must not wait for them."""
    import subprocess
    import sys

    code = "import sys, core.analysis.passages, core.analysis.keyness; print(sorted({'sklearn', 'scipy', 'rapidfuzz'} & set(sys.modules)))"
    repo = Path(__file__).resolve().parents[3]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=repo)
    assert out.stdout.strip() == "[]"
