"""Passages shared by articles read side by side, whatever story each belongs to."""

import pytest

from core.analysis.shown_passages import compare_articles, sentences_of
from core.model.article import make_article
from core.project import Project

WIRE = "The ministers met in Geneva on Monday to discuss the ceasefire and the exchange of prisoners."


@pytest.fixture
def project(tmp_path, nlp):
    with Project(tmp_path / "p.newsprism") as p:
        a = make_article(f"{WIRE} Officials in Kyiv welcomed the talks.", title="Talks in Geneva", outlet="Alpha")
        b = make_article(f"Snow fell across the Alps. {WIRE}", title="Geneva meeting", outlet="Beta")
        p.store.add_articles([a, b])
        p.analyse()
        yield p, a, b


def test_a_shared_sentence_is_linked_and_the_rest_is_unique(project):
    p, a, b = project
    sentences = sentences_of(p, [a.id, b.id])
    assert set(sentences["article_id"]) == {a.id, b.id}
    assert all(a.text[s:e] == t for aid, s, e, t in zip(sentences["article_id"], sentences["start"],
                                                        sentences["end"], sentences["text"]) if aid == a.id)
    alignment, status = compare_articles(sentences, p.mentions(None, article_ids=[a.id, b.id]))
    pairs = alignment[alignment["article_id"] == a.id]
    assert len(pairs) == 1 and pairs.iloc[0]["other_article_id"] == b.id and pairs.iloc[0]["relation"] == "reused"
    by_text = dict(zip(sentences["text"], status["status"]))
    assert by_text[WIRE] == "reused"
    assert by_text["Snow fell across the Alps."] == "unique"


def test_no_sentences(project):
    p, a, _ = project
    alignment, status = compare_articles(sentences_of(p, []))
    assert alignment.empty and status.empty
