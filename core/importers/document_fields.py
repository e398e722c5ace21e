"""One article from a generic document (Word, PDF, RTF, OpenDocument): title, byline, date.

Each format reader hands over the document's lines, its first heading (if
the format marks headings) and its properties (title, author, creation
date). The title is the heading, else the title property, else the first
line; the author is a "By …" line near the top, else the author property;
the date is a short date line near the top, else the creation date, marked
as a guess because it is when the file was made, not when the article
appeared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from core.importers.export_dates import has_date, parse_export_date
from core.importers.export_record import clean_line, split_byline
from core.importers.header_lines import header_line
from core.model.article import Article, Origin, make_article
from core.model.import_result import UnreadableFile
from core.text.article_text import finish_article

_BYLINE = re.compile(r"^(?:By|BY|Von|VON|Par|Por|Door)\s+(?P<names>[A-ZÄÖÜÉ].{1,80})$")
#: Lines at the top searched for a byline and a date.
_TOP_LINES = 4


@dataclass(frozen=True)
class DocumentProperties:
    """What a document says about itself; empty where it says nothing."""

    title: str = ""
    author: str = ""
    created: str | None = None  # ISO date


def byline_in(line: str) -> tuple[str, ...]:
    """The names in a "By Jane Doe and John Roe" line; () if it is no byline."""
    match = _BYLINE.match(line.strip())
    return split_byline(match["names"]) if match and len(line) < 100 else ()


def document_article(
    path: Path,
    lines: list[str],
    *,
    kind: str,
    heading: str | None = None,
    properties: DocumentProperties = DocumentProperties(),
) -> Article:
    """The one article of a document; :class:`UnreadableFile` if it has no text."""
    lines = [clean_line(line) for line in lines if line.strip()]
    origins: dict[str, Origin] = {}
    meta: dict = {"source_path": str(path)}
    title = _take_title(lines, heading, properties, origins, kind)
    _take_byline_and_date(lines, meta, origins)
    _fill_from_properties(properties, meta, origins)
    if not lines:
        raise UnreadableFile(f"no article was found in this {kind}: it holds only the line '{title[:80]}'")
    article = make_article("\n".join(lines), title=title, origins=origins, **meta)
    return finish_article(article, folder=str(path.parent))


def _take_title(lines: list[str], heading, properties, origins: dict, kind: str) -> str:
    """The title, removed from ``lines`` when it is one of them."""
    heading = clean_line(heading or "")
    if heading:
        origins["title"] = Origin.EXTRACTED
        if heading in lines:
            lines.remove(heading)
        return heading
    if properties.title.strip():
        origins["title"] = Origin.FILE
        title = clean_line(properties.title)
        if lines and lines[0] == title:
            lines.pop(0)
        return title
    if not lines:
        raise UnreadableFile(f"no article was found in this {kind}: it has no text")
    origins["title"] = Origin.EXTRACTED
    return lines.pop(0)


def _take_byline_and_date(lines: list[str], meta: dict, origins: dict) -> None:
    """Byline, date and header lines among the first lines become fields, out of the body.

    Header lines ("By Ana Ruiz | Capital Wire | August 14, 2024", "Coastline
    Post — 15 August 2024") give the outlet too, marked as a guess.
    """
    taken = []
    for i, line in enumerate(lines[:_TOP_LINES]):
        reading = header_line(line)
        names = reading.authors if reading is not None and reading.authors else byline_in(line)
        if names and "authors" not in meta:
            meta["authors"], origins["authors"] = names, Origin.EXTRACTED
            taken.append(i)
        elif "date" not in meta and len(line) < 60 and has_date(line) and (reading or not _reads_on(line)):
            meta["date"], origins["date"] = parse_export_date(line), Origin.EXTRACTED
            taken.append(i)
        elif reading is not None:
            taken.append(i)
        else:
            continue
        if reading is not None:
            for name, value, origin in (("outlet", reading.outlet, Origin.GUESSED), ("date", reading.date, Origin.EXTRACTED),
                                        ("authors", reading.authors, Origin.EXTRACTED)):
                if value and name not in meta:
                    meta[name], origins[name] = value, origin
    for i in reversed(taken):
        del lines[i]


def _reads_on(line: str) -> bool:
    """A sentence of the text rather than a date line ("On 3 March 2021 the minister said …")."""
    return len(line.split()) > 8


def _fill_from_properties(properties: DocumentProperties, meta: dict, origins: dict) -> None:
    if "authors" not in meta and properties.author.strip():
        meta["authors"], origins["authors"] = split_byline(properties.author) or (properties.author.strip(),), Origin.FILE
    if "date" not in meta and properties.created:
        meta["date"], origins["date"] = properties.created, Origin.GUESSED
