"""The word lists in resources/ load, and phrasal reporting verbs need their particle."""

from __future__ import annotations

from core.nlp.quote_lexicon import quote_lexicon


def test_lists_load():
    lexicon = quote_lexicon()
    assert {"say", "warn", "tell", "accuse"} <= lexicon.verbs
    assert ("point", "out") in lexicon.phrasal
    assert "condition of anonymity" in lexicon.anonymity
    assert "associated press" in lexicon.media_names
    assert lexicon.first_names["Mateo"] == "m" and lexicon.first_names["Anna"] == "f"
    assert not {"think", "believe", "fear", "expect", "hope"} & lexicon.verbs  # beliefs are not quotes


def test_phrasal_verbs_need_their_particle(full_nlp):
    lexicon = quote_lexicon()
    doc = full_nlp("She pointed out that prices rose. He pointed at the sign.")
    pointed = [t for t in doc if t.lower_ == "pointed"]
    assert [lexicon.is_reporting(t) for t in pointed] == [True, False]
