"""Four outlets' house styles on four events group into four stories.

``tests/data/stories/house_styles/`` (written for these tests): a news
agency, a regional paper, a broadsheet and a digital site, each with its own
bylines, datelines, date formats and wording, on four invented events; two
events happen in the same region, and one article is a wire reprint.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "data" / "stories" / "house_styles"


@pytest.fixture(scope="module")
def house_styles(tmp_path_factory, nlp):
    from core.project import Project

    truth = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))
    event_of = {path: event for event, paths in truth["events"].items() for path in paths}
    project = Project(tmp_path_factory.mktemp("house-styles") / "p.newsprism")
    project.import_paths(sorted(p for p in CORPUS.iterdir() if p.is_dir()))  # not the README
    project.analyse(processes=1)
    frame = project.articles_frame()
    relative = {row.id: Path(row.source_path).resolve().relative_to(CORPUS.resolve()).as_posix()
                for row in frame.itertuples()}
    yield project, {a: event_of[path] for a, path in relative.items()}, truth, relative
    project.close()


def _groups(project) -> set[frozenset]:
    story_of = project.story_of()
    return {frozenset(story_of.index[story_of == s]) for s in story_of.unique()}


def _events(event_of: dict) -> set[frozenset]:
    return {frozenset(a for a, e in event_of.items() if e == event) for event in set(event_of.values())}


def test_four_outlets_on_four_events_make_four_stories(house_styles):
    project, event_of, _, _ = house_styles
    assert len(event_of) == 16
    assert _groups(project) == _events(event_of)
    assert all(n == 4 for n in project.stories()["articles"])


def test_the_dates_in_their_texts_keep_them_apart_too(house_styles):
    """With each article's date set (as its byline gives it), still the same four stories."""
    project, event_of, truth, relative = house_styles
    for article_id, path in relative.items():
        project.edit_article(article_id, date=truth["dates"][path])
    project.update_stories()
    assert _groups(project) == _events(event_of)
