"""Keep automatic garbage collection off where the caller turned it off.

srsly (spaCy's serialiser) turns the collector off around every msgpack load
and then unconditionally back on. Loading a model in the window therefore
re-enabled automatic collection, which the window keeps off so that only
the GUI thread ever frees Qt objects (gui/gui_thread_gc.py). The stand-in
for srsly's ``gc`` below turns collection back on only if it was on.
"""

from __future__ import annotations

import gc
import threading


class _RestoringCollector:
    """``gc`` for srsly: ``disable``/``enable`` pairs restore the state they found."""

    def __init__(self):
        self._found = threading.local()

    def disable(self) -> None:
        self._stack().append(gc.isenabled())
        gc.disable()

    def enable(self) -> None:
        stack = self._stack()
        if stack.pop() if stack else True:
            gc.enable()

    def _stack(self) -> list[bool]:
        if not hasattr(self._found, "stack"):
            self._found.stack = []
        return self._found.stack

    def __getattr__(self, name: str):
        return getattr(gc, name)


def keep_collector_state() -> None:
    """Install the stand-in in srsly (idempotent; call before loading a model)."""
    from srsly import _msgpack_api

    if not isinstance(_msgpack_api.gc, _RestoringCollector):
        _msgpack_api.gc = _RestoringCollector()
