"""LexisNexis Academic / Nexis UK plain-text exports: "1 of 10 DOCUMENTS" layout.

Each article starts with a "N of M DOCUMENTS" line (German "Dokument N von
M"), then a centred header (outlet; date with the edition on the lines right
under it; headline), then labelled fields ("BYLINE:", "SECTION:",
"LENGTH:", German "AUTOR:", "RUBRIK:", "LÄNGE:"), the body, and trailing
fields ("LOAD-DATE:", "LANGUAGE:", "GRAPHIC:") and a copyright notice that
are not part of the text. Nexis UK's HTML export has the same layout once its
markup is turned into lines (see :mod:`core.importers.nexis_uk`).

The ``.txt`` reader in :mod:`core.importers.plain_text` asks this module
first, through its ``TEXT_EXPORT_READERS`` list.
"""

from __future__ import annotations

import re
from pathlib import Path

from core.importers.export_dates import has_date, parse_export_date
from core.importers.export_record import (
    HEADER_NOTES,
    LAYOUT_LINES,
    ExportRecord,
    clean_line,
    fill_missing_date,
    language_code,
    records_to_articles,
    tidy_title,
    unwrap_paragraphs,
)
from core.importers.plain_text import TEXT_EXPORT_READERS
from core.model.article import Article

DOCUMENT_MARK = re.compile(
    r"^[ \t]*(?:\d+\s+of\s+\d+\s+DOCUMENTS?|Dokument\s+\d+\s+von\s+\d+|Document\s+\d+\s+de\s+\d+)[ \t]*$",
    re.M,
)
_LABEL = re.compile(r"^(?P<label>[A-ZÄÖÜ][A-ZÄÖÜ\-]+(?: [A-ZÄÖÜ\-]+)?):(?:\s+|$)(?P<value>.*)$")

#: Labels before the body, mapped to the record field they fill.
HEADER_LABELS = {
    "BYLINE": "byline", "AUTOR": "byline", "AUTHOR": "byline", "AUTEUR": "byline",
    "SECTION": "section", "RUBRIK": "section", "RUBRIQUE": "section",
    "LENGTH": "length", "LÄNGE": "length", "LONGUEUR": "length",
    "DATELINE": "", "HIGHLIGHT": "", "ORTSZEILE": "", "HEADLINE": "", "EDITION": "edition",
    "BODY": "", "URL": "url",
}
#: Labels after the body; the body ends at the first of these.
BODY_END_LABELS = {
    "LOAD-DATE", "UPDATE", "LANGUAGE", "SPRACHE", "LANGUE", "GRAPHIC", "GRAFIK", "GRAPHIQUE",
    "PUBLICATION-TYPE", "JOURNAL-CODE", "ZEITUNGS-CODE", "CORRECTION-DATE", "CORRECTION", "URL",
}
#: All labels read after the body.
TRAILER_LABELS = BODY_END_LABELS | {
    "CORRECTION", "NOTES", "DOCUMENT-TYPE", "SUBJECT", "ORGANIZATION", "PERSON", "GEOGRAPHIC",
    "INDUSTRY", "DISTRIBUTION", "TYPE", "SERIES", "ACC-NO", "URL",
}


def read_lexisnexis_text(path: Path, text: str) -> list[Article] | None:
    """Articles of a LexisNexis text export, or None when ``text`` is not one."""
    records = parse_lexisnexis_text(text)
    return None if records is None else records_to_articles(records, path)


def parse_lexisnexis_text(text: str) -> list[ExportRecord] | None:
    """One record per "N of M DOCUMENTS" block; None when there is no such line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    marks = list(DOCUMENT_MARK.finditer(text))
    if not marks:
        return None
    ends = [m.start() for m in marks[1:]] + [len(text)]
    return [parse_document(text[mark.end():end].split("\n")) for mark, end in zip(marks, ends)]


def parse_document(lines: list[str]) -> ExportRecord:
    """One article's lines (after its "N of M DOCUMENTS" line) as a record."""
    record = ExportRecord()
    first_label = next((i for i, line in enumerate(lines) if _header_label(line)), None)
    if first_label is None:
        header, rest = _split_header_without_labels(lines)
        body_start = 0
        lines = rest
    else:
        header = lines[:first_label]
        body_start = _read_labels(lines, first_label, record)
    _read_header(header, record)
    body_lines = lines[body_start:]
    end = next((i for i, line in enumerate(body_lines) if _ends_body(line)), len(body_lines))
    _read_trailer(body_lines[end:], record)
    record.body = _join_body(record, unwrap_paragraphs([x for x in body_lines[:end] if not LAYOUT_LINES.match(x.strip())]))
    headline = record.extra.pop("headline", "")
    record.title = tidy_title(headline or record.title, record.outlet, record.section)
    fill_missing_date(record)
    return record


def _header_label(line: str) -> str | None:
    match = _LABEL.match(line)
    return match["label"] if match and match["label"] in HEADER_LABELS else None


def _ends_body(line: str) -> bool:
    match = _LABEL.match(line)
    return bool(match and match["label"] in BODY_END_LABELS)


def _read_labels(lines: list[str], start: int, record: ExportRecord) -> int:
    """Read the labelled block from ``start``; return where the body begins.

    A label's value goes on over the lines right under it; the block ends at
    the first paragraph that does not start with a header label.
    """
    i, label, values = start, None, list[str]()
    while i < len(lines):
        line = lines[i]
        found = _header_label(line)
        if found and (match := _LABEL.match(line)):
            _store_label(record, label, values)
            label, values = found, [match["value"]]
        elif line.strip() and label is not None and lines[i - 1].strip():
            values.append(line)
        elif line.strip():
            break
        else:
            _store_label(record, label, values)
            label, values = None, []
        i += 1
    _store_label(record, label, values)
    return i


def _store_label(record: ExportRecord, label: str | None, values: list[str]) -> None:
    if label is None:
        return
    value = " ".join(clean_line(v) for v in values if v.strip())
    name = HEADER_LABELS.get(label, "")
    if name:
        setattr(record, name, value)
    else:
        record.extra[label.lower()] = value


def _split_header_without_labels(lines: list[str]) -> tuple[list[str], list[str]]:
    """Without labels, the header is the first three paragraphs (outlet, date, headline)."""
    paragraphs = 0
    for i, line in enumerate(lines):
        if line.strip() and (i == 0 or not lines[i - 1].strip()):
            paragraphs += 1
            if paragraphs == 4:
                return lines[:i], lines[i:]
    return lines, []


def _paragraphs(lines: list[str]) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            groups[-1].append(clean_line(line))
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _read_header(lines: list[str], record: ExportRecord) -> None:
    """Outlet, then the date paragraph (date line + edition lines), then the headline.

    A note such as "Correction Appended" is no part of any of them.
    """
    notes = [line for line in lines if HEADER_NOTES.match(line.strip())]
    if notes:
        record.extra["note"] = clean_line(notes[0])
    paragraphs = [p for p in (
        [line for line in paragraph if not HEADER_NOTES.match(line)] for paragraph in _paragraphs(lines)) if p]
    date_index = next((i for i, p in enumerate(paragraphs) if has_date(p[0])), None)
    if date_index is None:  # the date line under another line of the same paragraph
        found = next(((i, j) for i, p in enumerate(paragraphs) for j, line in enumerate(p) if has_date(line)), None)
        if found and found[0] > 0:
            i, j = found
            paragraphs[i:i + 1] = [p for p in (paragraphs[i][:j], paragraphs[i][j:]) if p]
            date_index = i + (1 if j else 0)
    if date_index is None:
        if paragraphs:
            record.outlet = " ".join(paragraphs[0])
        record.title = " ".join(" ".join(p) for p in paragraphs[1:])
        return
    date_paragraph = paragraphs[date_index]
    record.date_text = date_paragraph[0]
    record.date = parse_export_date(date_paragraph[0])
    record.edition = record.edition or " ".join(date_paragraph[1:])
    record.outlet = " ".join(" ".join(p) for p in paragraphs[:date_index])
    record.title = clean_line(" ".join(" ".join(p) for p in paragraphs[date_index + 1:]))


def _read_trailer(lines: list[str], record: ExportRecord) -> None:
    """Fields after the body; a value goes on over the lines right under its label."""
    label, values = None, list[str]()
    for line in lines + [""]:
        match = _LABEL.match(line)
        if match and match["label"] in TRAILER_LABELS:
            _store_trailer(record, label, values)
            label, values = match["label"], [match["value"]]
        elif line.strip() and label is not None:
            values.append(line)
        else:
            _store_trailer(record, label, values)
            label, values = None, []


def _store_trailer(record: ExportRecord, label: str | None, values: list[str]) -> None:
    if label is None:
        return
    value = " ".join(clean_line(v) for v in values if v.strip())
    if label in ("LANGUAGE", "SPRACHE", "LANGUE"):
        record.language = language_code(value)
    elif label == "URL" and not record.url:
        record.url = value
    else:
        record.extra[label.lower()] = value


_URL = re.compile(r";?\s*(https?://\S+)\s*$")


def _join_body(record: ExportRecord, body: str) -> str:
    """The body, after the highlight (standfirst) when the export gives one.

    Nexis UK appends the article's address to the highlight; it becomes the url.
    """
    highlight = record.extra.pop("highlight", "")
    match = _URL.search(highlight)
    if match:
        record.url = record.url or match[1]
        highlight = highlight[: match.start()].strip()
    return f"{highlight}\n{body}".strip() if highlight else body


TEXT_EXPORT_READERS.append(read_lexisnexis_text)
