"""A pipeline component that keeps the parser from joining lines into one sentence.

Headlines, subheadings and paragraphs are separate lines in an article's
text, but spaCy's parser happily reads "U.S. says North Korea to ‘pay a price’"
and the next paragraph as one sentence, which breaks attributions across
them. Marking the token after each line break as a sentence start before the
parser runs makes the parser respect the lines (it honours preset starts).
Add it with :func:`add_line_breaks`; it costs nothing measurable.
"""

from __future__ import annotations

COMPONENT = "newsprism_line_breaks"
_registered = False


def line_breaks(doc):
    """Mark each line's first token as a sentence start."""
    for token in doc[:-1]:
        if "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
            second = token.i + 2
            # Without this the parser tends to cut the line's first word off as a sentence.
            if second < len(doc) and "\n" not in doc[second].text and doc[second].is_sent_start is None:
                doc[second].is_sent_start = False
    return doc


def _register() -> None:
    global _registered
    if _registered:
        return
    from spacy.language import Language

    Language.component(COMPONENT, func=line_breaks)
    _registered = True


def add_line_breaks(nlp) -> None:
    """Insert the component before the parser (no-op without a parser or if present)."""
    _register()
    if COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(COMPONENT, before="parser")
