"""Where analysis time goes besides spaCy: cProfile over ``Project.analyse``.

    python -m benchmarks.profile_analysis --n 2000 [--top 25] [--keep DIR]

Imports the synthetic corpus (profiled too), loads the model outside the
profile, then profiles one full analysis. Prints spaCy's share (cumulative
time inside ``Language.pipe``), the cumulative time of every Newsprism
function on the path, SQLite's share, and the costliest functions outside
spaCy by own time. cProfile slows Python code more than spaCy's compiled
code, so the non-spaCy share is an upper bound; the benchmark's unprofiled
ratio is the real figure.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
from pathlib import Path

from benchmarks.corpus import write_corpus
from benchmarks.measure import Stopwatch

SPACY_PARTS = ("spacy/", "thinc/", "cymem/", "preshed/", "srsly/", "numpy/", "catalogue/", "confection/", "blis/")
CORE_DIR = str(Path(__file__).resolve().parents[1] / "core") + "/"


def _category(filename: str, name: str) -> str:
    if filename.startswith(CORE_DIR):
        return "Newsprism core"
    if any(filename.startswith(part) or f"/{part}" in filename for part in SPACY_PARTS):
        return "spaCy"
    if "sqlite3" in name or "sqlite3" in filename:
        return "SQLite"
    if "/pandas/" in filename:
        return "pandas"
    if "/rapidfuzz/" in filename or "/sklearn/" in filename or "/scipy/" in filename:
        return "rapidfuzz/sklearn"
    return "Python and other"


def _rows(stats: pstats.Stats):
    for (filename, line, name), (_cc, calls, tottime, cumtime, _callers) in stats.stats.items():
        yield filename, line, name, calls, tottime, cumtime


def _short(filename: str, line: int, name: str) -> str:
    if filename.startswith(CORE_DIR):
        filename = "core/" + filename[len(CORE_DIR):]
    elif "/site-packages/" in filename:
        filename = filename.split("/site-packages/", 1)[1]
    return f"{filename}:{line}({name})"


def summarise(stats: pstats.Stats, wall: float, top: int) -> str:
    rows = list(_rows(stats))
    pipe = max((r for r in rows if r[2] == "pipe" and "spacy/language.py" in r[0]), key=lambda r: r[5], default=None)
    pipe_s = pipe[5] if pipe else 0.0
    by_category: dict[str, float] = {}
    for filename, _line, name, _calls, tottime, _cum in rows:
        key = _category(filename, name)
        by_category[key] = by_category.get(key, 0.0) + tottime
    lines = [f"profiled analyse: {wall:.1f} s wall; inside Language.pipe (cumulative): {pipe_s:.1f} s "
             f"({pipe_s / wall:.0%}); outside: {wall - pipe_s:.1f} s ({(wall - pipe_s) / wall:.0%})", "",
             "own time by category:"]
    lines += [f"  {k:<20} {v:8.2f} s" for k, v in sorted(by_category.items(), key=lambda kv: -kv[1])]
    core = sorted((r for r in rows if r[0].startswith(CORE_DIR)), key=lambda r: -r[5])[:top]
    lines += ["", "Newsprism functions by cumulative time (includes what they call):"]
    lines += [f"  {r[5]:8.2f} s cum {r[4]:7.2f} s own {r[3]:>9,} calls  {_short(r[0], r[1], r[2])}" for r in core]
    outside = sorted((r for r in rows if _category(r[0], r[2]) != "spaCy"), key=lambda r: -r[4])[:top]
    lines += ["", "outside spaCy by own time:"]
    lines += [f"  {r[4]:8.2f} s own {r[5]:8.2f} s cum {r[3]:>9,} calls  {_short(r[0], r[1], r[2])}" for r in outside]
    return "\n".join(lines)


def profile(n: int, seed: int, top: int, workdir: Path) -> str:
    from core.nlp.pipeline import load_pipeline
    from core.project import Project

    write_corpus(workdir / "corpus", n, seed=seed)
    project = Project(workdir / "profile.newsprism")
    importing = cProfile.Profile()
    with Stopwatch() as import_t:
        importing.runcall(project.import_paths, [workdir / "corpus"])
    load_pipeline(project.model)
    analysing = cProfile.Profile()
    with Stopwatch() as analyse_t:
        analysing.runcall(project.analyse)
    project.close()
    import_stats = pstats.Stats(importing)
    head = [f"import of {n} files: {import_t.seconds:.1f} s (profiled)", ""]
    import_top = sorted(_rows(import_stats), key=lambda r: -r[4])[:12]
    head += ["import, by own time:"] + [
        f"  {r[4]:8.2f} s own {r[5]:8.2f} s cum {r[3]:>9,} calls  {_short(r[0], r[1], r[2])}" for r in import_top]
    return "\n".join(head) + "\n\n" + summarise(pstats.Stats(analysing), analyse_t.seconds, top)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_analysis")
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--keep", type=Path)
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        print(profile(args.n, args.seed, args.top, args.keep))
    else:
        with tempfile.TemporaryDirectory(prefix="newsprism-profile-") as tmp:
            print(profile(args.n, args.seed, args.top, Path(tmp)))


if __name__ == "__main__":
    main()
