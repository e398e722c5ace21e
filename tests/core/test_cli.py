"""newsprism-cli through its entry point: output and exit codes."""

from __future__ import annotations

import json

from core.cli import main
from tests.conftest import SEEDS


def test_import_prints_per_file_results_and_summary_json_lists_outlets(tmp_path, capsys, nlp):
    project = tmp_path / "cli.newsprism"
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    assert main(["import", str(SEEDS), str(bad), "--project", str(project)]) == 0
    out = capsys.readouterr().out
    assert "IMPORTED" in out and "FAILED" in out and "empty.txt: the file is empty" in out
    assert "2 articles imported from 2 files; 1 file failed" in out

    assert main(["summary", "--project", str(project), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert sorted(summary["outlets"]) == ["Newsweek", "Yahoo News"]
    assert {a["outlet"] for a in summary["articles"]} == {"Newsweek", "Yahoo News"}
    assert all(set(a) >= {"id", "outlet", "title", "date", "words"} for a in summary["articles"])
    people = {e["entity"] for e in summary["outlets"]["Newsweek"]["entities"] if e["label"] == "PERSON"}
    assert {"Kim Jong Un", "Vladimir Putin"} <= people


def test_import_json_output(tmp_path, capsys, nlp):
    assert main(["import", str(SEEDS), "--project", str(tmp_path / "p.newsprism"), "--json", "--no-analyse"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["status"] for r in rows] == ["imported", "imported"]


def test_exit_1_when_nothing_could_be_imported(tmp_path, capsys):
    bad = tmp_path / "bin.txt"
    bad.write_bytes(b"\x00" * 100)
    assert main(["import", str(bad), "--project", str(tmp_path / "p.newsprism")]) == 1
    assert "binary" in capsys.readouterr().out


def test_exit_1_for_a_missing_project_and_2_for_bad_usage(tmp_path, capsys):
    assert main(["summary", "--project", str(tmp_path / "nope.newsprism")]) == 1
    assert "no project" in capsys.readouterr().err
    assert main(["frobnicate"]) == 2
    assert main(["import", "--project", "x.newsprism"]) == 2


def test_exit_1_for_a_damaged_project(tmp_path, capsys):
    damaged = tmp_path / "damaged.newsprism"
    damaged.write_bytes(b"garbage" * 1000)
    assert main(["summary", "--project", str(damaged)]) == 1
    assert "not a Newsprism project" in capsys.readouterr().err


def test_import_fetches_links_from_a_local_server(tmp_path, capsys):
    import http.server
    import threading
    from functools import partial

    site = tmp_path / "site"
    site.mkdir()
    (site / "story.html").write_text(
        "<html><head><title>Flood in Dresden</title><meta property='og:site_name' content='Elbe Post'></head>"
        "<body><article><h1>Flood in Dresden</h1>"
        + "<p>The Elbe rose above seven metres in Dresden on Monday, the city said, and the old town was closed.</p>" * 6
        + "</article></body></html>",
        encoding="utf-8",
    )
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/story.html"
        code = main(["import", url, "--project", str(tmp_path / "p.newsprism"), "--no-analyse"])
    finally:
        server.shutdown()
    out = capsys.readouterr().out
    assert code == 0, out
    assert "1 article imported from 1 file" in out


def test_export_to_csv_and_one_story_to_a_workbook(seeds_project, tmp_path, capsys):
    import openpyxl

    path = str(seeds_project.path)
    seeds_project.split_story([seeds_project.articles()[0].id], "One article")  # a story smaller than the project
    story, articles = (int(v) for v in seeds_project.stories().sort_values("articles")[["id", "articles"]].iloc[0])
    seeds_project.close()
    assert main(["export", "--project", path, "--csv", str(tmp_path / "csv")]) == 0
    assert any(p.suffix == ".csv" for p in (tmp_path / "csv").iterdir())
    assert main(["export", "--project", path, "--xlsx", str(tmp_path / "one.xlsx"), "--story", str(story)]) == 0
    book = openpyxl.load_workbook(tmp_path / "one.xlsx", read_only=True)
    assert "Articles" in book.sheetnames
    assert len(list(book["Articles"].iter_rows(min_row=2))) == articles == 1
    assert main(["export", "--project", path, "--xlsx", str(tmp_path / "x.xlsx"), "--story", "999"]) == 1
    assert main(["export", "--project", path]) == 2


def test_stories_of_a_project_never_grouped_is_empty(tmp_path):
    from core.project import Project

    with Project(tmp_path / "new.newsprism") as project:
        project.import_paths([SEEDS])  # imported, not analysed: no stories yet
        assert project.stories().empty
        assert list(project.stories().columns) == ["id", "name", "articles", "outlets", "first_date", "last_date"]


def test_a_table_of_300_articles_is_reported_in_articles(tmp_path, capsys):
    import pandas as pd

    rows = [{"title": f"Council meeting {i}", "outlet": "Valley News",
             "text": f"The council met on day {i} to discuss item {i} of the budget, the minutes show. Item {i * 7} was deferred."}
            for i in range(300)]
    pd.DataFrame(rows).to_csv(tmp_path / "export.csv", index=False)
    assert main(["import", str(tmp_path / "export.csv"), "--project", str(tmp_path / "p.newsprism"), "--no-analyse"]) == 0
    out = capsys.readouterr().out
    assert "IMPORTED  " in out and "export.csv: 300 articles" in out
    assert "300 articles imported from 1 file; 0 files failed" in out
