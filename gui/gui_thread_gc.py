"""Python's cycle collector runs on the GUI thread only.

Left to itself, the collector runs in whichever thread allocates when a
threshold is crossed — often a worker. If it then frees a Qt object (a
closed dialog, an old model) from that worker, Qt takes its locks there
while the GUI thread waits for the GIL: the window freezes for good (seen
as a hang in the GUI tests). pyqtgraph's ``GarbageCollector`` turns
automatic collection off and collects from a timer on the GUI thread.
"""

from __future__ import annotations

from pyqtgraph.util.garbage_collector import GarbageCollector

#: How often the GUI thread checks whether a collection is due (seconds).
INTERVAL = 1.0

_collector: GarbageCollector | None = None


def collect_on_gui_thread() -> GarbageCollector:
    """Start collecting on the GUI thread (once per process; call it from the GUI thread)."""
    global _collector
    if _collector is None:
        _collector = GarbageCollector(interval=INTERVAL)
    return _collector
