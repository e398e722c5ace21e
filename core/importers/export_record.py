"""One article as a news database exports it, and how it becomes an :class:`Article`.

The export parsers (LexisNexis, Nexis Uni, Nexis UK, Factiva) fill an
:class:`ExportRecord` with the fields the export prints, as printed (raw
byline, "355 words", edition), so tests can compare them with the source
projects' expected parses; :func:`to_article` then keeps what the article
model holds, every field marked :attr:`Origin.FILE`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from core.model.article import Article, Origin, make_article
from core.text.article_text import finish_article

_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f]+")
_BY = re.compile(r"^\s*(?:by|von|from)\s+", re.I)
_PARENS = re.compile(r"\s*\([^)]*\)")
_PLACE = re.compile(r"\s+in\s+[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?$")
_ROLE = re.compile(
    r"staff writer|correspondent|editor|reporter|columnist|redakteur|korrespondent|"
    r"\.com\b|\.de\b|\.co\.uk\b|\bnews\b|agencies|\bdpa\b|\breuters\b|\bafp\b|\bap\b",
    re.I,
)

LANGUAGE_CODES = {
    "english": "en", "englisch": "en", "german": "de", "deutsch": "de", "french": "fr",
    "französisch": "fr", "francais": "fr", "français": "fr", "spanish": "es", "spanisch": "es",
    "italian": "it", "italienisch": "it", "dutch": "nl", "niederländisch": "nl",
}


@dataclass
class ExportRecord:
    """The fields one exported article prints; empty strings where it prints none."""

    title: str = ""
    body: str = ""
    outlet: str = ""
    date: str | None = None  # ISO
    date_text: str = ""  # as printed
    byline: str = ""  # as printed
    section: str = ""
    length: str = ""  # as printed, e.g. "355 words"
    edition: str = ""
    url: str = ""
    language: str = ""  # ISO 639-1 code where known
    extra: dict[str, str] = field(default_factory=dict)  # further labelled fields
    guessed: set[str] = field(default_factory=set)  # fields filled from a fallback (the load date for the date)

    @property
    def authors(self) -> tuple[str, ...]:
        return split_byline(self.byline, outlet=self.outlet)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_control_characters(text: str) -> str:
    """Text an XML/HTML tree accepts: control characters (never text in an export) become spaces."""
    return _CONTROL.sub(" ", text)


def clean_line(text: str) -> str:
    """One line of an export: non-breaking and odd spaces folded, ends trimmed."""
    return _SPACE.sub(" ", text).strip()


def language_code(name: str) -> str:
    """"ENGLISH", "GERMAN; DEUTSCH", "Deutsch" -> "en"/"de"; unknown names kept lower-case."""
    for part in re.split(r"[;,/]", name):
        code = LANGUAGE_CODES.get(part.strip().casefold())
        if code:
            return code
    name = name.strip().casefold()
    return name if len(name) == 2 else ""


_GIVEN = r"(?:[A-ZÄÖÜ][\w'\-]*\.?|von|van|de|der|da)"
_SURNAME_FIRST = re.compile(rf"([A-ZÄÖÜ][\w'\-]+),\s*({_GIVEN}(?:\s+{_GIVEN}){{0,2}})")


def split_byline(byline: str, *, outlet: str = "") -> tuple[str, ...]:
    """People named in a byline, without "By", roles, places and the outlet.

    "Paul Blustein, Washington Post Staff Writer" -> ("Paul Blustein",);
    "Ross Ihaka and Robert Gentleman" -> both; "Böll, Sven; Müller, Peter" ->
    ("Sven Böll", "Peter Müller").
    """
    text = _BY.sub("", _PARENS.sub("", clean_line(byline)))
    if not text:
        return ()
    groups = [g.strip() for g in text.split(";") if g.strip()]
    surnames_first = [m for m in map(_surname_first, groups) if m is not None]
    if groups and len(surnames_first) == len(groups):
        return tuple(dict.fromkeys(_flip(m) for m in surnames_first))
    parts = re.split(r"\s*(?:;|,|&|\band\b|\bund\b)\s*", text, flags=re.I)
    parts = [_PLACE.sub("", _BY.sub("", p)).strip(" .-") for p in parts]
    names = [p for p in parts if p and not _ROLE.search(p) and p.casefold() != outlet.casefold()]
    if not names:  # only roles ("Lisa O'Carroll Brexit correspondent"): keep it as printed
        names = [p for p in parts if p]
    return tuple(dict.fromkeys(names))


def _surname_first(group: str) -> re.Match[str] | None:
    """"Albrecht, Bernhard" yes; agency codes such as "BAC, SZ" no."""
    match = _SURNAME_FIRST.fullmatch(group)
    return match if match is not None and any(c.islower() for c in match[2]) else None


def _flip(match: re.Match) -> str:
    """"Rohr, Mathieu von" -> "Mathieu von Rohr"."""
    return f"{match[2]} {match[1]}"


def unwrap_paragraphs(lines: list[str]) -> str:
    """Hard-wrapped lines to one paragraph a line (blank lines separate paragraphs)."""
    paragraphs, current = [], []
    for line in lines:
        line = clean_line(line)
        if line:
            current.append(line)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n".join(paragraphs)


def to_article(record: ExportRecord, path: Path) -> Article:
    """The article for one record; the export's fields are marked as file metadata."""
    meta: dict = {"source_path": str(path)}
    origins: dict[str, Origin] = {}
    values = {
        "title": record.title,
        "outlet": record.outlet,
        "authors": record.authors,
        "date": record.date,
        "section": record.section,
        "url": record.url,
        "language": record.language,
    }
    for name, value in values.items():
        if value:
            origins[name] = Origin.GUESSED if name in record.guessed else Origin.FILE
            if name != "title":
                meta[name] = value
    article = make_article(record.body, title=record.title, origins=origins, **meta)
    return finish_article(article, folder=str(path.parent))


def records_to_articles(records: list[ExportRecord], path: Path) -> list[Article]:
    """Articles for the records that have text; records without any are dropped."""
    return [to_article(r, path) for r in records if (r.title or r.body).strip()]


#: Header lines of an export that are notes, not the headline ("Correction Appended", "Editorial").
HEADER_NOTES = re.compile(r"^(?:correction appended|corrections? appended|clarification appended|berichtigung)$", re.I)
#: Lines of an export's body that are its layout, not text ("Body", "Graphic" headings).
LAYOUT_LINES = re.compile(r"^(?:body|body:|text|graphic|graphic:|graphics|grafik|classification)$", re.I)


def tidy_title(title: str, outlet: str = "", section: str = "") -> str:
    """A headline without what the export glued to it: the outlet's name, a "; Section" tail."""
    title = clean_line(title)
    for name in {outlet.strip(), re.sub(r"\s*\(.*\)$", "", outlet).strip()} - {""}:
        if title.endswith(" " + name) and len(title) > len(name) + 10:
            title = title[: -len(name)].rstrip(" ;,-")
    tail = re.search(r";\s*([^;]{1,30})$", title)
    if tail and section and tail[1].strip().casefold() in section.casefold():
        title = title[: tail.start()].rstrip()
    return title


def fill_missing_date(record: ExportRecord) -> None:
    """No date in the header: the export's load date, marked as a guess (it is when the database got it)."""
    if record.date:
        return
    from core.importers.export_dates import parse_export_date

    for label in ("load-date", "ladedatum"):
        value = parse_export_date(record.extra.get(label, ""))
        if value:
            record.date = value
            record.guessed.add("date")
            return
