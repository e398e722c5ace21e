"""One hostile-input measurement in a fresh process (so its peak memory is its own).

    python -m benchmarks.reliability_child table FILE PROJECT
    python -m benchmarks.reliability_child long_article FILE PROJECT
    python -m benchmarks.reliability_child big_text FILE PROJECT
    python -m benchmarks.reliability_child archive FILE
    python -m benchmarks.reliability_child drip SECONDS

Prints one JSON line: seconds, peak memory of the process (MB) and what happened.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from benchmarks.measure import PeakMemory, Stopwatch, emit


def table(file: str, project_path: str) -> dict:
    """A big table imported: the rate over the first and the last tenth of the file shows it steady."""
    from core.project import Project
    from core.tasks import TaskState

    marks: list[tuple[float, float]] = []
    state = TaskState(lambda fraction, message: marks.append((time.perf_counter(), fraction)))
    with Project(project_path) as project, PeakMemory() as peak, Stopwatch() as watch:
        [result] = project.import_paths([Path(file)], state=state)
    rows = len(result.article_ids)
    return {"status": str(result.status), "articles": rows, "seconds": round(watch.seconds, 1), "peak_mb": peak.mb,
            "rows_per_s": round(rows / watch.seconds), "message": result.message[:200],
            "rows_per_s_first_tenth": _rate(marks, 0.0, 0.1, rows), "rows_per_s_last_tenth": _rate(marks, 0.9, 1.0, rows)}


def _rate(marks: list[tuple[float, float]], low: float, high: float, rows: int) -> int | None:
    """Rows a second while the share of the file read went from ``low`` to ``high`` (progress marks)."""
    inside = [(t, f) for t, f in marks if low <= f <= high and 0 < f < 1]
    if len(inside) < 2 or inside[-1][0] == inside[0][0]:
        return None
    (t0, f0), (t1, f1) = inside[0], inside[-1]
    return round((f1 - f0) * rows / (t1 - t0))


def long_article(file: str, project_path: str) -> dict:
    """One article longer than spaCy's max_length imported and analysed here (one process)."""
    from core.project import Project

    with Project(project_path) as project:
        [result] = project.import_paths([Path(file)])
        with PeakMemory() as peak, Stopwatch() as watch:
            report = project.analyse(processes=1)
        mentions = len(project.store.mentions_frame(result.article_ids))
        chars = len(project.article(result.article_ids[0]).text) if result.article_ids else 0
    return {"status": str(result.status), "chars": chars, "analysed": report.analysed, "failed": list(report.failed),
            "mentions": mentions, "seconds": round(watch.seconds, 1), "peak_mb": peak.mb,
            "chars_per_s": round(chars / watch.seconds) if watch.seconds else None}


def big_text(file: str, project_path: str) -> dict:
    """A text file far over the article limit: refused at import."""
    from core.project import Project

    with Project(project_path) as project, PeakMemory() as peak, Stopwatch() as watch:
        [result] = project.import_paths([Path(file)])
    return {"status": str(result.status), "message": result.message[:200], "seconds": round(watch.seconds, 2),
            "peak_mb": peak.mb}


def archive(file: str) -> dict:
    """A hostile zip read (refused, or read member by member)."""
    from core.importers import read_file
    from core.model.import_result import UnreadableFile

    with PeakMemory() as peak, Stopwatch() as watch:
        try:
            outcome = f"{len(read_file(Path(file)))} articles"
        except UnreadableFile as exc:
            outcome = f"refused: {str(exc)[:160]}"
    return {"outcome": outcome, "seconds": round(watch.seconds, 2), "peak_mb": peak.mb}


def drip(seconds: str) -> dict:
    """A fetch from a local server sending a byte every 2 s, with the deadline given."""
    from benchmarks.hostile_inputs import DripServer
    from core.importers.fetch import fetch
    from core.model.import_result import UnreadableFile

    server = DripServer(interval=2.0, total=200)
    with Stopwatch() as watch:
        try:
            fetch(server.url, deadline=float(seconds))
            outcome = "fetched"
        except UnreadableFile as exc:
            outcome = str(exc)
    server.close()
    return {"outcome": outcome, "seconds": round(watch.seconds, 1), "bytes_sent": server.sent}


if __name__ == "__main__":
    case, *args = sys.argv[1:]
    emit(globals()[case](*args))
