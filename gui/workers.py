"""Long core work off the GUI thread, with throttled progress and Cancel.

Orange's ``ConcurrentMixin`` in small: a :class:`TaskRunner` per purpose
(import and analysis, data loading, export) runs one core function at a time
with a :class:`~core.tasks.TaskState`. Starting a task cancels the previous
one and drops whatever it still reports, so stale results never arrive;
results and progress reach the GUI thread through queued signals; closing
the window shuts every runner down. Each runner has a one-thread pool, so a
cancelled task finishes before the next one of the same purpose starts
(spaCy is never used by two threads at once). A :class:`TaskQueue` runs the
user's edits instead: in order, every one of them, none cancelled.
"""

from __future__ import annotations

import itertools
import time
import traceback
from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from core.tasks import Cancelled, TaskFailure, TaskState

#: Progress reaches the GUI at most this often (seconds).
PROGRESS_INTERVAL = 0.1

_job_ids = itertools.count(1)


class _JobSignals(QObject):
    progress = Signal(int, float, str)
    ended = Signal(int, str, object)  # job id, "done" | "failed" | "cancelled", payload


class _Job(QRunnable):
    """Runs ``fn(*args, state=state)`` in a pool thread and reports back by signals."""

    def __init__(self, job_id: int, title: str, fn: Callable, args: tuple, state: TaskState, signals: _JobSignals):
        super().__init__()
        self.setAutoDelete(True)
        self.job_id, self.title, self.fn, self.args = job_id, title, fn, args
        self.state, self.signals = state, signals

    def run(self) -> None:
        try:
            self.state.check()
            outcome, payload = "done", self.fn(*self.args, state=self.state)
        except Cancelled:
            outcome, payload = "cancelled", None
        except BaseException as exc:  # reported to the user; the thread must survive
            outcome, payload = "failed", TaskFailure(self.title, exc, traceback.format_exc())
        try:
            self.signals.ended.emit(self.job_id, outcome, payload)
        except RuntimeError:  # the window is gone (application shutting down): nobody to tell
            pass


def _throttled(signals: _JobSignals, job_id: int, interval: float) -> Callable[[float, str], None]:
    """A progress callback (run in the worker) that emits at most every ``interval`` s."""
    last = [float("-inf")]

    def report(fraction: float, message: str) -> None:
        now = time.monotonic()
        if now - last[0] >= interval or fraction >= 1.0:
            last[0] = now
            try:
                signals.progress.emit(job_id, fraction, message)
            except RuntimeError:  # the window is gone; the task ends at its next cancel check
                pass

    return report


@dataclass
class _Current:
    job_id: int
    title: str
    state: TaskState
    signals: _JobSignals
    on_done: Callable[[Any], None] | None
    on_error: Callable[[TaskFailure], None] | None
    on_cancel: Callable[[], None] | None


class TaskRunner(QObject):
    """Runs one task at a time for one purpose; newer tasks replace older ones."""

    started = Signal(str)  # title
    progressChanged = Signal(float, str)  # fraction 0..1, message
    succeeded = Signal(object)  # result
    failed = Signal(object)  # TaskFailure
    cancelRequested = Signal()  # the user pressed Cancel; the task is stopping
    cancelled = Signal()
    finished = Signal()  # after any of the three above

    def __init__(self, name: str, parent: QObject | None = None, *, interval: float = PROGRESS_INTERVAL):
        super().__init__(parent)
        self.setObjectName(name)
        self.interval = interval
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._current: _Current | None = None
        self._pending: dict[int, _JobSignals] = {}  # keeps signal objects alive until their job ends
        self._closed = False

    @property
    def name(self) -> str:
        return self.objectName()

    def is_running(self) -> bool:
        return self._current is not None

    def title(self) -> str:
        return self._current.title if self._current else ""

    def start(
        self,
        title: str,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[TaskFailure], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> None:
        """Run ``fn(*args, state=...)`` in the background; callbacks run on the GUI thread."""
        if self._closed:
            raise RuntimeError(f"task runner {self.name!r} is shut down")
        self._drop_current()
        job_id = next(_job_ids)
        signals = _JobSignals()
        signals.progress.connect(self._on_progress)
        signals.ended.connect(self._on_ended)
        state = TaskState(_throttled(signals, job_id, self.interval))
        self._pending[job_id] = signals
        self._current = _Current(job_id, title, state, signals, on_done, on_error, on_cancel)
        self.started.emit(title)
        self.progressChanged.emit(0.0, title)
        self._pool.start(_Job(job_id, title, fn, args, state, signals))

    def cancel(self) -> None:
        """Ask the running task to stop; it ends at its next progress report.

        ``cancelled`` follows once it has really stopped, so whatever it saved
        before can be shown. (If it finished first, ``succeeded`` follows.)
        """
        if self._current is not None and not self._current.state.cancelled:
            self._current.state.cancel()
            self.cancelRequested.emit()

    def stop(self) -> None:
        """Cancel the running task, forget its callbacks and wait until it ended."""
        self._drop_current()
        self.wait()

    def _drop_current(self) -> None:
        """Cancel the running task and forget its callbacks: it was replaced."""
        current, self._current = self._current, None
        if current is not None:
            current.state.cancel()
            self.finished.emit()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (used when closing a project or the window)."""
        return self._pool.waitForDone(msecs)

    def shutdown(self) -> None:
        """Cancel, wait for the worker, and ignore anything it still sends."""
        self._drop_current()
        self._closed = True
        self.wait()

    @Slot(int, float, str)
    def _on_progress(self, job_id: int, fraction: float, message: str) -> None:
        current = self._current
        if current is not None and current.job_id == job_id and not current.state.cancelled and not self._closed:
            self.progressChanged.emit(fraction, message)

    @Slot(int, str, object)
    def _on_ended(self, job_id: int, outcome: str, payload: object) -> None:
        self._pending.pop(job_id, None)
        current = self._current
        if self._closed or current is None or current.job_id != job_id:
            return  # a replaced or cancelled task: its news is stale
        self._current = None
        if outcome == "done":
            if current.on_done is not None:
                current.on_done(payload)
            self.succeeded.emit(payload)
        elif outcome == "failed":
            if current.on_error is not None:
                current.on_error(payload)
            self.failed.emit(payload)
        else:
            if current.on_cancel is not None:
                current.on_cancel()
            self.cancelled.emit()
        self.finished.emit()


class TaskQueue(QObject):
    """Runs tasks one after another in the order given, none replacing another: the user's edits.

    An edit may wait up to 30 s for the project's write lock while a job
    process writes (core/store/store.py ``LOCK_WAIT``); here it waits in the
    queue's thread, not on the GUI thread. Every edit lands, in order (a redo
    and its undo never swap); ``on_done`` and ``on_error`` run on the GUI
    thread; closing waits until the queued edits are written.
    """

    failed = Signal(object)  # TaskFailure of any task without its own on_error
    idle = Signal()  # the last queued task ended

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending: dict[int, tuple[_JobSignals, Callable | None, Callable | None]] = {}
        self._closed = False

    def submit(self, title: str, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[TaskFailure], None] | None = None) -> None:
        """Run ``fn(*args)`` after every task submitted before it; callbacks run on the GUI thread."""
        if self._closed:
            raise RuntimeError(f"task queue {self.objectName()!r} is shut down")
        job_id = next(_job_ids)
        signals = _JobSignals()
        signals.ended.connect(self._on_ended)
        self._pending[job_id] = (signals, on_done, on_error)
        self._pool.start(_Job(job_id, title, _without_state(fn), args, TaskState(), signals))

    def is_idle(self) -> bool:
        return not self._pending

    def wait(self, msecs: int = -1) -> bool:
        """Block until every queued task ended (closing a project: its edits land first)."""
        return self._pool.waitForDone(msecs)

    def shutdown(self) -> None:
        """Let the queued tasks finish, then ignore what they report."""
        self._closed = True
        self.wait()

    @Slot(int, str, object)
    def _on_ended(self, job_id: int, outcome: str, payload: object) -> None:
        _, on_done, on_error = self._pending.pop(job_id, (None, None, None))
        if self._closed:
            return
        if outcome == "done" and on_done is not None:
            on_done(payload)
        elif outcome == "failed":
            (on_error or self.failed.emit)(payload)
        if not self._pending:
            self.idle.emit()


def _without_state(fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` called as a task (``state=`` given): an edit is short and takes no progress."""
    def task(*args: Any, state: TaskState) -> Any:
        return fn(*args)

    return task
