"""Distinctive language: the terms an outlet uses markedly more than the others.

Each outlet is compared with all other outlets together (of the same story,
or of the whole project), so any number of outlets works. Two measures, as
recommended in corpus linguistics:

- significance: Dunning's log-likelihood G2 in Rayson's two-cell form
  (``2 * sum(O * ln(O / E))`` over the term's frequency in the outlet and in
  the others, expected values from the two corpus sizes), with its
  chi-squared p value (1 degree of freedom);
- effect size: Hardie's log ratio, ``log2((a / c) / (b / d))``: the binary log
  of the ratio of relative frequencies. A zero frequency is replaced by 0.5
  (Hardie 2014), so a term only one outlet uses gets a finite ratio.

Corpus sizes are the articles' word counts, so frequencies per 10,000 words
mean what a reader expects. Everything is vectorised: whole-project keyness
over 10,000 articles is a few pandas group-bys.

Terms are counted as lemmas ("weapon" for "weapons"), but shown as the words
the outlet used: analysis stores, per article, the form each lemma took most
often (:func:`term_rows`), and the table's ``term`` is the form the outlet
used most (``lemma`` keeps what was counted). An outlet's own name is never
one of its distinctive terms, and results too thin to lean on are marked
``weak`` (:func:`weak_reasons`).
"""

from __future__ import annotations

import math
from typing import Iterable

import numpy as np
import pandas as pd

from core.analysis.entities import own_outlet_mask

KINDS = ("word", "phrase", "entity")
#: Replaces a zero frequency in the log ratio (Hardie 2014).
ZERO_FREQUENCY = 0.5
KEYNESS_COLUMNS = [
    "story_id", "outlet", "term", "lemma", "kind", "freq", "freq_other", "per_10k", "per_10k_other",
    "log_likelihood", "log_ratio", "p_value", "weak", "weak_because",
]
#: Below these a distinctive term is marked weak: too few uses to generalise from (the usual
#: floor of 5 for a log-likelihood test), not significant at 1 %, or used less than twice as often
#: as by the others (log ratio 1; Hardie 2014).
WEAK_FREQ = 5
WEAK_P = 0.01
WEAK_LOG_RATIO = 1.0
_ALL = "__project__"


def log_likelihood(a, b, c, d) -> np.ndarray:
    """G2 for frequencies ``a`` (corpus of size ``c``) and ``b`` (size ``d``); 0 ln 0 = 0."""
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    expected_a = c * (a + b) / (c + d)
    expected_b = d * (a + b) / (c + d)
    return 2.0 * (_o_ln_o_over_e(a, expected_a) + _o_ln_o_over_e(b, expected_b))


def _o_ln_o_over_e(observed: np.ndarray, expected: np.ndarray) -> np.ndarray:
    ratio = np.divide(observed, expected, out=np.ones_like(observed), where=(observed > 0) & (expected > 0))
    return observed * np.log(ratio)


_ERFC = np.frompyfunc(math.erfc, 1, 1)


def chi2_sf_1(x) -> np.ndarray:
    """P(chi2 with 1 df >= x) = erfc(sqrt(x / 2)); no scipy import (2 s) at start-up."""
    return _ERFC(np.sqrt(np.maximum(np.asarray(x, dtype=float), 0.0) / 2.0)).astype(float)


def log_ratio(a, b, c, d) -> np.ndarray:
    """Hardie's log ratio; zero frequencies become :data:`ZERO_FREQUENCY`."""
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    a = np.where(a == 0, ZERO_FREQUENCY, a)
    b = np.where(b == 0, ZERO_FREQUENCY, b)
    return np.log2((a / c) / (b / d))


def keyness(
    terms: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    scope: str = "story",
    min_freq: int = 3,
    include_entities: bool = True,
    kinds: Iterable[str] = KINDS,
) -> pd.DataFrame:
    """Terms each outlet overuses against the other outlets of its story or of the project.

    ``terms``: ``article_id, term, kind, count`` and, optionally,
    ``surface`` (the article's most used form of the term, empty when it is
    the term itself); ``articles``: ``id, outlet, story_id, word_count``. A
    term needs at least ``min_freq`` uses by the outlet. Only overused terms
    (positive log ratio) are returned, sorted by G2 within each story and
    outlet; the outlet's own name is left out. Articles without an outlet
    (or, in story scope, without a story) are left out; a story with one
    outlet has nothing to compare with.
    """
    if scope not in ("story", "project"):
        raise ValueError(f"scope must be 'story' or 'project', not {scope!r}")
    wanted = [k for k in kinds if include_entities or k != "entity"]
    corpus = _corpus(articles, scope)
    counts, joined = _outlet_counts(terms[terms["kind"].isin(wanted)], corpus)
    sizes = corpus.groupby(["group", "outlet"], sort=False)["word_count"].sum().rename("size").reset_index()
    sizes["size_other"] = sizes.groupby("group")["size"].transform("sum") - sizes["size"]
    table = counts.merge(sizes, on=["group", "outlet"])
    table = table[(table["freq"] >= min_freq) & (table["size_other"] > 0) & (table["size"] > 0)]
    table = _scored(table)
    table = table[(table["log_ratio"] > 0) & ~own_outlet_mask(table["term"], table["outlet"])]
    table["story_id"] = None if scope == "project" else table["group"]
    table["form"] = _most_used_forms(table, joined)
    table = table.rename(columns={"term": "lemma", "form": "term"})
    table["weak_because"] = weak_reasons(table)
    table["weak"] = table["weak_because"] != ""
    table = table.sort_values(["group", "outlet", "log_likelihood", "lemma"], ascending=[True, True, False, True])
    return table[KEYNESS_COLUMNS].reset_index(drop=True)


def weak_reasons(table: pd.DataFrame) -> pd.Series:
    """Why each distinctive term is weak evidence ("used 3 times (fewer than 5); p = 0.06 …"), or ""."""
    checks = (
        (table["freq"] < WEAK_FREQ, table["freq"], f"used %d times (fewer than {WEAK_FREQ})"),
        (table["p_value"] >= WEAK_P, table["p_value"], f"p = %.3g (not significant at {WEAK_P:g})"),
        (table["log_ratio"] < WEAK_LOG_RATIO, table["log_ratio"], "log ratio %.2f (less than twice as frequent)"),
    )
    reasons = np.full(len(table), "", dtype=object)
    for failed, values, text in checks:
        where = np.flatnonzero(failed.to_numpy())
        said = [text % v for v in values.to_numpy()[where]]
        reasons[where] = [f"{before}; {now}" if before else now for before, now in zip(reasons[where], said)]
    return pd.Series(reasons, index=table.index, dtype=object)


def _corpus(articles: pd.DataFrame, scope: str) -> pd.DataFrame:
    """Articles that take part, with the group (story or whole project) they are compared in."""
    frame = articles[["id", "outlet", "story_id", "word_count"]].copy()
    frame = frame[frame["outlet"].notna() & (frame["outlet"].astype(str).str.strip() != "")]
    if scope == "story":
        frame = frame[frame["story_id"].notna()]
        frame["group"] = frame["story_id"]
    else:
        frame["group"] = _ALL
    frame["word_count"] = frame["word_count"].fillna(0).astype(float)
    return frame


def _outlet_counts(terms: pd.DataFrame, corpus: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """freq (by the outlet) and freq_other (by the other outlets of the group) per term, numbered by
    ``key``; and the rows joined to their group, outlet and ``key``, for :func:`_most_used_forms`."""
    columns = ["article_id", "term", "kind", "count", *(["surface"] if "surface" in terms.columns else [])]
    joined = terms[columns].merge(corpus[["id", "outlet", "group"]], left_on="article_id", right_on="id")
    grouped = joined.groupby(_KEYS, sort=False)
    counts = grouped["count"].sum().rename("freq").reset_index()
    counts["key"] = np.arange(len(counts))
    joined["key"] = grouped.ngroup().to_numpy()  # first-seen order: the row of ``counts``
    total = counts.groupby(["group", "term", "kind"], sort=False)["freq"].transform("sum")
    counts["freq_other"] = total - counts["freq"]
    return counts, joined


_KEYS = ["group", "outlet", "term", "kind"]


def _most_used_forms(table: pd.DataFrame, joined: pd.DataFrame) -> pd.Series:
    """The form each outlet used most of each term in ``table``: per article its most used form
    (``surface``; none means the term itself), weighted by the article's uses of the term."""
    if "surface" not in joined.columns or table.empty:
        return table["term"]
    wanted = np.zeros(int(joined["key"].max()) + 1, dtype=bool)
    wanted[table["key"].to_numpy()] = True
    rows = joined[wanted[joined["key"].to_numpy()] & joined["surface"].notna().to_numpy()]
    rows = rows[rows["surface"] != ""]
    by_form = rows.groupby(["key", "surface"], sort=False)["count"].sum().rename("n").reset_index()
    surfaced = by_form.groupby("key", sort=False)["n"].sum()
    best = by_form.sort_values("n", ascending=False, kind="stable").drop_duplicates("key").set_index("key")
    keys = table["key"]
    as_term = table["freq"] - keys.map(surfaced).fillna(0)  # uses where the article's form was the term itself
    return best["surface"].reindex(keys).set_axis(table.index).where(keys.map(best["n"]).fillna(0) > as_term,
                                                                      table["term"])


def _scored(table: pd.DataFrame) -> pd.DataFrame:
    a, b, c, d = (table[col].to_numpy(dtype=float) for col in ("freq", "freq_other", "size", "size_other"))
    table = table.copy()
    table["per_10k"] = a / c * 10_000
    table["per_10k_other"] = b / d * 10_000
    table["log_likelihood"] = log_likelihood(a, b, c, d)
    table["log_ratio"] = log_ratio(a, b, c, d)
    table["p_value"] = chi2_sf_1(table["log_likelihood"].to_numpy())
    table["freq"] = table["freq"].astype("int64")
    table["freq_other"] = table["freq_other"].astype("int64")
    return table
