"""Safe cell values and mention context, without writing a workbook."""

from __future__ import annotations

import math
from datetime import date, datetime, timezone

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.export.excel_cells import (
    CELL_LIMIT, TRUNCATION_MARK, clean_text, csv_value, excel_value, fit_cell, is_formula_like, parse_date,
)
from core.export.excel_context import SentenceIndex
from core.export.excel_writer import sheet_title, table_headers


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_like_starts_are_recognised(text):
    assert is_formula_like(text)
    assert csv_value(text) == "'" + text.replace("\r", "\r")
    assert excel_value(text) == text  # unchanged: the writer marks it as text


def test_plain_text_is_not_formula_like():
    assert not is_formula_like("Putin = ruler")
    assert csv_value("Putin") == "Putin"


def test_control_characters_excel_rejects_are_removed():
    assert clean_text("a\x00b\x07c\x1bd\ne\tf") == "abcd\ne\tf"


def test_long_text_is_cut_to_the_cell_limit_with_a_marker():
    cut = fit_cell("x" * 40_000)
    assert len(cut) == CELL_LIMIT and cut.endswith(TRUNCATION_MARK)
    assert fit_cell("y" * CELL_LIMIT) == "y" * CELL_LIMIT


def test_characters_beyond_the_bmp_count_twice_and_pairs_are_not_split():
    cut = fit_cell("😀" * 20_000)  # 40,000 UTF-16 code units
    assert len(cut.encode("utf-16-le")) // 2 <= CELL_LIMIT
    assert cut.endswith(TRUNCATION_MARK) and cut[: -len(TRUNCATION_MARK)] == "😀" * len(cut[: -len(TRUNCATION_MARK)])


def test_values_become_what_openpyxl_stores():
    assert excel_value(np.int64(3)) == 3 and type(excel_value(np.int64(3))) is int
    assert excel_value(float("nan")) is None and excel_value(math.inf) is None
    assert excel_value(pd.NA) is None and excel_value(None) is None
    assert excel_value(pd.Timestamp("2023-09-05 10:00", tz="UTC")) == datetime(2023, 9, 5, 10, 0)
    assert excel_value(("Ann", "Bob")) == "Ann; Bob"


def test_iso_dates_parse_and_other_text_stays_text():
    assert parse_date("2023-09-05") == date(2023, 9, 5)
    assert parse_date("2023-09-05T10:30:00+02:00") == datetime(2023, 9, 5, 10, 30)
    assert parse_date(datetime(2023, 1, 2, tzinfo=timezone.utc)).year == 2023
    assert parse_date("last Tuesday") == "last Tuesday"
    assert parse_date(None) is None and parse_date("") is None


def test_sheet_titles_and_headers_are_legal_and_unique():
    assert sheet_title("a/b:c*d?[e]" + "x" * 40) == "a b c d  e " + "x" * 20
    assert table_headers(["Total", "total", "", "=x\nline", None]) == ["Total", "total (2)", "Column 3", "=x line", "None"]


def test_context_is_the_sentence_around_the_mention():
    text = "Headline here\nMr. Putin met Kim Jong Un. The U.S. objected. Talks continue!"
    index = SentenceIndex(text)
    start = text.index("Kim")
    assert index.context(start, start + 11) == "Mr. Putin met Kim Jong Un."
    start = text.index("U.S.")
    assert index.context(start, start + 4) == "The U.S. objected."


def test_context_of_a_long_sentence_is_a_window_with_ellipses():
    text = "word " * 200 + "Putin " + "word " * 200
    start = text.index("Putin")
    context = SentenceIndex(text).context(start, start + 5, limit=100)
    assert context.startswith("…") and context.endswith("…") and "Putin" in context and len(context) <= 110


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(min_size=1, max_size=60), min_size=1, max_size=8))
def test_any_text_reads_back_as_text_minus_rejected_characters(tmp_path, texts):
    from openpyxl import load_workbook

    from core.export.excel import export_table

    target = export_table(pd.DataFrame({"Text": texts}), tmp_path / "any.xlsx")
    ws = load_workbook(target)["Data"]
    for row, text in enumerate(texts, 2):
        cell = ws.cell(row, 1)
        expected = fit_cell(clean_text(text))
        assert (cell.value or "") == expected
        if expected:
            assert cell.data_type == "s"
