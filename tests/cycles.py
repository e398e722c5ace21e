"""Garbage only a collection frees, telling which thread freed it (for the GC-on-the-GUI-thread tests)."""

from __future__ import annotations

import threading


class Cycle:
    """Part of a reference cycle; records the thread that frees it."""

    freed_in: list[str] = []

    def __init__(self):
        self.me = self

    def __del__(self):
        Cycle.freed_in.append(threading.current_thread().name)
