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

from core.jobs import not_analysed
from core.model.import_result import Status, import_summary
from core.store.speaker_corrections import SOURCE_TYPES
from core.store.store import ProjectError
from core.nlp.pipeline import ModelUnavailable
from core.project import Project
from core.settings import Settings
from core.model.shown_names import storable, terminal_text
from core.tasks import NULL_STATE, TaskState
from core.text.concordance import SORTS, concordance, sort_hits

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsprism-cli", description="Comparative media analysis from the command line.")
    commands = parser.add_subparsers(dest="command", required=True)

    imp = commands.add_parser("import", help="import files, folders and links, then analyse them")
    imp.add_argument("paths", nargs="+", help="files, folders, or http(s) links to fetch")
    imp.add_argument("--project", required=True, type=Path, help="project file (.newsprism), created if missing")
    imp.add_argument("--no-analyse", action="store_true", help="import only")
    imp.add_argument("--json", action="store_true", help="print the per-file results as JSON")
    imp.add_argument("--tightness", type=_tightness, help=TIGHTNESS_HELP)

    summary = commands.add_parser("summary", help="articles and entities per outlet")
    summary.add_argument("--project", required=True, type=Path)
    summary.add_argument("--json", action="store_true")

    stories = commands.add_parser("stories", help="list the stories; regroup them as tight as asked")
    stories.add_argument("--project", required=True, type=Path)
    stories.add_argument("--tightness", type=_tightness, help=TIGHTNESS_HELP)
    stories.add_argument("--json", action="store_true")

    comp = commands.add_parser("compare", help="compare the outlets within one story")
    comp.add_argument("--project", required=True, type=Path)
    comp.add_argument("--story", type=int, help="story id (see 'summary'); all stories if omitted")
    comp.add_argument("--top", type=int, default=10, help="rows per list (default 10)")
    comp.add_argument("--json", action="store_true")
    comp.add_argument("--export", type=Path, metavar="FILE",
                      help="write the story's comparison page to FILE (.xlsx, else CSV); needs --story")

    outlets = commands.add_parser("outlets", help="list the outlets; rename or merge them")
    outlets.add_argument("--project", required=True, type=Path)
    outlets.add_argument("--rename", nargs=2, metavar=("OLD", "NEW"), action="append", default=[],
                         help="call outlet OLD by the name NEW, now and in later imports (repeatable)")
    outlets.add_argument("--forget", metavar="ALIAS", action="append", default=[],
                         help="forget the alias ALIAS (later imports keep that spelling)")
    outlets.add_argument("--json", action="store_true")

    quotes = commands.add_parser("quotes", help="list the quotes, each with the key 'speaker' corrects it by")
    quotes.add_argument("--project", required=True, type=Path)
    quotes.add_argument("--story", type=int, help="the quotes of one story only")
    quotes.add_argument("--json", action="store_true")

    speaker = commands.add_parser("speaker", help="correct who a quote is from (kept through re-analysis)")
    speaker.add_argument("--project", required=True, type=Path)
    speaker.add_argument("quote", type=_quote_key, help="the quote as 'quotes' lists it: ARTICLE_ID:START-END")
    who = speaker.add_mutually_exclusive_group(required=True)
    who.add_argument("name", nargs="?", help="who said it: a name, or a description such as 'a senior official'")
    who.add_argument("--reset", action="store_true", help="forget the correction: the analysis's speaker applies")
    speaker.add_argument("--source-type", default="named", choices=SOURCE_TYPES,
                         help="named (default), anonymous, unnamed (a description) or media")

    delete = commands.add_parser("delete", help="delete articles with their analysis and story membership")
    delete.add_argument("--project", required=True, type=Path)
    delete.add_argument("ids", nargs="+", help="article ids (see 'summary --json')")

    find = commands.add_parser("find", help="every use of a word or phrase with its context (keyword in context)")
    find.add_argument("query", help="the word or phrase (any whitespace between its words matches)")
    find.add_argument("--project", required=True, type=Path)
    find.add_argument("--whole-words", action="store_true", help="no hits inside longer words ('war' not in 'software')")
    find.add_argument("--case", action="store_true", help="letter case must match")
    find.add_argument("--width", type=int, default=40, help="characters of context on each side (default 40)")
    find.add_argument("--sort", choices=SORTS, default="text",
                      help="order: as found in the texts (default), by left context (nearest word first), "
                           "hit, right context, outlet, date or title")
    find.add_argument("--json", action="store_true")

    analyse = commands.add_parser("analyse", help="import files (optional) and analyse; --engine dask spreads the "
                                                  "work over a Dask cluster (docs/scale.md)")
    analyse.add_argument("paths", nargs="*", type=Path, help="files, folders, CSV/JSON Lines exports or Parquet datasets")
    analyse.add_argument("--project", required=True, type=Path, help="project file (.newsprism), created if missing")
    analyse.add_argument("--engine", choices=("desktop", "dask"), default="desktop")
    analyse.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler (tcp://host:8786); a local cluster if omitted")
    analyse.add_argument("--workers", type=int, help="workers of the local cluster (default: the cores), or to wait for")
    analyse.add_argument("--parquet", type=Path, metavar="DIR", help="the analysis as Parquet (default: beside the project)")
    analyse.add_argument("--json", action="store_true")

    export = commands.add_parser("export", help="export the project to an Excel workbook")
    export.add_argument("--project", required=True, type=Path)
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--xlsx", type=Path, help="the workbook to write")
    target.add_argument("--csv", type=Path, help="a folder for one CSV file per table")
    export.add_argument("--story", type=int, help="export one story only")
    return parser


TIGHTNESS_HELP = ("how alike articles must be to form one story, from 0 (loosest: related events join) "
                  "to 1 (tightest: only close coverage joins); 0.5 is the default. Kept in the project; "
                  "your moves, merges and splits stay")


def _tightness(value: str) -> float:
    try:
        tightness = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= tightness <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {value}")
    return tightness


def _quote_key(value: str) -> tuple[str, int, int]:
    match = re.fullmatch(r"(\w+):(\d+)-(\d+)", value.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"not a quote key (ARTICLE_ID:START-END, as 'quotes' lists it): {value!r}")
    return match[1], int(match[2]), int(match[3])


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
    if args.tightness is not None:
        project.store.set_meta("story_tightness", f"{args.tightness:.3f}")
    analysis_error, report = None, None
    if not args.no_analyse:
        try:
            report = project.analyse(state=state)
            keep_window_tables(project)
        except (ProjectError, ModelUnavailable) as exc:  # the import report is printed all the same
            analysis_error = exc
    if sys.stderr.isatty() and not args.json:
        print(file=sys.stderr)
    if args.json:
        say_json([r.as_dict() for r in results])
    else:
        for result in results:
            say(f"{result.status.upper():<9} {terminal_text(result.source)}: {terminal_text(result.message)}")
        say(import_summary(results))
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
        say(f"  own words: {own_words(data['distinctive_terms'])}")
    return EXIT_OK


def cmd_stories(args, project: Project) -> int:
    if args.tightness is not None:
        project.set_story_tightness(args.tightness)
    table = project.stories()
    if args.json:
        say(table.to_json(orient="records", force_ascii=False, indent=2))
        return EXIT_OK
    say(f"{len(table)} stories (tightness {project.story_tightness():.2f}), {project.path}")
    for row in table.itertuples():
        dates = f"{row.first_date or '?'} – {row.last_date or '?'}" if row.first_date != row.last_date else (row.first_date or "undated")
        count = f"{row.articles} article{'s' if row.articles != 1 else ''}"
        say(f"  story {row.id}: {row.name} — {count}, {row.outlets}; {dates}")
    return EXIT_OK


def cmd_compare(args, project: Project) -> int:
    if args.export is not None:
        if args.story is None:
            say("newsprism-cli: --export needs --story (see 'stories' for the ids)", file=sys.stderr)
            return EXIT_USAGE
        try:
            say(f"Exported {project.export_story_comparison(args.story, args.export)}")
        except KeyError:
            say(f"newsprism-cli: no story {args.story}; 'stories' lists them", file=sys.stderr)
            return EXIT_FAILED
        return EXIT_OK
    ids = [args.story] if args.story is not None else list(project.stories()["id"])
    try:
        comparisons = [project.compare_story(int(i), top=args.top) for i in ids]
    except KeyError:
        say(f"newsprism-cli: no story {args.story}; 'summary' lists the stories", file=sys.stderr)
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
    say(f"  did not cover it:      {', '.join(comparison.get('absent_outlets', [])) or '-'}")
    for outlet, data in comparison["outlets"].items():
        say(f"\n  {outlet} ({len(data['articles'])} articles, {data['shared_text_share']:.0%} of text shared with others)")
        say("    entities:   " + ", ".join(f"{e['entity']} {e['mentions']}" for e in data["entities"]))
        say("    only here:  " + (", ".join(data["only_here"][:12]) or "-"))
        say("    quoted:     " + (", ".join(f"{s['speaker']} ({s['quotes']})" for s in data["sources"]) or "-"))
        say(f"    anonymous:  {data['anonymous_share']:.0%} of quotes")
        say("    describes:  " + ("; ".join(f"{d['entity']}: {d['descriptor']}" for d in data["descriptors"][:8]) or "-"))
        say("    own words:  " + own_words(data["distinctive_terms"]))
    say()


def cmd_outlets(args, project: Project) -> int:
    for old, new in args.rename:
        changed = project.rename_outlet(old, new)
        say(f"'{old}' is now '{new}' ({changed} article{'s' if changed != 1 else ''} changed)", file=sys.stderr)
    for alias in args.forget:
        project.forget_outlet_alias(alias)
    frame = project.articles_frame()
    counts = frame.groupby("outlet")["id"].size().sort_index()
    aliases = project.outlet_aliases()
    if args.json:
        say(json.dumps({"outlets": {k: int(v) for k, v in counts.items()},
                          "aliases": aliases.to_dict("records")}, indent=2, ensure_ascii=False))
        return EXIT_OK
    for outlet, n in counts.items():
        say(f"{n:6,}  {outlet}")
    for row in aliases.itertuples():
        say(f"alias: {row.alias} -> {row.outlet}")
    return EXIT_OK


def cmd_quotes(args, project: Project) -> int:
    try:
        quotes = project.quotes(args.story)
    except KeyError:
        say(f"newsprism-cli: no story {args.story}; 'stories' lists them", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        say(quotes.to_json(orient="records", force_ascii=False, indent=2))
        return EXIT_OK
    for row in quotes.itertuples():
        mark = " (corrected)" if row.speaker_corrected else ""
        text = row.text if len(row.text) <= 70 else row.text[:69] + "…"
        say(f"{row.article_id}:{row.start}-{row.end}  {row.outlet}  {row.speaker} [{row.source_type}]{mark}: {text}")
    say(f"{len(quotes)} quotes")
    return EXIT_OK


def cmd_speaker(args, project: Project) -> int:
    article_id, start, end = args.quote
    try:
        if args.reset:
            project.forget_quote_speaker(article_id, start, end)
            say(f"{article_id}:{start}-{end}: the analysis's speaker applies again")
        else:
            project.correct_quote_speaker(article_id, start, end, args.name, args.source_type)
            say(f"{article_id}:{start}-{end}: {args.name} [{args.source_type}]")
    except (KeyError, ValueError) as exc:
        say(f"newsprism-cli: {exc.args[0]}; 'quotes' lists the quotes", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def cmd_delete(args, project: Project) -> int:
    deleted = project.delete_articles(args.ids)
    for missing in sorted(set(args.ids) - set(deleted.ids)):
        say(f"newsprism-cli: no article {missing}", file=sys.stderr)
    if not len(deleted):
        return EXIT_FAILED
    say(f"Deleted {len(deleted)} article{'s' if len(deleted) != 1 else ''}:")
    for article_id, outlet, title in zip(deleted.ids, deleted.field("outlet"), deleted.field("title")):
        say(f"  {article_id}  {outlet}: {title}")
    return EXIT_OK


def own_words(terms: list[dict]) -> str:
    """Distinctive terms as written, the weak ones apart ("fewer than 5 uses, p ≥ 0.01 or log ratio < 1")."""
    strong = ", ".join(t["term"] for t in terms if not t["weak"]) or "-"
    weak = ", ".join(t["term"] for t in terms if t["weak"])
    return strong + (f"  (weak: {weak})" if weak else "")


def cmd_find(args, project: Project) -> int:
    hits = concordance(project.articles(), args.query, width=max(args.width, 0), whole_words=args.whole_words,
                       case=args.case)
    hits = sort_hits(hits, args.sort)
    if args.json:
        say(hits[FIND_COLUMNS].to_json(orient="records", force_ascii=False, indent=2))
        return EXIT_OK
    articles = hits["article_id"].nunique()
    if hits.empty:
        say(f"“{args.query}” is in no article")
        return EXIT_OK
    say(f"“{args.query}”: {len(hits):,} hit{'s' if len(hits) != 1 else ''} in {articles:,} "
          f"article{'s' if articles != 1 else ''}")
    outlet_width = min(int(hits["outlet"].str.len().max()), 20)
    for row in hits.itertuples(index=False):
        say(f"{row.outlet[:outlet_width]:<{outlet_width}}  {row.date or '':<10}  "
              f"{row.left:>{args.width}}[{row.hit}]{row.right}")
    return EXIT_OK


#: What ``find --json`` gives per hit (the sort keys stay inside).
FIND_COLUMNS = ["article_id", "outlet", "date", "title", "start", "end", "left", "hit", "right"]


def cmd_export(args, project: Project) -> int:
    state = _progress_printer(False)
    try:
        ids = project.story_article_ids(args.story) if args.story is not None else None
    except KeyError:
        say(f"newsprism-cli: no story {args.story}; 'summary' lists the stories", file=sys.stderr)
        return EXIT_FAILED
    if args.csv:
        paths = project.export_csv(args.csv, state=state, article_ids=ids, types=Settings.load().entity_types)
        say(f"Exported {len(paths)} CSV files to {args.csv}")
    else:
        say(f"Exported {project.export_xlsx(args.xlsx, state=state, article_ids=ids, types=Settings.load().entity_types)}")
    return EXIT_OK


def cmd_analyse(args, project: Project) -> int:
    from core.distributed.command import run_analyse  # dask only when asked for

    code = run_analyse(args, project, say, say_json)
    if code == EXIT_OK:
        keep_window_tables(project)
    return code


def keep_window_tables(project: Project) -> None:
    """Make a big project's window tables now (core/view_state/kept_view.py), for the counted types of the
    settings: the window then opens what a long analysis produced in seconds, not after making them."""
    from core.view_state import kept_view
    from core.view_state.view_data import load_view_data

    if project.article_count() >= kept_view.KEEP_FROM and not project.read_only:
        load_view_data(project, tuple(Settings.load().entity_types), state=NULL_STATE)


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage, 0 on --help
        return int(exc.code or 0)
    if args.command not in ("import", "analyse") and not args.project.exists():
        say(f"newsprism-cli: no project at {args.project}", file=sys.stderr)
        return EXIT_FAILED
    handlers = {"import": cmd_import, "summary": cmd_summary, "stories": cmd_stories, "compare": cmd_compare,
                "export": cmd_export, "outlets": cmd_outlets, "quotes": cmd_quotes, "speaker": cmd_speaker,
                "delete": cmd_delete, "find": cmd_find, "analyse": cmd_analyse}
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
        say("\nnewsprism-cli: interrupted; work finished before the interrupt is saved", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
