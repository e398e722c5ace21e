"""Each article in its own language: analysed by the model for it when one is installed, else kept,
marked "not analysed: language xx" in the table and the report, and left out of entity counts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from core.cli import main
from core.nlp.languages import model_for
from core.nlp.pipeline import DEFAULT_MODEL
from core.project import Project

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "articles" / "languages"
needs_no_model = pytest.mark.skipif(bool(model_for("ko", DEFAULT_MODEL) or model_for("ru", DEFAULT_MODEL)),
                                    reason="a Korean or Russian spaCy model is installed here")


@pytest.fixture(scope="module")
def project(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("langs") / "Seoul Daily"
    shutil.copytree(SAMPLES, folder)
    project = Project(folder.parent / "p.newsprism")
    results = project.import_paths([folder])
    report = project.analyse(processes=1)
    yield project, results, report
    project.close()


def test_languages_are_detected(project):
    p, _, _ = project
    languages = {Path(a.source_path).name: a.language for a in p.articles()}
    assert languages == {"english.txt": "en", "korean.txt": "ko", "russian.txt": "ru"}


@needs_no_model
def test_without_a_model_the_article_is_kept_and_marked(project):
    p, results, report = project
    messages = {Path(r.source).name: r.message for r in results}
    assert messages["korean.txt"] == "1 article; 1 not analysed: language ko (no language model installed)"
    assert messages["english.txt"] == "1 article"
    assert report.analysed == 1 and report.not_analysed == 2
    frame = p.articles_frame().set_index(p.articles_frame()["source_path"].map(lambda s: Path(s).name))
    assert frame.loc["korean.txt", "analysis"] == "not analysed: language ko"
    assert frame.loc["russian.txt", "analysis"] == "not analysed: language ru"
    assert frame.loc["english.txt", "analysis"] == ""


@needs_no_model
def test_unread_languages_are_left_out_of_entity_counts_and_words(project):
    p, _, _ = project
    frame = p.articles_frame()
    unread = set(frame.loc[frame["analysis"] != "", "id"])
    assert unread and not (set(p.entity_counts(None)["article_id"]) & unread)
    assert p.store.mentions_frame(list(unread)).empty
    table = p.entity_table()
    english_words = int(frame.loc[frame["analysis"] == "", "word_count"].sum())
    row = table.iloc[0]
    assert row["per_1000_words"] == pytest.approx(1000 * row["mentions"] / english_words)
    assert p.analyse(processes=1).analysed == 0  # nothing to redo, nothing analysed with the wrong model


@needs_no_model
def test_the_summary_and_the_article_table_say_why(project, capsys):
    from core.analysis.article_table import article_table

    p, _, _ = project
    rows = article_table(p.articles_frame(), p.entity_counts())
    assert sorted(rows["note"]) == ["", "not analysed: language ko", "not analysed: language ru"]
    assert main(["summary", "--project", str(p.path), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert sorted(a["analysis"] for a in summary["articles"]) == ["analysed", "not analysed: language ko",
                                                                  "not analysed: language ru"]
    assert summary["outlets"]["Seoul Daily"]["counted_articles"] == 1


def test_an_installed_model_for_the_language_is_chosen(monkeypatch):
    from core.nlp import languages

    monkeypatch.setattr(languages, "installed_models", lambda: {"en": DEFAULT_MODEL, "ko": "ko_core_news_sm"})
    assert languages.model_for("ko", DEFAULT_MODEL) == "ko_core_news_sm"
    assert languages.model_for("ru", DEFAULT_MODEL) is None
    assert languages.model_for("", DEFAULT_MODEL) == DEFAULT_MODEL  # unknown: the chosen model
    monkeypatch.setattr(languages, "installed_models", lambda: {"en": DEFAULT_MODEL, "xx": "xx_ent_wiki_sm"})
    assert languages.model_for("ru", DEFAULT_MODEL) == "xx_ent_wiki_sm"


def test_an_export_s_language_field_is_kept_as_given(tmp_path):
    import pandas as pd

    text = (SAMPLES / "russian.txt").read_text(encoding="utf-8")
    pd.DataFrame([{"text": text, "language": "ru", "outlet": "A"}, {"text": text + " ", "language": "en", "outlet": "B"}]
                 ).to_csv(tmp_path / "t.csv", index=False)
    with Project(tmp_path / "p.newsprism") as p:
        p.import_paths([tmp_path / "t.csv"])
        assert sorted(a.language for a in p.articles()) == ["en", "ru"]
