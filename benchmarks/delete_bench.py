"""Deleting articles and putting them back (Ctrl+Z) on a big project: how long each takes.

    python -m benchmarks.delete_bench [--articles 10000] [--mentions 25]

A synthetic project of ``--articles`` × ``--mentions`` (written straight into
a store, no spaCy; stories grouped) is built once; then 1, 100 and 1,000
articles are deleted and restored, and the entity counts the window reloads
from are counted again after each (the deletion changes what they count).
Prints seconds per step.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from benchmarks.excel_bench import build_synthetic


def _timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--mentions", type=int, default=25)
    args = parser.parse_args()
    from core.project import Project

    path = Path(tempfile.mkdtemp(prefix="newsprism-delete-")) / "big.newsprism"
    _, built = _timed(lambda: build_synthetic(path, args.articles, args.mentions))
    with Project(path) as project:
        _, grouped = _timed(project.regroup)
        print(f"{args.articles:,} articles × {args.mentions} mentions built in {built:.1f} s, grouped in {grouped:.1f} s")
        ids = list(project.articles_frame()["id"])
        for count in (1, 100, 1000):
            chosen = ids[:: max(len(ids) // count, 1)][:count]
            deleted, delete_s = _timed(lambda: project.delete_articles(chosen))
            _, recount_s = _timed(project.entity_counts)
            _, restore_s = _timed(lambda: project.restore_articles(deleted))
            _, recount2_s = _timed(project.entity_counts)
            assert project.store.article_count() == len(ids)
            print(f"{count:>5,} articles: delete {delete_s:.3f} s (entity counts again {recount_s:.2f} s), "
                  f"restore {restore_s:.3f} s (counts again {recount2_s:.2f} s)")


if __name__ == "__main__":
    main()
