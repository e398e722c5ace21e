"""Nexis Uni (Lexis Advance) exports saved as Word or RTF: many articles per file.

Layout, one paragraph a line: an optional cover page and table of contents
("Documents (50)", "1. Headline", "Sources: …" / German "Quellen: …"), then
per article the headline, the outlet, the date line (with time or edition),
an optional copyright line, labelled fields ("Section:", "Length:",
"Byline:"; German "Rubrik:", "Länge:", "Autor:"), a "Body" line, the body,
an optional "Classification" block ("Language:", "Load-Date:", …) and "End
of Document". The word and RTF readers hand their paragraphs to
:func:`read_nexis_uni` first.
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
)
from core.model.article import Article

END_OF_DOCUMENT = re.compile(r"^(?:End of Document|Ende des Dokuments|Fin du document|Fin del documento)$", re.I)
_BODY = re.compile(r"^(?:Body|Text|Textkörper|Corps|Texto)$")
_CLASSIFICATION = re.compile(r"^(?:Classification|Klassifikation|Klassifizierung|Classement|Graphic|Grafik|Correction|Berichtigung)$")
_COVER = re.compile(
    r"^(?:(?:Documents|Dokumente)\s*\(\d+\)|User Name:|Benutzername:|Date and Time:|Datum und Uhrzeit:|"
    r"Job Number:|Auftragsnummer:|Client/Matter:|Search Terms:|Suchbegriffe:|Sources:|Quellen:)"
)
_COPYRIGHT = re.compile(r"^(?:Copyright|©|\(c\)|Urheberrecht)", re.I)
_LABEL = re.compile(r"^(?P<label>[A-ZÄÖÜ][\w\-/ ]{1,30}?):\s*(?P<value>.*)$")

#: Labels before the body, mapped to the record field they fill ("" = kept in extra).
HEADER_LABELS = {
    "section": "section", "rubrik": "section", "ressort": "section", "rubrique": "section",
    "length": "length", "länge": "length", "longueur": "length",
    "byline": "byline", "autor": "byline", "author": "byline", "auteur": "byline",
    "dateline": "", "ortszeile": "", "highlight": "", "edition": "edition", "ausgabe": "edition",
    "series": "", "serie": "", "url": "url",
}
#: Labels that end the body.
TRAILER_LABELS = {
    "load-date", "ladedatum", "language", "sprache", "langue", "graphic", "grafik", "graphique",
    "publication-type", "publikationstyp", "journal code", "notes", "anmerkungen", "correction-date",
    "subject", "organization", "person", "geographic", "industry", "company", "ticker", "url",
}


def read_nexis_uni(path: Path, paragraphs: list[str]) -> list[Article] | None:
    """Articles of a Nexis Uni export, or None when the paragraphs are not one."""
    records = parse_nexis_uni(paragraphs)
    return None if records is None else records_to_articles(records, path)


def parse_nexis_uni(paragraphs: list[str]) -> list[ExportRecord] | None:
    """One record per "End of Document"; None without any such line."""
    lines = [clean_line(p) for p in paragraphs]
    ends = [i for i, line in enumerate(lines) if END_OF_DOCUMENT.match(line)]
    if not ends:
        return None
    starts = [0] + [e + 1 for e in ends[:-1]]
    records = [parse_document(lines[s:e], first=(s == 0)) for s, e in zip(starts, ends)]
    return [r for r in records if r is not None]


def parse_document(lines: list[str], *, first: bool = False) -> ExportRecord | None:
    """One article's lines; the first may carry the cover page and contents."""
    lines = [line for line in lines if line]
    first_label = next((i for i, line in enumerate(lines) if _label(line, HEADER_LABELS) or _BODY.match(line)), None)
    if first_label is None:
        return None
    record = ExportRecord()
    _read_header(lines[:first_label], record, after_cover=first and any(_COVER.match(x) for x in lines[:first_label]))
    body_start = _read_labels(lines, first_label, record)
    body_end = next((i for i in range(body_start, len(lines)) if _ends_body(lines[i])), len(lines))
    _read_trailer(lines[body_end:], record)
    highlight = record.extra.pop("highlight", "")
    body = [line for line in lines[body_start:body_end] if not LAYOUT_LINES.match(line)]
    record.body = "\n".join(([highlight] if highlight else []) + body)
    record.title = tidy_title(record.title, record.outlet, record.section)
    fill_missing_date(record)
    return record


def _label(line: str, labels: dict | set) -> str | None:
    match = _LABEL.match(line)
    if match and match["label"].casefold() in labels:
        return match["label"].casefold()
    return None


def _ends_body(line: str) -> bool:
    return bool(_CLASSIFICATION.match(line) or _label(line, TRAILER_LABELS))


def _read_header(lines: list[str], record: ExportRecord, *, after_cover: bool) -> None:
    """Headline, outlet, date: read backwards from the date line, copyright skipped."""
    notes = [line for line in lines if HEADER_NOTES.match(line)]
    if notes:
        record.extra["note"] = notes[0]
    lines = [line for line in lines if not _COPYRIGHT.match(line) and not HEADER_NOTES.match(line)]
    date_index = next((i for i in range(len(lines) - 1, -1, -1) if has_date(lines[i])), None)
    if date_index is None or date_index == 0:
        record.title = lines[-1] if lines else ""
        return
    record.date_text = lines[date_index]
    record.date = parse_export_date(lines[date_index])
    record.edition = _edition(lines[date_index])
    record.outlet = _outlet(lines[date_index - 1])
    title_lines = lines[:date_index - 1]
    if after_cover:
        title_lines = title_lines[-1:]
    record.title = " ".join(line for line in title_lines if not _same_outlet(line, record.outlet)) or " ".join(title_lines)


def _same_outlet(line: str, outlet: str) -> bool:
    """A header line that names the outlet again (a blog's paper above the blog), not a part of the headline."""
    from core.text.outlets import outlet_key

    return bool(outlet) and (outlet_key(line) == outlet_key(outlet) or outlet.startswith(line + " "))


def _outlet(line: str) -> str:
    """The outlet line without a stray final full stop ("Guardian.com." -> "Guardian.com")."""
    return re.sub(r"(?<![A-Z]\.[A-Z])\.$", "", line.strip())


def _edition(date_line: str) -> str:
    """"January 12, 2005 Wednesday, Final Edition" -> "Final Edition"."""
    match = re.search(r",\s*([^,]*(?:Edition|Ausgabe)[^,]*)$", date_line, re.I)
    return match[1].strip() if match else ""


def _read_labels(lines: list[str], start: int, record: ExportRecord) -> int:
    """Labelled fields up to the "Body" line (or the first unlabelled line); where the body starts."""
    for i in range(start, len(lines)):
        line = lines[i]
        if _BODY.match(line):
            return i + 1
        name, match = _label(line, HEADER_LABELS), _LABEL.match(line)
        if name is None or match is None:
            return i
        value = match["value"].strip()
        field = HEADER_LABELS[name]
        if field:
            setattr(record, field, value)
        else:
            record.extra[name] = value
    return len(lines)


def _read_trailer(lines: list[str], record: ExportRecord) -> None:
    for line in lines:
        match = _LABEL.match(line)
        if not match:
            continue
        name, value = match["label"].casefold(), match["value"].strip()
        if name in ("language", "sprache", "langue"):
            record.language = language_code(value)
        elif name == "url" and not record.url:
            record.url = value
        else:
            record.extra[name] = value
