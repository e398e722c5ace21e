"""Find boilerplate lines in articles: credits, link lists, promotions, lines an outlet repeats.

They are marked (as character spans), never deleted: the reader still sees
them, greyed out, but they do not count in the analysis.
"""

from __future__ import annotations

import re
from functools import lru_cache

from core.paths import resources_dir

_LINK_LIST_ITEM = re.compile(r"^[^:.!?]{1,40}:\s+\S.{5,}$")
_READ_MORE = re.compile(r"^\s*(read|see|more)\s+(more|also)\b.*:?\s*$", re.I)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, ...]:
    """Line patterns from ``resources/boilerplate.txt`` (one regex a line)."""
    path = resources_dir() / "boilerplate.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(re.compile(p, re.I) for p in lines if p.strip() and not p.startswith("#"))


def is_boilerplate_line(line: str) -> bool:
    """Whether a line matches one of the known boilerplate patterns (sign-up lines, credits …)."""
    line = line.strip()
    return any(p.search(line) for p in _patterns())


def _line_spans(text: str) -> list[tuple[int, int, str]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line), line.strip()))
        pos += len(line) + 1
    return spans


def find_boilerplate(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of boilerplate lines in ``text`` (first line is the title).

    Boilerplate is what matches a known pattern or follows a "Read more"
    line as a link list. A paragraph printed twice (a lead repeated as the
    standfirst, a page saved twice) is real text: only its later copies are
    marked, so it counts once. Lines repeated across an outlet's articles
    are found by :func:`repeated_across`.
    """
    lines = _line_spans(text)
    seen: set[str] = set()
    marked: list[tuple[int, int]] = []
    in_link_list = False
    for index, (start, end, line) in enumerate(lines):
        if index == 0 or not line:
            in_link_list = False
            continue
        if _READ_MORE.match(line):
            in_link_list = True
            marked.append((start, end))
            continue
        if in_link_list and _LINK_LIST_ITEM.match(line):
            marked.append((start, end))
            continue
        in_link_list = False
        repeat = len(line) > 20 and line in seen
        seen.add(line)
        if repeat or any(p.search(line) for p in _patterns()):
            marked.append((start, end))
    return tuple(marked)


#: A line in this many of an outlet's articles is its boilerplate (sign-up lines, mission statements) …
MIN_ARTICLES_SHORT = 2
#: … if it is this short; a longer paragraph (background an outlet reuses) needs one more article.
SHORT_LINE = 120
MIN_ARTICLES_LONG = 3
#: Shorter lines ("Advertisement") are left to the patterns.
MIN_LINE = 16


def repeated_across(groups: list[list[str]]) -> set[str]:
    """Lines (stripped) that recur across an outlet's articles: each group is one article's text
    (an article and its versions are one group, so a reprint never makes its own text boilerplate)."""
    counts: dict[str, int] = {}
    for texts in groups:
        lines = {line.strip() for text in texts for line in text.split("\n")[1:] if len(line.strip()) >= MIN_LINE}
        for line in lines:
            counts[line] = counts.get(line, 0) + 1
    return {line for line, n in counts.items()
            if n >= (MIN_ARTICLES_SHORT if len(line) <= SHORT_LINE else MIN_ARTICLES_LONG)}


def line_spans(text: str, lines: set[str]) -> tuple[tuple[int, int], ...]:
    """Spans of the lines of ``text`` (after the headline) that are among ``lines``."""
    return tuple((start, end) for index, (start, end, line) in enumerate(_line_spans(text)) if index and line in lines)
