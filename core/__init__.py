"""Newsprism's headless engine: import, project store, analysis, comparison, export.

Nothing in this package imports Qt; the window in ``gui`` is one client of it,
``newsprism-cli`` is another.
"""

__version__ = "0.1.0"

import pandas as _pd

# pyarrow (installed for the Dask engine's Parquet files, core/distributed) makes pandas 3 keep strings
# in Arrow arrays, whose ``isin`` makes a Python object of every value: 20 s instead of 3 for a million
# article ids. Strings stay in Python arrays, as the desktop path was measured and tuned with.
_pd.set_option("mode.string_storage", "python")
