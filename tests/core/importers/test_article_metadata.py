"""Outlet, date and title of plain text: header and byline lines, then self-references, then a folder
named like an outlet, never a generic folder or a name inside a quote; guesses marked as guesses."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from core.model.article import Origin
from core.model.import_result import Status
from core.project import Project

ARTICLES = Path(__file__).resolve().parents[2] / "data" / "articles"
BYLINES = json.loads((ARTICLES / "bylines" / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dropped(tmp_path_factory):
    """The byline samples imported from a folder named "drop" (a generic name: never an outlet)."""
    folder = tmp_path_factory.mktemp("inbox") / "drop"
    shutil.copytree(ARTICLES / "bylines", folder, ignore=shutil.ignore_patterns("*.json"))
    with Project(folder.parent / "p.newsprism") as project:
        results = project.import_paths([folder])
        by_file = {Path(a.source_path).name: a for a in project.articles()}
    assert all(r.status is Status.IMPORTED for r in results)
    return by_file


@pytest.mark.parametrize("name", sorted(BYLINES))
def test_each_byline_style_gives_title_outlet_date_and_authors(dropped, name):
    article, expected = dropped[name], BYLINES[name]
    assert article.title == expected["title"]
    assert article.outlet == expected["outlet"]
    assert (article.date[:10] if article.date else None) == expected["date"]
    assert list(article.authors) == expected["authors"]
    assert article.text.startswith(article.title + "\n")
    assert article.origin("outlet") is Origin.GUESSED


def test_header_lines_stay_in_the_text_but_are_not_analysed(dropped):
    article = dropped["01_pipe_byline.txt"]
    assert "By Ana Ruiz | Capital Wire | August 14, 2024" in article.text
    assert "Capital Wire" not in article.analysed_text
    assert "Dock workers in Valencia" in article.analysed_text


def test_generic_folders_never_name_the_outlet(tmp_path):
    for generic in ("drop", "lexis", "pages", "inputs", "Downloads"):
        folder = tmp_path / generic
        folder.mkdir()
        (folder / "story.txt").write_text("Storm closes ferry\nThe ferry did not sail on Monday.", encoding="utf-8")
    with Project(tmp_path / "p.newsprism") as project:
        project.import_paths([tmp_path / name for name in ("drop", "lexis", "pages", "inputs", "Downloads")])
        assert {a.outlet for a in project.articles()} == {"Unknown"}


def test_names_from_quotes_and_people_never_beat_a_folder_named_like_an_outlet(tmp_path):
    folder = tmp_path / "Coastline Post"
    shutil.copytree(ARTICLES / "quotes_in_folder", folder)
    with Project(tmp_path / "p.newsprism") as project:
        project.import_paths([folder])
        [article] = project.articles()
    assert article.outlet == "Coastline Post"  # not "Taylor", "President Obama", "Mr. Cowan" or "The Daily Planet"
    assert article.origin("outlet") is Origin.GUESSED


def test_a_self_reference_outside_quotes_still_names_the_outlet(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Tenants win delay\nThe court delayed the hearing. Capital Wire has asked the landlord for comment.",
                    encoding="utf-8")
    with Project(tmp_path / "p.newsprism") as project:
        project.import_paths([path])
        [article] = project.articles()
    assert article.outlet == "Capital Wire"


def test_explicit_metadata_beats_the_byline(tmp_path):
    import pandas as pd

    body = (ARTICLES / "bylines" / "01_pipe_byline.txt").read_text(encoding="utf-8")
    pd.DataFrame([{"text": body, "source": "Valley Courier", "date": "2024-08-20"}]).to_csv(tmp_path / "t.csv", index=False)
    with Project(tmp_path / "p.newsprism") as project:
        project.import_paths([tmp_path / "t.csv"])
        [article] = project.articles()
    assert (article.outlet, article.date) == ("Valley Courier", "2024-08-20")
    assert article.origin("outlet") is Origin.FILE and article.origin("date") is Origin.FILE


def test_a_word_document_header_line_gives_the_outlet(tmp_path):
    from tests.core.importers.doc_makers import make_docx

    path = tmp_path / "story.docx"
    path.write_bytes(make_docx(heading="Port strike ends", lines=["By Ana Ruiz | Capital Wire | August 14, 2024",
                                                                   "Dock workers returned to work on Thursday."]))
    with Project(tmp_path / "p.newsprism") as project:
        project.import_paths([path])
        [article] = project.articles()
    assert (article.outlet, article.date, article.authors) == ("Capital Wire", "2024-08-14", ("Ana Ruiz",))
    assert article.origin("outlet") is Origin.GUESSED
