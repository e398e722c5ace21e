"""What the entity chart draws: the top entities with one row per outlet, zeros included."""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from core.analysis.entities import TABLE_COLUMNS, top_entities

METRICS = ("mentions", "per_1000_words", "share_of_articles")
CHART_COLUMNS = ["rank", *TABLE_COLUMNS]


def entity_chart_rows(
    table: pd.DataFrame,
    outlets: Iterable[str],
    *,
    metric: str = "mentions",
    types: Iterable[str] | None = None,
    n: int = 15,
) -> pd.DataFrame:
    """Top ``n`` entities by total ``metric``, each with a row for every outlet.

    ``table`` is ``Project.entity_table`` (any types); ``types`` keeps only
    those labels. Rows are ordered by rank, then by outlet in the given order;
    an outlet that never names an entity gets a row of zeros, so a grouped bar
    chart and its CSV export show the absence too.
    """
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; choose one of {', '.join(METRICS)}")
    outlets = list(outlets)
    if types is not None:
        table = table[table["label"].isin(list(types))]
    if table.empty or not outlets:
        return pd.DataFrame(columns=CHART_COLUMNS)
    top = top_entities(table, n, metric)
    labels = table.drop_duplicates("entity").set_index("entity")["label"]
    grid = pd.MultiIndex.from_product([top, outlets], names=["entity", "outlet"]).to_frame(index=False)
    values = table[table["entity"].isin(top)].drop(columns="label")
    rows = grid.merge(values, on=["entity", "outlet"], how="left")
    numeric = [c for c in TABLE_COLUMNS if c not in ("entity", "label", "outlet")]
    rows[numeric] = rows[numeric].fillna(0)
    rows[["mentions", "articles"]] = rows[["mentions", "articles"]].astype("int64")
    rows["label"] = rows["entity"].map(labels)
    rows["rank"] = rows["entity"].map({name: i for i, name in enumerate(top)})
    return rows[CHART_COLUMNS].reset_index(drop=True)
