"""Story grouping after analysis: Newsprism's regrouping against plain TF-IDF + agglomerative clustering.

Both group the same analysed articles of the synthetic corpus; both are
timed here in one run and scored against the corpus's true events
(B-cubed F1). The baseline compares every pair of articles (a dense
distance matrix), so it is run only up to :data:`BASELINE_MAX` articles.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.corpus import TRUTH_FILE
from benchmarks.measure import Stopwatch

BASELINE_MAX = 4000


def _truth(project, corpus: Path) -> dict[str, str]:
    by_file = {a["file"]: a["event"] for a in json.loads((corpus / TRUTH_FILE).read_text())["articles"]}
    events = {}
    for article_id, source in zip(project.articles_frame()["id"], project.articles_frame()["source_path"]):
        try:
            events[article_id] = by_file[Path(source).resolve().relative_to(corpus.resolve()).as_posix()]
        except (KeyError, ValueError):
            continue  # an article from another format's sample
    return events


def _baseline(project, threshold: float = 0.5) -> dict[str, int]:
    """TF-IDF over the article texts, average-linkage on cosine distance (every pair)."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    articles = project.articles()
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2).fit_transform(
        [a.analysed_text for a in articles]).toarray()
    labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                     distance_threshold=threshold).fit_predict(vectors)
    return {a.id: int(label) for a, label in zip(articles, labels)}


def grouping(project_path: Path, corpus: Path) -> dict:
    from benchmarks.score_stories import bcubed
    from core.project import Project

    with Project(project_path, create=False) as project:
        with Stopwatch() as t:
            project.update_stories()
        with Stopwatch() as joins_t:
            project.update_name_joins()
        truth = _truth(project, corpus)
        story_of = project.story_of()
        ours = {a: int(story_of[a]) for a in truth if a in story_of.index}
        result = {"articles": len(story_of), "seconds": t.seconds, "name_joins_s": joins_t.seconds,
                  "stories": len(set(story_of)), "events": len(set(truth.values())),
                  "bcubed": bcubed(ours, {a: truth[a] for a in ours})[2] if ours else None}
        if len(story_of) <= BASELINE_MAX:
            with Stopwatch() as base_t:
                base = _baseline(project)
            kept = {a: base[a] for a in ours}
            result.update(baseline_seconds=base_t.seconds, baseline_bcubed=bcubed(kept, {a: truth[a] for a in kept})[2])
    return result
