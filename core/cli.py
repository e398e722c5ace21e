"""``newsprism-cli``: everything the window does, from a terminal or a script.

Exit status: 0 when the command did its work (even if some files failed,
which it reports), 2 for bad usage, 1 when nothing could be done.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from pathlib import Path

import pandas as pd

from core.io.store import ProjectError
from core.jobs import not_analysed
from core.model.import_result import Status
from core.nlp.pipeline import ModelUnavailable
from core.project import Project
from core.settings import Settings
from core.text.shown_names import storable, terminal_text
from core.tasks import TaskState

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsprism-cli", description="Comparative media analysis from the command line.")
    commands = parser.add_subparsers(dest="command", required=True)

    imp = commands.add_parser("import", help="import files, folders and links, then analyse them")
    imp.add_argument("paths", nargs="+", help="files, folders, or http(s) links to fetch")
    imp.add_argument("--project", required=True, type=Path, help="project file (.newsprism), created if missing")
    imp.add_argument("--no-analyse", action="store_true", help="import only")
    imp.add_argument("--json", action="store_true", help="print the per-file results as JSON")

    summary = commands.add_parser("summary", help="articles and entities per outlet")
    summary.add_argument("--project", required=True, type=Path)
    summary.add_argument("--json", action="store_true")

    comp = commands.add_parser("compare", help="compare the outlets within one story")
    comp.add_argument("--project", required=True, type=Path)
    comp.add_argument("--story", type=int, help="story id (see 'summary'); all stories if omitted")
    comp.add_argument("--top", type=int, default=10, help="rows per list (default 10)")
    comp.add_argument("--json", action="store_true")

    export = commands.add_parser("export", help="export the project to an Excel workbook")
    export.add_argument("--project", required=True, type=Path)
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--xlsx", type=Path, help="the workbook to write")
    target.add_argument("--csv", type=Path, help="a folder for one CSV file per table")
    export.add_argument("--story", type=int, help="export one story only")
    return parser


def say(text: str = "", *, file=None) -> None:
    """Print ``text``: names and texts from files may hold control characters, shown as escapes.

    Its lines stay lines: a value that must stay on one line (a file name
    with a line break in it) is passed through ``terminal_text`` first.
    """
    print("\n".join(terminal_text(line) for line in text.split("\n")), file=file)


def say_json(value) -> None:
    """Print ``value`` as JSON; the controls JSON leaves raw (DEL, C1, bidi overrides) as \\u escapes."""
    text = storable(json.dumps(value, indent=2, ensure_ascii=False, default=str))
    print(_RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


_RAW_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _progress_printer(quiet: bool) -> TaskState:
    def show(fraction: float, message: str) -> None:
        print(f"\r[{fraction:4.0%}] {terminal_text(message)[:70]:<70}", end="", file=sys.stderr, flush=True)

    return TaskState(None if quiet or not sys.stderr.isatty() else show)


def cmd_import(args, project: Project) -> int:
    state = _progress_printer(args.json)
    links = [p for p in args.paths if p.startswith(("http://", "https://"))]
    files = [Path(p) for p in args.paths if p not in links]
    results = project.import_paths(files, state=state) if files else []
    if links:
        results += project.import_urls(links, state=state)
    analysis_error, report = None, None
    if not args.no_analyse:
        try:
            report = project.analyse(state=state)
        except (ProjectError, ModelUnavailable) as exc:  # the import report is printed all the same
            analysis_error = exc
    if sys.stderr.isatty() and not args.json:
        print(file=sys.stderr)
    if args.json:
        say_json([r.as_dict() for r in results])
    else:
        for result in results:
            say(f"{result.status.upper():<9} {terminal_text(result.source)}: {terminal_text(result.message)}")
        counts = {s: sum(r.status == s for r in results) for s in Status}
        say(f"{counts[Status.IMPORTED]} imported, {counts[Status.DUPLICATE]} duplicate, {counts[Status.FAILED]} failed")
    if report is not None and report.failed:
        _print_not_analysed(project, report.failed, file=sys.stderr if args.json else None)
    if analysis_error is not None:
        say(f"newsprism-cli: the articles could not be analysed: {analysis_error}", file=sys.stderr)
        return EXIT_FAILED
    if results and all(r.status == Status.FAILED for r in results):
        return EXIT_FAILED
    return EXIT_OK if results else EXIT_FAILED


def _print_not_analysed(project: Project, failed, *, file=None) -> None:
    """The articles the analysis had to leave out, and why (the rest was analysed)."""
    for source, reason in not_analysed(project, failed):
        say(f"NOT ANALYSED {terminal_text(source)}: {terminal_text(reason)}", file=file)


def cmd_summary(args, project: Project) -> int:
    summary = project.summary(Settings.load().entity_types)
    if args.json:
        say_json(summary)
        return EXIT_OK
    say(f"{len(summary['articles'])} articles in {len(summary['stories'])} stories, {summary['project']}")
    for story in summary["stories"]:
        say(f"  story {story['id']}: {story['name']} — {', '.join(story['outlets'])}")
    for outlet, data in summary["outlets"].items():
        top = ", ".join(f"{e['entity']} ({e['count']})" for e in data["entities"][:8])
        say(f"\n{outlet}: {data['articles']} articles, {data['words']} words\n  {top}")
    return EXIT_OK


def cmd_compare(args, project: Project) -> int:
    ids = [args.story] if args.story is not None else list(project.stories()["id"])
    try:
        comparisons = [project.compare_story(int(i), top=args.top) for i in ids]
    except KeyError:
        print(f"newsprism-cli: no story {args.story}; 'summary' lists the stories", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        say_json(comparisons[0] if args.story is not None else comparisons)
    else:
        for comparison in comparisons:
            print_comparison(comparison)
    return EXIT_OK


def print_comparison(comparison: dict) -> None:
    story = comparison["story"]
    say(f"Story {story['id']}: {story['name']} ({story['articles']} articles)")
    say(f"  named by every outlet: {', '.join(comparison['named_by_all'][:15]) or '-'}")
    for outlet, data in comparison["outlets"].items():
        say(f"\n  {outlet} ({len(data['articles'])} articles, {data['shared_text_share']:.0%} of text shared with others)")
        say("    entities:   " + ", ".join(f"{e['entity']} {e['mentions']}" for e in data["entities"]))
        say("    only here:  " + (", ".join(data["only_here"][:12]) or "-"))
        say("    quoted:     " + (", ".join(f"{s['speaker']} ({s['quotes']})" for s in data["sources"]) or "-"))
        say(f"    anonymous:  {data['anonymous_share']:.0%} of quotes")
        say("    describes:  " + ("; ".join(f"{d['entity']}: {d['descriptor']}" for d in data["descriptors"][:8]) or "-"))
        say("    own words:  " + (", ".join(t["term"] for t in data["distinctive_terms"]) or "-"))
    say()


def cmd_export(args, project: Project) -> int:
    state = _progress_printer(False)
    try:
        ids = project.story_article_ids(args.story) if args.story is not None else None
    except KeyError:
        print(f"newsprism-cli: no story {args.story}; 'summary' lists the stories", file=sys.stderr)
        return EXIT_FAILED
    if args.csv:
        paths = project.export_csv(args.csv, state=state, article_ids=ids)
        say(f"Exported {len(paths)} CSV files to {args.csv}")
    else:
        say(f"Exported {project.export_xlsx(args.xlsx, state=state, article_ids=ids)}")
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    if args.command != "import" and not args.project.exists():
        say(f"newsprism-cli: no project at {args.project}", file=sys.stderr)
        return EXIT_FAILED
    handlers = {"import": cmd_import, "summary": cmd_summary, "compare": cmd_compare, "export": cmd_export}
    try:
        with Project(args.project, model=Settings.load().model) as project:
            return handlers[args.command](args, project)
    except (sqlite3.DatabaseError, pd.errors.DatabaseError) as exc:  # a table missing, say: damaged beyond SQLite's checks
        say(f"newsprism-cli: {args.project.name} is damaged or incomplete ({str(exc).splitlines()[0]})", file=sys.stderr)
        return EXIT_FAILED
    except (ProjectError, ModelUnavailable, OSError) as exc:
        say(f"newsprism-cli: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("\nnewsprism-cli: interrupted; work finished before the interrupt is saved", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
