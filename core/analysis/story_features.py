"""What story grouping compares: each article's words, entities and headline as TF-IDF vectors.

Real coverage of one event by different outlets shares names, a date and a
few words, rarely sentences (docs/analysis-quality.md), so each article is
three sparse, L2-normalised vectors:

- ``words``: lemmas of content words outside entity spans (the analysis's
  ``word`` terms);
- ``entities``: canonical entity names (``entity`` terms), so "Mr. Steele",
  "Steele" and "Michael Steele" count as one;
- ``headlines``: the words of the title.

Weights are TF-IDF with a sub-linear term frequency. The IDF is computed as
if :data:`VIRTUAL_ARTICLES` unrelated articles were in the project too: in a
project of three articles on one event every shared word would otherwise
count least, and the event split (measured: B³ F1 0.96 → 0.99 on 3-article
projects). Terms in more than half of the articles of a big project say
nothing about which story an article belongs to and are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

import numpy as np
import pandas as pd

#: Unrelated articles the IDF pretends are in the project (chosen by
#: ``benchmarks/score_real_stories.py``; 10-100 score alike on real text).
VIRTUAL_ARTICLES = 30
#: Terms in more than this share of the articles are ignored, once the
#: project has more than :data:`COMMON_MIN_ARTICLES` articles.
COMMON_SHARE = 0.5
COMMON_MIN_ARTICLES = 20
_HEADLINE_WORD = re.compile(r"[^\W\d_](?:[\w'’.-]*\w)?", re.UNICODE)


@dataclass(frozen=True)
class StoryFeatures:
    """Row ``i`` of every matrix is article ``ids[i]``; ``days`` is NaN where the date is unknown."""

    ids: list[str]
    words: Any  # scipy.sparse.csr_matrix (scipy ships no types)
    entities: Any
    headlines: Any
    days: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)

    def rows(self, index: np.ndarray) -> "StoryFeatures":
        return StoryFeatures([self.ids[i] for i in index], self.words[index], self.entities[index],
                             self.headlines[index], self.days[index])


def story_features(articles: pd.DataFrame, terms, canonical: Callable[[pd.Series], pd.Series] | None = None,
                   virtual_articles: int = VIRTUAL_ARTICLES) -> StoryFeatures:
    """Features of ``articles`` (``id, title, date``), in frame order.

    ``terms``: the ``terms`` table, or ``terms(kind, ids)`` reading one kind
    for some articles (a 10,000-article project's terms need not all be in
    memory). ``canonical`` maps entity names to canonical ones (the alias
    table and name joins).
    """
    ids = list(articles["id"])
    entity_rows = _terms_of(terms, "entity", ids)
    if canonical is not None and not entity_rows.empty:
        entity_rows = entity_rows.assign(term=canonical(entity_rows["term"]))
    if "outlet" in articles and not entity_rows.empty:
        entity_rows = _without_own_outlet(entity_rows, articles.set_index("id")["outlet"])
    titles = articles["title"] if "title" in articles else pd.Series("", index=articles.index)
    return StoryFeatures(
        ids=ids,
        words=tfidf(count_matrix(ids, _terms_of(terms, "word", ids)), virtual_articles),
        entities=tfidf(count_matrix(ids, entity_rows), virtual_articles),
        headlines=tfidf(count_matrix(ids, headline_terms(ids, titles)), virtual_articles),
        days=days_since_epoch(articles["date"] if "date" in articles else pd.Series(None, index=articles.index)),
    )


def _without_own_outlet(rows: pd.DataFrame, outlet_of: pd.Series) -> pd.DataFrame:
    """Entity terms less each article's own outlet: "Coastline Post" in all its articles is no evidence of a story."""
    from core.analysis.entities import own_outlet_mask

    return rows[~own_outlet_mask(rows["term"], rows["article_id"].map(outlet_of)).to_numpy()]


def headline_terms(ids: list[str], titles: pd.Series) -> pd.DataFrame:
    """``article_id, term, count`` of the lower-cased words of each title, stop words left out."""
    words = pd.Series(titles.fillna("").astype(str).to_numpy(), index=ids).str.lower().str.findall(_HEADLINE_WORD)
    words = words.explode().dropna()
    words = words.str.replace("’", "'", regex=False).str.replace(r"'s$", "", regex=True)
    words = words[(words.str.len() > 1) & ~words.isin(stop_words())]
    frame = pd.DataFrame({"article_id": words.index, "term": words.to_numpy(), "count": 1})
    return frame.groupby(["article_id", "term"], as_index=False, sort=False)["count"].sum()


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """``resources/stop_words_en.txt`` (spaCy's English list; importing spaCy for it costs half a second)."""
    from core.paths import resources_dir

    lines = (resources_dir() / "stop_words_en.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def count_matrix(ids: list[str], terms: pd.DataFrame):
    """Articles × terms counts (CSR) from ``article_id, term, count`` rows."""
    from scipy.sparse import csr_matrix

    row_of = {article_id: i for i, article_id in enumerate(ids)}
    terms = terms[terms["article_id"].isin(row_of) & terms["term"].notna()]
    codes, vocabulary = pd.factorize(terms["term"])
    rows = terms["article_id"].map(row_of).to_numpy()
    matrix = csr_matrix((terms["count"].to_numpy(dtype=np.float32), (rows, codes)),
                        shape=(len(ids), max(len(vocabulary), 1)), dtype=np.float32)
    matrix.sum_duplicates()
    return matrix


def tfidf(counts, virtual_articles: int = VIRTUAL_ARTICLES):
    """Sub-linear TF × IDF (counting ``virtual_articles`` unrelated ones), rows scaled to length 1."""
    from scipy.sparse import diags

    n = counts.shape[0]
    df = np.asarray((counts > 0).sum(axis=0)).ravel()
    idf = np.log((1.0 + n + virtual_articles) / (1.0 + df)) + 1.0
    if n > COMMON_MIN_ARTICLES:
        idf[df > COMMON_SHARE * n] = 0.0
    weighted = counts.copy()
    weighted.data = 1.0 + np.log(weighted.data)
    weighted = (weighted @ diags(idf.astype(np.float32))).tocsr()
    weighted.eliminate_zeros()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    return (diags(np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)) @ weighted).tocsr()


def days_since_epoch(dates: pd.Series) -> np.ndarray:
    """Publication dates as days since 1970 (NaN where unknown)."""
    parsed = pd.to_datetime(dates, errors="coerce", utc=True, format="mixed")
    return ((parsed - pd.Timestamp(0, tz="UTC")).dt.total_seconds() / 86400.0).to_numpy(dtype=float)


def _terms_of(terms, kind: str, ids: list[str]) -> pd.DataFrame:
    """``terms`` is a frame of every term, or ``terms(kind, ids)`` reads one kind for some articles."""
    if callable(terms):
        return terms(kind, ids)
    return terms.loc[terms["kind"] == kind, ["article_id", "term", "count"]]
