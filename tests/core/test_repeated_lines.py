"""Repeated lines: a repeated lead keeps its first copy; a page saved twice is analysed once; only lines an
outlet repeats across its articles (or known patterns) are its boilerplate."""

from __future__ import annotations

import shutil
from pathlib import Path

from core.project import Project

REPEATS = Path(__file__).resolve().parents[1] / "data" / "articles" / "repeats"
LEAD = ("The health minister, Daniel Brooks, resigned on Monday after an inquiry found he had failed to declare "
        "his brother's stake in a company that won three hospital cleaning contracts.")
SIGN_OFF = "Harbour Daily is an independent newsroom funded by its readers; support our reporting at the link below."


def _import(tmp_path, *names, folder="Harbour Daily"):
    target = tmp_path / folder
    target.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(REPEATS / name, target / name)
    project = Project(tmp_path / "p.newsprism")
    project.import_paths([target])
    return project


def test_a_repeated_lead_keeps_its_first_copy(tmp_path):
    with _import(tmp_path, "repeated_lead.txt") as project:
        [article] = project.articles()
    analysed = article.analysed_text
    assert analysed.count(LEAD) == 1
    assert analysed.index(LEAD) == article.text.index(LEAD)  # the first copy, where the reader meets it


def test_a_page_stored_twice_is_analysed_once_in_full(tmp_path):
    body = "\n".join(f"Paragraph {i} of the council's report on the flood defences, read out at the meeting." for i in range(40))
    path = tmp_path / "twice.txt"
    path.write_text(f"Flood report published\n{body}\n{body}", encoding="utf-8")
    with Project(tmp_path / "p.newsprism") as project:
        project.import_paths([path])
        [article] = project.articles()
    once = len(body.split())
    assert once <= article.word_count <= once + 5  # not 32 of 1,560 words: the first copy counts in full


def test_a_line_the_outlet_prints_under_every_article_is_boilerplate(tmp_path):
    with _import(tmp_path, "mission_a.txt") as project:
        [alone] = project.articles()
        assert SIGN_OFF in alone.analysed_text  # one article: nothing repeats yet
    with _import(tmp_path, "mission_a.txt", "mission_b.txt") as project:
        articles = project.articles()
    assert len(articles) == 2
    for article in articles:
        assert SIGN_OFF in article.text and SIGN_OFF not in article.analysed_text
        assert "funded by its readers" not in article.analysed_text


def test_another_outlet_s_same_line_is_not_this_outlet_s_boilerplate(tmp_path):
    with _import(tmp_path, "mission_a.txt", folder="Harbour Daily") as project:
        pass
    with _import(tmp_path, "mission_b.txt", folder="Valley Courier") as project:
        assert all(SIGN_OFF in a.analysed_text for a in project.articles())
