"""``newsprism-cli analyse``: import what is named, then analyse on the desktop engine or on Dask."""

from __future__ import annotations

import sys
import time
from dataclasses import asdict

from core.project import Project
from core.tasks import TaskState

BAR = 30


def progress_bar(quiet: bool = False) -> TaskState:
    """A progress bar on the terminal (none when stderr is not one, or ``quiet``)."""
    def show(fraction: float, message: str) -> None:
        filled = int(BAR * min(max(fraction, 0.0), 1.0))
        print(f"\r[{'#' * filled}{'.' * (BAR - filled)}] {fraction:4.0%} {message[:60]:<60}", end="",
              file=sys.stderr, flush=True)

    return TaskState(None if quiet or not sys.stderr.isatty() else show)


def run_analyse(args, project: Project, say, say_json) -> int:
    """Import ``args.paths`` (if any) and analyse; Ctrl-C stops it, and running it again goes on from there."""
    from core.distributed.sources import import_sources

    state = progress_bar(args.json)
    results = []
    started = time.perf_counter()
    try:
        if args.paths:
            results = import_sources(project, args.paths, state=state.sub(0.0, 0.2))
        analysing = state.sub(0.2 if args.paths else 0.0, 1.0)
        if args.engine == "dask":
            from core.distributed.engine import analyse_on_dask

            report = asdict(analyse_on_dask(project, scheduler=args.scheduler, workers=args.workers,
                                            dataset=args.parquet, state=analysing))
        else:
            desktop = project.analyse(state=analysing, processes=args.workers)
            report = {"analysed": desktop.analysed, "up_to_date": desktop.up_to_date,
                      "not_analysed": desktop.not_analysed, "failed": list(desktop.failed),
                      "workers": desktop.processes}
    except KeyboardInterrupt:
        if sys.stderr.isatty():
            print(file=sys.stderr)
        say("newsprism-cli: cancelled; what finished is saved, and the same command goes on from there",
            file=sys.stderr)
        return 1
    if sys.stderr.isatty() and not args.json:
        print(file=sys.stderr)
    report.update(engine=args.engine, seconds=round(time.perf_counter() - started, 2),
                  imported=[r.as_dict() for r in results])
    if args.json:
        say_json(report)
        return 0
    for result in results:
        say(f"{result.status.upper():<9} {result.source}: {result.message}")
    say(f"{report['analysed']:,} articles analysed ({args.engine}, {report['workers']} workers), "
        f"{report['up_to_date']:,} up to date, {report['not_analysed']:,} in a language no model reads, "
        f"{len(report['failed']):,} failed; {report['seconds']:.1f} s")
    for article_id, reason in report["failed"]:
        say(f"NOT ANALYSED {article_id}: {reason}", file=sys.stderr)
    return 0
