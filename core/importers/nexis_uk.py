"""Nexis UK (LexisNexis) HTML exports: the "N of M DOCUMENTS" layout in markup.

The HTML export prints exactly what the plain-text export prints, one block
per ``<div>``/``<p>`` and ``<br>`` for line breaks, so it is turned into lines
and read by :func:`core.importers.lexisnexis.parse_lexisnexis_text`.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from core.importers.export_record import records_to_articles, without_control_characters
from core.importers.html import HTML_EXPORT_READERS, decode_html
from core.importers.lexisnexis import parse_lexisnexis_text
from core.model.article import Article

_SNIFF = re.compile(rb"\d+\s+of\s+\d+\s+DOCUMENTS|Dokument\s+\d+\s+von\s+\d+|Document\s+\d+\s+de\s+\d+")
_BLOCKS = ("p", "div", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote")
_BLANK_RUN = re.compile(r"\n[ \t\u00a0]*(?:\n[ \t\u00a0]*)+")


def read_nexis_uk_html(path: Path, data: bytes) -> list[Article] | None:
    """Articles of a Nexis UK HTML export, or None when the page is not one."""
    if not _SNIFF.search(data[:1_000_000]):
        return None
    records = parse_lexisnexis_text(html_to_lines(decode_html(data)))
    return None if not records else records_to_articles(records, path)


def html_to_lines(html: str) -> str:
    """The page's text with a line per block and per ``<br>``; runs of blank lines become one."""
    try:
        root = lxml.html.document_fromstring(without_control_characters(html))
    except (etree.ParserError, ValueError):
        return ""
    for element in root.xpath("//script|//style|//head|//noscript"):
        element.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter(*_BLOCKS):
        block.tail = "\n\n" + (block.tail or "")
    return _BLANK_RUN.sub("\n\n", root.text_content())


HTML_EXPORT_READERS.append(read_nexis_uk_html)
