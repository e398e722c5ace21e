"""Score the story grouping against the synthetic corpus's true events (the second check:
the grouping is tuned on real coverage, ``benchmarks/score_real_stories.py``).

    python -m benchmarks.score_stories --n 400 [--sweep]

Writes a corpus (several outlets, dozens of events over weeks, threads of
related events), imports and analyses it once, then compares the stories
with the events: B-cubed precision/recall/F1 (per article: how much of its
story is its event, and of its event its story) and pairwise F1 (over all
pairs of articles). ``--sweep`` re-clusters the same analysis at other
similarity thresholds, to show the choice of the default.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import load_truth, write_corpus
from core.analysis.stories import SIMILARITY_THRESHOLD, StoryParams, cluster_articles
from core.project import Project


def bcubed(predicted: dict[str, int], truth: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (Bagga & Baldwin 1998)."""
    clusters, classes = _groups(predicted), _groups(truth)
    precision = recall = 0.0
    for item in predicted:
        mine, theirs = clusters[predicted[item]], classes[truth[item]]
        overlap = len(mine & theirs)
        precision += overlap / len(mine)
        recall += overlap / len(theirs)
    precision, recall = precision / len(predicted), recall / len(predicted)
    return precision, recall, _f1(precision, recall)


def pairwise(predicted: dict[str, int], truth: dict[str, str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over all pairs of items put (or truly) together."""
    same_pred = {frozenset(p) for g in _groups(predicted).values() for p in itertools.combinations(g, 2)}
    same_true = {frozenset(p) for g in _groups(truth).values() for p in itertools.combinations(g, 2)}
    hits = len(same_pred & same_true)
    precision = hits / len(same_pred) if same_pred else 1.0
    recall = hits / len(same_true) if same_true else 1.0
    return precision, recall, _f1(precision, recall)


def _groups(labels: dict) -> dict:
    groups: dict = {}
    for item, label in labels.items():
        groups.setdefault(label, set()).add(item)
    return groups


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def true_events(project: Project, folder: Path) -> dict[str, str]:
    """Article id -> true event id, matched through the file each article came from."""
    by_file = load_truth(folder)["by_file"]
    frame = project.articles_frame()
    events = {}
    for article_id, source in zip(frame["id"], frame["source_path"]):
        relative = Path(source).resolve().relative_to(folder.resolve()).as_posix()
        events[article_id] = by_file[relative]["event"]
    return events


def score(project: Project, folder: Path, threshold: float) -> dict:
    truth = true_events(project, folder)
    articles = project.articles_frame()
    clusters = cluster_articles(articles, project.store.term_counts, StoryParams(threshold=threshold),
                                project.aliases.canonical_names)
    predicted = {a: int(c) for a, c in clusters.items()}
    b = bcubed(predicted, truth)
    p = pairwise(predicted, truth)
    return {
        "threshold": threshold, "articles": len(predicted), "events": len(set(truth.values())),
        "stories": len(set(predicted.values())),
        "bcubed_precision": round(b[0], 3), "bcubed_recall": round(b[1], 3), "bcubed_f1": round(b[2], 3),
        "pairwise_precision": round(p[0], 3), "pairwise_recall": round(p[1], 3), "pairwise_f1": round(p[2], 3),
        "related_pairs_merged": related_merged(predicted, truth, load_truth(folder)["events"]),
    }


def related_merged(predicted: dict[str, int], truth: dict[str, str], events: list[dict]) -> str:
    """How many pairs of related-but-different events share a story, of all such pairs."""
    related = {frozenset((e["id"], r)) for e in events for r in e["related"] if r != e["id"]}
    together = set()
    for members in _groups(predicted).values():
        found = {truth[a] for a in members}
        together |= {pair for pair in related if pair <= found}
    return f"{len(together)}/{len(related)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.score_stories", description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--thresholds", type=lambda v: [float(x) for x in v.split(",")], help="comma-separated, for --sweep")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        write_corpus(folder, args.n, seed=args.seed)
        started = time.perf_counter()
        with Project(Path(tmp) / "score.newsprism") as project:
            project.import_paths([folder])
            project.analyse()
            analysed = time.perf_counter() - started
            grid = args.thresholds or [0.12, 0.16, 0.2, 0.25, 0.3, 0.35, 0.4]
            thresholds = sorted(set(grid) | {SIMILARITY_THRESHOLD}) if args.sweep else [SIMILARITY_THRESHOLD]
            rows = [score(project, folder, t) for t in thresholds]
    print(f"story grouping on {args.n} synthetic articles (seed {args.seed}), analysed in {analysed:.0f} s")
    print(f"{'threshold':>9} {'stories':>7} {'events':>6} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'pair F1':>7} {'related merged':>14}")
    for r in rows:
        mark = " <- default" if r["threshold"] == SIMILARITY_THRESHOLD else ""
        print(f"{r['threshold']:>9.2f} {r['stories']:>7} {r['events']:>6} {r['bcubed_precision']:>6.3f} "
              f"{r['bcubed_recall']:>6.3f} {r['bcubed_f1']:>6.3f} {r['pairwise_f1']:>7.3f} {r['related_pairs_merged']:>14}{mark}")
    print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
