"""Group articles that cover the same event into stories.

Two articles belong together when their words and the entities they name
are alike (TF-IDF cosine) and much of the shorter one's phrasing is in the
longer one (overlap of two-word phrases: a short rewrite of a long report
still counts), weighted together, and they were
published within a few days of each other (undated articles join on
content alone). Average-linkage clustering with a distance threshold, so
the number of stories is not fixed in advance.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.analysis.entities import mention_weights

#: Minimum combined similarity for two articles to be in one story. Chosen
#: with ``benchmarks/score_stories.py --sweep`` (docs/analysis-quality.md).
SIMILARITY_THRESHOLD = 0.55
#: Articles further apart than this (in days) are never one story.
DATE_WINDOW_DAYS = 4
#: Weights of word, phrase and entity similarity. Phrases tell events apart
#: best: two articles on related events share entities, rarely phrasing.
WEIGHTS = {"word": 0.45, "phrase": 0.35, "entity": 0.20}
#: Above this many articles, cluster date-ordered blocks (memory stays bounded).
BLOCK_SIZE = 3000


@dataclass(frozen=True)
class StoryParams:
    threshold: float = SIMILARITY_THRESHOLD
    window_days: int = DATE_WINDOW_DAYS
    weights: tuple[tuple[str, float], ...] = tuple(WEIGHTS.items())


def similarity_matrix(articles: pd.DataFrame, terms: pd.DataFrame, params: StoryParams = StoryParams()) -> np.ndarray:
    """Pairwise similarity of ``articles`` (rows in frame order), 0 outside the date window."""
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.metrics.pairwise import cosine_similarity

    ids = list(articles["id"])
    sim = np.zeros((len(ids), len(ids)))
    for kind, weight in params.weights:
        counts = _count_matrix(ids, _terms_of(terms, kind, ids))
        if kind == "phrase":
            sim += weight * overlap_coefficient(counts)
        else:
            sim += weight * cosine_similarity(TfidfTransformer(sublinear_tf=True).fit_transform(counts))
    stamp = _days(articles["date"])
    known = ~np.isnan(stamp)
    if known.any():
        apart = np.abs(stamp[:, None] - stamp[None, :]) > params.window_days
        sim[apart & known[:, None] & known[None, :]] = 0.0
    np.fill_diagonal(sim, 1.0)
    return sim


def overlap_coefficient(counts, min_size: int = 20) -> np.ndarray:
    """|A ∩ B| / min(|A|, |B|) of the term sets; sets under ``min_size`` count as that size."""
    present = (counts > 0).astype(np.float32)
    shared = (present @ present.T).toarray()
    sizes = np.maximum(np.asarray(present.sum(axis=1)).ravel(), min_size)
    return shared / np.minimum(sizes[:, None], sizes[None, :])


def _days(dates: pd.Series) -> np.ndarray:
    """Publication dates as days since 1970 (NaN where unknown)."""
    parsed = pd.to_datetime(dates, errors="coerce", utc=True, format="mixed")
    return ((parsed - pd.Timestamp(0, tz="UTC")).dt.total_seconds() / 86400.0).to_numpy(dtype=float)


def _terms_of(terms, kind: str, ids: list[str]) -> pd.DataFrame:
    """``terms`` is a frame of every term, or ``terms(kind, ids)`` reads one kind for some articles:
    a 10,000-article project's three million term rows need not be in memory at once."""
    return terms(kind, ids) if callable(terms) else terms[terms["kind"] == kind]


def _count_matrix(ids: list[str], terms: pd.DataFrame):
    from scipy.sparse import csr_matrix

    row_of = {article_id: i for i, article_id in enumerate(ids)}
    terms = terms[terms["article_id"].isin(row_of)]
    codes, vocabulary = pd.factorize(terms["term"])
    rows = terms["article_id"].map(row_of).to_numpy()
    return csr_matrix((terms["count"].to_numpy(dtype=float), (rows, codes)), shape=(len(ids), max(len(vocabulary), 1)))


def cluster_articles(articles: pd.DataFrame, terms, params: StoryParams = StoryParams()) -> pd.Series:
    """A cluster number for every article id (index), from 0, in date order of first member.

    ``terms``: the ``terms`` table, or a function ``(kind, article ids) -> rows`` reading it in parts.
    """
    if articles.empty:
        return pd.Series(dtype=int)
    order = articles.assign(_d=_days(articles["date"])).sort_values("_d", kind="stable")
    labels: dict[str, int] = {}
    next_label = 0
    for block_start in range(0, len(order), BLOCK_SIZE):
        block = order.iloc[block_start:block_start + BLOCK_SIZE]
        for article_id, label in _cluster_block(block, terms, params).items():
            labels[article_id] = label + next_label
        next_label = max(labels.values()) + 1
    return pd.Series(labels, name="cluster").loc[articles["id"]]


def _cluster_block(block: pd.DataFrame, terms: pd.DataFrame, params: StoryParams) -> dict[str, int]:
    if len(block) == 1:
        return {block["id"].iloc[0]: 0}
    from sklearn.cluster import AgglomerativeClustering

    distance = 1.0 - similarity_matrix(block, terms, params)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1.0 - params.threshold
    )
    raw = model.fit_predict(np.clip(distance, 0.0, 1.0))
    renumber: dict[int, int] = {}
    return {aid: renumber.setdefault(label, len(renumber)) for aid, label in zip(block["id"], raw)}


def story_name(mentions: pd.DataFrame, n: int = 3) -> str:
    """A readable name: the entities most of the story's articles name, most mentioned first."""
    if mentions.empty:
        return "Untitled story"
    ranked = (mentions.assign(_n=mention_weights(mentions)).groupby("entity")
              .agg(articles=("article_id", "nunique"), mentions=("_n", "sum")))
    ranked = ranked.sort_values(["articles", "mentions"], ascending=False, kind="stable")
    return " · ".join(ranked.index[:n])


def reconcile(clusters: pd.Series, previous: pd.DataFrame) -> pd.DataFrame:
    """New story memberships that keep the user's decisions and the old story ids.

    ``clusters`` maps article id -> cluster number; ``previous`` has columns
    ``article_id, story_id, pinned``. Pinned articles (moved, merged or split
    by the user) stay where they are. Each cluster of the others goes to the
    existing story most of its members were in (each story taken once), or
    to a new story, numbered -1, -2, … for the caller to create.
    """
    prev = previous.set_index("article_id") if not previous.empty else pd.DataFrame(columns=["story_id", "pinned"])
    pinned = prev[prev["pinned"].astype(bool)] if not prev.empty else prev
    rows = [(aid, int(row.story_id), 1) for aid, row in pinned.iterrows() if aid in clusters.index]
    free = clusters[~clusters.index.isin(pinned.index)]
    votes = []
    for cluster, members in free.groupby(free).groups.items():
        old = prev["story_id"].reindex(clusters.index[clusters == cluster]).dropna().astype(int)
        for story, count in old.value_counts().items():
            votes.append((count, -int(story), cluster, int(story)))
    taken, choice = set(), {}
    for _count, _neg, cluster, story in sorted(votes, reverse=True):
        if cluster not in choice and story not in taken:
            choice[cluster] = story
            taken.add(story)
    new_id = 0
    for cluster in sorted(set(free)):
        if cluster not in choice:
            new_id -= 1
            choice[cluster] = new_id
    rows += [(aid, choice[cluster], 0) for aid, cluster in free.items()]
    return pd.DataFrame(rows, columns=["article_id", "story_id", "pinned"])
