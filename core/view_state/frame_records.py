"""A frame's rows as dicts, each made when it is first read: a million-article table opens without
a million dicts (``to_dict("records")`` took 75 s and 1.5 GB at 1,000,000 articles).

A row read once is kept, so changes to it (an edited title) stay. Sorting
reorders positions by one column's values, never building the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Callable

import pandas as pd


class FrameRecords(Sequence):
    """``frame.to_dict("records")``, lazily; ``column`` and ``sort_by`` work on the columns."""

    def __init__(self, frame: pd.DataFrame):
        self._columns = {name: frame[name].tolist() for name in frame.columns}
        self._order = list(range(len(frame)))
        self._made: dict[int, dict[str, Any]] = {}  # by position in the frame
        self._positions: tuple[str, dict[Any, int]] | None = None  # (column, row by value) in the current order

    def __len__(self) -> int:
        return len(self._order)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        position = self._order[index]
        row = self._made.get(position)
        if row is None:
            row = self._made[position] = {name: values[position] for name, values in self._columns.items()}
        return row

    def column(self, name: str) -> list:
        """One column's values in the current order (changed rows as changed; None for a column it lacks)."""
        values = self._columns.get(name)
        if values is None:
            return [None] * len(self._order)
        made = self._made
        return [made[p].get(name) if p in made else values[p] for p in self._order]

    def sort_by(self, name: str, key: Callable[[Any], Any], reverse: bool = False) -> None:
        values = self.column(name)
        ranked = sorted(range(len(values)), key=lambda i: key(values[i]), reverse=reverse)
        self._order = [self._order[i] for i in ranked]
        self._positions = None

    def positions(self, name: str) -> dict[Any, int]:
        """Each row's position in the current order by its value of the column ``name`` (a key: made
        once per order, in the worker that makes the records, as a million take half a second)."""
        if self._positions is None or self._positions[0] != name:
            self._positions = (name, {value: i for i, value in enumerate(self.column(name))})
        return self._positions[1]
