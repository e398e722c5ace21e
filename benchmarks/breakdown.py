"""Unprofiled cost of each step of the analysis path, per article, next to spaCy's.

    python -m benchmarks.breakdown --n 300 [--memory]

cProfile slows Python code far more than compiled code, so this times each
step with a plain clock instead: spaCy's ``nlp.pipe``, then every extraction
Newsprism runs on the parsed docs, saving the rows, finding what to analyse
and regrouping stories. ``--memory`` also follows the process's memory after
every saved batch of a real ``Project.analyse``, to tell growth from a peak.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from benchmarks.corpus import write_corpus
from benchmarks.measure import Stopwatch, tree_rss_bytes


def _timed(label: str, fn, results: list, *args):
    with Stopwatch() as t:
        value = fn(*args)
    results.append((label, t.seconds))
    return value


def breakdown(workdir: Path, n: int, seed: int) -> list[tuple[str, float]]:
    from core.analysis import analyse as analysis
    from core.nlp.terms import terms_of
    from core.store.store import ProjectStore
    from core.model.article import content_hash
    from core.nlp import extract
    from core.nlp.descriptors import descriptors_of
    from core.nlp.pipeline import load_pipeline
    from core.project import Project

    write_corpus(workdir / "corpus", n, seed=seed)
    path = workdir / "breakdown.newsprism"
    steps: list[tuple[str, float]] = []
    with Project(path) as project:
        _timed("import (all files)", project.import_paths, steps, [workdir / "corpus"])
        aliases = project.aliases
    nlp = load_pipeline(Project(path).model)
    store = ProjectStore(path)
    todo, _ = _timed("articles_to_analyse (load all, hash each)", analysis.articles_to_analyse, steps, store, Project(path).model)
    texts = _timed("analysed_text of each article", lambda: [a.analysed_text for a in todo], steps)
    _timed("content_hash of each text", lambda: [content_hash(t) for t in texts], steps)
    docs = _timed("spaCy nlp.pipe (Newsprism's pipeline)", lambda: list(nlp.pipe(texts, batch_size=analysis.BATCH_SIZE)), steps)
    mentions = _timed("mentions_of (entities, short names)", lambda: [extract.mentions_of(d) for d in docs], steps)
    _timed("sentences_of", lambda: [extract.sentences_of(d) for d in docs], steps)
    _timed("terms_of (words, phrases, lemmas)", lambda: [terms_of(d, m) for d, m in zip(docs, mentions)], steps)
    try:
        from core.nlp.quotes import find_quotes

        _timed("find_quotes", lambda: [find_quotes(d, m) for d, m in zip(docs, mentions)], steps)
    except ImportError:
        steps.append(("find_quotes (core.nlp.quotes missing)", 0.0))
    _timed("descriptors_of", lambda: [descriptors_of(d, m, aliases) for d, m in zip(docs, mentions)], steps)
    results = _timed("analyse_doc (all of the above together)",
                     lambda: [extract.analyse_doc(a.id, "h", "m", d, aliases) for a, d in zip(todo, docs)], steps)
    store.close()
    copy = workdir / "copy.newsprism"
    shutil.copy(path, copy)
    copy_store = ProjectStore(copy)
    size = analysis.BATCH_SIZE
    _timed("save_analyses (batches of 64)",
           lambda: [copy_store.save_analyses(results[i:i + size]) for i in range(0, len(results), size)], steps)
    copy_store.close()
    with Project(copy) as project:
        _timed("update_stories (regroup all)", project.update_stories, steps)
    return steps


def memory_trend(workdir: Path, n: int, seed: int) -> list[tuple[int, float]]:
    """(articles analysed, MB) after every progress report of ``Project.analyse``."""
    from core.nlp.pipeline import load_pipeline
    from core.project import Project
    from core.tasks import TaskState

    write_corpus(workdir / "corpus-memory", n, seed=seed)
    trend: list[tuple[int, float]] = []
    with Project(workdir / "memory.newsprism") as project:
        project.import_paths([workdir / "corpus-memory"])
        load_pipeline(project.model)
        trend.append((0, (tree_rss_bytes() or 0) / 2**20))
        state = TaskState(lambda fraction, _msg: trend.append((round(fraction * n), (tree_rss_bytes() or 0) / 2**20)))
        project.analyse(state=state)
    return trend


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.breakdown")
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--memory", action="store_true", help="also follow memory during a real analysis")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsprism-breakdown-") as tmp:
        steps = breakdown(Path(tmp), args.n, args.seed)
        spacy_s = dict(steps)["spaCy nlp.pipe (Newsprism's pipeline)"]
        print(f"{args.n} articles; per article and as a share of spaCy's own time:")
        for label, seconds in steps:
            print(f"  {label:<48} {seconds:8.2f} s  {seconds / args.n * 1000:8.2f} ms/article  {seconds / spacy_s:6.1%}")
        if args.memory:
            print("memory during Project.analyse (articles done: MB):")
            print("  " + ", ".join(f"{done}: {mb:.0f}" for done, mb in memory_trend(Path(tmp), args.n, args.seed)))


if __name__ == "__main__":
    main()
