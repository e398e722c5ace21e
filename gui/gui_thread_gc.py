"""Python's cycle collector runs on the GUI thread only.

Left to itself, the collector runs in whichever thread allocates when a
threshold is crossed — often a worker. If it then frees a Qt object (a
closed dialog, an old model) from that worker, Qt takes its locks there
while the GUI thread waits for the GIL: the window freezes for good (seen
as a hang in the GUI tests). pyqtgraph's ``GarbageCollector`` turns
automatic collection off and collects from a timer on the GUI thread.
"""

from __future__ import annotations

import gc

from pyqtgraph.util.garbage_collector import GarbageCollector

#: How often the GUI thread checks whether a collection is due (seconds): often,
#: or the young generation grows large (workers allocate too) and one collection of it is long.
INTERVAL = 0.1

_collector: GarbageCollector | None = None


def collect_on_gui_thread() -> GarbageCollector:
    """Start collecting on the GUI thread (once per process; call it from the GUI thread).

    What exists by then (the modules of Python, Qt, pandas, pyqtgraph: some
    100,000 objects) lives as long as the app: it is frozen out of the
    collector's sight, or every full collection walks it again and holds the
    GUI thread for 40-140 ms.
    """
    global _collector
    if _collector is None:
        gc.collect()
        gc.freeze()
        _collector = GarbageCollector(interval=INTERVAL)
    return _collector


def collecting_on_gui_thread() -> bool:
    """The GUI thread alone collects (automatic collection is meant to be off)."""
    return _collector is not None
