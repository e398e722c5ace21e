"""What needs analysis is found from the stored text hashes, and is what reading every text found.

A small project holds one article of each case (never analysed, current,
text edited after its analysis, failed on this text, failed on an older
text, analysed by an older model, in a language no model reads, with no
language, boilerplate marked after its analysis); the answer is compared
with the old algorithm (every article read and hashed), on a current file,
a file from before the stored hashes, and read-only files.
"""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from contextlib import contextmanager
from dataclasses import replace

import pytest

from benchmarks.todo_bench import old_articles_to_analyse
from core.analysis.analyse import articles_to_analyse
from core.model.analysis import AnalysisFailure
from core.model.article import content_hash, make_article
from core.nlp.extract import analysis_key
from core.nlp.pipeline import DEFAULT_MODEL
from core.store import text_hashes
from core.store.store import ProjectStore

MODEL = DEFAULT_MODEL
KEY = analysis_key(MODEL)

#: Article name -> whether it needs analysis.
CASES = {
    "never analysed": True,
    "current": False,
    "edited after analysis": True,
    "failed on this text": False,
    "failed on an older text": True,
    "analysed by an older model": True,
    "in German": True,  # no German model installed: never current
    "no language": False,  # analysed by the chosen model
    "boilerplate marked after analysis": True,
    "current too": False,
}


def _old_articles_to_analyse(store: ProjectStore, model_name: str) -> tuple[list[str], int]:
    """The algorithm before the stored hashes (kept in the benchmark that times both), as ids."""
    todo, current = old_articles_to_analyse(store, model_name)
    return [article.id for article in todo], current


def _answer(store: ProjectStore) -> tuple[list[str], int]:
    todo, current = articles_to_analyse(store, MODEL)
    return [article.id for article in todo], current


def _analysed(article, key: str = KEY) -> tuple:
    return (article.id, content_hash(article.analysed_text), key, [])


def _build(path) -> dict[str, str]:
    """The project of :data:`CASES`; returns name -> article id."""
    store = ProjectStore(path)
    made = {name: make_article(f"Talks in Pyongyang\nThe article {name} says Kim met Putin on Monday.",
                               outlet="Daily Planet", language="" if name == "no language" else
                               "de" if name == "in German" else "en")
            for name in CASES}
    store.add_articles(made.values())
    articles = {name: store.article(article.id) for name, article in made.items()}  # as the analysis reads them
    results = [_analysed(a) for name, a in articles.items()
               if name in ("current", "current too", "edited after analysis", "in German", "no language",
                           "boilerplate marked after analysis")]
    results.append(_analysed(articles["analysed by an older model"], f"{MODEL}#0"))
    for name in ("failed on this text", "failed on an older text"):
        article = articles[name]
        results.append(AnalysisFailure(article.id, content_hash(article.analysed_text), KEY, "E088 too long"))
    store.save_analyses(results)
    for name in ("edited after analysis", "failed on an older text"):
        article = articles[name]
        store.update_article(replace(article, text=article.text + "\nA line added later."))
    marked = articles["boilerplate marked after analysis"]
    store.update_article(replace(marked, boilerplate=((0, 5),)))
    store.close()
    return {name: article.id for name, article in articles.items()}


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "cases.newsprism"
    return path, _build(path)


def _expected(ids: dict[str, str]) -> set[str]:
    return {ids[name] for name, todo in CASES.items() if todo}


def _to_old_schema(path) -> None:
    """The file as Newsprism wrote it before the hashes were stored (schema 9)."""
    db = sqlite3.connect(path)
    db.executescript("DROP INDEX articles_unhashed; ALTER TABLE articles DROP COLUMN text_hash; PRAGMA user_version = 9;")
    db.close()


@contextmanager
def _open(path):
    store = ProjectStore(path, create=False)
    try:
        yield store
    finally:
        store.close()


def _stored_hashes(path) -> dict[str, str | None]:
    db = sqlite3.connect(path)
    try:
        return dict(db.execute("SELECT id, text_hash FROM articles"))
    finally:
        db.close()


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_only(path) -> None:
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)


def test_the_articles_to_analyse_are_those_reading_every_text_finds(project_file):
    path, ids = project_file
    with _open(path) as store:
        todo, current = _answer(store)
        assert set(todo) == _expected(ids)
        assert (todo, current) == _old_articles_to_analyse(store, MODEL)  # the same articles, in import order
        assert current == len(CASES) - len(_expected(ids))
        articles = articles_to_analyse(store, MODEL)[0]
        assert [a.text for a in articles] == [a.text for a in store.articles(todo)]  # whole articles, as stored


def test_the_stored_hash_follows_every_change_of_text_and_boilerplate(project_file):
    path, ids = project_file
    with _open(path) as store:
        stored = _stored_hashes(path)
        assert stored == {a.id: content_hash(a.analysed_text) for a in store.articles()}
        current = store.article(ids["current"])
        store.update_article(replace(current, text=current.text + " Later."))
        assert ids["current"] in _answer(store)[0]
        store.update_article(current)  # back as it was: current again
        assert ids["current"] not in _answer(store)[0]
        store.update_article(current.edited(title="A new title"))  # metadata only: still current
        assert ids["current"] not in _answer(store)[0]


def test_a_project_from_before_the_stored_hashes_gets_them_once_and_the_same_answer(project_file, monkeypatch):
    path, ids = project_file
    with _open(path) as store:
        expected = _old_articles_to_analyse(store, MODEL)
        hashes = _stored_hashes(path)
    _to_old_schema(path)
    monkeypatch.setattr(text_hashes, "CHUNK", 3)  # several chunks of texts
    with _open(path) as store:
        assert set(_stored_hashes(path).values()) == {None}  # migrated: the column is there, empty
        assert _answer(store) == expected
        assert _stored_hashes(path) == hashes  # saved, so the next time is a query only
        assert text_hashes.fill(store) == 0
        assert _answer(store) == expected


def test_a_read_only_project_is_answered_without_a_change_to_the_file(project_file):
    path, ids = project_file
    with _open(path) as store:
        expected = _old_articles_to_analyse(store, MODEL)
    _read_only(path)
    before = _digest(path)
    with _open(path) as store:
        assert store.read_only
        assert _answer(store) == expected
    assert _digest(path) == before


@pytest.mark.parametrize("schema", [9, 10])
def test_a_read_only_project_without_hashes_hashes_in_memory(project_file, schema):
    """Schema 9 (no column) cannot be migrated; schema 10 with hashes missing cannot save them."""
    path, ids = project_file
    with _open(path) as store:
        expected = _old_articles_to_analyse(store, MODEL)
    if schema == 9:
        _to_old_schema(path)
    else:
        db = sqlite3.connect(path)
        db.execute("UPDATE articles SET text_hash = NULL WHERE id IN (?, ?)", (ids["current"], ids["never analysed"]))
        db.commit()
        db.close()
    _read_only(path)
    before = _digest(path)
    with _open(path) as store:
        assert store.read_only and store.schema_version == schema
        assert _answer(store) == expected
    assert _digest(path) == before


def test_in_an_analysed_project_an_edited_text_alone_is_analysed_again(seeds_project):
    """The real analysis (spaCy) stores the hashes the query compares with the stored ones."""
    assert articles_to_analyse(seeds_project.store, seeds_project.model) == ([], 2)
    article = seeds_project.articles()[0]
    seeds_project.store.update_article(replace(article, text=article.text + "\nKim Jong Un spoke in Pyongyang."))
    todo, current = articles_to_analyse(seeds_project.store, seeds_project.model)
    assert ([a.id for a in todo], current) == ([article.id], 1)
    assert seeds_project.analyse().analysed == 1
    assert articles_to_analyse(seeds_project.store, seeds_project.model) == ([], 2)
