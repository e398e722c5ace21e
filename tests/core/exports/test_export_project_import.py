"""Exports through Project.import_paths: one report row per file, saying how many articles it held."""

from __future__ import annotations

import re

from tests.core.exports.conftest import fixture_file

from core.model.import_result import Status
from core.project import Project

EXPECTED_MESSAGES = {
    # 50 articles, but the export itself holds "MGM Pulls Offer for Vivendi" twice: the copy is reported
    "nexis-uni/washington-post.docx": "49 articles (1 already in the project)",
    "nexis-uni/guardian1.docx": "2 articles",
    "nexis-uni/guardian2.docx": "1 article",
    "factiva/irish-independence_1_2017-11-14.html": "44 articles",
    "factiva/suddeutsche_1_2017-11-19.html": "51 articles",
    "factiva/german-ui.html": "100 articles",
    "nexis-uk-html/spiegel_2012-02-01_0001.html": "49 articles",
}
#: Placeholder ("lorem ipsum") bodies: some are near-copies of each other and reported as such.
LOREM_COUNTS = {"lexisnexis/sample.TXT": 10, "lexisnexis/sample.DOCX": 10}


def test_import_report_rows_for_every_export(tmp_path):
    paths = [fixture_file(r) for r in [*EXPECTED_MESSAGES, *LOREM_COUNTS, "lexisnexis/test.DOCX"]]
    with Project(tmp_path / "exports.newsprism") as project:
        results = {r.source: r for r in project.import_paths(paths)}
        stored = len(project.articles())
    for relative, message in EXPECTED_MESSAGES.items():
        row = results[str(fixture_file(relative))]
        assert (row.status, row.message) == (Status.IMPORTED, message), relative
        assert len(row.article_ids) == len(set(row.article_ids)) == int(message.split()[0])
    for relative, count in LOREM_COUNTS.items():
        row = results[str(fixture_file(relative))]
        assert row.status is Status.IMPORTED
        new, _, dupes = re.fullmatch(r"(\d+) articles?(?: \((\d+) already in the project\))?", row.message).group(1, 0, 2)
        assert int(new) + int(dupes or 0) == count
    empty = results[str(fixture_file("lexisnexis/test.DOCX"))]
    assert empty.status is Status.FAILED and "no article" in empty.message
    assert stored == sum(len(r.article_ids) for r in results.values())


def test_the_washington_post_export_really_holds_one_article_twice():
    from core.io.importers import read_file

    articles = read_file(fixture_file("nexis-uni/washington-post.docx"))
    assert len(articles) == 50
    assert len({a.id for a in articles}) == 49
    assert [a.title for a in articles].count("MGM Pulls Offer for Vivendi") == 2
