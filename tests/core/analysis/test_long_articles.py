"""An article spaCy cannot take whole never stops the analysis of a project.

Long articles are analysed in pieces under spaCy's ``max_length`` (lowered
here so that the test is quick; ``benchmarks/reliability.py`` analyses a
real book-length text of several million characters at the real limit); an
article that cannot be analysed is marked with its reason and the rest goes on.
"""

from __future__ import annotations

import pytest

from core.analysis import article_analysis
from core.analysis.analyse import analyse
from core.cli import main
from core.project import Project
from tests.conftest import SEEDS

PARAGRAPH = ("Vladimir Putin met Kim Jong Un in Pyongyang on Wednesday, and the two leaders signed a defence pact. "
             "\"We will help each other,\" Putin told reporters in the North Korean capital")
CLOSING = "In Washington, Antony Blinken said the United States was watching closely."


def _long_text(chars: int) -> str:
    paragraphs = ["Putin and Kim sign a pact"]
    while sum(len(p) + 1 for p in paragraphs) < chars:  # each paragraph its own (repeated lines are boilerplate)
        paragraphs.append(f"{PARAGRAPH} after {len(paragraphs)} rounds of talks.")
    return "\n".join(paragraphs + [CLOSING])


def _write(folder, name: str, text: str):
    path = folder / name
    path.write_text(text)
    return path


def test_an_article_over_spacys_limit_is_analysed_in_pieces_and_later_imports_are_analysed(tmp_path, nlp, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 20_000)  # E088 above this, like 1,000,000 for real
    long_file = _write(tmp_path, "long.txt", _long_text(50_000))
    with Project(tmp_path / "long.newsprism") as project:
        project.import_paths([long_file, SEEDS])
        report = project.analyse(processes=1)
        assert (report.analysed, report.failed) == (3, ())

        [article] = [a for a in project.articles() if a.source_path == str(long_file)]
        mentions = project.store.mentions_frame([article.id])
        text = article.analysed_text
        assert all(text[m.start:m.end] == m.text for m in mentions.itertuples())
        assert mentions["start"].max() > 40_000  # the last pieces were analysed too
        assert "Antony Blinken" in set(mentions["name"])
        sentences = project.store.frame("sentences", [article.id])
        assert sentences["end"].max() <= len(text) and sentences["start"].is_monotonic_increasing
        terms = project.store.frame("terms", [article.id])
        putin = terms[(terms["term"] == "Vladimir Putin") & (terms["kind"] == "entity")]["count"].sum()
        assert putin > 100  # counted over every piece

        later = _write(tmp_path, "later.txt", "Later report\nIn Seoul, Yoon Suk Yeol called the pact a threat.")
        project.import_paths([later])  # its own words: no line it shares with the long one becomes boilerplate
        assert project.analyse(processes=1).analysed == 1
        assert len(project.store.analysis_state()) == project.store.article_count()


def test_an_article_too_long_to_analyse_is_marked_with_its_reason_and_not_tried_again(tmp_path, nlp, monkeypatch, capsys):
    monkeypatch.setattr(article_analysis, "MAX_ANALYSED_CHARS", 30_000)
    long_file = _write(tmp_path, "book.txt", _long_text(40_000))
    project_path = tmp_path / "book.newsprism"

    assert main(["import", str(long_file), str(SEEDS), "--project", str(project_path)]) == 0
    out = capsys.readouterr().out
    assert "3 articles imported from 3 files" in out
    assert f"NOT ANALYSED {long_file}: it is too long to analyse" in out

    with Project(project_path) as project:
        failures = project.analysis_failures()
        [article] = [a for a in project.articles() if a.source_path == str(long_file)]
        assert list(failures) == [article.id] and "too long" in failures[article.id]
        report = project.analyse(processes=1)
        assert (report.analysed, report.failed) == (0, ())  # not tried again: same text, same model
        summary = project.summary()
        marked = {a["id"]: a["analysis_failure"] for a in summary["articles"]}
        assert "too long" in marked[article.id] and sum(v is None for v in marked.values()) == 2
        assert len(summary["stories"]) >= 1


class _FailsOnMarker:
    """The real pipeline, except that a text with the marker breaks it (as a model bug would)."""

    def __init__(self, nlp):
        self._nlp = nlp
        self.max_length = nlp.max_length

    def _check(self, text):
        if "MARKER-BREAKS-THE-MODEL" in text:
            raise ValueError("[E999] the model broke on this text")
        return text

    def __call__(self, text):
        return self._nlp(self._check(text))

    def pipe(self, texts, **kwargs):
        return self._nlp.pipe((self._check(t) for t in texts), **kwargs)


def test_an_article_the_model_breaks_on_is_marked_and_the_others_in_its_batch_are_analysed(tmp_path, nlp):
    folder = tmp_path / "drop"
    folder.mkdir()
    for i in range(5):
        _write(folder, f"{i}.txt", f"Report {i}\nStory number {i}. {PARAGRAPH}." + (" MARKER-BREAKS-THE-MODEL" if i == 2 else ""))
    with Project(tmp_path / "p.newsprism") as project:
        project.import_paths([folder])
        report = analyse(project.store, project.model, loader=lambda _name: _FailsOnMarker(nlp), processes=1)
        assert report.analysed == 4
        [(article_id, reason)] = report.failed
        assert project.article(article_id).title == "Report 2"
        assert "E999" in reason and project.analysis_failures() == {article_id: reason}


@pytest.mark.parametrize("chars", [0, 1, 19_999, 20_000, 20_001, 45_000])
@pytest.mark.parametrize("line, cut_after", [("word " * 30 + "\n", "\n"), ("word ", " "), ("w", None)])
def test_pieces_cover_the_text_exactly_stay_under_the_limit_and_cut_at_paragraphs(chars, line, cut_after):
    text = (line * (chars // len(line) + 1))[:chars]
    pieces = article_analysis.pieces(text, 20_000)
    assert "".join(piece for _, piece in pieces) == text
    assert all(0 < len(piece) <= 20_000 for _, piece in pieces)
    assert [start for start, _ in pieces] == [sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))]
    if cut_after:
        assert all(piece.endswith(cut_after) for _, piece in pieces[:-1])


def test_a_text_over_the_article_limit_is_refused_at_import_and_the_other_files_imported(tmp_path, monkeypatch, capsys):
    from core.model import article

    monkeypatch.setattr(article, "MAX_TEXT_CHARS", 30_000)  # 5,000,000 for real: benchmarks/reliability.py
    huge = _write(tmp_path, "huge.txt", _long_text(40_000))
    assert main(["import", str(huge), str(SEEDS), "--project", str(tmp_path / "p.newsprism"), "--no-analyse"]) == 0
    out = capsys.readouterr().out
    assert "2 articles imported from 2 files; 1 file failed" in out
    assert f"FAILED    {huge}: the text is too long for one article (40," in out


def test_the_windows_import_job_reports_the_articles_it_could_not_analyse(tmp_path, nlp, monkeypatch):
    from core.jobs import import_then_analyse
    from core.tasks import TaskState

    monkeypatch.setattr(article_analysis, "MAX_ANALYSED_CHARS", 30_000)
    book = _write(tmp_path, "book.txt", _long_text(40_000))
    with Project(tmp_path / "p.newsprism") as project:
        outcome = import_then_analyse(project, [str(book), str(SEEDS)], state=TaskState())
    assert [r.status for r in outcome.results] == ["imported"] * 3
    [(source, reason)] = outcome.not_analysed
    assert source == str(book) and "too long to analyse" in reason
