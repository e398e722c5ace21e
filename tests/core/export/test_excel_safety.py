"""Hostile article text exported safely: never a formula, no rejected characters, cut to fit."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from core.export.excel_cells import CELL_LIMIT, TRUNCATION_MARK
from core.model.article import Article, article_id
from core.project import Project
from tests.core.export.excel_fixtures import article_with, store_articles, workbook

FORMULA_TITLES = [
    '=HYPERLINK("http://evil.example","Click me") Putin speaks',
    "+1 Putin speaks",
    "-1 Putin speaks",
    "@SUM(A1) Putin speaks",
]


@pytest.fixture
def hostile_export(tmp_path):
    """A project of hostile articles (formula-like, tab-led, too long, control characters), exported."""
    project = Project(tmp_path / "hostile.newsprism")
    articles = [article_with(f"{title}\nVladimir Putin met Kim Jong Un in Russia.", title=title, outlet="Daily Planet")
                for title in FORMULA_TITLES]
    tab_text = "\tTabbed headline\nVladimir Putin spoke."
    articles.append(Article(id=article_id(tab_text), text=tab_text, title="\tTabbed headline", outlet="Daily Planet"))
    articles.append(article_with("Kim Jong Un " + "x" * 40_000, title="Very long", outlet="Gotham Gazette"))
    articles.append(article_with("Bell\x07 and null\x00 and escape\x1b: Russia", title="Control\x0b characters",
                                 outlet="=cmd|' /C calc'!A0", authors="-Anonymous"))
    store_articles(project, articles)
    target = project.export_xlsx(tmp_path / "hostile.xlsx")
    yield project, target
    project.close()


def _column(ws, header: str) -> list:
    index = [c.value for c in ws[1]].index(header) + 1
    return [ws.cell(row, index) for row in range(2, ws.max_row + 1)]


def test_formula_like_titles_and_texts_stay_text(hostile_export):
    project, target = hostile_export
    ws = workbook(target)["Articles"]
    for header in ("Title", "Text"):
        cells = {c.value: c for c in _column(ws, header)}
        for title in [*FORMULA_TITLES, "\tTabbed headline"]:
            (cell,) = [c for value, c in cells.items() if value.startswith(title)]
            assert cell.data_type == "s", (header, title)
    titles = set(pd.read_excel(target, sheet_name="Articles")["Title"])
    assert set(FORMULA_TITLES) <= titles


def test_formula_like_outlet_and_author_stay_text_everywhere(hostile_export):
    _, target = hostile_export
    book = workbook(target)
    outlet = "=cmd|' /C calc'!A0"
    assert any(c.value == outlet and c.data_type == "s" for c in _column(book["Articles"], "Outlet"))
    assert any(c.value == "-Anonymous" and c.data_type == "s" for c in _column(book["Articles"], "Authors"))
    matrix_headers = [c for c in book["Entity matrix"][1]]
    assert any(c.value == outlet and c.data_type == "s" for c in matrix_headers)
    assert outlet in [c.name for c in book["Entity matrix"].tables["EntityMatrix"].tableColumns]
    mentions_sheet = pd.read_excel(target, sheet_name="Entity mentions")
    assert outlet in set(mentions_sheet["Outlet"])
    for ws in book.worksheets:  # no cell anywhere became a formula
        assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row), ws.title


def test_text_over_the_cell_limit_is_cut_with_a_marker(hostile_export):
    _, target = hostile_export
    texts = [c.value for c in _column(workbook(target)["Articles"], "Text")]
    (long_text,) = [t for t in texts if t.startswith("Very long")]
    assert len(long_text) == CELL_LIMIT and long_text.endswith(TRUNCATION_MARK)


def test_characters_excel_rejects_are_removed_and_the_rest_kept(hostile_export):
    _, target = hostile_export
    ws = workbook(target)["Articles"]
    (title,) = [c.value for c in _column(ws, "Title") if c.value.startswith("Control")]
    assert title == "Control characters"
    (text,) = [c.value for c in _column(ws, "Text") if c.value.startswith("Control")]
    assert "Bell and null and escape: Russia" in text


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_does_not_evaluate_formula_like_text(hostile_export, tmp_path):
    from scripts.check_workbook_libreoffice import formula_texts_survive

    _, target = hostile_export
    assert formula_texts_survive(target, tmp_path, tmp_path / "home") == []


ERROR_LITERALS = ["#N/A", "#REF!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#VALUE!"]


def test_error_literals_from_articles_are_written_as_text_not_as_error_cells(tmp_path):
    """A spreadsheet shows an error cell as an error and formulas over it fail; the article said "#N/A"."""
    with Project(tmp_path / "errors.newsprism") as project:
        articles = [article_with(f"{literal}\nVladimir Putin met Kim Jong Un in Russia, said {literal}.", title=literal,
                                 outlet=literal if i == 0 else "Daily Planet", authors="#REF!")
                    for i, literal in enumerate(ERROR_LITERALS)]
        store_articles(project, articles)
        target = project.export_xlsx(tmp_path / "errors.xlsx")
    book = workbook(target)
    titles = {c.value: c for c in _column(book["Articles"], "Title")}
    assert set(titles) == set(ERROR_LITERALS)
    assert all(c.data_type == "s" for c in titles.values()), {v: c.data_type for v, c in titles.items()}
    assert all(c.data_type == "s" for c in _column(book["Articles"], "Authors"))
    for ws in book.worksheets:  # no cell anywhere became an error (or a formula)
        assert not any(c.data_type in ("e", "f") for row in ws.iter_rows() for c in row), ws.title
