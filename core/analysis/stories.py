"""Group articles that cover the same event into stories.

Two articles are one story when they tell of the same thing **and** name the
same people, places and organisations, within a few days of each other:

    similarity = sqrt(content × entities),  content = (words + h × headline) / (1 + h)

where each part is the cosine of the TF-IDF vectors of
:mod:`core.analysis.story_features`, and the similarity is 0 when both dates
are known and further apart than ``window_days``. The geometric mean asks
for both kinds of evidence: two events in one country share places but not
what happened; two floods in different countries share words but not names
(measured on real coverage and on the synthetic corpus; the linear mix used
before merged such events, docs/analysis-quality.md).

Average-linkage clustering with a similarity threshold, so the number of
stories is not fixed in advance. Clusters of average linkage never span two
connected components of the graph of pairs at or above the threshold, so
each component is clustered on its own: only pairs within the date window
are ever compared, in vectorised blocks, and a 10,000-article project groups
in seconds (``make bench``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Callable

import numpy as np
import pandas as pd

from core.analysis.story_features import VIRTUAL_ARTICLES, StoryFeatures, story_features

#: Minimum similarity for two articles (on average, two groups) to be one
#: story. Chosen by cross-validation on real coverage
#: (``python -m benchmarks.score_real_stories``, docs/analysis-quality.md).
SIMILARITY_THRESHOLD = 0.20
#: The loosest and tightest grouping the user can choose.
LOOSEST, TIGHTEST = 0.08, 0.45
#: Articles further apart than this (in days) are never one story.
DATE_WINDOW_DAYS = 4
#: Weight of headline similarity beside the body's words.
HEADLINE_WEIGHT = 0.5
#: Weight of entities in the weighted geometric mean (content has 1 - this).
ENTITY_WEIGHT = 0.4
#: Rows compared at once when looking for similar pairs (memory: rows × candidates floats).
PAIR_BLOCK = 512
#: A connected component larger than this is split further before clustering
#: (its dense distance matrix would not fit in memory).
MAX_COMPONENT = 3000


@dataclass(frozen=True)
class StoryParams:
    threshold: float = SIMILARITY_THRESHOLD
    window_days: float = DATE_WINDOW_DAYS
    headline_weight: float = HEADLINE_WEIGHT
    virtual_articles: int = VIRTUAL_ARTICLES
    entity_weight: float = ENTITY_WEIGHT


def pair_similarity(a: StoryFeatures, b: StoryFeatures, params: StoryParams = StoryParams()) -> np.ndarray:
    """Similarity of every article of ``a`` with every article of ``b`` (dense, float32)."""
    def cosine(x, y):
        return np.asarray((x @ y.T).todense(), dtype=np.float32)

    h = params.headline_weight
    content = (cosine(a.words, b.words) + h * cosine(a.headlines, b.headlines)) / (1.0 + h)
    w = params.entity_weight
    sim = np.clip(content, 0.0, None) ** (1.0 - w) * np.clip(cosine(a.entities, b.entities), 0.0, None) ** w
    apart = np.abs(a.days[:, None] - b.days[None, :]) > params.window_days  # NaN compares False: undated join on content
    sim[apart] = 0.0
    return np.minimum(sim, 1.0)


def similar_pairs(features: StoryFeatures, params: StoryParams):
    """The graph (sparse, symmetric) of article pairs at or above the threshold.

    Articles are taken in date order (undated last), a block at a time, and
    compared with the articles after them only: with those dated within the
    window of the block, and with the undated ones.
    """
    from scipy.sparse import coo_matrix

    n = len(features)
    order = np.argsort(np.nan_to_num(features.days, nan=np.inf), kind="stable")
    sorted_days = features.days[order]
    first_undated = int(np.searchsorted(np.nan_to_num(sorted_days, nan=np.inf), np.inf, side="left"))
    rows, cols = [np.arange(n)], [np.arange(n)]
    for start in range(0, n, PAIR_BLOCK):
        block = order[start:start + PAIR_BLOCK]
        end = _window_end(sorted_days, start, len(block), first_undated, params.window_days)
        candidates = order[start:end]
        if end <= first_undated:  # a dated block: the undated articles too
            candidates = np.concatenate([candidates, order[first_undated:]])
        sim = pair_similarity(features.rows(block), features.rows(candidates), params)
        i, j = np.nonzero(sim >= params.threshold)
        rows += [block[i], candidates[j]]
        cols += [candidates[j], block[i]]
    r, c = np.concatenate(rows), np.concatenate(cols)
    return coo_matrix((np.ones(len(r), dtype=np.int8), (r, c)), shape=(n, n)).tocsr()


def _window_end(sorted_days: np.ndarray, start: int, size: int, first_undated: int, window: float) -> int:
    """Position after the last dated article within ``window`` days of the block's last one (all, if undated)."""
    last = start + size - 1
    if last >= first_undated:
        return len(sorted_days)
    return int(np.searchsorted(sorted_days[:first_undated], sorted_days[last] + window, side="right"))


def cluster_articles(articles: pd.DataFrame, terms, params: StoryParams = StoryParams(),
                     canonical: Callable | None = None) -> pd.Series:
    """A cluster number for every article id (index), from 0, in date order of first member.

    ``terms``: the ``terms`` table, or a function ``(kind, article ids) -> rows``
    reading it in parts; ``canonical`` maps entity names to canonical ones.
    """
    if articles.empty:
        return pd.Series(dtype=int, name="cluster")
    return cluster_features(story_features(articles, terms, canonical, params.virtual_articles), params)


def cluster_features(features: StoryFeatures, params: StoryParams = StoryParams()) -> pd.Series:
    """:func:`cluster_articles` for features already made (story names use them too)."""
    return clusters_and_centrality(features, params)[0]


def clusters_and_centrality(features: StoryFeatures, params: StoryParams = StoryParams()
                            ) -> tuple[pd.Series, pd.Series]:
    """Cluster numbers, and each article's summed similarity to the rest of its cluster (by article id).

    The centrality comes free from the clustering's own similarity matrices;
    story names take the headline of the most central article.
    """
    from scipy.sparse.csgraph import connected_components

    _, component = connected_components(similar_pairs(features, params), directed=False)
    labels = np.empty(len(features), dtype=np.int64)
    centrality = np.zeros(len(features))
    next_label = 0
    for members in _groups(component):
        for part in _bounded(members, features, params):
            raw, sim = _average_linkage(features.rows(part), params)
            labels[part] = raw + next_label
            next_label += raw.max() + 1
            same = raw[:, None] == raw[None, :]
            centrality[part] = np.where(same, sim, 0.0).sum(axis=1) - np.diag(sim)
    clusters = _renumbered_by_date(pd.Series(labels, index=features.ids, name="cluster"), features.days)
    return clusters, pd.Series(centrality, index=features.ids, name="centrality")


def _groups(component: np.ndarray) -> list[np.ndarray]:
    order = np.argsort(component, kind="stable")
    cuts = np.flatnonzero(np.diff(component[order])) + 1
    return np.split(order, cuts)


def _bounded(members: np.ndarray, features: StoryFeatures, params: StoryParams) -> list[np.ndarray]:
    """A component as parts of at most :data:`MAX_COMPONENT` articles.

    A bigger one (many undated articles on related events can chain into
    one) is split into the components of its pairs at a higher threshold,
    step by step; what is still too big at 0.9 is cut in date order.
    """
    from scipy.sparse.csgraph import connected_components

    if len(members) <= MAX_COMPONENT:
        return [members]
    if params.threshold >= 0.9:
        order = members[np.argsort(np.nan_to_num(features.days[members], nan=np.inf), kind="stable")]
        return [order[i:i + MAX_COMPONENT] for i in range(0, len(order), MAX_COMPONENT)]
    stricter = replace(params, threshold=min(params.threshold + 0.05, 0.9))
    part = features.rows(members)
    _, component = connected_components(similar_pairs(part, stricter), directed=False)
    return [piece for group in _groups(component) for piece in _bounded(members[group], features, stricter)]


def _average_linkage(features: StoryFeatures, params: StoryParams) -> tuple[np.ndarray, np.ndarray]:
    """Cluster numbers (from 0) of a few articles that may form one or more stories, and their similarities."""
    if len(features) == 1:
        return np.zeros(1, dtype=np.int64), np.ones((1, 1))
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    sim = pair_similarity(features, features, params).astype(np.float64)
    sim = (sim + sim.T) / 2.0
    np.fill_diagonal(sim, 1.0)
    distance = np.clip(1.0 - sim, 0.0, 1.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    # Merge while the average similarity is at least the threshold (a little slack for rounding).
    return fcluster(tree, t=1.0 - params.threshold + 1e-6, criterion="distance") - 1, sim


def _renumbered_by_date(labels: pd.Series, days: np.ndarray) -> pd.Series:
    """Cluster numbers from 0 in the date order of each cluster's first article (undated last)."""
    first = pd.Series(np.nan_to_num(days, nan=np.inf), index=labels.index).groupby(labels.to_numpy()).min()
    rank = {cluster: i for i, cluster in enumerate(first.sort_values(kind="stable").index)}
    return labels.map(rank).astype(int).rename("cluster")


def threshold_for(tightness: float) -> float:
    """The similarity threshold for a tightness from 0 (loosest) to 1 (tightest); 0.5 is the default.

    Geometric between :data:`LOOSEST`, :data:`SIMILARITY_THRESHOLD` and
    :data:`TIGHTEST`, so each step of a slider changes grouping about as much.
    """
    tightness = min(max(float(tightness), 0.0), 1.0)
    if tightness <= 0.5:
        return LOOSEST * (SIMILARITY_THRESHOLD / LOOSEST) ** (tightness / 0.5)
    return SIMILARITY_THRESHOLD * (TIGHTEST / SIMILARITY_THRESHOLD) ** ((tightness - 0.5) / 0.5)


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
    pinned = pinned[pinned.index.isin(clusters.index)]
    free = clusters[~clusters.index.isin(pinned.index)]
    choice = _story_of_each_cluster(clusters, free, prev)
    return pd.concat([
        pd.DataFrame({"article_id": pinned.index, "story_id": pinned["story_id"].astype(int).to_numpy(), "pinned": 1}),
        pd.DataFrame({"article_id": free.index, "story_id": free.map(choice).astype(int).to_numpy(), "pinned": 0}),
    ], ignore_index=True)


def _story_of_each_cluster(clusters: pd.Series, free: pd.Series, prev: pd.DataFrame) -> dict:
    """Each free cluster's story: the old story most of its members were in, each taken once; else -1, -2, …"""
    old = prev["story_id"].reindex(clusters.index) if not prev.empty else pd.Series(np.nan, index=clusters.index)
    votes = pd.DataFrame({"cluster": clusters.to_numpy(), "story": old.to_numpy()}).dropna()
    votes = votes[votes["cluster"].isin(set(free))]
    counted = votes.groupby(["cluster", "story"]).size().rename("count").reset_index()
    counted = counted.sort_values(["count", "story", "cluster"], ascending=[False, True, False], kind="stable")
    taken, choice = set(), {}
    for cluster, story in zip(counted["cluster"], counted["story"].astype(int)):
        if cluster not in choice and story not in taken:
            choice[cluster] = story
            taken.add(story)
    new_id = 0
    for cluster in sorted(set(free)):
        if cluster not in choice:
            new_id -= 1
            choice[cluster] = new_id
    return choice
