"""Regrouping stories and counting entities in a child process, after a big analysis.

The pandas work of regrouping thousands of articles holds the interpreter's
lock for up to 100 ms at a time; run in the window's process it froze the
window that long. A fresh child process ("spawn", as the analysis workers)
does it on the project file instead — SQLite lets the two processes take
turns — while the caller's thread only waits.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from core.child_lifetime import exit_with_parent


def regroup_in_child(path: str | Path, model: str) -> None:
    """``Project.regroup`` of the project at ``path``, in a child process; its errors are raised here."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=context, initializer=exit_with_parent) as pool:
        pool.submit(_regroup, str(path), model).result()


def _regroup(path: str, model: str) -> None:
    from core.project import Project

    with Project(path, model=model, create=False) as project:
        project.regroup()
