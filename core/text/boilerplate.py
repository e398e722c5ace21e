"""Find boilerplate lines in plain-text articles: credits, link lists, promotions.

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


def _line_spans(text: str) -> list[tuple[int, int, str]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line), line.strip()))
        pos += len(line) + 1
    return spans


def find_boilerplate(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of boilerplate lines in ``text`` (first line is the title)."""
    lines = _line_spans(text)
    counts: dict[str, int] = {}
    for _, _, line in lines:
        if len(line) > 20:
            counts[line] = counts.get(line, 0) + 1
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
        if counts.get(line, 0) > 1 or any(p.search(line) for p in _patterns()):
            marked.append((start, end))
    return tuple(marked)
