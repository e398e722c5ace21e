"""Garbage left by the window is freed on the GUI thread, never in a worker."""

from __future__ import annotations

import gc
import threading

from tests.conftest import SEEDS
from tests.cycles import Cycle


def test_a_worker_that_allocates_a_lot_does_not_collect_the_windows_garbage(window, qtbot):
    Cycle.freed_in.clear()
    Cycle()  # unreachable now, only a collection frees it

    kept = []

    def allocate():  # crosses the collector's thresholds many times over
        kept.append([[i] for i in range(200_000)])  # kept: freeing them would lower the count again

    worker = threading.Thread(target=allocate, name="worker")
    worker.start()
    worker.join()
    assert Cycle.freed_in == []
    assert not gc.isenabled()
    qtbot.waitUntil(lambda: bool(Cycle.freed_in), timeout=10_000)
    assert Cycle.freed_in == [threading.main_thread().name]
    kept.clear()


def test_closing_the_launched_window_removes_its_file_open_filter(qtbot, seeds_file):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from gui.app import launch

    window = launch([str(seeds_file)])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.view_data is not None, timeout=60_000)
    handler = window.file_open_handler
    seen = []
    handler.eventFilter = lambda watched, event: seen.append(event.type()) or False  # noqa: ARG005
    window.close()
    QApplication.sendEvent(QApplication.instance(), QEvent(QEvent.Type.User))
    assert QEvent.Type.User not in seen


def test_the_window_s_process_loads_no_model(window, qtbot, monkeypatch):
    """Import and analysis load spaCy in the job process only: srsly, which turns automatic collection
    back on as it loads a model, never runs beside the window."""
    from core.nlp import pipeline

    def refuse(*args):
        raise AssertionError("a spaCy model was loaded in the window's process")

    monkeypatch.setattr(pipeline, "_cache", {})
    monkeypatch.setattr(pipeline, "_load", refuse)
    with qtbot.waitSignal(window.controller.importFinished, timeout=180_000) as finished:
        window.controller.import_paths([SEEDS])
    outcome = finished.args[0]
    assert outcome.analysis_error is None and outcome.results
    assert not gc.isenabled()
