"""Progress and cancellation for long work, without Qt.

A long core function takes ``state=NULL_STATE`` and calls
``state.progress(fraction, message)``; once the user cancels, the next call
raises :class:`Cancelled`. ``state.sub(a, b)`` maps one step onto part of the
bar, so nested work reports one smooth fraction (Orange's ``wrap_callback``).
"""

from __future__ import annotations

import pickle
import threading
from dataclasses import dataclass
from typing import Callable


class Cancelled(Exception):
    """Raised inside long work after the user asked it to stop."""


@dataclass(frozen=True)
class TaskFailure:
    """A task ended with an exception: the exception and its traceback text."""

    title: str
    exception: BaseException
    details: str


def portable(exc: BaseException) -> BaseException:
    """``exc``, or a RuntimeError with its type and message if it cannot cross to another process.

    Some libraries' exceptions need arguments their pickled form lacks; the
    parent could not rebuild them and would take the job for a crash.
    """
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


ProgressCallback = Callable[[float, str], None]


class TaskState:
    """Carries progress out of, and a cancel request into, a long task."""

    def __init__(self, on_progress: ProgressCallback | None = None, cancel_event=None):
        """``cancel_event``: an event another party sets to cancel (a process's, across processes)."""
        self._on_progress = on_progress
        self._cancel = cancel_event if cancel_event is not None else threading.Event()
        self._on_cancel: list[Callable[[], None]] = []
        self._callbacks_lock = threading.Lock()

    def cancel(self) -> None:
        with self._callbacks_lock:
            self._cancel.set()
            callbacks, self._on_cancel = self._on_cancel, []
        for callback in callbacks:
            callback()

    def on_cancel(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once :meth:`cancel` is called (at once if it was): a waiter that blocks
        instead of polling hears Cancel this way. (An event set elsewhere calls nothing.)"""
        with self._callbacks_lock:
            if not self._cancel.is_set():
                self._on_cancel.append(callback)
                return
        callback()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user cancelled."""
        if self._cancel.is_set():
            raise Cancelled()

    def progress(self, fraction: float, message: str = "") -> None:
        self.check()
        if self._on_progress is not None:
            self._on_progress(min(max(fraction, 0.0), 1.0), message)

    def sub(self, start: float, end: float) -> "TaskState":
        """A state whose 0..1 maps onto ``start..end`` of this one."""
        return _SubState(self, start, end)


class _SubState(TaskState):
    def __init__(self, parent: TaskState, start: float, end: float):
        self._parent, self._start, self._end = parent, start, end

    def cancel(self) -> None:
        self._parent.cancel()

    def on_cancel(self, callback: Callable[[], None]) -> None:
        self._parent.on_cancel(callback)

    @property
    def cancelled(self) -> bool:
        return self._parent.cancelled

    def check(self) -> None:
        self._parent.check()

    def progress(self, fraction: float, message: str = "") -> None:
        span = self._end - self._start
        self._parent.progress(self._start + span * min(max(fraction, 0.0), 1.0), message)


class _NullState(TaskState):
    """Reports nowhere and is never cancelled."""

    def cancel(self) -> None:  # pragma: no cover - nobody can cancel it
        raise RuntimeError("NULL_STATE cannot be cancelled")

    def on_cancel(self, callback: Callable[[], None]) -> None:
        pass  # never cancelled: nothing to call


NULL_STATE: TaskState = _NullState()
