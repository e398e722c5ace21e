"""Entity spans cut back to the name, on real articles (read in place from the development set)."""

from __future__ import annotations

import pandas as pd
import pytest

from core.nlp.extract import mentions_of
from core.nlp.span_cleaning import clean_spans
from tests.conftest import REAL_STORIES, require_shared


@pytest.fixture(scope="module")
def real_articles() -> pd.DataFrame:
    return pd.read_csv(require_shared(REAL_STORIES)).fillna("")


def _names(nlp, articles: pd.DataFrame, title: str) -> list[str]:
    row = articles[articles["title"] == title].iloc[0]
    text = row["text"] if row["text"].startswith(title) else f"{title}\n{row['text']}"  # as the import stores it
    return [m[4] for m in mentions_of(nlp(text))]


def test_a_headline_verb_and_noun_are_cut_off_the_names_they_follow(nlp, real_articles):
    names = _names(nlp, real_articles, "Michael Steele Criticized for Afghanistan Comments")
    assert "Michael Steele Criticized" not in names and "Afghanistan Comments" not in names
    assert names[:2] == ["Michael Steele", "Afghanistan"]  # the headline's two names, as the body writes them


def test_a_function_word_and_a_possession_are_cut_off(nlp, real_articles):
    names = _names(nlp, real_articles, "Battle Over Medicare Savings Intensifies Between Obama and Paul Ryan")
    assert "Between Obama" not in names and "Mitt Romney’s Medicare" not in names
    assert "Obama" in names or "Barack Obama" in names
    assert "Mitt Romney" in names


def test_a_headline_show_name_is_cut_to_the_person(nlp, real_articles):
    names = _names(nlp, real_articles, "Glenn Beck CPAC 2010 Speech VIDEO: Republicans Don't Need A Big Tent")
    assert "Glenn Beck CPAC" not in names and "Glenn Beck" in names


@pytest.mark.parametrize("text, span, expected", [
    ("Between Obama and Romney, a gap. Obama spoke.", "Between Obama", "Obama"),
    ("Fusion’s Jorge Ramos asked. Jorge Ramos was removed.", "Fusion’s Jorge Ramos", "Jorge Ramos"),
    ("Mitt Romney’s Medicare plan was attacked.", "Mitt Romney’s Medicare", "Mitt Romney"),
    ("She drank Peet’s Coffee in Berkeley.", "Peet’s Coffee", "Peet’s Coffee"),  # a name with a possessive stays
    ("US officials met. The US said so.", "US", "US"),  # an upper-case word is not a function word
    ("The New York Times Reports\nThe New York Times reports that New York is cold.", "The New York Times",
     "The New York Times"),  # the longer name is used alone in the body: kept
])
def test_rules_one_at_a_time(text, span, expected):
    start = text.index(span)
    label = "PERSON" if "Romney" in span else "ORG"
    (cleaned,) = clean_spans([(start, start + len(span), span, label)] + _others(text, span), text)[:1]
    assert cleaned[2] == expected and text[cleaned[0]:cleaned[1]] == expected


def _others(text: str, span: str) -> list[tuple]:
    """The other mentions of the sentence: the names the article also uses alone."""
    out = []
    for name in ("Obama", "Jorge Ramos", "The New York Times", "New York"):
        position = text.find(name, text.index(span) + len(span))
        if position >= 0:
            out.append((position, position + len(name), name, "PERSON"))
    return out
