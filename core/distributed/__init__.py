"""Analysis past one machine: partitions of articles analysed on a Dask cluster (issue 18, docs/scale.md).

Nothing here is imported by the desktop path; dask and pyarrow are imported
only inside this package's functions and its worker modules.
"""
