"""The view data's rows made when read (core/view_state/frame_records.py): the same rows as to_dict("records"), sortable, edits kept."""

from __future__ import annotations

import pandas as pd

from core.view_state.frame_records import FrameRecords


def test_rows_are_those_of_to_dict_and_stay_changed_through_a_sort():
    frame = pd.DataFrame({"id": ["a", "b", "c"], "title": ["Zeta", "Alpha", "Mu"], "word_count": [3, 1, 2]})
    rows = FrameRecords(frame)
    assert list(rows) == frame.to_dict("records")
    assert isinstance(rows[0]["word_count"], int)  # native values, as the table model aligns numbers by type
    rows[1]["title"] = "Beta"  # an edited title
    rows.sort_by("title", str.lower)
    assert rows.column("id") == ["b", "c", "a"] and rows[0]["title"] == "Beta"
    rows.sort_by("word_count", lambda v: v, reverse=True)
    assert rows.column("id") == ["a", "c", "b"]
    assert rows.column("note") == [None, None, None]  # a column the frame lacks


def test_positions_follow_the_order():
    records = FrameRecords(pd.DataFrame({"id": ["a", "b", "c"], "n": [3, 1, 2]}))
    assert records.positions("id") == {"a": 0, "b": 1, "c": 2}
    records.sort_by("n", lambda v: v)
    assert records.positions("id") == {"b": 0, "c": 1, "a": 2}
    assert [records[i]["id"] for i in records.positions("id").values()] == ["b", "c", "a"]
