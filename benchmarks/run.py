"""``make bench``: how close Newsprism comes to the speed of spaCy itself.

    python -m benchmarks.run --n 2000 [--json-only] [--out docs/benchmarks.md]
    python -m benchmarks.run --n 500 --only-analysis     # the analysis rows only

Builds the synthetic corpus in a temporary folder, imports it per format,
runs bare spaCy (the full pipeline, and NER alone) and Newsprism's analysis
over the same texts (each in a fresh process, so its peak memory is its own),
then the same three over real news (benchmarks/real_text.py), reopens the project headless
and in the window, measures how long the window freezes while its worker
imports and analyses, and exports to Excel against pandas. Prints a table and,
last, one JSON line; ``--out`` writes the table into a Markdown file.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

from benchmarks import phases
from benchmarks import dask_bench
from benchmarks.corpus import write_corpus
from benchmarks.grouping_bench import grouping
from benchmarks.measure import ChildFailed, cores, machine, run_child
from benchmarks.real_text import measure_real, real_project
from benchmarks.report import Row, rows_json, speed_ratio, table, write_markdown

MEMORY_TARGET_MB = 1536
#: Newsprism's analysis against bare spaCy running the entity recogniser alone (issue 19).
NER_TARGET = 0.7


def _attempt(notes: dict, name: str, fn, *args):
    """Run one measurement; a failure becomes a note and the rest goes on."""
    try:
        return fn(*args)
    except ChildFailed as exc:
        notes[name] = str(exc).splitlines()[-1][:300]
    except Exception as exc:  # noqa: BLE001 - a benchmark reports, never stops
        notes[name] = f"{exc.__class__.__name__}: {exc}"[:300]
        traceback.print_exc(file=sys.stderr)
    return None


def _baselines(project: Path, processes: list[int], limit: int | None, notes: dict) -> dict[int, dict]:
    out = {}
    for k in processes:
        args = ["spacy", str(project), "--n-process", str(k)] + (["--limit", str(limit)] if limit else [])
        result = _attempt(notes, f"spacy n_process={k}", run_child, "benchmarks.analysis_child", *args)
        if result:
            out[k] = result
    return out


def _analysis_rows(ours: dict | None, bases: dict[int, dict], rows: list[Row], n: int) -> dict:
    rate = lambda r: r["words"] / r["seconds"] if r and r["seconds"] else None  # noqa: E731
    best_k = max(bases, key=lambda k: rate(bases[k])) if bases else None
    ours_rate = rate(ours)
    summary = {"words_per_s": ours_rate, "seconds": ours and ours["seconds"], "n_process": ours and ours["n_process"],
               "load_s": ours and ours["load_s"], "components": ours and ours["components"],
               "baselines": {str(k): {"words_per_s": rate(b), "seconds": b["seconds"], "peak_rss_mb": b["peak_rss_mb"],
                                      "components": b["components"]}
                             for k, b in bases.items()}}
    if best_k is not None:
        base_rate = rate(bases[best_k])
        summary.update(baseline_words_per_s=base_rate, baseline_n_process=best_k,
                       ratio=ours_rate / base_rate if ours_rate and base_rate else None)
        rows.append(Row("analysis throughput", ours_rate, "words/s", base_rate, f"bare nlp.pipe, n_process={best_k}",
                        summary["ratio"], "≥ 0.9", f"Newsprism n_process={ours and ours['n_process']}; model load excluded; "
                        f"components {'+'.join(bases[best_k]['components'])}"
                        + (f" (+ Newsprism's {', '.join(c for c in ours['components'] if c not in bases[best_k]['components'])})"
                           if ours and set(ours["components"]) - set(bases[best_k]["components"]) else "")))
        same = ours and bases.get(ours["n_process"])
        if same and best_k != ours["n_process"]:
            r = ours_rate / rate(same) if ours_rate else None
            summary["ratio_same_processes"] = r
            rows.append(Row("analysis throughput, same process count", ours_rate, "words/s", rate(same),
                            f"bare nlp.pipe, n_process={ours['n_process']}", r, "≥ 0.9"))
    if ours:
        rows.append(Row("peak memory during analysis", ours["peak_rss_mb"], "MB",
                        bases[best_k]["peak_rss_mb"] if best_k else None, "bare nlp.pipe", None,
                        f"< {MEMORY_TARGET_MB} MB at 10,000", f"N={n}; process tree RSS ({ours['memory_method']})"))
        rows.append(Row("model load (not in the throughput)", ours["load_s"], "s"))
    return summary


def _ner_row(ours: dict | None, ner: dict | None, rows: list[Row], summary: dict) -> None:
    """Newsprism beside bare spaCy with NER alone, same process count."""
    if not ner:
        return
    rate = lambda r: r["words"] / r["seconds"] if r and r["seconds"] else None  # noqa: E731
    ratio = rate(ours) / rate(ner) if rate(ours) and rate(ner) else None
    summary["ner_alone"] = {"words_per_s": rate(ner), "seconds": ner["seconds"], "n_process": ner["n_process"],
                            "components": ner["components"], "ratio": ratio}
    rows.append(Row("analysis throughput vs NER alone", rate(ours), "words/s", rate(ner),
                    f"bare spaCy, NER alone, n_process={ner['n_process']}", ratio, f"≥ {NER_TARGET}",
                    f"components {'+'.join(ner['components'])}; the same run as the row above"))


def _real_rows(real: dict | None, note: str | None, rows: list[Row]) -> None:
    """Analysis on real news against the full pipeline and NER alone (benchmarks/real_text.py)."""
    if not real:
        rows.append(Row("real news: analysis throughput", None, "words/s", note=note or "articles.csv not available"))
        return
    where = f"{real['articles']} real articles, {real['words']:,} words"
    rows.append(Row("real news: analysis throughput", real["words_per_s"], "words/s", real["full_words_per_s"],
                    f"bare nlp.pipe, full pipeline, n_process={real['n_process']}", real["ratio_full"], "≥ 0.9", where))
    rows.append(Row("real news: analysis vs NER alone", real["words_per_s"], "words/s", real["ner_words_per_s"],
                    f"bare spaCy, NER alone, n_process={real['n_process']}", real["ratio_ner"], f"≥ {NER_TARGET}", where))


def _real_text(workdir: Path, n_process: int, copies: int, limit: int | None, notes: dict) -> dict | None:
    project = _attempt(notes, "real news", real_project, workdir, copies, limit)
    return project and _attempt(notes, "real news", measure_real, project, n_process)


def _import_rows(imported: dict | None, notes_by_format: dict, rows: list[Row], sample: str = "") -> None:
    for fmt, r in (imported or {}).items():
        if r["files"] == 1 and r.get("articles", 0) > 1:  # a table or archive of many articles
            rows.append(Row(f"import .{fmt}", r["articles_per_s"], "articles/s",
                            note=f"one file of {r['articles']} articles, {r['mb_per_s']:.2f} MB/s, {r['statuses']}"))
        else:
            rows.append(Row(f"import .{fmt}", r["files_per_s"], "files/s",
                            note=f"{r['files']} files{sample}, {r['mb_per_s']:.2f} MB/s, {r['statuses']}"))
    for fmt, note in notes_by_format.items():
        rows.append(Row(f"import .{fmt}", None, "files/s", note=note))


def _launch(project: Path | None) -> dict:
    """``newsprism [PROJECT]`` in a fresh process, timed from just before the process starts."""
    return run_child("benchmarks.gui_child", "launch", *([str(project)] if project else []), "--started", str(time.time()))


def _launch_rows(launches: dict[str, dict | None], notes: dict, rows: list[Row]) -> None:
    for name, launched in launches.items():
        what = f"first paint of the window (newsprism {name})"
        if launched and launched["first_paint_s"] is not None:
            shown = f"{launched['data_shown_s']:.2f} s" if launched["data_shown_s"] is not None else "not shown"
            rows.append(Row(what, launched["first_paint_s"], "s", target="< 1 s",
                            note=f"from the process start, offscreen; the project's data shown at {shown}"))
        else:
            rows.append(Row(what, None, "s", note=notes.get(f"launch {name}", "not painted")))


def _gui_rows(opened: dict | None, blocked: dict | None, bare: dict | None, notes: dict, gui_n: int, rows: list[Row]) -> None:
    if opened:
        rows.append(Row("reopen and show the window", opened["seconds"], "s", target="≈ 1 s at 10,000",
                        note=f"offscreen; window modules import {opened['import_s']:.2f} s more; "
                             f"GUI thread worst lateness {opened['block_worst_ms']} ms meanwhile"))
    else:
        rows.append(Row("reopen and show the window", None, "s", note=notes.get("gui reopen", "GUI not available")))
    if blocked:
        rows.append(Row("GUI thread blocked (worst)", blocked["worst_ms"], "ms", bare and bare["worst_ms"],
                        f"bare nlp.pipe in a thread, batch {bare['batch_size']}" if bare else "",
                        speed_ratio(blocked["worst_ms"], bare and bare["worst_ms"]), target="< 50 ms",
                        note=f"10 ms QTimer while the window imports and analyses {gui_n} files and fills its views "
                             f"({blocked['seconds']:.0f} s; p99 {blocked['p99_ms']} ms; {blocked['late_over_50ms']} ticks > 50 ms)"))
    else:
        rows.append(Row("GUI thread blocked (worst)", None, "ms", note=notes.get("gui block", "pending: no GUI worker yet")))


def run(n: int, seed: int, html_share: float, processes: list[int], gui_n: int, baseline_limit: int | None,
        format_sample: int, workdir: Path, real_copies: int = 2, real_limit: int | None = None,
        only_analysis: bool = False, dask_workers: list[int] | None = None) -> tuple[list[Row], dict]:
    notes: dict[str, str] = {}
    rows: list[Row] = []
    corpus_dir, project = workdir / "corpus", workdir / "bench.newsprism"
    corpus = phases.build_corpus(corpus_dir, n, seed, html_share)
    rows.append(Row("corpus generation", corpus["articles"] / corpus["seconds"], "articles/s",
                    note=f"{corpus['articles']} articles, {corpus['words']:,} words, {corpus['events']} events"))
    by_format, format_notes = phases.supported_formats(corpus_dir)
    imported = _attempt(notes, "import", phases.import_formats, project, by_format)
    _import_rows(imported, format_notes, rows)
    others = None if only_analysis else _attempt(notes, "import other formats", phases.import_other_formats,
                                                 workdir, format_sample, seed)
    if others:
        _import_rows(others[0], others[1], rows, sample=" (same articles in this format)")
        imported = {**(imported or {}), **others[0]}
    imported_only = workdir / "imported.newsprism"  # the same articles, not analysed yet, for the Dask runs
    if project.exists():
        shutil.copy(project, imported_only)
    bases = _baselines(project, processes, baseline_limit, notes)
    ours = _attempt(notes, "analysis", run_child, "benchmarks.analysis_child", "newsprism", str(project),
                    "--n-process", str(max(processes)))
    analysis = _analysis_rows(ours, bases, rows, n)
    most = max(processes)
    ner = _attempt(notes, f"spacy ner n_process={most}", run_child, "benchmarks.analysis_child", "spacy-ner", str(project),
                   "--n-process", str(most), *(["--limit", str(baseline_limit)] if baseline_limit else []))
    _ner_row(ours, ner, rows, analysis)
    real = _real_text(workdir, most, real_copies, real_limit, notes)
    _real_rows(real, notes.get("real news"), rows)
    dask = None
    if dask_workers and imported_only.exists():
        (workdir / "dask").mkdir(exist_ok=True)
        dask = _attempt(notes, "dask", dask_bench.compare, imported_only, dask_workers, workdir / "dask", notes)
        if dask:
            rows += dask_bench.rows(dask, n)
    if only_analysis:
        return rows, {"n": n, "seed": seed, "machine": machine(), "corpus": corpus, "analysis": analysis,
                      "real_text": real, "dask": dask, "notes": notes, "rows": rows_json(rows)}
    again = _attempt(notes, "reanalysis", phases.reanalyse, project)
    if again:
        rows.append(Row("analyse again, nothing changed", again["seconds"], "s", note=f"{again['analysed']} re-analysed"))
    grouped = _attempt(notes, "grouping", grouping, project, corpus_dir)
    if grouped:
        rows.append(Row("group stories after analysis", grouped["seconds"], "s", grouped.get("baseline_seconds"),
                        "TF-IDF + agglomerative, every pair", speed_ratio(grouped["seconds"], grouped.get("baseline_seconds")),
                        "< 10 s at 10,000",
                        f"{grouped['articles']} articles -> {grouped['stories']} stories ({grouped['events']} events); "
                        f"B3 F1 {grouped['bcubed']:.3f}" + (f" vs baseline {grouped['baseline_bcubed']:.3f}"
                                                           if grouped.get("baseline_bcubed") is not None else
                                                           "; baseline not run above 4,000 articles")
                        + f"; surname joins {grouped['name_joins_s']:.2f} s more"))
    reopened = _attempt(notes, "reopen", phases.reopen, project)
    if reopened:
        rows.append(Row("reopen headless (Project + articles_frame + entity_table)", reopened["seconds"], "s",
                        note=f"articles_frame {reopened['articles_frame_s']:.2f} s, entity_table {reopened['entity_table_s']:.2f} s"))
    opened = blocked = bare = None
    launches: dict[str, dict | None] = {}
    if importlib.util.find_spec("gui.main_window") is not None:
        launches = {"(the sample, first start)": _attempt(notes, "launch (the sample, first start)", _launch, None),
                    f"PROJECT ({n:,} articles)": _attempt(notes, f"launch PROJECT ({n:,} articles)", _launch, project)}
        _launch_rows(launches, notes, rows)
        opened = _attempt(notes, "gui reopen", run_child, "benchmarks.gui_child", "reopen", str(project))
        if importlib.util.find_spec("gui.workers") is not None:
            small = workdir / "gui-corpus"
            write_corpus(small, gui_n, seed=seed + 1, html_share=html_share)
            blocked = _attempt(notes, "gui block", run_child, "benchmarks.gui_child", "block", str(small))
            bare = _attempt(notes, "gui block spacy", run_child, "benchmarks.gui_child", "spacy", str(gui_n),
                            "--seed", str(seed + 1))
    _gui_rows(opened, blocked, bare, notes, gui_n, rows)
    exported = None
    if phases.export_available():
        exported = _attempt(notes, "export", phases.export, project)
    if exported:
        rows.append(Row("Excel export", exported["seconds"], "s", exported["baseline_seconds"], "pandas to_excel, same tables",
                        speed_ratio(exported["seconds"], exported["baseline_seconds"]),
                        note=f"{exported['sheets']} sheets, {exported['rows']:,} rows, {exported['xlsx_mb']} MB"))
    else:
        rows.append(Row("Excel export", None, "s", note=notes.get("export", "pending: Project.export_xlsx not available")))
    summary = {
        "n": n, "seed": seed, "machine": machine(), "corpus": corpus, "import": imported, "analysis": analysis,
        "memory": {"peak_rss_mb": ours and ours["peak_rss_mb"], "target_mb": MEMORY_TARGET_MB}, "dask": dask,
        "real_text": real, "reanalysis": again, "grouping": grouped, "reopen": reopened, "window": opened,
        "launch": launches, "gui_block": blocked, "gui_block_spacy": bare,
        "export": exported,
        "notes": notes, "rows": rows_json(rows),
    }
    return rows, summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="articles in the corpus")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--html-share", type=float, default=0.1)
    parser.add_argument("--processes", type=int, default=None,
                        help="most spaCy processes to try (default: the cores available)")
    parser.add_argument("--gui-n", type=int, default=None, help="articles imported while the GUI freeze is measured")
    parser.add_argument("--baseline-limit", type=int, default=None, help="run bare spaCy over only this many articles")
    parser.add_argument("--format-sample", type=int, default=None,
                        help="articles written in each other format (.docx, .pdf, ...; default: min(N, 100))")
    parser.add_argument("--real-copies", type=int, default=2, help="times the real articles are imported (default 2: 300 articles)")
    parser.add_argument("--real-limit", type=int, default=None, help="only this many real articles")
    parser.add_argument("--only-analysis", action="store_true",
                        help="import the corpus and measure the analysis only (no other formats, window, export)")
    parser.add_argument("--dask-workers", type=int, nargs="*", default=None,
                        help="Dask LocalCluster sizes to run (default: 1 and the cores; none: skip the Dask runs)")
    parser.add_argument("--dask-only", action="store_true",
                        help="only the Dask engine against the desktop analysis (benchmarks/dask_bench.py)")
    parser.add_argument("--json-only", action="store_true")
    parser.add_argument("--out", type=Path, help="Markdown file to write the results into")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary folder)")
    args = parser.parse_args(argv)
    most = args.processes or cores()
    processes = [1] + ([most] if most > 1 else [])
    dask_workers = processes if args.dask_workers is None else args.dask_workers
    if args.dask_only:
        return dask_bench.main(["--n", str(args.n), "--seed", str(args.seed), "--workers", *map(str, dask_workers)])
    gui_n = args.gui_n or min(args.n, 500)
    format_sample = args.format_sample or min(args.n, 100)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        rows, summary = run(args.n, args.seed, args.html_share, processes, gui_n, args.baseline_limit, format_sample, args.keep,
                            args.real_copies, args.real_limit, args.only_analysis, dask_workers)
    else:
        with tempfile.TemporaryDirectory(prefix="newsprism-bench-") as tmp:
            rows, summary = run(args.n, args.seed, args.html_share, processes, gui_n, args.baseline_limit, format_sample, Path(tmp),
                                args.real_copies, args.real_limit, args.only_analysis, dask_workers)
    if not args.json_only:
        print(table(rows))
        for name, note in summary["notes"].items():
            print(f"note: {name}: {note}")
    if args.out:
        write_markdown(args.out, rows, summary)
    print(json.dumps(summary, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
