"""The Dask engine against the desktop analysis, and its scaling from 1 to 2 workers (issue 18).

    python -m benchmarks.dask_bench --n 2000 [--workers 1 2]     # alone: corpus, import, then the runs
    python -m benchmarks.dask_bench child PROJECT --engine dask --workers 2   # one run (what the above starts)

Each run analyses a fresh copy of the same imported project in a fresh
process. ``seconds`` is the whole call (the cluster's start, each worker's
model load, analysis, storing, story grouping), the figure to compare with
the desktop's ``Project.analyse`` (which starts its worker processes and
loads the model in them inside its call too); ``steady_s`` leaves the
start-up out (the desktop's: its model load time in this process,
subtracted). Prints one JSON line.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from benchmarks.measure import PeakMemory, Stopwatch, emit, run_child


def child(project_path: str, engine: str, workers: int) -> dict:
    from core.model.article import count_words
    from core.nlp.pipeline import load_pipeline
    from core.project import Project

    project = Project(project_path, create=False)
    words = sum(count_words(a.analysed_text) for a in project.articles())
    with PeakMemory() as peak, Stopwatch() as run:
        if engine == "dask":
            from core.distributed.engine import analyse_on_dask

            report = analyse_on_dask(project, workers=workers)
            analysed, steady = report.analysed, report.analysis_s + report.grouping_s
        else:
            report = project.analyse(processes=workers)
            analysed, steady = report.analysed, None
    if steady is None:
        with Stopwatch() as load:
            load_pipeline(project.model)
        steady = max(run.seconds - load.seconds, 1e-9)
    project.close()
    return {"engine": engine, "workers": workers, "articles": analysed, "words": words, "seconds": run.seconds,
            "steady_s": steady, "words_per_s": words / run.seconds, "steady_words_per_s": words / steady,
            "peak_rss_mb": peak.mb}


def compare(project: Path, workers: list[int], workdir: Path, notes: dict) -> dict:
    """Desktop at the most workers, then Dask at each worker count, each on a fresh copy of ``project``."""
    runs: dict[str, dict] = {}
    plan = [("desktop", max(workers))] + [("dask", k) for k in workers]
    for engine, k in plan:
        copy = workdir / f"{engine}-{k}.newsprism"
        shutil.copy(project, copy)
        try:
            runs[f"{engine}-{k}"] = run_child("benchmarks.dask_bench", "child", str(copy), "--engine", engine,
                                              "--workers", str(k))
        except Exception as exc:  # noqa: BLE001 - a benchmark reports, never stops
            notes[f"{engine} {k} workers"] = str(exc).splitlines()[-1][:300]
    desktop, most = runs.get(f"desktop-{max(workers)}"), runs.get(f"dask-{max(workers)}")
    one = runs.get(f"dask-{min(workers)}")
    ratio = lambda a, b, key: a[key] / b[key] if a and b else None  # noqa: E731
    return {"runs": runs, "vs_desktop": ratio(most, desktop, "words_per_s"),
            "vs_desktop_steady": ratio(most, desktop, "steady_words_per_s"),
            "scaling": ratio(most, one, "steady_words_per_s") if min(workers) != max(workers) else None,
            "workers": workers}


def rows(result: dict, n: int) -> list:
    from benchmarks.report import Row

    runs, k = result["runs"], max(result["workers"])
    desktop, most = runs.get(f"desktop-{k}"), runs.get(f"dask-{k}")
    out = [Row(f"Dask analysis, LocalCluster of {k} workers", most and most["words_per_s"], "words/s",
               desktop and desktop["words_per_s"], f"desktop Project.analyse, {k} processes", result["vs_desktop"],
               "≥ 0.9", f"N={n}; whole call: cluster start, model load per worker, analysis, Parquet, store, stories"),
           Row("Dask analysis without start-up", most and most["steady_words_per_s"], "words/s",
               desktop and desktop["steady_words_per_s"], "desktop, its model load subtracted",
               result["vs_desktop_steady"], "≥ 0.9", f"Dask start-up {most['seconds'] - most['steady_s']:.1f} s"
               if most else "")]
    if result["scaling"] is not None:
        one = runs.get(f"dask-{min(result['workers'])}")
        out.append(Row(f"Dask scaling {min(result['workers'])} -> {k} workers", result["scaling"], "×",
                       note=f"{one and one['steady_words_per_s']:,.0f} -> {most and most['steady_words_per_s']:,.0f} "
                            "words/s without start-up" if one and most else ""))
    return out


def standalone(n: int, seed: int, workers: list[int], workdir: Path) -> dict:
    """Corpus, import, then the comparison: the Dask part of ``make bench`` alone."""
    from benchmarks.corpus import write_corpus
    from core.project import Project

    write_corpus(workdir / "corpus", n, seed=seed)
    project = workdir / "imported.newsprism"
    with Project(project) as p:
        p.import_paths([workdir / "corpus"])
    notes: dict = {}
    result = compare(project, workers, workdir, notes)
    result["notes"] = notes
    return result


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["child"]:
        parser = argparse.ArgumentParser(prog="python -m benchmarks.dask_bench child")
        parser.add_argument("project")
        parser.add_argument("--engine", choices=("dask", "desktop"), required=True)
        parser.add_argument("--workers", type=int, required=True)
        args = parser.parse_args(argv[1:])
        emit(child(args.project, args.engine, args.workers))
        return 0
    parser = argparse.ArgumentParser(prog="python -m benchmarks.dask_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="newsprism-dask-bench-") as tmp:
        result = standalone(args.n, args.seed, args.workers, Path(tmp))
    from benchmarks.report import table

    print(table(rows(result, args.n)))
    emit(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
