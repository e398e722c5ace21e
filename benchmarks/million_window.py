"""The window opening a big project: time to first paint, to the populated views, and peak memory.

    python -m benchmarks.million_window PROJECT [--timeout 1800]

Offscreen, in a fresh process. "First paint": the window shown and painted
with the project open (its views still loading); "populated": the article
table, entity chart and stories filled (the window's ``dataRefreshed``); the
quotes and distinctive terms that load after them are left out. Peak memory
is the process tree's. Prints one JSON line, then exits without waiting for
the loads still running.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from benchmarks.measure import PeakMemory, Stopwatch, emit

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def measure(project: str, timeout: float) -> dict:
    from benchmarks.gui_child import Lateness, _app, _wait, _window

    app = _app()
    with Stopwatch() as imports:
        import gui.main_window  # noqa: F401  (the window's modules, as at start-up)
    shown = {"data": False}
    probe = Lateness()
    with PeakMemory() as peak:
        started = time.perf_counter()
        window = _window()
        window.dataRefreshed.connect(lambda: shown.update(data=True))
        window.show()
        probe.start()
        window.open_project(project)
        window.repaint()
        app.processEvents()
        first_paint = time.perf_counter() - started
        ok = _wait(app, lambda: shown["data"], timeout)
        window.repaint()
        app.processEvents()
        populated = time.perf_counter() - started
    probe.stop()
    return {"first_paint_s": first_paint, "populated_s": populated, "complete": ok, "peak_rss_mb": peak.mb,
            "rows_shown": window.article_model.rowCount(), "import_s": imports.seconds,
            **{f"block_{k}": v for k, v in probe.summary().items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.million_window")
    parser.add_argument("project")
    parser.add_argument("--timeout", type=float, default=1800)
    args = parser.parse_args(argv)
    emit(measure(args.project, args.timeout))
    sys.stdout.flush()
    os._exit(0)  # the quotes and terms of a million articles are still loading: not waited for


if __name__ == "__main__":
    sys.exit(main())
