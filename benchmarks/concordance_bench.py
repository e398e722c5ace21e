"""Speed of Find and its concordance on 10,000 articles of the synthetic corpus, read from a project file.

    python -m benchmarks.concordance_bench [--n 10000]

Reads the articles as the window's ``finder`` runner does (``Project.articles``),
then finds a rare name, a common word and a very common one (the window lists
at most ``FIND_LIMIT`` rows but counts every hit) and sorts by left context.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import generate_corpus
from core.model.article import make_article
from core.project import Project
from core.text.concordance import find_hits, sort_hits

#: As the window (core/view_state/view_data.py FIND_LIMIT).
LIMIT = 50_000


def timed(label: str, func, *args, **kwargs):
    """Wall and CPU time: the CPU figure stays meaningful on a busy machine."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = func(*args, **kwargs)
    print(f"{label}: {time.perf_counter() - wall:.3f} s wall, {time.process_time() - cpu:.3f} s CPU")
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=10_000)
    n = parser.parse_args(argv).n
    corpus = timed(f"generate {n} articles", generate_corpus, n)
    articles = [make_article(a["text"], title=a["title"], outlet=a["outlet"], date=a["date"]) for a in corpus]
    with tempfile.TemporaryDirectory() as folder, Project(Path(folder) / "bench.newsprism") as project:
        project.store.add_articles(articles)
        loaded = timed("Project.articles()", project.articles)
        characters = sum(len(a.text) for a in loaded)
        print(f"{len(loaded)} articles, {characters / 1e6:.1f} million characters")
        name = corpus[0]["title"].split()[0]
        for query, options in ((name, {"whole_words": True}), ("said", {"whole_words": True}), ("the", {}),
                               ("e", {})):
            hits = timed(f"find_hits({query!r}, limit {LIMIT:,})", find_hits, loaded, query, limit=LIMIT, **options)
            print(f"  {hits.total:,} hits in {len(hits.per_article):,} articles, {len(hits.table):,} rows")
        timed(f"sort_hits by left context, {len(hits.table):,} rows", sort_hits, hits.table, "left")


if __name__ == "__main__":
    main()
