"""Pairing quotation marks: every style, apostrophes, nesting, quotes left open at paragraph ends."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from core.nlp.quote_marks import DOUBLE_MARKS, SINGLE_MARKS, find_marked_quotes


def spans(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_marked_quotes(text)]


def test_every_mark_style_is_paired():
    text = (
        "A “curly” b \"straight\" c ‘single’ d „German“ g 'ascii single' h.\n"
        "In German »Wir« and „Ja“ and ‚nested‘ too.\n"  # guillemets point the same way within a paragraph
        "En français « Oui » et « Non »."
    )
    assert spans(text) == ["curly", "straight", "single", "German", "ascii single", "Wir", "Ja", "nested", "Oui", "Non"]


def test_apostrophes_do_not_close_quotes():
    text = "‘We don’t know the Kremlin’s plan,’ he said. ‘The players’ union is strong,’ she said."
    assert spans(text) == ["We don’t know the Kremlin’s plan,", "The players’ union is strong,"]


def test_nested_quotes_belong_to_the_outer_one():
    assert spans("“He told me ‘no’ twice,” she said.") == ["He told me ‘no’ twice,"]
    assert spans("‘She said to me, “Love, I’m fine.” She wasn’t.’") == ["She said to me, “Love, I’m fine.” She wasn’t."]


def test_quote_left_open_continues_in_the_next_paragraph():
    text = "He said: “First paragraph.\n“Second paragraph,” he added.\nNext."
    (quote,) = find_marked_quotes(text)
    assert text[quote.start : quote.end] == "First paragraph.\n“Second paragraph,"
    assert text[quote.close_at] == "”"


def test_quote_left_open_without_continuation_ends_with_its_paragraph():
    text = "She said: “It never closes\nA new paragraph."
    assert spans(text) == ["It never closes"]


def test_french_spacing_is_not_part_of_the_quote():
    assert spans("« Nous restons ouverts », a dit le directeur.") == ["Nous restons ouverts"]


def test_text_without_marks_has_no_quotes():
    assert find_marked_quotes("Plain text, don’t panic: it’s fine.\nSecond line.") == []


@given(st.text(alphabet="ab \n.,’'" + DOUBLE_MARKS + SINGLE_MARKS, max_size=80))
def test_quotes_are_ordered_inside_the_text_and_do_not_overlap(text):
    quotes = find_marked_quotes(text)
    last_end = -1
    for quote in quotes:
        assert 0 <= quote.open_at < quote.start <= quote.end <= len(text)
        assert quote.open_at > last_end
        assert text[quote.open_at] in DOUBLE_MARKS + SINGLE_MARKS
        last_end = quote.close_at
