"""Joined distinct values per group: the bit-mask way equals the obvious one, with few or many values."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from core.analysis.distinct import MAX_BITS, joined_distinct


def _obvious(frame: pd.DataFrame) -> dict:
    return {key: (", ".join(sorted(set(rows["outlet"].dropna()))), rows["outlet"].dropna().nunique())
            for key, rows in frame.groupby(["entity", "label"])}


@pytest.mark.parametrize("n_values", [3, MAX_BITS, MAX_BITS + 8])
def test_the_same_text_and_count_as_joining_each_group(n_values):
    rng = random.Random(n_values)
    outlets = [f"Outlet {i:02d}" for i in range(n_values)] + [None]
    frame = pd.DataFrame({
        "entity": [f"E{rng.randrange(40)}" for _ in range(3000)],
        "label": [rng.choice(["PERSON", "GPE"]) for _ in range(3000)],
        "outlet": [rng.choice(outlets) for _ in range(3000)],
    })
    table = joined_distinct(frame, ["entity", "label"], "outlet")
    found = {(e, lab): (text, count) for e, lab, text, count in table.itertuples(index=False)}
    assert found == _obvious(frame)
    assert list(table.columns) == ["entity", "label", "outlet", "count"]
