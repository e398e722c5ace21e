"""The chart's rows: top entities, every outlet present, metric and type filters."""

import pandas as pd
import pytest

from core.analysis.chart_data import entity_chart_rows
from core.analysis.entities import TABLE_COLUMNS


def _table(rows):
    return pd.DataFrame(rows, columns=TABLE_COLUMNS)


TABLE = _table([
    ("Russia", "GPE", "A", 10, 5.0, 2, 1.0),
    ("Russia", "GPE", "B", 4, 8.0, 1, 0.5),
    ("Kim Jong Un", "PERSON", "A", 3, 1.5, 1, 0.5),
    ("NATO", "ORG", "B", 6, 12.0, 2, 1.0),
])


def test_every_outlet_gets_a_row_with_zeros_where_it_is_silent():
    rows = entity_chart_rows(TABLE, ["A", "B"], n=3)
    assert list(rows["entity"]) == ["Russia", "Russia", "NATO", "NATO", "Kim Jong Un", "Kim Jong Un"]
    assert list(rows["outlet"]) == ["A", "B"] * 3
    kim_b = rows[(rows["entity"] == "Kim Jong Un") & (rows["outlet"] == "B")].iloc[0]
    assert kim_b["mentions"] == 0 and kim_b["label"] == "PERSON"
    assert list(rows["rank"].unique()) == [0, 1, 2]


def test_metric_changes_the_ranking_and_n_cuts():
    rows = entity_chart_rows(TABLE, ["A", "B"], metric="per_1000_words", n=1)
    assert set(rows["entity"]) == {"Russia"}  # 13.0 beats NATO's 12.0
    rows = entity_chart_rows(TABLE, ["A", "B"], metric="share_of_articles", n=1)
    assert set(rows["entity"]) == {"Russia"}


def test_types_filter_and_unknown_metric():
    rows = entity_chart_rows(TABLE, ["A", "B"], types=["PERSON"])
    assert set(rows["entity"]) == {"Kim Jong Un"}
    assert entity_chart_rows(TABLE, ["A"], types=["LOC"]).empty
    with pytest.raises(ValueError):
        entity_chart_rows(TABLE, ["A"], metric="bogus")


def test_outlet_order_is_kept():
    rows = entity_chart_rows(TABLE, ["B", "A"], n=1)
    assert list(rows["outlet"]) == ["B", "A"]
