"""Tables as formula-safe UTF-8 CSV files (the CSV export and one-table exports share it)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pandas as pd

from core.export.excel_cells import csv_value
from core.tasks import NULL_STATE, TaskState

#: Excel opens a UTF-8 CSV file correctly only with a byte order mark.
ENCODING = "utf-8-sig"


def write_csv(chunks: Iterable[pd.DataFrame], path: Path, *, state: TaskState = NULL_STATE) -> None:
    """Chunks of one table into one CSV file, formula-safe."""
    with open(path, "w", encoding=ENCODING, newline="") as handle:
        for n, chunk in enumerate(chunks):
            state.check()
            safe = chunk.rename(columns=lambda c: csv_value(str(c)))
            for column in safe.columns[safe.dtypes.map(lambda d: not pd.api.types.is_numeric_dtype(d))]:
                safe[column] = safe[column].map(csv_value)
            safe.to_csv(handle, index=False, header=n == 0, lineterminator="\r\n")
