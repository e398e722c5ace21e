"""Importing plain text: outlets, titles, per-file results for bad files."""

from __future__ import annotations

from pathlib import Path

from core.store.store import ProjectStore
from core.model.article import Origin
from core.model.import_result import Status
from core.project import Project
from tests.conftest import SEEDS


def test_seeds_give_yahoo_news_and_newsweek_marked_as_guesses(tmp_path):
    with Project(tmp_path / "p.newsprism") as project:
        results = project.import_paths([SEEDS])
        articles = {a.outlet: a for a in project.articles()}
    assert [r.status for r in results] == [Status.IMPORTED, Status.IMPORTED]
    assert set(articles) == {"Yahoo News", "Newsweek"}
    assert all(a.origin("outlet") == Origin.GUESSED for a in articles.values())
    assert articles["Yahoo News"].title == "North Korea remains Russia's key ally in Ukraine invasion"
    assert articles["Newsweek"].title.startswith("Putin-Kim Jong Un deal")


def test_importing_the_same_file_twice_reports_a_duplicate(tmp_path):
    with Project(tmp_path / "p.newsprism") as project:
        project.import_paths([SEEDS])
        again = project.import_paths([SEEDS / "000_37565cef0e52f10e.txt"])
        assert project.store.article_count() == 2
    assert again[0].status == Status.DUPLICATE
    assert "already in the project" in again[0].message


def test_empty_binary_and_cp1252_files_each_get_their_own_result(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_empty.txt").write_bytes(b"")
    (folder / "b_binary.txt").write_bytes(bytes(range(256)) * 20)
    (folder / "c_cp1252.txt").write_bytes("Café crème in Zürich\nThe mayor’s “plan” was praised by Le Monde.".encode("cp1252"))
    (folder / "d_good.txt").write_text("Plain headline\nBody text about Berlin.", encoding="utf-8")
    (folder / "e_german.txt").write_bytes("Am 3. März sagte der Bürgermeister\nDie Straße bleibt gesperrt.".encode("cp1252"))
    with Project(tmp_path / "p.newsprism") as project:
        results = {Path(r.source).name: r for r in project.import_paths([folder])}
        titles = sorted(a.title for a in project.articles())
    assert results["a_empty.txt"].status == Status.FAILED and "empty" in results["a_empty.txt"].message
    assert results["b_binary.txt"].status == Status.FAILED and "binary" in results["b_binary.txt"].message
    assert results["c_cp1252.txt"].status == Status.IMPORTED
    assert results["d_good.txt"].status == Status.IMPORTED
    assert titles == ["Am 3. März sagte der Bürgermeister", "Café crème in Zürich", "Plain headline"]


def test_a_failed_file_leaves_the_saved_project_unchanged(tmp_path):
    path = tmp_path / "p.newsprism"
    with Project(path) as project:
        project.import_paths([SEEDS])
        before = project.articles()
        bad = tmp_path / "bad.txt"
        bad.write_bytes(b"\x00\x01\x02" * 100)
        assert project.import_paths([bad])[0].status == Status.FAILED
    store = ProjectStore(path)
    try:
        assert store.articles() == before
    finally:
        store.close()


def test_folders_are_walked_recursively_and_folder_names_become_outlets(tmp_path):
    nested = tmp_path / "corpus" / "The Daily Planet" / "2024"
    nested.mkdir(parents=True)
    (nested / "story.md").write_text("# Big storm hits Metropolis\n\nRain fell all day.", encoding="utf-8")
    (tmp_path / "corpus" / ".hidden.txt").write_text("secret\nnot imported", encoding="utf-8")
    with Project(tmp_path / "p.newsprism") as project:
        results = project.import_paths([tmp_path / "corpus"])
        (article,) = project.articles()
    assert len(results) == 1
    assert article.title == "Big storm hits Metropolis"
    assert article.outlet == "The Daily Planet"  # the year folder is skipped
    assert article.origin("outlet") == Origin.GUESSED


def test_a_date_in_the_file_name_is_taken_as_a_guess(tmp_path):
    (tmp_path / "2024-06-19_putin_in_pyongyang.txt").write_text("Putin lands in Pyongyang\nThe visit began.", encoding="utf-8")
    (tmp_path / "notes_20241345.txt").write_text("Not a date\nMonth 13 does not exist.", encoding="utf-8")
    with Project(tmp_path / "p.newsprism") as project:
        project.import_paths([tmp_path])
        articles = {a.title: a for a in project.articles()}
    assert articles["Putin lands in Pyongyang"].date == "2024-06-19"
    assert articles["Putin lands in Pyongyang"].origin("date") == Origin.GUESSED
    assert articles["Not a date"].date is None


def test_import_progress_counts_files_articles_and_failures(tmp_path):
    from core.tasks import TaskState

    (tmp_path / "a.txt").write_text("One\nFirst story.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_text("Three\nThird story.", encoding="utf-8")
    messages = []
    with Project(tmp_path / "p.newsprism") as project:
        project.import_paths([tmp_path], state=TaskState(lambda f, m: messages.append(m)))
    assert messages[-1] == "3 of 3 files, 2 articles, 1 failed"
    assert messages[0].startswith("0 of 3 files, 0 articles, 0 failed")


def test_the_outlet_guess_never_runs_into_the_sentence_before(tmp_path):
    from core.text.outlet_guess import guess_outlet

    text = ("Vote count delayed\nAldana said the government had supported the Progress Alliance. "
            "The Evening Courier has reached out to the commission for comment.\n")
    assert guess_outlet(text) == "The Evening Courier"
    assert guess_outlet("U.S. News has emailed the Pentagon for comment.") == "U.S. News"
    assert guess_outlet("Talks stalled, said Jensen. Newsweek has emailed the ministry.") == "Newsweek"
