"""The project's entities in one list: type, total mentions, and which outlets name them."""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from core.analysis.entities import coverage_split

ENTITY_LIST_COLUMNS = ["entity", "label", "mentions", "outlets", "outlets_naming", "named_by", "only_outlet"]


def entity_list(table: pd.DataFrame, outlets: Iterable[str], types: Iterable[str] | None = None) -> pd.DataFrame:
    """One row per entity of ``types`` from an entity × outlet table, most mentioned first."""
    if types is not None:
        table = table[table["label"].isin(list(types))]
    if table.empty:
        return pd.DataFrame(columns=ENTITY_LIST_COLUMNS)
    totals = table.groupby("entity")["mentions"].sum()
    listing = coverage_split(table, outlets)
    listing["mentions"] = listing["entity"].map(totals).astype("int64")
    listing = listing.sort_values(["mentions", "entity"], ascending=[False, True], kind="stable")
    return listing[ENTITY_LIST_COLUMNS].reset_index(drop=True)
