"""Exports through Project.import_paths: one report row per file, saying how many articles it held."""

from __future__ import annotations

import re

from tests.conftest import fixture_file

from core.model.import_result import Status
from core.nlp.languages import model_for
from core.nlp.pipeline import DEFAULT_MODEL
from core.project import Project

def _german(n: int) -> str:
    """What the report adds for German articles when no German spaCy model is installed."""
    return "" if model_for("de", DEFAULT_MODEL) else f"; {n} not analysed: language de (no language model installed)"


EXPECTED_MESSAGES = {
    # 50 articles, but the export itself holds "MGM Pulls Offer for Vivendi" twice (same text, day and
    # outlet): the copy is reported with the article it repeats
    "nexis-uni/washington-post.docx": "49 articles; 1 already in the project: 'MGM Pulls Offer for Vivendi' "
                                      "(The Washington Post, 2003-07-30)",
    "nexis-uni/guardian1.docx": "2 articles",
    "nexis-uni/guardian2.docx": "1 article",
    "factiva/irish-independence_1_2017-11-14.html": "44 articles",
    "factiva/suddeutsche_1_2017-11-19.html": "51 articles" + _german(51),
    "factiva/german-ui.html": "100 articles" + _german(100),
    "nexis-uk-html/spiegel_2012-02-01_0001.html": "49 articles" + _german(49),
}
#: Placeholder ("lorem ipsum") bodies: near-copies of one outlet's are kept as versions and listed.
LOREM_COUNTS = {"lexisnexis/sample.TXT": (10, 2), "lexisnexis/sample.DOCX": (10, 1)}


def test_import_report_rows_for_every_export(tmp_path):
    paths = [fixture_file(r) for r in [*EXPECTED_MESSAGES, *LOREM_COUNTS, "lexisnexis/test.DOCX"]]
    with Project(tmp_path / "exports.newsprism") as project:
        results = {r.source: r for r in project.import_paths(paths)}
        stored = len(project.articles())
    for relative, message in EXPECTED_MESSAGES.items():
        row = results[str(fixture_file(relative))]
        assert (row.status, row.message) == (Status.IMPORTED, message), relative
        assert len(row.article_ids) == len(set(row.article_ids)) == int(message.split()[0])
    for relative, (count, versions) in LOREM_COUNTS.items():
        row = results[str(fixture_file(relative))]
        assert row.status is Status.IMPORTED and len(row.article_ids) == count and not row.repeats
        assert len(row.versions) == versions
        assert re.match(rf"{count} articles; {versions} versions? of an article kept and linked: '.*' repeats '.*'", row.message)
    empty = results[str(fixture_file("lexisnexis/test.DOCX"))]
    assert empty.status is Status.FAILED and "no article" in empty.message
    assert stored == sum(len(r.article_ids) for r in results.values())


def test_the_washington_post_export_really_holds_one_article_twice():
    from core.importers import read_file

    articles = read_file(fixture_file("nexis-uni/washington-post.docx"))
    assert len(articles) == 50
    assert len({a.id for a in articles}) == 49
    assert [a.title for a in articles].count("MGM Pulls Offer for Vivendi") == 2
