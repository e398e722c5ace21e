"""Finding the articles that need analysis: every text read and hashed (before) against the stored hashes (now).

    python -m benchmarks.todo_bench [PROJECT] [--n 100000] [--stale 1000]

Works on a copy of PROJECT, in a temporary folder (else on a synthetic
project of ``--n`` analysed articles written by :mod:`benchmarks.million`):
the file given is never migrated or changed. ``--stale`` articles get an
out-of-date analysis, so that both ways have articles to return. A project
from before the stored hashes first gets them (once per project: timed
apart). Each way then runs in a process of its own, so that its peak
memory is its own. Prints a line per step, then one JSON line.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from benchmarks.measure import PeakMemory, Stopwatch, emit, run_child, tree_rss_bytes


def old_articles_to_analyse(store, model_name: str):
    """The algorithm before the stored hashes (core/analysis/analyse.py until schema 9): every article read and hashed."""
    from core.model.article import content_hash
    from core.nlp.extract import analysis_key
    from core.nlp.languages import model_for

    done = store.analysis_state()
    failed = {article_id: (text_hash, model) for article_id, (text_hash, model, _) in store.analysis_failures().items()}
    todo, current = [], 0
    for article in store.articles():
        model = model_for(article.language, model_name)
        state = (content_hash(article.analysed_text), analysis_key(model)) if model else None
        if state and (done.get(article.id) == state or failed.get(article.id) == state):
            current += 1
        else:
            todo.append(article)
    return todo, current


def _child(way: str, path: Path) -> dict:
    """One way, timed, in this process: ``prepare`` (open, migrate, hash what has no hash), ``old`` or ``new``."""
    from core.analysis.analyse import articles_to_analyse
    from core.nlp.pipeline import DEFAULT_MODEL
    from core.store import text_hashes
    from core.store.store import ProjectStore

    base = (tree_rss_bytes() or 0) / 2**20
    with PeakMemory() as peak, Stopwatch() as clock:
        store = ProjectStore(path, create=False)
        if way == "prepare":
            result = {"hashed": text_hashes.fill(store)}
        else:
            find = old_articles_to_analyse if way == "old" else articles_to_analyse
            todo, current = find(store, DEFAULT_MODEL)
            result = {"todo": len(todo), "current": current}
            del todo
        store.close()
    return {"way": way, "seconds": round(clock.seconds, 2), "peak_mb": peak.mb, "start_mb": round(base, 1), **result}


def _make_stale(path: Path, count: int) -> None:
    """``count`` analyses, spread over the project, made for another text."""
    db = sqlite3.connect(path)
    try:
        total = db.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]
        step = max(total // max(count, 1), 1)
        with db:
            db.execute("UPDATE analyses SET text_hash = 'stale' WHERE rowid IN "
                       "(SELECT rowid FROM analyses WHERE rowid % ? = 0 LIMIT ?)", (step, count))
    finally:
        db.close()


def _schema(path: Path) -> int:
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return db.execute("PRAGMA user_version").fetchone()[0]
    finally:
        db.close()


def bench(project: Path | None, n: int, stale: int, folder: Path) -> dict:
    path = folder / "todo.newsprism"
    if project is None:
        from benchmarks.million import write

        write(path, n)
        print(f"synthetic project of {n:,} analysed articles written", flush=True)
    else:
        shutil.copy(project, path)  # never the file given: opening it would migrate it
    result: dict = {"articles": None, "schema_before": _schema(path), "stale": stale}
    for way in ("prepare", "old", "new"):
        if way == "old" and stale:
            _make_stale(path, stale)
        figures = run_child("benchmarks.todo_bench", "--child", way, str(path))
        result[way] = figures
        counts = ", ".join(f"{k} {v:,}" for k, v in figures.items() if k in ("hashed", "todo", "current"))
        print(f"{way:>8}: {figures['seconds']:8.2f} s, peak {figures['peak_mb']:8.1f} MB "
              f"(from {figures['start_mb']:.1f} MB) {counts}", flush=True)
    result["articles"] = result["new"]["todo"] + result["new"]["current"]
    if (result["old"]["todo"], result["old"]["current"]) != (result["new"]["todo"], result["new"]["current"]):
        print("the two ways disagree!", file=sys.stderr)
        result["disagree"] = True
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.todo_bench", description=__doc__.split("\n")[0])
    parser.add_argument("project", type=Path, nargs="?", help="a .newsprism file (copied; never changed)")
    parser.add_argument("--n", type=int, default=100_000, help="articles of the synthetic project (without PROJECT)")
    parser.add_argument("--stale", type=int, default=1000, help="analyses made out of date before timing")
    parser.add_argument("--workdir", type=Path, help="where the copy goes (default: a temporary folder, removed)")
    parser.add_argument("--child", choices=("prepare", "old", "new"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        emit(_child(args.child, args.project))
        return 0
    if args.workdir:
        args.workdir.mkdir(parents=True, exist_ok=True)
        emit(bench(args.project, args.n, args.stale, args.workdir))
    else:
        with tempfile.TemporaryDirectory(prefix="newsprism-todo-") as folder:
            emit(bench(args.project, args.n, args.stale, Path(folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
