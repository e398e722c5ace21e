"""Scrolling columns together so that shared passages stay level.

As diff viewers do: the aligned sentence pairs of two columns are anchor
points (the first column's scroll position where a sentence reaches the top,
the second's where its counterpart does); between anchors the second column
follows in proportion. With no shared passage this is plain proportional
scrolling.
"""

from __future__ import annotations

import numpy as np


def anchor_chain(pairs: list[tuple[float, float]], source_max: float, other_max: float) -> tuple[list[float], list[float]]:
    """Anchors increasing in both columns, from the tops to the ends of the two scroll ranges.

    ``pairs``: (source y, other y) of each aligned sentence pair. Pairs that
    would make the other column scroll backwards (passages in another order)
    are dropped, the earlier one kept.
    """
    xs, ys = [0.0], [0.0]
    for x, y in sorted(pairs):
        if x > xs[-1] and y > ys[-1] and x < source_max and y < other_max:
            xs.append(float(x))
            ys.append(float(y))
    if source_max > xs[-1]:
        xs.append(float(source_max))
        ys.append(float(max(other_max, ys[-1])))
    return xs, ys


def follow(value: float, xs: list[float], ys: list[float]) -> float:
    """The other column's scroll position for the source column's ``value``."""
    return float(np.interp(value, xs, ys))
