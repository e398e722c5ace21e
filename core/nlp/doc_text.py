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


def sentence_ranges(doc) -> list[tuple[int, int, int, int]]:
    """``(first token, end token, start char, end char)`` of each of ``doc.sents``, computed once from
    arrays (iterating ``doc.sents`` makes a Python object of every token, each time)."""
    cached = doc.user_data.get("newsprism_sentences")
    if cached is None:
        from spacy.attrs import IDX, LENGTH, SENT_START

        if not len(doc):
            cached = []
        else:
            table = doc.to_array([SENT_START, IDX, LENGTH])
            starts = [0] + [int(i) for i in (table[1:, 0].astype("int64") == 1).nonzero()[0] + 1]
            ends = starts[1:] + [len(doc)]
            idx, length = table[:, 1].tolist(), table[:, 2].tolist()
            cached = [(s, e, idx[s], idx[e - 1] + length[e - 1]) for s, e in zip(starts, ends)]
        doc.user_data["newsprism_sentences"] = cached
    return cached


def line_break_tokens(doc) -> list[int]:
    """Indices of the tokens holding a line break, in order (each "\\n" is inside some token)."""
    cached = doc.user_data.get("newsprism_line_breaks")
    if cached is None:
        from bisect import bisect_right

        from spacy.attrs import IDX

        text = doc_text(doc)
        starts = doc.to_array([IDX]).tolist() if len(doc) else []
        found: list[int] = []
        at = text.find("\n")
        while at >= 0:
            token = bisect_right(starts, at) - 1
            if not found or found[-1] != token:
                found.append(token)
            at = text.find("\n", at + 1)
        cached = doc.user_data["newsprism_line_breaks"] = found
    return cached
