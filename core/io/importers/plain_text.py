"""Plain text and Markdown: first non-empty line is the title."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from core.io.decode import decode_text
from core.io.importers import register
from core.model.article import Article, Origin, make_article
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
    first = _FIRST_LINE.search(text)  # not every line split off: a book-length text would be copied whole
    title = first.group().strip() if first else ""
    article = make_article(text, title=title, origins={"title": Origin.EXTRACTED}, source_path=str(path))
    return [finish_article(article, folder=str(path.parent))]
