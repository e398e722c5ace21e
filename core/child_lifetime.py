"""Child processes end when the process that started them ends.

A worker of a ``ProcessPoolExecutor`` waits on a queue whose writing end it
holds itself, so it never sees its parent die: after the window (or the
command line) crashed or was killed, its workers stayed behind, each holding
hundreds of megabytes. ``multiprocessing.parent_process()`` gives every
"spawn" child a handle that becomes ready when the parent is gone.
"""

from __future__ import annotations

import multiprocessing
import os
import threading


def exit_with_parent() -> None:
    """In a child process: end it as soon as its parent process ends (call it from the child's initializer)."""
    parent = multiprocessing.parent_process()
    if parent is None:  # not a multiprocessing child
        return
    threading.Thread(target=_exit_after, args=(parent,), name="exit-with-parent", daemon=True).start()


def _exit_after(parent) -> None:
    parent.join()  # returns when the parent's end of the start-up pipe closes: it has exited
    os._exit(1)
