"""In-process measurements: corpus, import per format, reopen, re-analysis, Excel export."""

from __future__ import annotations

import importlib.util
import tempfile
from collections import Counter
from pathlib import Path

from benchmarks.corpus import write_corpus
from benchmarks.measure import Stopwatch


def build_corpus(folder: Path, n: int, seed: int, html_share: float) -> dict:
    with Stopwatch() as t:
        truth = write_corpus(folder, n, seed=seed, html_share=html_share)
    files = truth["articles"]
    return {
        "seconds": t.seconds, "articles": len(files), "events": len(truth["events"]),
        "words": sum(a["words"] for a in files),
        "formats": dict(Counter(a["format"] for a in files)),
        "bytes": sum((folder / a["file"]).stat().st_size for a in files),
    }


def supported_formats(folder: Path) -> tuple[dict[str, list[Path]], dict[str, str]]:
    """Corpus files by format that Newsprism can import, and notes for those it cannot."""
    from core.importers import supported_extensions

    known = set(supported_extensions())
    files: dict[str, list[Path]] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.name != "truth.json":
            files.setdefault(path.suffix.lstrip("."), []).append(path)
    usable = {fmt: paths for fmt, paths in files.items() if f".{fmt}" in known}
    notes = {fmt: f"no importer for .{fmt} yet" for fmt in files if fmt not in usable}
    return usable, notes


def import_formats(project_path: Path, by_format: dict[str, list[Path]]) -> dict[str, dict]:
    """Import each format's files into the project, timed apart."""
    from core.project import Project

    out = {}
    with Project(project_path) as project:
        for fmt, paths in by_format.items():
            with Stopwatch() as t:
                results = project.import_paths(paths)
            statuses = Counter(str(getattr(r.status, "value", r.status)) for r in results)
            out[fmt] = {
                "files": len(paths), "seconds": t.seconds, "files_per_s": len(paths) / t.seconds if t.seconds else None,
                "mb_per_s": sum(p.stat().st_size for p in paths) / 2**20 / t.seconds if t.seconds else None,
                "statuses": dict(statuses),
            }
    return out


def reanalyse(project_path: Path) -> dict:
    """``analyse`` again with nothing changed: should cost next to nothing."""
    from core.project import Project

    with Project(project_path, create=False) as project, Stopwatch() as t:
        report = project.analyse()
    return {"seconds": t.seconds, "analysed": report.analysed, "up_to_date": report.up_to_date}


def reopen(project_path: Path) -> dict:
    """Open the project and build the tables the window shows first."""
    from core.project import Project

    with Stopwatch() as t:
        project = Project(project_path, create=False)
        with Stopwatch() as frame_t:
            articles = project.articles_frame()
        with Stopwatch() as table_t:
            table = project.entity_table()
    project.close()
    return {"seconds": t.seconds, "articles_frame_s": frame_t.seconds, "entity_table_s": table_t.seconds,
            "articles": len(articles), "entity_rows": len(table)}


def export_available() -> bool:
    return importlib.util.find_spec("core.export.excel") is not None


def _export_tables(project) -> dict:
    """The tables the workbook holds, as plain frames (for the pandas baseline)."""
    import pandas as pd

    try:
        from core.export.excel import available_sheets
        from core.export.excel_sheets import ExportData
        from core.settings import Settings

        data = ExportData(project, Settings.load().entity_types)
        tables = {}
        for spec in available_sheets(project):
            built = spec.build(data)
            tables[spec.title] = built if isinstance(built, pd.DataFrame) else pd.concat(list(built), ignore_index=True)
        return tables
    except ImportError:
        return {"Articles": project.articles_frame(), "Entities": project.entity_table(), "Mentions": project.mentions()}


def export(project_path: Path) -> dict:
    """``Project.export_xlsx`` against ``DataFrame.to_excel`` of the same tables."""
    import pandas as pd

    from core.export.excel_writer import MAX_DATA_ROWS

    from core.project import Project

    with Project(project_path, create=False) as project, tempfile.TemporaryDirectory() as tmp:
        with Stopwatch() as ours:
            project.export_xlsx(Path(tmp) / "newsprism.xlsx")
        with Stopwatch() as build:
            tables = _export_tables(project)
        with Stopwatch() as write:
            with pd.ExcelWriter(Path(tmp) / "pandas.xlsx", engine="openpyxl") as writer:
                for title, frame in tables.items():  # split as Newsprism does: a sheet holds 1,048,575 rows
                    for n, start in enumerate(range(0, max(len(frame), 1), MAX_DATA_ROWS), 1):
                        name = title[:31] if n == 1 else f"{title[:26]} ({n})"
                        frame.iloc[start:start + MAX_DATA_ROWS].to_excel(writer, sheet_name=name, index=False)
        size = (Path(tmp) / "newsprism.xlsx").stat().st_size
    rows = sum(len(f) for f in tables.values())
    return {"seconds": ours.seconds, "baseline_seconds": build.seconds + write.seconds, "tables_s": build.seconds,
            "to_excel_s": write.seconds, "sheets": len(tables), "rows": rows, "xlsx_mb": round(size / 2**20, 2)}


def import_other_formats(workdir: Path, sample: int, seed: int) -> tuple[dict[str, dict], dict[str, str]]:
    """Import a sample of articles written in every other supported format, each into its own project."""
    from core.importers import supported_extensions
    from core.project import Project

    from benchmarks.corpus import generate_corpus
    from benchmarks.formats import write_formats

    articles = generate_corpus(sample, seed=seed + 2)
    by_format, notes = write_formats(articles, workdir / "formats", set(supported_extensions()))
    out = {}
    for fmt, paths in by_format.items():
        with Project(workdir / f"import-{fmt}.newsprism") as project, Stopwatch() as t:
            results = project.import_paths(paths)
        stored = sum(len(r.article_ids) for r in results)
        out[fmt] = {
            "files": len(paths), "articles": stored, "seconds": t.seconds,
            "files_per_s": len(paths) / t.seconds if t.seconds else None,
            "articles_per_s": stored / t.seconds if t.seconds else None,
            "mb_per_s": sum(p.stat().st_size for p in paths) / 2**20 / t.seconds if t.seconds else None,
            "statuses": dict(Counter(str(getattr(r.status, "value", r.status)) for r in results)),
        }
    return out, notes
