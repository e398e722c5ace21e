"""The entity list: totals over outlets and who names each entity."""

import pandas as pd

from core.analysis.entities import TABLE_COLUMNS
from core.analysis.entity_list import entity_list

TABLE = pd.DataFrame([
    ("Russia", "GPE", "A", 10, 5.0, 2, 1.0),
    ("Russia", "GPE", "B", 4, 8.0, 1, 0.5),
    ("NATO", "ORG", "B", 6, 12.0, 2, 1.0),
], columns=TABLE_COLUMNS)


def test_totals_and_coverage():
    listing = entity_list(TABLE, ["A", "B"])
    assert list(listing["entity"]) == ["Russia", "NATO"]
    assert list(listing["mentions"]) == [14, 6]
    assert list(listing["named_by"]) == ["all", "one"]
    assert listing.loc[1, "only_outlet"] == "B"
    assert list(entity_list(TABLE, ["A", "B"], types=["ORG"])["entity"]) == ["NATO"]
    assert entity_list(TABLE, ["A"], types=["LOC"]).empty
