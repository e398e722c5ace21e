"""Keyword in context (KWIC): every hit of a query with the text either side, as AntConc lists them.

The window's Concordance dock and ``newsprism-cli find`` show this table. A
compiled pattern (:func:`core.text.find.find_pattern`) runs once over each
text; the contexts of all hits are then cut and cleaned together with pandas,
so the work grows with the length of the texts and the number of hits only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import numpy as np
import pandas as pd

from core.model.article import Article
from core.tasks import NULL_STATE, TaskState
from core.text.find import find_pattern

COLUMNS = ["article_id", "outlet", "date", "title", "start", "end", "left", "hit", "right", "left_key", "right_key"]
#: What a concordance can be sorted by (the window's column headers, ``find --sort``).
SORTS = ("text", "left", "hit", "right", "outlet", "date", "title")
#: Ties are broken by the next keys, then by the order the hits were found in.
_SORT_KEYS = {
    "text": [],
    "left": ["left_key", "hit_key", "right_key"],
    "hit": ["hit_key", "right_key", "left_key"],
    "right": ["right_key", "hit_key", "left_key"],
    "outlet": ["outlet", "date"],
    "date": ["date", "outlet"],
    "title": ["title"],
}
_WORD = r"\w+"


@dataclass
class Hits:
    """The concordance of a query: its rows (at most ``limit``) and how many hits there are in all."""

    table: pd.DataFrame
    per_article: dict[str, int] = field(default_factory=dict)  # article id -> hits, every hit counted
    total: int = 0

    @property
    def truncated(self) -> bool:
        """More hits than rows: the table lists the first ones only."""
        return self.total > len(self.table)


def concordance(articles: Iterable[Article], query: str, *, width: int = 60, whole_words: bool = False,
                case: bool = False, state: TaskState = NULL_STATE) -> pd.DataFrame:
    """One row per hit of ``query``: the article's id, outlet, date and title, the hit's ``start`` and
    ``end`` in the article's text, and ``width`` characters of context on each side.

    ``left``/``right`` are the contexts as they read (whitespace and line
    breaks shown as one space); ``left_key`` is the left context's words
    nearest first and ``right_key`` the right context's words, lower-cased:
    what sorting by context compares (AntConc's 1L, 2L… and 1R, 2R…). Rows
    come in the articles' order, then by position. Matching is as Ctrl+F:
    whitespace-tolerant, case-insensitive unless ``case``, inside words
    unless ``whole_words``.
    """
    return find_hits(articles, query, width=width, whole_words=whole_words, case=case, state=state).table


def find_hits(articles: Iterable[Article], query: str, *, width: int = 60, whole_words: bool = False,
              case: bool = False, limit: int | None = None, state: TaskState = NULL_STATE) -> Hits:
    """:func:`concordance` with every hit counted per article, but rows for the first ``limit`` hits only.

    The window lists a common word's 300,000 hits no better than its first
    tens of thousands, and the rows would take hundreds of megabytes.
    """
    pattern = find_pattern(query, whole_words=whole_words, case=case)
    articles = list(articles)
    if pattern is None or not articles:
        return Hits(_empty())
    reach = 2 * width  # raw characters read, so that ``width`` remain once whitespace is collapsed
    room = limit if limit is not None else -1
    per_article: dict[str, int] = {}
    which, starts, ends, lefts, found, rights = [], [], [], [], [], []
    for i, article in enumerate(articles):
        if i % 500 == 0:
            state.progress(i / len(articles), f"Finding “{query}”…")
        text = article.text
        if room == 0:
            count = len(pattern.findall(text))
        else:
            spans = [m.span() for m in pattern.finditer(text)]
            count = len(spans)
            if room > 0:
                spans = spans[:room]
                room -= len(spans)
            for start, end in spans:
                which.append(i)
                starts.append(start)
                ends.append(end)
                lefts.append(text[max(0, start - reach):start])
                found.append(text[start:end])
                rights.append(text[end:end + reach])
        if count:
            per_article[article.id] = count
    table = _table(articles, which, starts, ends, lefts, found, rights, width)
    return Hits(table, per_article, sum(per_article.values()))


def sort_hits(table: pd.DataFrame, by: str = "text", *, descending: bool = False) -> pd.DataFrame:
    """The concordance sorted as AntConc sorts it: by ``left`` context (nearest word first), ``hit``,
    ``right`` context, ``outlet``, ``date`` (undated last) or ``title``; ``text`` is the order found."""
    if by not in _SORT_KEYS:
        raise ValueError(f"sort by one of {', '.join(SORTS)}, not {by!r}")
    keys = _SORT_KEYS[by]
    if not keys or table.empty:
        return table.iloc[::-1] if descending and not keys else table
    framed = table.assign(hit_key=table["hit"].str.lower())
    order = framed.sort_values(keys, ascending=not descending, kind="stable", na_position="last").index
    return table.loc[order]


def _table(articles: list[Article], which, starts, ends, lefts, found, rights, width: int) -> pd.DataFrame:
    if not which:
        return _empty()
    index = np.asarray(which)
    meta = {
        "article_id": [a.id for a in articles],
        "outlet": [a.outlet for a in articles],
        "date": [a.date or None for a in articles],
        "title": [a.title for a in articles],
    }
    frame = pd.DataFrame({name: pd.Series(np.asarray(values, dtype=object)[index], dtype=object)
                          for name, values in meta.items()})  # object: an undated hit's date stays None
    frame["start"] = np.asarray(starts, dtype="int64")
    frame["end"] = np.asarray(ends, dtype="int64")
    frame["left"] = _one_line(pd.Series(lefts, dtype=object)).str[-width:]
    frame["hit"] = _one_line(pd.Series(found, dtype=object))
    frame["right"] = _one_line(pd.Series(rights, dtype=object)).str[:width]
    frame["left_key"] = frame["left"].str.lower().str.findall(_WORD).map(lambda words: " ".join(reversed(words)))
    frame["right_key"] = frame["right"].str.lower().str.findall(_WORD).str.join(" ")
    return frame[COLUMNS]


def _one_line(texts: pd.Series) -> pd.Series:
    return texts.str.replace(r"\s+", " ", regex=True)


def _empty() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS})
    return frame.astype({"start": "int64", "end": "int64"})
