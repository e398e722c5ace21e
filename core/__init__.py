"""Newsprism's headless engine: import, project store, analysis, comparison, export.

Nothing in this package imports Qt; the window in ``gui`` is one client of it,
``newsprism-cli`` is another.
"""

__version__ = "0.1.0"
