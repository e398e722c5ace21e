"""Plain text and Markdown: the headline, and the outlet, date and byline of its header lines.

The headline is the first line that is not a header line (:mod:`core.importers.header_lines`):
"By Ana Ruiz | Capital Wire | August 14, 2024" above or below it gives the
authors, the outlet and the date. Header lines stay in the text (after the
headline, which always comes first), marked as boilerplate so they are not
analysed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Callable

from core.importers.decode import decode_text
from core.importers import register
from core.importers.header_lines import read_header
from core.model.article import Article, Origin, make_article, tidy_lines
from core.text.article_text import finish_article

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_FIRST_LINE = re.compile(r"[^\n]*\S[^\n]*")

#: Sniffers for database exports saved as text, ``(path, text) -> list[Article] | None``
#: (None: not my format); modules such as ``lexisnexis`` append to it.
TEXT_EXPORT_READERS: list[Callable[[Path, str], list[Article] | None]] = []


@register(".txt", ".text", ".md", ".markdown")
def read_plain_text(path: Path, data: bytes) -> list[Article]:
    text = decode_text(data).replace("\r\n", "\n").replace("\r", "\n").strip()
    for read_export in TEXT_EXPORT_READERS:
        articles = read_export(path, text)
        if articles is not None:
            return articles
    if path.suffix.lower() in (".md", ".markdown"):
        text = _MD_HEADING.sub("", text, count=1)
    return [finish_article(text_article(text, source_path=str(path)), folder=str(path.parent))]


def text_article(text: str, **meta) -> Article:
    """One article from plain text: headline, header fields, header lines marked; not finished yet."""
    lines = tidy_lines(text).split("\n")
    filled = [i for i, line in enumerate(lines) if line.strip()]
    header = read_header([lines[i] for i in filled])
    header_rows = {filled[i] for i in header.lines}
    title_row = next((i for i in filled if i not in header_rows), filled[0] if filled else 0)
    title = lines[title_row].strip() if lines else ""
    moved = filled and title_row != filled[0]  # header lines above the headline: the headline goes first
    body = "\n".join(line for i, line in enumerate(lines) if i != title_row or not moved)
    origins: dict[str, Origin] = {"title": Origin.EXTRACTED, **dict(meta.pop("origins", {}))}
    for name, value, origin in (("outlet", header.outlet, Origin.GUESSED), ("date", header.date, Origin.EXTRACTED),
                                ("authors", header.authors, Origin.EXTRACTED)):
        if value and not meta.get(name):
            meta[name], origins[name] = value, origin
    article = make_article(body, title=title, origins=origins, **meta)
    return _with_header_marked(article, [lines[i].strip() for i in sorted(header_rows)])


def _with_header_marked(article: Article, header_lines: list[str]) -> Article:
    """Header lines as boilerplate spans (kept in the text, left out of the analysis)."""
    if not header_lines:
        return article
    spans, pos, wanted = [], 0, list(header_lines)
    for line in article.text.split("\n"):
        if wanted and pos > 0 and line.strip() == wanted[0]:
            spans.append((pos, pos + len(line)))
            wanted.pop(0)
        pos += len(line) + 1
    return replace(article, boilerplate=tuple(sorted(set(article.boilerplate) | set(spans))))
