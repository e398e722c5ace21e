"""Long work on a project in a child process, with progress and Cancel carried across.

An import or an analysis creates and frees millions of Python objects.
Done in a thread of the window's process, the cycle collector — which the
window runs on its own thread (gui/gui_thread_gc.py) — had to walk them
there, and the libraries the first import loads, and froze the window for
50-60 ms at a time. In a child process the window's process only waits.
A reader that crashes on a bad file also takes down the child, not the
window: the job fails with a message and the next one starts a new child.

One :class:`JobProcess` runs one job at a time in one "spawn" child (as the
analysis workers), which lives on between jobs so that the spaCy model it
loaded stays loaded.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import queue
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Callable

from core.child_lifetime import exit_with_parent
from core.tasks import NULL_STATE, Cancelled, TaskState, portable

#: The child sends progress at most this often (seconds).
PROGRESS_INTERVAL = 0.05

#: The waiting thread blocks on the progress queue; the job's end arrives there as a message at once.
#: Only a child killed while writing to the queue (its lock then stays taken) ends without one:
#: this often the waiting thread also looks whether the job is over (seconds).
DEAD_CHILD_CHECK = 1.0

#: The child and the analysis workers it starts run this much "nicer" than the window
#: (on 2 cores, three busy processes kept the window's thread off the CPU for up to 70 ms).
NICENESS = 10


class ChildDied(RuntimeError):
    """The child process ended in the middle of a job (it crashed or was killed)."""


class JobProcess:
    """Runs ``fn(*args, state=...)`` in a child process, one job at a time.

    ``fn`` and ``args`` must be picklable (module-level functions, plain
    data); the result and any exception come back to the caller of :meth:`run`.
    """

    def __init__(self):
        self._context = multiprocessing.get_context("spawn")
        self._turn = threading.Condition()  # one job at a time: callers wait for their turn
        self._busy = False
        self._running = 0  # the id of the job the child runs (0: none)
        self._executor: ProcessPoolExecutor | None = None
        self._progress = None
        self._cancel = None
        self._job_ids = iter(range(1, 1 << 62))

    def run(self, fn: Callable[..., Any], *args: Any, state: TaskState = NULL_STATE) -> Any:
        """The result of ``fn(*args)`` run in the child; raises what it raised (:class:`Cancelled` on Cancel).

        The calling thread blocks (no polling) until its turn, the child's
        progress or the job's end; Cancel reaches the child through ``state``.
        """
        self._take_turn(state)
        try:
            return self._run_alone(fn, args, state)
        finally:
            self._end_turn()

    def close(self) -> None:
        """Stop the child (a running job is cancelled first)."""
        if self._cancel is not None:
            self._cancel.set()
        self._take_turn(NULL_STATE)
        try:
            self._stop_child()
        finally:
            self._end_turn()

    def _take_turn(self, state: TaskState) -> None:
        """Wait while another caller's job runs; :class:`Cancelled` if ``state`` is cancelled meanwhile."""
        state.on_cancel(self._wake_waiters)
        with self._turn:
            while self._busy and not state.cancelled:
                self._turn.wait()
            state.check()
            self._busy = True

    def _end_turn(self) -> None:
        with self._turn:
            self._busy = False
            self._turn.notify_all()

    def _wake_waiters(self) -> None:
        with self._turn:
            self._turn.notify_all()

    def _run_alone(self, fn: Callable, args: tuple, state: TaskState) -> Any:
        executor = self._child()
        job_id = next(self._job_ids)
        self._cancel.clear()
        try:
            future = executor.submit(_run_in_child, job_id, fn, args)
        except BrokenProcessPool:  # the idle child died: start again once
            self._stop_child()
            future = self._child().submit(_run_in_child, job_id, fn, args)
        progress = self._progress
        # The job's end (or the child's death) wakes the waiting thread through the progress queue.
        future.add_done_callback(lambda _: progress.put((job_id, None, "")))
        self._running = job_id
        state.on_cancel(lambda: self._cancel_job(job_id))
        try:
            self._follow(future, job_id, state)
        finally:
            self._running = 0
        try:
            return future.result()
        except BrokenProcessPool as exc:
            self._stop_child()
            raise ChildDied("the worker process stopped unexpectedly; what it saved before is kept") from exc

    def _follow(self, future, job_id: int, state: TaskState) -> None:
        """Pass the child's progress on until the job ends (blocking on the queue, not polling it)."""
        while True:
            try:
                sent, fraction, message = self._progress.get(timeout=DEAD_CHILD_CHECK)
            except queue.Empty:
                if future.done():
                    return
                continue
            if sent != job_id:
                continue  # an earlier job's late news
            if fraction is None:
                return
            self._report(state, fraction, message)

    def _cancel_job(self, job_id: int) -> None:
        """The user cancelled job ``job_id``: the child stops at its next check (if it still runs that job)."""
        if self._running == job_id and self._cancel is not None:
            self._cancel.set()

    def _report(self, state: TaskState, fraction: float, message: str) -> None:
        try:
            state.progress(fraction, message)
        except Cancelled:
            self._cancel.set()  # the child stops at its next check and raises Cancelled itself

    def _child(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._progress, self._cancel = self._context.Queue(), self._context.Event()
            self._executor = ProcessPoolExecutor(1, mp_context=self._context, initializer=_start_child,
                                                 initargs=(self._progress, self._cancel))
        return self._executor

    def _stop_child(self) -> None:
        executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


_shared: dict[str, JobProcess] = {}


def shared_job_process(purpose: str) -> JobProcess:
    """The app's job process for ``purpose`` ("work", "export"): started once, stopped at exit."""
    if purpose not in _shared:
        _shared[purpose] = JobProcess()
    return _shared[purpose]


@atexit.register
def _close_shared() -> None:
    for jobs in _shared.values():
        jobs.close()


def run_on_project(jobs: JobProcess, project, fn: Callable[..., Any], *args: Any,
                   state: TaskState = NULL_STATE) -> Any:
    """``fn(project, *args, state=...)`` in ``jobs``' child, on the same project file.

    The child opens the file itself and uses the parent's user folder (the
    outlet table, settings); afterwards ``project`` reads again what it had
    cached, whatever the job's outcome.
    """
    from core.paths import user_data_dir

    try:
        return jobs.run(_on_project, str(user_data_dir()), str(project.path), project.model, fn, *args, state=state)
    finally:
        project.store.changed_elsewhere()


# -- in the child -------------------------------------------------------------
_channel: dict = {}


def _start_child(progress, cancel) -> None:
    exit_with_parent()
    _channel.update(progress=progress, cancel=cancel)
    if hasattr(os, "nice"):  # POSIX; the processes it starts inherit it
        os.nice(NICENESS)


def _run_in_child(job_id: int, fn: Callable, args: tuple) -> Any:
    try:
        state = TaskState(_ProgressSender(job_id, _channel["progress"]), cancel_event=_channel["cancel"])
        return fn(*args, state=state)
    except Exception as exc:
        replacement = portable(exc)
        if replacement is exc:
            raise
        raise replacement from None


def _on_project(home: str, path: str, model: str, fn: Callable, *args: Any, state: TaskState) -> Any:
    from core.project import Project

    os.environ["NEWSPRISM_HOME"] = home  # the child may have been started for another user folder (tests)
    with Project(Path(path), model=model, create=False) as project:
        return fn(project, *args, state=state)


class _ProgressSender:
    """Sends a job's progress to the parent, at most every ``PROGRESS_INTERVAL`` (and always the end)."""

    def __init__(self, job_id: int, progress):
        self._job_id, self._queue = job_id, progress
        self._last = float("-inf")

    def __call__(self, fraction: float, message: str) -> None:
        now = time.monotonic()
        if now - self._last >= PROGRESS_INTERVAL or fraction >= 1.0:
            self._last = now
            self._queue.put((self._job_id, fraction, message))
