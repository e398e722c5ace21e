"""Saved pages where extraction used to slip: ad code or a sign-up line as the lead, a logo as the
headline, labelled or slug authors, a date from an image path; and Newsprism's body text scores at
least trafilatura's on every page (``benchmarks/page_text.py``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import SHARED_FIXTURES, require_shared

from benchmarks.page_text import run
from core.importers import read_file

PAGES = Path(__file__).resolve().parents[2] / "data" / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def articles():
    return {name: read_file(PAGES / name)[0] for name in EXPECTED}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_article_text_and_nothing_around_it(articles, name):
    body = articles[name].text.split("\n", 1)[1]
    for wanted in EXPECTED[name]["with"]:
        assert wanted in body
    for unwanted in EXPECTED[name]["without"]:
        assert unwanted not in body


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_headline_date_and_outlet(articles, name):
    article, expected = articles[name], EXPECTED[name]
    assert article.title == expected["title"]
    assert (article.date or "")[:10] == (expected["date"] or "")
    assert article.outlet == expected["sitename"]


def test_author_labels_and_slugs_are_tidied(articles):
    assert articles["site-name-title.html"].authors == ("Иван Петров",)
    assert articles["ad-script-lead.html"].authors == ("Ana Ruiz",)


def test_a_russian_page_is_marked_russian(articles):
    assert articles["site-name-title.html"].language == "ru"


def test_body_text_f1_is_never_below_trafilatura():
    folders = [PAGES, require_shared(SHARED_FIXTURES / "html-pages")]
    rows = run(folders)
    assert len(rows) >= len(EXPECTED)
    worse = [(r["page"], r["newsprism"], r["trafilatura"]) for r in rows if r["newsprism"] < r["trafilatura"]]
    assert not worse
