"""The project file: reopening, re-analysis of what changed only, crash safety."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from core.store.store import SCHEMA_VERSION, ProjectError, ProjectStore
from core.model.article import Origin
from core.project import Project
from tests.conftest import REPO
from tests.processes import HAS_PROC_CHILDREN, descendants, still_running


def test_reopening_restores_articles_and_entities_without_spacy(seeds_project, tmp_path):
    expected = seeds_project.summary()
    seeds_project.close()
    code = (
        "import json, sys\n"
        "from core.project import Project\n"
        f"p = Project({str(seeds_project.path)!r}, create=False)\n"
        "s = p.summary()\n"
        "s['spacy_loaded'] = 'spacy' in sys.modules\n"
        "print(json.dumps(s))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    reopened = json.loads(out.stdout)
    assert reopened.pop("spacy_loaded") is False
    assert reopened == json.loads(json.dumps(expected))


def test_changing_one_article_reanalyses_that_article_only(seeds_project):
    yahoo, newsweek = sorted(seeds_project.articles(), key=lambda a: a.outlet, reverse=True)
    assert seeds_project.analyse().analysed == 0
    changed = yahoo.__class__(**{**yahoo.__dict__, "text": yahoo.text + "\nAngela Merkel was not mentioned before."})
    seeds_project.store.update_article(changed)
    report = seeds_project.analyse()
    assert (report.analysed, report.up_to_date) == (1, 1)
    assert "Angela Merkel" in set(seeds_project.mentions()["entity"])


def test_user_edits_are_kept_and_marked(seeds_project):
    article = seeds_project.articles()[0]
    seeds_project.edit_article(article.id, outlet="Yahoo! News")
    path = seeds_project.path
    seeds_project.close()
    with Project(path) as reopened:
        stored = reopened.store.article(article.id)
    assert stored.outlet == "Yahoo! News"
    assert stored.origin("outlet") == Origin.EDITED


def test_a_file_that_is_not_a_project_gives_a_clear_error(tmp_path):
    bogus = tmp_path / "notes.newsprism"
    bogus.write_text("these are my notes, not a database " * 200)
    with pytest.raises(ProjectError, match="not a Newsprism project"):
        ProjectStore(bogus)


def test_a_project_from_a_newer_version_is_refused_not_damaged(tmp_path):
    path = tmp_path / "future.newsprism"
    ProjectStore(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(ProjectError, match="newer Newsprism"):
        ProjectStore(path)


def test_save_as_writes_a_complete_copy(seeds_project, tmp_path):
    target = tmp_path / "copy.newsprism"
    seeds_project.save_as(target)
    with Project(target, create=False) as copy:
        assert copy.summary()["outlets"] == seeds_project.summary()["outlets"]


def _write_corpus(folder, n):
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:04d}.txt").write_text(
            f"Story number {i} about Berlin\n"
            + " ".join(f"Chancellor Olaf Scholz met Emmanuel Macron in Paris on day {i} and {j}." for j in range(30)),
            encoding="utf-8",
        )


@pytest.mark.slow
def test_sigkill_during_analysis_keeps_every_imported_article(tmp_path, nlp):
    corpus = tmp_path / "many"
    _write_corpus(corpus, 400)
    project_path = tmp_path / "killed.newsprism"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "core.cli", "import", str(corpus), "--project", str(project_path)],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        analysed = _wait_for_some_analyses(project_path, proc)
        workers = descendants(proc.pid) if HAS_PROC_CHILDREN else set()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert analysed > 0, "analysis never started before the process ended"
    assert still_running(workers, timeout=20) == set(), "the analysis workers outlived the killed process"
    with Project(project_path, create=False) as project:
        assert project.store.article_count() == 400
        done = project.store.analysis_state()
        assert 0 < len(done) < 400, "the kill should land in the middle of the analysis"
        mentions = project.store.mentions_frame()
        assert set(mentions["article_id"]) <= set(done)  # no half-saved article
        assert project.analyse().analysed == 400 - len(done)


def _wait_for_some_analyses(path, proc, timeout=120.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if path.exists():
            try:
                db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.1)
                count = db.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]
                db.close()
                if count:
                    return count
            except sqlite3.OperationalError:
                pass
        time.sleep(0.02)
    return 0


def test_a_nested_change_commits_only_with_the_outer_one(tmp_path):
    store = ProjectStore(tmp_path / "nested.newsprism")
    try:
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.set_meta("inner", "written inside")  # a nested transaction
                raise RuntimeError("the outer change fails after the inner one")
        assert store.get_meta("inner") is None
    finally:
        store.close()


def test_analysis_rows_of_thousands_of_articles_at_once(tmp_path):
    """More ids than SQLite binds in one query: read in chunks, in stored order."""
    from core.model.article import make_article

    store = ProjectStore(tmp_path / "many.newsprism")
    try:
        articles = [make_article(f"Headline {i}\nBody {i} about Oslo.") for i in range(2500)]
        store.add_articles(articles)
        store.save_analyses([(a.id, "h", "m", [(0, 4, "Oslo", "GPE", "Oslo")]) for a in articles])
        frame = store.mentions_frame([a.id for a in reversed(articles)])
        assert len(frame) == 2500
        assert list(frame["article_id"]) == [a.id for a in articles]  # stored order
    finally:
        store.close()


def test_a_project_in_a_missing_folder_says_so(tmp_path):
    with pytest.raises(ProjectError, match="folder .* does not exist"):
        ProjectStore(tmp_path / "no" / "such" / "p.newsprism")


def test_cancelling_analysis_keeps_every_finished_article(tmp_path, nlp):
    from core.tasks import Cancelled, TaskState

    folder = tmp_path / "in"
    _write_corpus(folder, 12)
    calls = []

    def on_progress(fraction, message):
        calls.append(fraction)
        if len(calls) == 6:  # the fifth analysed article reports
            state.cancel()

    state = TaskState(on_progress)
    with Project(tmp_path / "p.newsprism") as project:
        project.import_paths([folder])
        with pytest.raises(Cancelled):
            project.analyse(state=state)
        done = len(project.store.analysis_state())
    assert 0 < done < 12  # stopped within the batch, not after it, and nothing finished was lost


def test_the_article_table_follows_every_change_and_no_caller_changes_it_for_another(seeds_project):
    import pytest

    first = seeds_project.articles_frame()
    article_id = first["id"][0]
    seeds_project.edit_article(article_id, outlet="Renamed Outlet")
    assert "Renamed Outlet" in set(seeds_project.articles_frame()["outlet"])
    with pytest.raises(RuntimeError):
        with seeds_project.store.transaction() as db:
            db.execute("UPDATE articles SET outlet = 'Ghost' WHERE id = ?", (article_id,))
            assert "Ghost" in set(seeds_project.articles_frame()["outlet"])  # read inside the change
            raise RuntimeError("rolled back")
    assert "Ghost" not in set(seeds_project.articles_frame()["outlet"])
    mine = seeds_project.articles_frame()
    mine.loc[:, "outlet"] = "Scribbled"
    assert "Scribbled" not in set(seeds_project.articles_frame()["outlet"])


def test_whole_tables_read_in_short_chunks_give_every_row_in_stored_order(seeds_project, monkeypatch):
    import sqlite3

    from core.store import store as store_module

    monkeypatch.setattr(store_module, "_CHUNK_ROWS", 7)
    chunked = seeds_project.store.frame("mentions")
    articles = seeds_project.store.articles()
    with sqlite3.connect(seeds_project.path) as db:
        expected = db.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]
        starts = [r[0] for r in db.execute("SELECT start FROM mentions ORDER BY rowid")]
    assert len(chunked) == expected > 7 * 3
    assert chunked["start"].tolist() == starts
    assert [a.id for a in articles] == seeds_project.articles_frame()["id"].tolist()


def test_a_read_in_another_thread_never_waits_for_a_writer(seeds_project):
    """The window's queries go on while a worker holds a long transaction; the writer sees its own rows."""
    import threading

    from core.model.article import Article

    store = seeds_project.store
    before = store.article_count()
    writing, release = threading.Event(), threading.Event()
    seen_inside = []

    def writer():
        with store.transaction():
            store.add_articles([Article(id="new-one", text="Fresh text about Berlin.", outlet="Wire")])
            seen_inside.append(store.article_count())
            writing.set()
            release.wait(10)

    worker = threading.Thread(target=writer)
    worker.start()
    assert writing.wait(10)
    counted = []
    reader = threading.Thread(target=lambda: counted.append(store.article_count()))
    reader.start()
    reader.join(5)
    finished_while_writing = not reader.is_alive()
    release.set()
    worker.join(10)
    reader.join(10)
    assert finished_while_writing and counted == [before]  # the last commit, without waiting
    assert seen_inside == [before + 1]
    assert store.article_count() == before + 1


def test_a_read_transaction_left_open_never_hides_later_writes(seeds_project):
    """A thread whose read connection was left inside a transaction (a failed commit) reads new data, not
    its old snapshot (the window once showed an outlet edit's old data after the refresh)."""
    store = seeds_project.store
    article = seeds_project.articles()[0]
    reader = store._reader()
    reader.execute("BEGIN")
    reader.execute("SELECT outlet FROM articles").fetchall()  # the snapshot is taken here
    seeds_project.edit_article(article.id, outlet="Renamed Outlet")
    assert "Renamed Outlet" in set(store.articles_frame()["outlet"])
    assert not reader.in_transaction


def test_a_schema_4_project_migrates_to_5_with_nothing_lost(seeds_project):
    """Versions, not-analysed marks and outlet aliases arrive as empty tables; every row already there stays."""
    import sqlite3

    from tests.core.importers.conftest import snapshot

    path = seeds_project.path
    before = snapshot(seeds_project.store)
    seeds_project.close()
    db = sqlite3.connect(path)
    db.executescript("DROP TABLE outlet_aliases; DROP TABLE article_versions; DROP TABLE not_analysed; "
                     "DROP TABLE quote_speakers; ALTER TABLE terms DROP COLUMN surface; PRAGMA user_version = 4;")
    db.close()
    store = ProjectStore(path, create=False)
    try:
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 5
        after = snapshot(store)
        assert {row[4] for row in after["terms"]} == {""}  # schema 7's column arrives empty (filled by analysis)
        before["terms"] = [row[:4] for row in before["terms"]]
        after["terms"] = [row[:4] for row in after["terms"]]
        assert {k: v for k, v in after.items() if k not in ("outlet_aliases", "article_versions", "not_analysed")} == \
            {k: v for k, v in before.items() if k not in ("outlet_aliases", "article_versions", "not_analysed")}
        assert after["outlet_aliases"] == after["article_versions"] == after["not_analysed"] == []
    finally:
        store.close()
    with Project(path, create=False) as project:
        assert len(project.articles_frame()) == 2 and project.analyse().analysed == 0
def test_a_read_between_a_write_and_its_commit_is_not_kept_as_current(tmp_path):
    """Another thread reading the articles while an edit is written but not yet committed reads the old
    row; what it caches must not pass for the project after the commit (seen as a lost date edit)."""
    import threading

    from core.model.article import make_article

    with Project(tmp_path / "race.newsprism") as project:
        article = make_article("Putin arrived in Pyongyang.", title="Visit", outlet="Daily Ledger")
        project.store.add_articles([article])
        project.articles_frame()
        with project.store.transaction() as db:
            db.execute("UPDATE articles SET date = '2024-06-19' WHERE id = ?", (article.id,))
            reader = threading.Thread(target=project.articles_frame)  # its own connection: the last commit
            reader.start()
            reader.join()
        assert list(project.articles_frame()["date"]) == ["2024-06-19"]
def test_a_read_during_another_threads_write_is_not_cached_as_current(tmp_path):
    """A worker reading while an edit is written but not yet committed sees the old rows: they must not be
    kept under the new revision (the window then showed an edited date as missing until the next change)."""
    import threading

    with Project(tmp_path / "p.newsprism", create=True) as project:
        project.import_paths([REPO / "seeds"])
        article = project.articles()[0]
        with project.store.transaction() as db:
            db.execute("UPDATE articles SET date = '2024-06-19' WHERE id = ?", (article.id,))
            during = []
            worker = threading.Thread(target=lambda: during.append(project.articles_frame()))
            worker.start()
            worker.join()
        assert during[0].set_index("id").loc[article.id, "date"] != "2024-06-19"  # not committed yet
        assert project.articles_frame().set_index("id").loc[article.id, "date"] == "2024-06-19"
