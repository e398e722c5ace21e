"""Distinctive language: G2 and log ratio against hand computation, and behaviour."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from scipy.stats import chi2, power_divergence

from core.analysis.keyness import KEYNESS_COLUMNS, chi2_sf_1, keyness, log_likelihood, log_ratio
from core.nlp.terms import term_rows, terms_of


def articles(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["id", "outlet", "story_id", "word_count"])


def terms(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["article_id", "term", "kind", "count", "surface"][:len(rows[0]) if rows else 4])


def rayson_g2(a: int, b: int, c: int, d: int) -> float:
    """G2 written out as in Rayson & Garside (2000), independently of the module."""
    e1, e2 = c * (a + b) / (c + d), d * (a + b) / (c + d)
    return 2 * ((a * math.log(a / e1) if a else 0.0) + (b * math.log(b / e2) if b else 0.0))


# Outlet A: 1,000 words, "regime" 10 times. Outlet B: 2,000 words, "regime" twice.
# E1 = 1000 * 12 / 3000 = 4, E2 = 8; G2 = 2 * (10 ln 2.5 + 2 ln 0.25) = 12.7806
TWO_OUTLETS = (  # (terms, articles)
    terms([("a", "regime", "word", 10), ("b", "regime", "word", 2),
           ("a", "talks", "word", 3), ("b", "talks", "word", 30)]),
    articles([("a", "A", 1, 1000), ("b", "B", 1, 2000)]),
)


def test_g2_and_log_ratio_match_the_formulas():
    assert log_likelihood(10, 2, 1000, 2000) == pytest.approx(2 * (10 * math.log(2.5) + 2 * math.log(0.25)))
    assert log_likelihood(10, 2, 1000, 2000) == pytest.approx(12.7806, abs=1e-4)
    # The same statistic from scipy's G-test on observed vs expected counts.
    g_test = power_divergence([10, 2], f_exp=[4, 8], lambda_="log-likelihood").statistic
    assert log_likelihood(10, 2, 1000, 2000) == pytest.approx(g_test)
    assert log_ratio(10, 2, 1000, 2000) == pytest.approx(math.log2(10))  # 1% vs 0.1%
    assert log_likelihood(5, 0, 1000, 2000) == pytest.approx(rayson_g2(5, 0, 1000, 2000))
    assert log_ratio(5, 0, 1000, 2000) == pytest.approx(math.log2((5 / 1000) / (0.5 / 2000)))  # zero -> 0.5
    assert log_likelihood(0, 0, 1000, 2000) == 0


def test_p_value_is_the_chi_squared_tail_with_one_degree_of_freedom():
    values = [0.0, 0.5, 3.84, 6.63, 10.83, 15.13, 50.0]
    assert chi2_sf_1(values) == pytest.approx(chi2.sf(values, 1))
    assert chi2_sf_1([3.841458820694124])[0] == pytest.approx(0.05)


def test_keyness_row_holds_the_hand_computed_values():
    table = keyness(*TWO_OUTLETS)
    assert list(table.columns) == KEYNESS_COLUMNS
    row = table[(table["outlet"] == "A") & (table["term"] == "regime")].iloc[0]
    assert (row["story_id"], row["kind"], row["freq"], row["freq_other"]) == (1, "word", 10, 2)
    assert row["per_10k"] == pytest.approx(100.0)
    assert row["per_10k_other"] == pytest.approx(10.0)
    assert row["log_likelihood"] == pytest.approx(rayson_g2(10, 2, 1000, 2000))
    assert row["log_ratio"] == pytest.approx(math.log2(10))
    assert row["p_value"] == pytest.approx(chi2.sf(rayson_g2(10, 2, 1000, 2000), 1))
    assert row["p_value"] < 0.001


def test_only_overused_terms_are_listed_for_each_outlet():
    table = keyness(*TWO_OUTLETS)
    assert set(zip(table["outlet"], table["term"])) == {("A", "regime"), ("B", "talks")}
    talks = table[table["term"] == "talks"].iloc[0]
    assert talks["log_ratio"] == pytest.approx(math.log2((30 / 2000) / (3 / 1000)))
    assert (table["log_ratio"] > 0).all()


def test_a_word_one_outlet_repeats_is_its_top_term():
    corpus = articles([("a1", "A", 1, 500), ("a2", "A", 1, 500), ("b1", "B", 1, 600), ("c1", "C", 1, 700)])
    counts = terms([
        ("a1", "dictator", "word", 4), ("a2", "dictator", "word", 3),
        ("a1", "summit", "word", 3), ("b1", "summit", "word", 4), ("c1", "summit", "word", 5),
        ("a1", "leader", "word", 2), ("b1", "leader", "word", 6), ("c1", "leader", "word", 6),
    ])
    table = keyness(counts, corpus)
    a = table[table["outlet"] == "A"]
    assert a.iloc[0]["term"] == "dictator"
    assert a.iloc[0]["freq"] == 7 and a.iloc[0]["freq_other"] == 0
    assert "dictator" not in set(table[table["outlet"] != "A"]["term"])
    assert "leader" not in set(a["term"])


def test_each_of_three_outlets_is_compared_with_the_other_two_together():
    corpus = articles([("a", "A", 1, 1000), ("b", "B", 1, 1000), ("c", "C", 1, 2000)])
    counts = terms([("a", "x", "word", 3), ("b", "x", "word", 12), ("c", "x", "word", 5)])
    table = keyness(counts, corpus)
    assert list(table["outlet"]) == ["B"]  # A: 3 per 1,000 vs 17 per 3,000 -> underused
    row = table.iloc[0]
    assert (row["freq"], row["freq_other"]) == (12, 8)
    assert row["log_likelihood"] == pytest.approx(rayson_g2(12, 8, 1000, 3000))
    assert row["log_ratio"] == pytest.approx(math.log2((12 / 1000) / (8 / 3000)))


def test_below_min_freq_nothing_is_listed():
    corpus = articles([("a", "A", 1, 1000), ("b", "B", 1, 1000)])
    counts = terms([("a", "rare", "word", 2), ("b", "other", "word", 2)])
    assert keyness(counts, corpus).empty
    assert keyness(counts, corpus, min_freq=3).empty
    assert set(keyness(counts, corpus, min_freq=2)["term"]) == {"rare", "other"}


def test_entities_and_kinds_can_be_left_out():
    corpus = articles([("a", "A", 1, 1000), ("b", "B", 1, 1000)])
    counts = terms([("a", "Hermit Kingdom", "entity", 5), ("a", "secretive nation", "phrase", 4),
                    ("a", "secretive", "word", 4), ("b", "nation", "word", 5)])
    assert set(keyness(counts, corpus)["kind"]) == {"entity", "phrase", "word"}
    assert set(keyness(counts, corpus, include_entities=False)["kind"]) == {"phrase", "word"}
    assert set(keyness(counts, corpus, kinds=("phrase",))["term"]) == {"secretive nation"}
    assert keyness(counts, corpus, kinds=("entity",), include_entities=False).empty


def test_story_scope_compares_within_each_story_and_project_scope_across_all():
    corpus = articles([
        ("a1", "A", 1, 1000), ("b1", "B", 1, 1000),
        ("a2", "A", 2, 1000), ("b2", "B", 2, 1000),
        ("a3", "A", 3, 1000),  # a story only A covered: nothing to compare with
        ("x", None, 1, 1000), ("y", "B", None, 1000),  # no outlet; no story
    ])
    counts = terms([
        ("a1", "regime", "word", 5), ("b1", "regime", "word", 1),
        ("b2", "regime", "word", 6),
        ("a3", "regime", "word", 9), ("x", "regime", "word", 50), ("y", "regime", "word", 1),
    ])
    story = keyness(counts, corpus, scope="story")
    assert set(zip(story["story_id"], story["outlet"])) == {(1, "A"), (2, "B")}
    project = keyness(counts, corpus, scope="project")
    assert project["story_id"].isna().all()
    row = project.iloc[0]
    # A: 14 in 3,000 words; B (all its articles, with or without a story): 8 in 3,000.
    assert (row["outlet"], row["freq"], row["freq_other"]) == ("A", 14, 8)
    assert row["log_likelihood"] == pytest.approx(rayson_g2(14, 8, 3000, 3000))


def test_sorted_by_log_likelihood_within_each_outlet():
    corpus = articles([("a", "A", 1, 1000), ("b", "B", 1, 1000)])
    counts = terms([("a", t, "word", n) for t, n in [("p", 3), ("q", 9), ("r", 5)]]
                   + [("b", t, "word", n) for t, n in [("s", 4), ("u", 8)]])
    table = keyness(counts, corpus)
    assert list(zip(table["outlet"], table["term"])) == [("A", "q"), ("A", "r"), ("A", "p"), ("B", "u"), ("B", "s")]


def test_bad_scope_is_refused():
    with pytest.raises(ValueError, match="scope"):
        keyness(*TWO_OUTLETS, scope="outlet")


def test_terms_of_counts_lemmas_phrases_and_entities_of_a_real_doc(full_nlp):
    text = ("North Korea tested nuclear weapons again on Monday. "
            "The nuclear weapons programme alarmed officials in Washington, who called the tests reckless.")
    doc = full_nlp(text)
    mentions = [(0, 11, "North Korea", "GPE", "North Korea"),
                (text.index("Washington"), text.index(","), "Washington", "GPE", "Washington")]
    counts = terms_of(doc, mentions)
    assert counts[("nuclear", "word")] == 2
    assert counts[("weapon", "word")] == 2  # lemmatised
    assert counts[("nuclear weapon", "phrase")] == 2
    assert counts[("test", "word")] == 2  # "tested" and "tests"
    assert counts[("North Korea", "entity")] == 1 and counts[("Washington", "entity")] == 1
    words = {t for t, kind in counts if kind == "word"}
    assert not words & {"north", "korea", "washington", "monday", "the", "who", "in", "again"}
    phrases = {t for t, kind in counts if kind == "phrase"}
    assert all(len(p.split()) == 2 for p in phrases)
    assert "monday nuclear" not in phrases and "weapon programme" in phrases


def test_term_rows_keep_the_form_each_lemma_took_in_the_article(full_nlp):
    doc = full_nlp("Officials said the data were leaked. The new data centres hold data on millions of voters, "
                   "officials said.")
    rows = {(term, kind): (n, surface) for term, kind, n, surface in term_rows(doc, [])}
    assert rows[("datum", "word")] == (2, "data")  # counted as the lemma, stored as written
    assert rows[("official", "word")] == (2, "officials")
    assert rows[("voter", "word")] == (1, "voters")
    assert rows[("new", "word")] == (1, None)  # written as the lemma: nothing to add
    assert rows[("data centre", "phrase")] == (1, "data centres")
    assert {(t, k): n for (t, k), (n, _) in rows.items()} == dict(terms_of(doc, []))  # the counts are unchanged


def test_a_term_is_shown_as_the_form_its_outlet_used_most():
    corpus = articles([("a1", "A", 1, 1000), ("a2", "A", 1, 1000), ("b1", "B", 1, 1000), ("b2", "B", 1, 1000)])
    counts = terms([
        ("a1", "datum", "word", 5, "data"), ("a2", "datum", "word", 2, None),  # A: "data" 5 times, "datum" twice
        ("b1", "datum", "word", 1, "data"),
        ("b1", "weapon", "word", 4, None), ("b2", "weapon", "word", 5, "weapons"), ("b2", "arm", "word", 6, "arms"),
    ])
    table = keyness(counts, corpus)
    shown = {(r.outlet, r.lemma): r.term for r in table.itertuples()}
    assert shown == {("A", "datum"): "data", ("B", "weapon"): "weapons", ("B", "arm"): "arms"}
    a = table[table["outlet"] == "A"].iloc[0]
    assert (a["freq"], a["freq_other"]) == (7, 1)  # forms never change the counts
    without_forms = keyness(counts.drop(columns="surface"), corpus)
    assert list(without_forms["term"]) == list(without_forms["lemma"]) == list(table["lemma"])


def test_an_outlet_is_never_distinctive_for_naming_itself():
    corpus = articles([("t", "The New York Times", 1, 1000), ("c", "CNN", 1, 1000)])
    counts = terms([("t", "New York Times", "entity", 9), ("t", "nytimes.com", "entity", 4),  # spellings of itself
                    ("c", "New York Times", "entity", 12), ("t", "border", "word", 8)])
    table = keyness(counts, corpus, min_freq=1)
    assert set(zip(table["outlet"], table["term"])) == {("The New York Times", "border"), ("CNN", "New York Times")}


def test_thin_evidence_is_marked_weak_and_says_why():
    corpus = articles([("a", "A", 1, 5000), ("b", "B", 1, 5000)])
    counts = terms([("a", "regime", "word", 40), ("a", "parade", "word", 4), ("a", "leader", "word", 30),
                    ("b", "leader", "word", 20), ("b", "talks", "word", 12), ("a", "talks", "word", 1)])
    table = keyness(counts, corpus).set_index("term")
    assert not table.loc["regime", "weak"] and table.loc["regime", "weak_because"] == ""
    assert not table.loc["talks", "weak"]  # 12 against 1: p < 0.01, log ratio 3.6
    assert table.loc["parade", "weak"] and table.loc["parade", "weak_because"].startswith("used 4 times (fewer than 5)")
    leader = table.loc["leader"]  # 30 against 20: not significant, and not twice as frequent
    assert leader["weak"] and leader["p_value"] >= 0.01 and leader["log_ratio"] < 1
    assert leader["weak_because"] == (f"p = {leader['p_value']:.3g} (not significant at 0.01); "
                                      f"log ratio {leader['log_ratio']:.2f} (less than twice as frequent)")


STORY = {
    "The Monitor": "Kim welcomes Putin\n"
    "The Kim regime welcomed Putin with a lavish parade on Wednesday. Critics say the regime starves its own people "
    "while it builds missiles. The regime has never been more isolated, and the visit gives it a rare lifeline. "
    "Putin praised the regime for its support of Russia's war.",
    "The Courier": "Putin in Pyongyang\n"
    "North Korea welcomed Putin with a lavish parade on Wednesday. The government in Pyongyang says the visit "
    "opens a new era of friendship. The two countries signed a partnership treaty. Officials in Seoul condemned the "
    "agreement.",
    "The Ledger": "Treaty signed\n"
    "Putin arrived in Pyongyang on Wednesday for a two-day visit. The two leaders signed a partnership treaty. "
    "Analysts said the treaty could deepen military cooperation between the two countries.",
}


def test_real_articles_the_outlet_that_keeps_saying_regime(corpus_of):
    corpus = corpus_of([(outlet.lower().replace(" ", "_"), outlet, text) for outlet, text in STORY.items()])
    table = keyness(corpus.terms, corpus.articles)
    monitor = table[table["outlet"] == "The Monitor"]
    assert monitor.iloc[0]["term"] == "regime" and monitor.iloc[0]["freq"] == 4
    assert monitor.iloc[0]["freq_other"] == 0
    assert "treaty" not in set(monitor["term"])
    assert table[table["outlet"] == "The Courier"].empty  # nothing used 3 times
    without_min = keyness(corpus.terms, corpus.articles, min_freq=2)
    assert "treaty" in set(without_min[without_min["outlet"] == "The Ledger"]["term"])


def test_no_terms_or_one_outlet_give_an_empty_table_with_the_columns():
    corpus = articles([("a", "A", 1, 1000), ("b", "B", 1, 1000)])
    empty = keyness(terms([]), corpus)
    assert empty.empty and list(empty.columns) == KEYNESS_COLUMNS
    alone = keyness(terms([("a", "x", "word", 9)]), corpus.iloc[:1], scope="project")
    assert alone.empty and list(alone.columns) == KEYNESS_COLUMNS
