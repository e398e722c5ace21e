"""Excel export speed and memory: Newsprism's streamed workbook against pandas ``to_excel``.

    python benchmarks/excel_bench.py [--articles 2000] [--mentions 100] [--skip-seeds] [--normal] [--no-pandas]

Two projects: the seed articles analysed with the real model, and a
synthetic one of ``--articles`` × ``--mentions`` written straight into a
store (no spaCy). Each measurement runs in a fresh process, so its peak
memory (max RSS) is its own. Compared:

- ``newsprism``: ``Project.export_xlsx`` (streamed sheets, tables, formats, charts; includes
  building the tables from the project);
- ``newsprism-normal`` (with ``--normal``): the same with openpyxl's normal (not streamed) mode;
- ``pandas``: ``DataFrame.to_excel`` of the same tables (built first, not timed), one sheet each,
  no tables, formats or charts.
"""

from __future__ import annotations

from core.text.names import DEFAULT_TYPES

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

ENTITIES = [
    ("Vladimir Putin", "PERSON"), ("Kim Jong Un", "PERSON"), ("Olaf Scholz", "PERSON"), ("Russia", "GPE"),
    ("North Korea", "GPE"), ("Ukraine", "GPE"), ("Kremlin", "ORG"), ("United Nations", "ORG"), ("NATO", "ORG"),
    ("European Union", "ORG"), ("Germans", "NORP"), ("Black Sea", "LOC"),
]
OUTLETS = ["Daily Planet", "Gotham Gazette", "Metropolis Mirror", "Central City Citizen", "Star City Star"]


def build_synthetic(path: Path, n_articles: int, n_mentions: int) -> None:
    """Articles of ``n_mentions`` sentences, one entity mention each, stored as analysed."""
    from core.model.article import Origin, make_article
    from core.project import Project

    rng = random.Random(1)
    with Project(path) as project:
        for start in range(0, n_articles, 250):
            articles, results = [], []
            for i in range(start, min(start + 250, n_articles)):
                picks = [rng.choice(ENTITIES) for _ in range(n_mentions)]
                body = " ".join(f"On day {k} officials said {name} had met envoys about item {i}." for k, (name, _) in enumerate(picks))
                article = make_article(body, title=f"Report {i}: talks continue", outlet=OUTLETS[i % len(OUTLETS)],
                                       date=f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}",
                                       origins={"title": Origin.EXTRACTED, "outlet": Origin.FILE})
                mentions, offset = [], 0
                for name, label in picks:
                    at = article.text.index(name, offset)
                    mentions.append((at, at + len(name), name, label, name))
                    offset = at + len(name)
                articles.append(article)
                results.append((article.id, "bench", "synthetic", mentions))
            project.store.add_articles(articles)
            project.store.save_analyses(results)


def build_seeds(path: Path) -> None:
    from core.project import Project

    with Project(path) as project:
        project.import_paths([REPO / "seeds"])
        project.analyse()


def child(method: str, project_path: Path, target: Path) -> dict:
    """One measurement in this (fresh) process."""
    import pandas as pd

    from core.export import excel
    from core.export.excel_sheets import ExportData
    from core.export.excel_specs import available_sheets
    from core.project import Project

    with Project(project_path) as project:
        if method.startswith("newsprism"):
            excel.STREAMING = method == "newsprism"
            start = time.perf_counter()
            project.export_xlsx(target)
            seconds = time.perf_counter() - start
        else:
            build_start = time.perf_counter()
            data = ExportData(project, DEFAULT_TYPES)
            frames = {}
            for spec in available_sheets(project):
                built = spec.build(data)
                frames[spec.title] = built if isinstance(built, pd.DataFrame) else pd.concat(list(built), ignore_index=True)
            build = time.perf_counter() - build_start
            start = time.perf_counter()
            with pd.ExcelWriter(target, engine="openpyxl") as writer:
                for title, frame in frames.items():
                    frame.to_excel(writer, sheet_name=title, index=False)
            seconds = time.perf_counter() - start
    rows = project_rows(project_path)
    return {"method": method, "seconds": round(seconds, 2), "tables_seconds": round(build, 2) if method == "pandas" else "",
            "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
            "size_mb": round(target.stat().st_size / 1e6, 1), **rows}


def project_rows(path: Path) -> dict:
    import sqlite3

    db = sqlite3.connect(path)
    try:
        return {"articles": db.execute("SELECT COUNT(*) FROM articles").fetchone()[0],
                "mentions": db.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]}
    finally:
        db.close()


def measure(method: str, project_path: Path, work: Path) -> dict:
    target = work / f"{project_path.stem}-{method}.xlsx"
    out = subprocess.run([sys.executable, __file__, "--child", method, str(project_path), str(target)],
                         check=True, capture_output=True, text=True, env={**os.environ})
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--mentions", type=int, default=100, help="mentions per article")
    parser.add_argument("--skip-seeds", action="store_true")
    parser.add_argument("--normal", action="store_true", help="also measure openpyxl's normal (not streamed) mode")
    parser.add_argument("--no-pandas", action="store_true", help="skip pandas (for very large projects)")
    parser.add_argument("--child", nargs=3, metavar=("METHOD", "PROJECT", "TARGET"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]), Path(args.child[2]))))
        return 0
    work = Path(tempfile.mkdtemp(prefix="excel-bench-"))
    os.environ.setdefault("NEWSPRISM_HOME", str(work / "home"))
    methods = ["newsprism", *(["newsprism-normal"] if args.normal else []), *([] if args.no_pandas else ["pandas"])]
    projects = []
    if not args.skip_seeds:
        build_seeds(work / "seeds.newsprism")
        projects.append(work / "seeds.newsprism")
    start = time.perf_counter()
    build_synthetic(work / "synthetic.newsprism", args.articles, args.mentions)
    print(f"synthetic project built in {time.perf_counter() - start:.1f} s")
    projects.append(work / "synthetic.newsprism")
    print("seconds: writing the workbook (newsprism: including building its tables; pandas: "
          "not including building the tables, shown apart)")
    print(f"{'project':<12} {'method':<17} {'articles':>8} {'mentions':>9} {'seconds':>8} {'tables s':>8} "
          f"{'max RSS MB':>10} {'file MB':>8}")
    for project in projects:
        for method in methods:
            r = measure(method, project, work)
            print(f"{project.stem:<12} {r['method']:<17} {r['articles']:>8} {r['mentions']:>9} {r['seconds']:>8} "
                  f"{r['tables_seconds']:>8} "
                  f"{r['max_rss_mb']:>10} {r['size_mb']:>8}", flush=True)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
