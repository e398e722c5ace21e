"""The text of a spaCy doc, built once: ``Doc.text`` re-joins every token on each access."""

from __future__ import annotations


def doc_text(doc) -> str:
    """``doc.text``, cached in ``doc.user_data`` (quote finding reads it dozens of times)."""
    cached = doc.user_data.get("newsprism_text")
    if cached is None:
        cached = doc.user_data["newsprism_text"] = doc.text
    return cached


def first_line_end(doc) -> int:
    """Offset of the first line break (the end of the headline), or the text's length."""
    text = doc_text(doc)
    end = text.find("\n")
    return len(text) if end < 0 else end
