"""Task runners: results on the GUI thread, throttled progress, cancel keeps work, stale results dropped."""

import threading
import time

import pytest
from PySide6.QtCore import QThread

from core.tasks import Cancelled
from gui.workers import TaskRunner


def _count(n, gate: threading.Event, *, state):
    done = []
    for i in range(n):
        state.progress(i / n, f"step {i}")
        done.append(i)
        if i == 0:
            gate.wait(10)
    return done


def test_result_arrives_on_the_gui_thread(qtbot):
    runner = TaskRunner("test")
    seen = {}

    def on_done(result):
        seen["result"], seen["thread"] = result, QThread.currentThread()

    with qtbot.waitSignal(runner.succeeded, timeout=10_000):
        runner.start("adding", lambda a, b, *, state: a + b, 2, 3, on_done=on_done)
    assert seen == {"result": 5, "thread": qtbot_thread()}
    assert not runner.is_running()
    runner.shutdown()


def qtbot_thread():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()


def test_cancel_stops_the_task_and_reports_cancelled(qtbot):
    runner = TaskRunner("test")
    gate = threading.Event()
    progress = []
    runner.progressChanged.connect(lambda f, m: progress.append(m))
    with qtbot.waitSignal(runner.progressChanged, check_params_cb=lambda f, m: m == "step 0", timeout=10_000):
        runner.start("counting", _count, 1000, gate, on_done=lambda r: pytest.fail("should be cancelled"))
    with qtbot.waitSignal(runner.cancelled, timeout=10_000):
        runner.cancel()
        gate.set()
    assert not runner.is_running()
    assert len(progress) < 10  # throttled, and nothing after the cancel
    runner.shutdown()


def test_a_new_task_replaces_the_old_one_whose_result_is_dropped(qtbot):
    runner = TaskRunner("test")
    gate = threading.Event()
    results = []
    with qtbot.waitSignal(runner.progressChanged, check_params_cb=lambda f, m: m == "step 0", timeout=10_000):
        runner.start("first", _count, 5, gate, on_done=results.append)
    gate.set()
    with qtbot.waitSignal(runner.succeeded, timeout=10_000):
        runner.start("second", lambda *, state: "second", on_done=results.append)
    assert results == ["second"]
    runner.shutdown()


def test_failure_is_reported_with_details(qtbot):
    runner = TaskRunner("test")

    def boom(*, state):
        raise ValueError("bad input")

    with qtbot.waitSignal(runner.failed, timeout=10_000) as blocker:
        runner.start("failing", boom)
    failure = blocker.args[0]
    assert isinstance(failure.exception, ValueError) and "bad input" in failure.details
    runner.shutdown()


def test_cancelled_exception_from_core_counts_as_cancel(qtbot):
    runner = TaskRunner("test")

    def stop(*, state):
        raise Cancelled()

    with qtbot.waitSignal(runner.cancelled, timeout=10_000):
        runner.start("stopping", stop)
    runner.shutdown()


def test_a_task_queue_runs_every_task_in_order_and_none_replaces_another(qtbot):
    from gui.workers import TaskQueue

    tasks = TaskQueue("edits")
    done, seen = [], []

    def slow(n):
        time.sleep(0.05 if n == 0 else 0)
        seen.append(n)
        return n

    with qtbot.waitSignal(tasks.idle, timeout=10_000):
        for n in range(4):
            tasks.submit(f"edit {n}", slow, n, on_done=done.append)
    assert seen == done == [0, 1, 2, 3] and tasks.is_idle()
    failures = []
    with qtbot.waitSignal(tasks.idle, timeout=10_000):
        tasks.submit("failing", lambda: 1 / 0, on_error=failures.append)
    assert isinstance(failures[0].exception, ZeroDivisionError)
    tasks.shutdown()
