"""Factiva "full article" pages saved as HTML: many articles per page.

Each article is a block holding, in order: an optional section, the headline
(``<div id="hd">``), an optional ``<div class="author">``, then one ``<div>``
per field — word count ("808 words", German UI "1285 Wörter"), date ("13
November 2017"), optional time, source name, source code, edition and page,
language, copyright — then the text as ``<p class="articleParagraph">`` and
finally captions, the publisher and "Document IINM000020171113edbd0000d"
(German UI "Dokument …"), which are furniture. The field ``<div>``s carry no
names, so each is recognised by its shape.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from core.importers.export_dates import has_date, parse_export_date
from core.importers.export_record import (
    LANGUAGE_CODES,
    ExportRecord,
    clean_line,
    language_code,
    records_to_articles,
    without_control_characters,
)
from core.importers.html import HTML_EXPORT_READERS, decode_html
from core.model.article import Article

_WORD_COUNT = re.compile(r"^\d[\d.,\u00a0 ]*\s*(?:words?|Wörter|mots|palabras|parole|woorden|слов\w*|字)$", re.I)
_TIME = re.compile(r"^\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?(?:\s*[A-Z]{2,5})?$")
_COPYRIGHT = re.compile(r"^(?:Copyright|\(c\)|©|Urheberrecht)", re.I)
_DOCUMENT_ID = re.compile(r"^(?:Document|Dokument|Documento)\s+(\w{20,})$")
_NUMBERED = re.compile(r"^(\d+)\)\s+")


def read_factiva(path: Path, data: bytes) -> list[Article] | None:
    """Articles of a saved Factiva page, or None when the page is not one."""
    if b'id="hd"' not in data or b"articleParagraph" not in data:
        return None
    records = parse_factiva(decode_html(data))
    return None if not records else records_to_articles(records, path)


def parse_factiva(html: str) -> list[ExportRecord]:
    try:
        root = lxml.html.document_fromstring(without_control_characters(html))
    except (etree.ParserError, ValueError):
        return []
    blocks = [hd.getparent() for hd in root.xpath('//div[@id="hd"]') if hd.getparent() is not None]
    records = [_read_block(block) for block in blocks]
    _strip_numbering(records)
    return records


def _text(element) -> str:
    return clean_line(element.text_content())


def _read_block(block) -> ExportRecord:
    record = ExportRecord()
    fields: list[str] = []
    seen_headline = False
    for child in block:
        if not isinstance(child.tag, str):
            continue
        classes = (child.get("class") or "").split()
        if child.get("id") == "hd":
            record.title, seen_headline = _text(child), True
        elif child.tag == "div" and not seen_headline:
            record.section = record.section or _text(child)
        elif child.tag == "div" and "author" in classes:
            record.byline = _text(child)
        elif child.tag == "div":
            fields.append(_text(child))
        elif child.tag == "p" and "articleParagraph" in classes:
            record.body += _text(child) + "\n"
        elif child.tag == "p":
            _read_trailer(_text(child), record)
    record.body = record.body.strip()
    _read_fields([f for f in fields if f], record)
    return record


def _read_trailer(text: str, record: ExportRecord) -> None:
    """Captions and the publisher are dropped; the document id is kept."""
    match = _DOCUMENT_ID.match(text)
    if match:
        record.extra["document"] = match[1]


def _read_fields(fields: list[str], record: ExportRecord) -> None:
    """Word count, date, time, source name and code, edition/page, language, copyright."""
    rest: list[str] = []
    time = ""
    after_date = 0
    for text in fields:
        if _WORD_COUNT.match(text) and not record.length:
            record.length = text
        elif not record.date_text and has_date(text):
            record.date_text = text
        elif _TIME.match(text) and not time:
            time = text
        elif record.date_text and after_date == 0:
            record.outlet, after_date = text, 1
        elif after_date == 1:
            record.extra["source_code"], after_date = text, 2
        elif text.casefold() in LANGUAGE_CODES:
            record.language = language_code(text)
        elif _COPYRIGHT.match(text):
            record.extra["copyright"] = text
        else:
            rest.append(text)
    if record.date_text:
        record.date = parse_export_date(f"{record.date_text} {time}".strip())
    if rest:
        record.extra["edition_page"] = "; ".join(rest)


def _strip_numbering(records: list[ExportRecord]) -> None:
    """Drop the "1) ", "2) " Factiva puts before headlines when every headline has it, in order."""
    numbers = [m for r in records if (m := _NUMBERED.match(r.title))]
    if not records or len(numbers) < len(records):
        return
    values = [int(m[1]) for m in numbers]
    if values != list(range(values[0], values[0] + len(values))):
        return
    for record, match in zip(records, numbers):
        record.title = record.title[match.end():]


HTML_EXPORT_READERS.append(read_factiva)
