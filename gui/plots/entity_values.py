"""The entity charts' numbers as drawn and as words: bar lengths, cell labels and hover text.

Shared by the bars and the heatmap, so both show an outlet's value the
same way; the numbers themselves come from core's ``entity_chart_rows``.
"""

from __future__ import annotations

import pandas as pd

from gui.colors import type_name

CLICK_HINT = "Click to highlight its mentions in the texts"


def metric_values(rows: pd.DataFrame, metric: str) -> pd.Series:
    """The values as drawn: shares as percentages."""
    values = rows[metric].astype(float)
    return values * 100 if metric == "share_of_articles" else values


def format_value(value: float, metric: str) -> str:
    if metric == "mentions":
        return f"{int(round(value)):,} mentions"
    if metric == "per_1000_words":
        return f"{value:.2f} per 1,000 words"
    return f"{value:.0f}% of articles"


def short_value(value: float, metric: str) -> str:
    """A cell label: the number alone."""
    if metric == "mentions":
        return f"{int(round(value)):,}"
    if metric == "per_1000_words":
        return f"{value:.1f}"
    return f"{value:.0f}%"


def value_of(rows: pd.DataFrame, entity: str, outlet: str, metric: str) -> float:
    """One outlet's value for one entity, as drawn (0 when the rows have none)."""
    row = rows[(rows["entity"] == entity) & (rows["outlet"] == outlet)]
    return float(metric_values(row, metric).iloc[0]) if not row.empty else 0.0


def describe(rows: pd.DataFrame, entity: str, metric: str, outlet: str | None = None) -> str:
    """Hover text: the hovered outlet's value first, then every outlet's numbers."""
    part = rows[rows["entity"] == entity]
    if part.empty:
        return entity
    label = part["label"].iloc[0]
    lines = []
    if outlet is not None:
        lines.append(f"{outlet} · {entity}: {format_value(value_of(rows, entity, outlet, metric), metric)}")
    lines.append(f"{entity} — {type_name(label)} ({label})")
    for row in part.itertuples():
        lines.append(f"{row.outlet}: {row.mentions:,} mentions · {row.per_1000_words:.2f} per 1,000 words · "
                     f"{row.articles:,} articles ({row.share_of_articles * 100:.0f}%)")
    lines.append(CLICK_HINT)
    return "\n".join(lines)
