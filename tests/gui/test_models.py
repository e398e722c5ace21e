"""Table models: display text, sorting by the source model (numbers as numbers, blanks last)."""

from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QPersistentModelIndex, Qt

from gui.models.article_filter_proxy import ArticleFilterProxyModel
from gui.models.article_table_model import ArticleTableModel
from gui.models.dataframe_table_model import DataFrameTableModel, display_text
from gui.models.roles import ID_ROLE, RAW_ROLE


def test_display_text():
    assert display_text(1234) == "1,234"
    assert display_text(0.5) == "0.50"
    assert display_text(None) == "" and display_text(float("nan")) == ""
    assert display_text(["a", "b"]) == "a, b"


def test_dataframe_model_sorts_numbers_as_numbers_and_keeps_persistent_rows(qtbot):
    model = DataFrameTableModel(pd.DataFrame({"name": ["b", "a", "c", "d"], "n": [10, 9, None, 100]}))
    kept = QPersistentModelIndex(model.index(0, 0))  # "b"
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, 0).data() for r in range(4)] == ["a", "b", "d", "c"]  # 9, 10, 100, blank last
    assert kept.row() == 1 and kept.data() == "b"
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 0).data(RAW_ROLE) for r in range(4)] == ["d", "c", "b", "a"]


def test_article_model_sorts_through_the_proxy(qtbot):
    model = ArticleTableModel()
    model.set_frame(pd.DataFrame({
        "id": ["x", "y", "z"], "outlet": ["B", "a", "C"], "title": ["t1", "t2", "t3"], "date": [None, "2024-01-02", None],
        "word_count": [300, 20, 1000], "entities": [1, 2, 3], "quotes": [0, 0, 0], "story_id": [None] * 3,
        "story": [""] * 3, "origins": [{}, {}, {}],
    }))
    proxy = ArticleFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.sort(3, Qt.SortOrder.DescendingOrder)  # words
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(3)] == ["z", "x", "y"]
    proxy.sort(0, Qt.SortOrder.AscendingOrder)  # outlet, case-insensitive
    assert [proxy.index(r, 0).data() for r in range(3)] == ["a", "B", "C"]
    assert model.row_of("y") == 0
    proxy.set_article_filter({"x"})
    assert proxy.rowCount() == 1 and proxy.index(0, 0).data(ID_ROLE) == "x"
