"""Saved web pages: the real pages of the shared fixtures, scripts, encodings, MHTML."""

from __future__ import annotations

import json
import re

import pytest
from tests.conftest import SHARED_FIXTURES, require_shared
from tests.core.importers.importer_makers import PARAGRAPHS, SCRIPT_PAGE, news_page

from core.importers import read_file
from core.model.article import Origin
from core.model.import_result import UnreadableFile

PAGES = SHARED_FIXTURES / "html-pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8")) if PAGES.exists() else {}
#: Without ../shared, one stand-in page: each test still runs, and fails (or skips) saying what is missing.
NAMES = sorted(EXPECTED) or ["(no pages: ../shared is missing)"]

#: Values in expected.json the page does not give in a machine-readable way.
NOT_EXTRACTABLE = {
    ("tagesschau.de.rheinmetall.html", "date"): (
        "the page's only machine-readable date is <meta name='date' content='2020-04-29T11:52:23'>; "
        "the expected 28 April is only in the visible 'Stand: 28.04.2020 18:00 Uhr' line"
    ),
}


@pytest.fixture(scope="module")
def page_articles():
    require_shared(PAGES / "expected.json")
    return {name: read_file(PAGES / name) for name in EXPECTED}


def _pages(field: str) -> list:
    """Page names, with a strict xfail where ``field`` is documented as not extractable."""
    return [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=NOT_EXTRACTABLE[(name, field)]))
        if (name, field) in NOT_EXTRACTABLE else name
        for name in NAMES
    ]


def _expected_authors(value) -> set[str]:
    names = value if isinstance(value, list) else re.split(r",\s*|\s+und\s+|\s+and\s+", value)
    return {n.strip().casefold() for n in names if n.strip()}


@pytest.mark.parametrize("name", NAMES)
def test_page_text_keeps_the_article_and_drops_the_boilerplate(page_articles, name):
    [article] = page_articles[name]
    body = article.text.split("\n", 1)[1]  # the first line is the headline Newsprism puts there
    for wanted in EXPECTED[name]["with"]:
        assert wanted in body, f"{wanted!r} missing from {name}"
    for unwanted in EXPECTED[name]["without"]:
        assert unwanted not in body, f"{unwanted!r} left in {name}"


@pytest.mark.parametrize("name", NAMES)
def test_page_title(page_articles, name):
    [article] = page_articles[name]
    # compared ignoring case: The Intercept's expected title is upper case because its CSS shows it so
    assert article.title.casefold() == EXPECTED[name]["title"].casefold()
    assert article.text.startswith(article.title)
    assert article.origin("title") is Origin.EXTRACTED


@pytest.mark.parametrize("name", _pages("date"))
def test_page_date(page_articles, name):
    [article] = page_articles[name]
    assert article.date and article.date[:10] == EXPECTED[name]["date"]
    assert article.origin("date") is Origin.EXTRACTED


@pytest.mark.parametrize("name", NAMES)
def test_page_authors(page_articles, name):
    """Expected authors are all found (case aside). The Standard's page names two authors
    in its own metadata (April Roach and Daniel O'Mahony); the fixture lists one of them."""
    [article] = page_articles[name]
    expected = _expected_authors(EXPECTED[name]["author"])
    found = {a.casefold() for a in article.authors}
    if expected:
        assert expected <= found
    else:
        assert not found, f"{name} has no author but {article.authors} was extracted"


def test_pages_have_outlet_url_and_language(page_articles):
    for name, [article] in page_articles.items():
        assert article.url.startswith("http"), name
        assert article.language in {"en", "de", "fr"}, name
        assert article.outlet not in ("", "Unknown"), name
    assert page_articles["theguardian.com.academics.html"][0].outlet == "The Guardian"
    assert page_articles["reuters.com.parasite.html"][0].date == "2020-01-19T12:25:36+00:00"


def test_scripts_never_run_and_never_reach_the_text(tmp_path):
    marker = tmp_path / "SCRIPT-WROTE-THIS"
    page = tmp_path / "bridge.html"
    page.write_text(SCRIPT_PAGE.format(marker=marker.as_posix()), encoding="utf-8")
    [article] = read_file(page)
    assert not marker.exists()
    for leak in ("SCRIPT-RAN", "SCRIPT-TEXT-LEAK", "writeFileSync", "document.", "fetch(", "enable JavaScript", "<", "Home"):
        assert leak not in article.text
    assert article.title == "Council approves new harbour bridge"
    assert "Construction is expected to start next spring" in article.text
    assert article.outlet == "Harbour Gazette"
    assert article.authors == ("Jane Smith",)


@pytest.mark.parametrize(
    ("encoding", "declared", "sample"),
    [
        ("cp1252", "windows-1252", "Café owners say “prices” rose – by 20 € – this year"),
        ("latin-1", "iso-8859-1", "Les élèves du lycée à Besançon ont manifesté jeudi"),
        ("shift_jis", "shift_jis", "東京都の知事は月曜日に新しい計画を発表した"),
        ("utf-16", None, "Zürich: Straßenbahn fährt wieder nach Öffnung der Brücke"),
        ("cp1252", None, "Café owners say “prices” rose – by 20 € – this year"),
    ],
)
def test_page_encodings(tmp_path, encoding, declared, sample):
    paragraphs = [f"{sample}, officials said on Monday ({i})." for i in range(6)]
    html = news_page("Headline of the day", paragraphs, charset=declared or "")
    if declared is None:
        html = html.replace('<meta charset="">', "")
    path = tmp_path / "page.html"
    path.write_bytes(html.encode(encoding))  # Python's utf-16 codec writes a BOM
    [article] = read_file(path)
    assert sample in article.text


def test_mhtml_page(tmp_path):
    html = news_page("Rail plan approved", PARAGRAPHS, site="Valley News")
    mhtml = (
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://valley.example/rail\r\n"
        "Subject: Rail plan approved\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----B"\r\n\r\n'
        "------B\r\nContent-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\nContent-Location: https://valley.example/rail\r\n\r\n"
    )
    import quopri

    body = quopri.encodestring(html.encode("utf-8")).decode("ascii").replace("\n", "\r\n")
    path = tmp_path / "rail.mhtml"
    path.write_text(mhtml + body + "\r\n------B--\r\n", encoding="ascii", newline="")
    [article] = read_file(path)
    assert article.title == "Rail plan approved"
    assert article.url == "https://valley.example/rail"
    assert PARAGRAPHS[3] in article.text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some words, no markup at all " * 20, "does not look like a web page"),
        (b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>", "no article text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    ],
)
def test_pages_without_an_article_are_refused_clearly(tmp_path, content, message):
    path = tmp_path / "page.htm"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=message):
        read_file(path)


def test_xhtml_entity_bomb_is_not_expanded(tmp_path):
    from tests.core.importers.importer_makers import ENTITY_BOMB_DOCTYPE

    xhtml = ('<?xml version="1.0" encoding="utf-8"?>' + ENTITY_BOMB_DOCTYPE
             + '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Bomb</title></head><body><article><h1>Bomb</h1>'
             + "".join(f"<p>{p} &lol9;</p>" for p in PARAGRAPHS) + "</article></body></html>")
    path = tmp_path / "bomb.xhtml"
    path.write_text(xhtml, encoding="utf-8")
    try:
        articles = read_file(path)
    except UnreadableFile:
        return
    assert all(len(a.text) < 100_000 for a in articles)
