"""Keyword in context: offsets, contexts, whole words, case, sorting, many articles, and ``find``."""

from __future__ import annotations

import json
import re

from core.cli import main
from core.model.article import make_article
from core.text.concordance import COLUMNS, concordance, find_hits, sort_hits
from core.text.find import find_in_articles

PUTIN = make_article("Putin met Kim.\nLater   PUTIN left for Moscow.", title="One", outlet="Daily Ledger",
                     date="2024-06-19")
SOFTWARE = make_article("Software wars: the war on war-time software.", title="Two", outlet="Tech Times")


def test_each_hit_has_its_offsets_in_the_text_and_the_context_either_side():
    hits = concordance([PUTIN], "putin", width=12)
    assert list(hits.columns) == COLUMNS
    assert [PUTIN.text[s:e] for s, e in zip(hits["start"], hits["end"])] == ["Putin", "PUTIN"]
    assert list(hits["hit"]) == ["Putin", "PUTIN"]
    first, second = hits.to_dict("records")
    assert (first["left"], first["right"]) == ("One ", " met Kim. La")  # line breaks read as a space
    assert (second["left"], second["right"]) == (" Kim. Later ", " left for Mo")  # runs of spaces too
    assert (second["outlet"], second["date"], second["title"], second["article_id"]) == (
        "Daily Ledger", "2024-06-19", "One", PUTIN.id)


def test_a_phrase_is_found_across_line_breaks_and_spaces():
    article = make_article("Russian President Vladimir\n  Putin arrived.", title="Three")
    hits = concordance([article], "Vladimir Putin", width=10)
    assert list(hits["hit"]) == ["Vladimir Putin"]
    assert article.text[hits["start"][0]:hits["end"][0]] == "Vladimir\n  Putin"
    assert hits["left"][0] == "President "


def test_whole_words_leave_out_hits_inside_longer_words():
    assert list(concordance([SOFTWARE], "war")["right"].str[:4]) == ["e wa", "s: t", " on ", "-tim", "e."]
    whole = concordance([SOFTWARE], "war", whole_words=True)
    assert [SOFTWARE.text[s - 4:e + 1] for s, e in zip(whole["start"], whole["end"])] == ["the war ", " on war-"]


def test_case_must_match_only_when_asked():
    assert len(concordance([PUTIN], "putin", case=True)) == 0
    assert list(concordance([PUTIN], "PUTIN", case=True)["start"]) == [PUTIN.text.index("PUTIN")]
    assert len(concordance([PUTIN], "putin")) == 2


def test_an_empty_query_or_a_miss_gives_an_empty_table_with_every_column():
    for query in ("", "   ", "Pyongyang"):
        hits = concordance([PUTIN, SOFTWARE], query)
        assert hits.empty and list(hits.columns) == COLUMNS


def test_sorting_by_left_context_compares_the_nearest_word_first():
    articles = [make_article(body, title=f"T{i}", outlet=outlet, date=date) for i, (body, outlet, date) in enumerate([
        ("zebra said the deal was done", "B outlet", "2024-03-01"),
        ("aardvark mentioned a deal today", "A outlet", None),
        ("then the deal fell through", "C outlet", "2024-01-05"),
    ])]
    hits = concordance(articles, "deal")
    assert list(sort_hits(hits, "left")["left_key"].str.split().str[0]) == ["a", "the", "the"]
    assert list(sort_hits(hits, "left")["right_key"]) == ["today", "was done", "fell through"]  # the "said" < "the then"
    assert list(sort_hits(hits, "right")["right_key"]) == ["fell through", "today", "was done"]
    assert list(sort_hits(hits, "outlet")["outlet"]) == ["A outlet", "B outlet", "C outlet"]
    assert list(sort_hits(hits, "date")["date"]) == ["2024-01-05", "2024-03-01", None]  # undated last
    assert list(sort_hits(hits, "date", descending=True)["date"])[:2] == ["2024-03-01", "2024-01-05"]
    assert list(sort_hits(hits, "text").index) == [0, 1, 2]


def test_ten_thousand_articles_are_all_searched_and_a_limit_keeps_the_counts():
    articles = [make_article(f"Report {i}. The summit in Pyongyang ended; Pyongyang said {i} things.",
                             title=f"Report {i}", outlet=f"Outlet {i % 7}") for i in range(10_000)]
    articles.append(make_article("Nothing to see.", title="Quiet", outlet="Outlet 0"))
    hits = concordance(articles, "pyongyang", whole_words=True)
    assert len(hits) == 20_000 and hits["article_id"].nunique() == 10_000
    assert (hits["hit"] == "Pyongyang").all()
    limited = find_hits(articles, "pyongyang", limit=15)
    assert len(limited.table) == 15 and limited.truncated
    assert limited.total == 20_000 and len(limited.per_article) == 10_000
    assert limited.per_article == find_in_articles(articles, "pyongyang")


def test_the_concordance_of_the_sample_project_matches_its_texts(seeds_project):
    articles = seeds_project.articles()
    hits = concordance(articles, "Kim Jong Un", whole_words=True)
    texts = {a.id: a.text for a in articles}
    assert len(hits) >= 5 and set(hits["outlet"]) == {"Newsweek", "Yahoo News"}
    for row in hits.itertuples():
        assert texts[row.article_id][row.start:row.end] == "Kim Jong Un"
        assert re.sub(r"\s+", " ", texts[row.article_id][:row.start]).endswith(row.left) and len(row.left) <= 60
    assert hits.groupby("article_id").size().to_dict() == find_in_articles(articles, "Kim Jong Un")


def test_find_on_the_command_line_lists_hits_as_text_and_json(seeds_project, capsys):
    path = str(seeds_project.path)
    assert main(["find", "--project", path, "Pyongyang", "--whole-words", "--json", "--sort", "outlet"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) >= 3 and {r["hit"] for r in rows} == {"Pyongyang"}
    assert [r["outlet"] for r in rows] == sorted(r["outlet"] for r in rows)
    assert set(rows[0]) == {"article_id", "outlet", "date", "title", "start", "end", "left", "hit", "right"}

    assert main(["find", "--project", path, "pyongyang", "--width", "20"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"“pyongyang”: {len(rows)} hits in 2 articles"
    assert all("[Pyongyang]" in line for line in out[1:]) and len(out) == len(rows) + 1

    assert main(["find", "--project", path, "pyongyang", "--case"]) == 0
    assert capsys.readouterr().out.strip() == "“pyongyang” is in no article"
    assert main(["find", "--project", path, "x", "--sort", "sideways"]) == 2
