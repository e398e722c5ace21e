"""Which signals group real coverage into stories: each alone, and other ways of combining them.

Every variant is cross-validated like the shipped grouping
(:mod:`benchmarks.score_real_stories`): its threshold is chosen on one half
of the events and it is scored on the other, with and without dates.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from benchmarks.score_stories import bcubed
from core.analysis.stories import DATE_WINDOW_DAYS
from core.analysis.story_features import count_matrix, story_features, tfidf

THRESHOLDS = [round(0.04 + 0.02 * i, 2) for i in range(24)]  # 0.04 … 0.50


def _cosines(project, articles: pd.DataFrame) -> dict[str, np.ndarray]:
    features = story_features(articles, project.store.term_counts, project.aliases.canonical_names)
    phrases = tfidf(count_matrix(features.ids, project.store.term_counts("phrase", features.ids)))

    def cos(x):
        return np.asarray((x @ x.T).todense(), dtype=float)

    return {"words": cos(features.words), "entities": cos(features.entities), "headline": cos(features.headlines),
            "phrases": cos(phrases), "days": features.days}


VARIANTS = {
    "words alone": lambda c: c["words"],
    "entities alone": lambda c: c["entities"],
    "headline alone": lambda c: c["headline"],
    "two-word phrases alone": lambda c: c["phrases"],
    "old mix 0.45 words + 0.35 phrases + 0.20 entities": lambda c: 0.45 * c["words"] + 0.35 * c["phrases"] + 0.2 * c["entities"],
    "linear (words + 0.5 entities + 0.5 headline) / 2": lambda c: (c["words"] + 0.5 * c["entities"] + 0.5 * c["headline"]) / 2,
    "sqrt(words x entities)": lambda c: np.sqrt(c["words"] * c["entities"]),
    "shipped: sqrt((words + 0.5 headline)/1.5 x entities)": lambda c: np.sqrt((c["words"] + 0.5 * c["headline"]) / 1.5 * c["entities"]),
    "shipped + 0.5 phrases in the content part":
        lambda c: np.sqrt((c["words"] + 0.5 * c["headline"] + 0.5 * c["phrases"]) / 2 * c["entities"]),
}


def _cluster(sim: np.ndarray, threshold: float) -> np.ndarray:
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distance = np.clip(1.0 - sim, 0.0, 1.0)
    np.fill_diagonal(distance, 0.0)
    return fcluster(linkage(squareform(distance, checks=False), "average"), 1.0 - threshold + 1e-6, "distance")


def _score(variant, cosines: dict, truth: list, threshold: float, dated: bool) -> float:
    sim = variant(cosines)
    if dated:
        days = cosines["days"]
        sim = np.where(np.abs(days[:, None] - days[None, :]) > DATE_WINDOW_DAYS, 0.0, sim)
    predicted = _cluster(sim, threshold)
    return bcubed(dict(enumerate(predicted)), dict(enumerate(truth)))[2]


def ablation(project, truth: pd.Series, splits: int) -> pd.DataFrame:
    from benchmarks.score_real_stories import halves

    articles = project.articles_frame()
    rows = []
    for seed in range(splits):
        first, second = halves(truth, seed)
        parts = {}
        for events in (first, second):
            part = articles[articles["id"].map(truth).isin(events)]
            parts[frozenset(events)] = (_cosines(project, part), list(part["id"].map(truth)))
        for tuned_on, scored_on in ((first, second), (second, first)):
            tune_c, tune_t = parts[frozenset(tuned_on)]
            test_c, test_t = parts[frozenset(scored_on)]
            for name, variant in VARIANTS.items():
                best = max(THRESHOLDS, key=lambda t: np.mean([_score(variant, tune_c, tune_t, t, d) for d in (True, False)]))
                rows.append({"variant": name, "dated": _score(variant, test_c, test_t, best, True),
                             "undated": _score(variant, test_c, test_t, best, False)})
    return pd.DataFrame(rows)


def print_ablation(project, truth: pd.Series, splits: int) -> None:
    table = ablation(project, truth, splits).groupby("variant", sort=False).agg(
        dated_mean=("dated", "mean"), dated_worst=("dated", "min"),
        undated_mean=("undated", "mean"), undated_worst=("undated", "min"))
    print("\nAblation: held-out B-cubed F1 of each signal and combination (threshold tuned on the other half)")
    print(table.round(3).to_string())
