"""Correcting who a quote is from: stored in the project, kept through re-analysis, counted as sources."""

from __future__ import annotations

import sqlite3

import pytest

from core.cli import main
from core.store.store import SCHEMA_VERSION, ProjectStore
from core.project import Project


def _headline_quote(project) -> dict:
    """Yahoo News's headline "U.S. says North Korea to ‘pay a price’": the analysis credits the United States."""
    quotes = project.quotes()
    row = quotes[(quotes["outlet"] == "Yahoo News") & (quotes["text"].str.contains("pay a price"))].iloc[0]
    assert row["speaker"] == "United States"
    return row.to_dict()


def _sources(project) -> dict[str, int]:
    sources = project.sources()
    yahoo = sources[sources["outlet"] == "Yahoo News"]
    return dict(zip(yahoo["speaker"], yahoo["quotes"]))


def test_a_corrected_speaker_is_read_with_the_quotes_and_counted_as_a_source(seeds_project):
    project = seeds_project
    quote = _headline_quote(project)
    before = _sources(project)
    project.correct_quote_speaker(quote["article_id"], quote["start"], quote["end"], "Jake Sullivan")
    row = project.quotes().set_index(["article_id", "start"]).loc[(quote["article_id"], quote["start"])]
    assert (row["speaker"], row["source_type"], bool(row["speaker_corrected"])) == ("Jake Sullivan", "named", True)
    after = _sources(project)
    assert after["Jake Sullivan"] == before["Jake Sullivan"] + 1
    assert "United States" not in after and before["United States"] == 1
    assert int(project.quotes()["speaker_corrected"].sum()) == 1
    assert project.quote_speaker_correction(quote["article_id"], quote["start"], quote["end"]) == ("Jake Sullivan", "named")


def test_the_correction_survives_reanalysis_and_reopening(seeds_project):
    project = seeds_project
    quote = _headline_quote(project)
    project.correct_quote_speaker(quote["article_id"], quote["start"], quote["end"], "an aide", "anonymous")
    with project.store.transaction() as db:  # as after a model change: the article is analysed again
        db.execute("DELETE FROM analyses WHERE article_id = ?", (quote["article_id"],))
        rowids_before = [r[0] for r in db.execute("SELECT rowid FROM quotes WHERE article_id = ?",
                                                  (quote["article_id"],))]
    assert project.analyse().analysed == 1
    with project.store.reading() as db:
        rowids_after = [r[0] for r in db.execute("SELECT rowid FROM quotes WHERE article_id = ?", (quote["article_id"],))]
    assert set(rowids_after).isdisjoint(rowids_before)  # the quote rows were written anew
    path = project.path
    project.close()
    with Project(path) as reopened:
        row = reopened.quotes().set_index(["article_id", "start"]).loc[(quote["article_id"], quote["start"])]
        assert (row["speaker"], row["source_type"]) == ("an aide", "anonymous")
        assert _sources(reopened)["an aide"] == 1


def test_forgetting_the_correction_brings_back_the_analysis_speaker(seeds_project):
    project = seeds_project
    quote = _headline_quote(project)
    project.correct_quote_speaker(quote["article_id"], quote["start"], quote["end"], "Jake Sullivan")
    project.forget_quote_speaker(quote["article_id"], quote["start"], quote["end"])
    assert not _headline_quote(project)["speaker_corrected"]
    assert project.quote_speaker_correction(quote["article_id"], quote["start"], quote["end"]) is None


def test_corrections_that_cannot_be_kept_are_refused(seeds_project):
    project = seeds_project
    quote = _headline_quote(project)
    with pytest.raises(KeyError):
        project.correct_quote_speaker(quote["article_id"], quote["start"] + 1, quote["end"], "Jake Sullivan")
    with pytest.raises(ValueError, match="speaker"):
        project.correct_quote_speaker(quote["article_id"], quote["start"], quote["end"], "  ")
    with pytest.raises(ValueError, match="source type"):
        project.correct_quote_speaker(quote["article_id"], quote["start"], quote["end"], "Jake Sullivan", "unknown")
    assert not project.quotes()["speaker_corrected"].any()


def test_a_project_of_the_previous_schema_gains_the_corrections_table(tmp_path):
    path = tmp_path / "old.newsprism"
    ProjectStore(path).close()
    db = sqlite3.connect(path)
    db.executescript("DROP TABLE quote_speakers; ALTER TABLE terms DROP COLUMN surface; PRAGMA user_version = 4;")
    db.close()
    with Project(path) as project:
        assert project.quotes().empty
        with project.store.reading() as db:
            assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
            assert db.execute("SELECT COUNT(*) FROM quote_speakers").fetchone()[0] == 0


def test_cli_lists_quotes_and_corrects_a_speaker(seeds_project, capsys):
    project = seeds_project
    quote = _headline_quote(project)
    key = f"{quote['article_id']}:{quote['start']}-{quote['end']}"
    path = project.path
    project.close()
    assert main(["quotes", "--project", str(path)]) == 0
    listed = capsys.readouterr().out
    assert key in listed and "United States" in listed
    assert main(["speaker", "--project", str(path), key, "Jake Sullivan"]) == 0
    assert "Jake Sullivan" in capsys.readouterr().out
    assert main(["quotes", "--project", str(path), "--json"]) == 0
    import json

    rows = {f"{r['article_id']}:{r['start']}-{r['end']}": r for r in json.loads(capsys.readouterr().out)}
    assert rows[key]["speaker"] == "Jake Sullivan" and rows[key]["speaker_corrected"] is True
    assert main(["speaker", "--project", str(path), key, "--reset"]) == 0
    assert main(["speaker", "--project", str(path), "nonsense", "X"]) == 2
    assert main(["speaker", "--project", str(path), f"{quote['article_id']}:1-2", "X"]) == 1
    assert "no quote" in capsys.readouterr().err
    with Project(path) as reopened:
        assert _headline_quote(reopened)["speaker"] == "United States"
