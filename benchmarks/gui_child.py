"""GUI measurements in a fresh, offscreen process (Qt is never imported by the runner).

    python -m benchmarks.gui_child launch [PROJECT] --started UNIX_TIME
    python -m benchmarks.gui_child reopen PROJECT
    python -m benchmarks.gui_child block FOLDER
    python -m benchmarks.gui_child spacy N --seed S

``launch``: ``newsprism [PROJECT]`` as started from the desktop (no project:
the sample, as on the first start; a fresh settings folder): seconds from
``--started`` (the runner's clock just before it started this process, so
Python's own start-up counts) to the window's first paint, and to the
project's data shown. ``reopen``: from creating the main window to the analysed project's data
shown and painted. ``block``: while the window's own worker imports and
analyses ``FOLDER`` and then shows the result (until no task runs), a 10 ms
``QTimer`` on the GUI thread records how late it fires; the worst lateness
is the longest the window was frozen.
``spacy``: the same timer while bare ``nlp.pipe`` (Newsprism's batch size)
runs over the texts of ``write_corpus(N, seed=S)`` in a plain thread: how
much of the freezing spaCy's own GIL holds cause.
Prints one JSON line.
"""

from __future__ import annotations

import argparse
import inspect
import os
import sys
import tempfile
import time

from benchmarks.measure import Stopwatch, emit

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
TICK_MS = 10


def _app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0]])


class Lateness:
    """A timer on the GUI thread; ``worst_ms`` is its largest delay past due."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.delays: list[float] = []
        self.last = None

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.delays.append(max(0.0, (now - self.last) * 1000 - TICK_MS))
        self.last = now

    def summary(self) -> dict:
        ordered = sorted(self.delays) or [0.0]
        return {
            "worst_ms": round(ordered[-1], 1), "p99_ms": round(ordered[int(len(ordered) * 0.99) - 1 if len(ordered) > 1 else 0], 1),
            "ticks": len(self.delays), "late_over_50ms": sum(d > 50 for d in ordered),
        }


def _wait(app, condition, timeout: float) -> bool:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            return False
        app.processEvents()
        time.sleep(0.002)
    return True


def _window():
    from core.settings import Settings
    from gui.main_window import MainWindow

    return MainWindow(Settings())


def reopen(project: str, timeout: float) -> dict:
    app = _app()
    with Stopwatch() as imports:
        import gui.main_window  # noqa: F401  (the window's modules, as at start-up)
    from benchmarks.measure import PeakMemory

    shown = {"data": False}
    probe = Lateness()
    with PeakMemory() as peak, Stopwatch() as total:
        window = _window()
        window.dataRefreshed.connect(lambda: shown.update(data=True))
        window.show()
        probe.start()
        window.open_project(project)
        window.repaint()  # the window painted, the project open, its views still loading
        app.processEvents()
        first_paint = time.perf_counter() - total.started
        ok = _wait(app, lambda: shown["data"], timeout)
        window.repaint()
        app.processEvents()
    probe.stop()
    rows = window.article_model.rowCount() if hasattr(window, "article_model") else None
    analysed = _wait(app, lambda: not _busy(window), timeout)
    _close(app, window)
    return {"mode": "reopen", "seconds": total.seconds, "first_paint_s": first_paint, "peak_rss_mb": peak.mb,
            "import_s": imports.seconds, "complete": ok,
            "rows_shown": rows, "idle_after": analysed, **{f"block_{k}": v for k, v in probe.summary().items()}}


class FirstPaint:
    """When the main window (not a splash screen) first gets a paint event; any version of the app."""

    def __init__(self, app, times: dict):
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QMainWindow

        class Filter(QObject):
            def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
                if event.type() == QEvent.Type.Paint and isinstance(watched, QMainWindow):
                    times.setdefault("painted", time.time())
                return False

        self.filter = Filter()
        app.installEventFilter(self.filter)


def launch(project: str | None, timeout: float, started: float) -> dict:
    with tempfile.TemporaryDirectory() as home:
        os.environ["NEWSPRISM_HOME"] = home  # a first start: no saved layout or last project
        app = _app()
        times: dict[str, float] = {}
        probe = FirstPaint(app, times)  # noqa: F841 (kept while the window starts)
        from gui.app import launch as launch_app

        window = launch_app([project] if project else [])
        window.dataRefreshed.connect(lambda: times.setdefault("data", time.time()))
        ok = _wait(app, lambda: "data" in times, timeout)
        rows = window.article_model.rowCount() if hasattr(window, "article_model") else None
        _close(app, window)
    return {"mode": "launch", "first_paint_s": round(times["painted"] - started, 3) if "painted" in times else None,
            "data_shown_s": round(times["data"] - started, 3) if ok else None, "complete": ok, "rows_shown": rows,
            "project": "sample" if project is None else "given"}


def _busy(window) -> bool:
    return any(runner.is_running() for runner in window.controller.runners())


def _settle(app, window, timeout: float, quiet: float = 0.5) -> None:
    """Run the event loop until no task runs, then ``quiet`` seconds more."""
    _wait(app, lambda: not _busy(window), timeout)
    deadline = time.perf_counter() + quiet
    _wait(app, lambda: time.perf_counter() > deadline, quiet + 1)


def _close(app, window) -> None:
    window.close()
    app.processEvents()


def block(folder: str, timeout: float) -> dict:
    app = _app()
    window = _window()
    window.show()
    done = {"imported": False, "data_after": False}
    controller = window.controller
    controller.importFinished.connect(lambda _: done.update(imported=True))
    controller.dataLoaded.connect(lambda _: done.update(data_after=done["imported"]))
    with tempfile.TemporaryDirectory() as tmp:
        window.open_project(os.path.join(tmp, "block.newsprism"), create=True)
        _wait(app, lambda: not _busy(window), 30)
        probe = Lateness()
        probe.start()
        with Stopwatch() as run:
            window.import_paths([folder])
            ok = _wait(app, lambda: done["data_after"], timeout)
        _settle(app, window, timeout)  # the views fill, quotes and terms load: the window must stay live
        probe.stop()
        articles = controller.project.store.article_count()
        _close(app, window)
    return {"mode": "block", "seconds": run.seconds, "complete": ok, "articles": articles, **probe.summary()}


def bare_spacy_thread(n: int, seed: int, timeout: float) -> dict:
    import threading

    import spacy

    from benchmarks.corpus import generate_corpus
    from core.analysis.analyse import BATCH_SIZE
    from core.nlp.pipeline import DEFAULT_MODEL, load_pipeline

    excluded = inspect.signature(load_pipeline).parameters["exclude"].default
    app = _app()
    nlp = spacy.load(DEFAULT_MODEL, exclude=list(excluded))
    texts = [a["text"] for a in generate_corpus(n, seed=seed)]
    done = threading.Event()

    def work() -> None:
        for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
            pass
        done.set()

    probe = Lateness()
    probe.start()
    with Stopwatch() as run:
        threading.Thread(target=work, daemon=True).start()
        ok = _wait(app, done.is_set, timeout)
    probe.stop()
    return {"mode": "spacy", "seconds": run.seconds, "complete": ok, "articles": n, "batch_size": BATCH_SIZE,
            **probe.summary()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.gui_child")
    parser.add_argument("mode", choices=("launch", "reopen", "block", "spacy"))
    parser.add_argument("path", nargs="?",
                        help="project (launch, reopen), corpus folder (block) or number of articles (spacy)")
    parser.add_argument("--started", type=float, help="launch: the time the process was started (time.time())")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=3600)
    parser.add_argument("--profile", type=int, metavar="TOP", help="print the GUI thread's costliest functions (cProfile)")
    args = parser.parse_args(argv)
    if args.mode == "launch":
        emit(launch(args.path, args.timeout, args.started or time.time()))
        return
    if args.mode == "spacy":
        emit(bare_spacy_thread(int(args.path), args.seed, args.timeout))
        return
    measure = reopen if args.mode == "reopen" else block
    if not args.profile:
        emit(measure(args.path, args.timeout))
        return
    import cProfile
    import pstats

    profiler = cProfile.Profile()  # sees the main thread only: the GUI thread
    result = profiler.runcall(measure, args.path, args.timeout)
    pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(args.profile)
    emit(result)


if __name__ == "__main__":
    main()
