"""RTF documents: a Nexis Uni or LexisNexis export, else one article (striprtf).

Nexis Uni and LexisNexis Academic both offer RTF downloads; their text is
the same as the Word and plain-text exports, so it goes to the same parsers.
The title, author and creation date come from the ``{\\info …}`` group.
"""

from __future__ import annotations

import re
from pathlib import Path

from core.importers import register
from core.importers.document_fields import DocumentProperties, document_article
from core.importers.export_record import records_to_articles
from core.importers.lexisnexis import parse_lexisnexis_text
from core.importers.nexis_uni import read_nexis_uni
from core.model.article import Article
from core.model.import_result import UnreadableFile

KIND = "RTF document"
_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")
_INFO_FIELD = r"\{\\%s\s+((?:[^{}\\]|\\[^{}]|\\[{}])*)\}"
_CREATED = re.compile(r"\{\\creatim\\yr(\d{4})\\mo(\d{1,2})\\dy(\d{1,2})")
#: Bytes RTF, a 7-bit text format, never holds raw (outside a \bin picture): binary data after the header.
_RAW_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
#: Characters an RTF escape (\'07, \u27) can still produce that no article holds.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@register(".rtf")
def read_rtf(path: Path, data: bytes) -> list[Article]:
    if not data.lstrip()[:5].startswith(b"{\\rtf"):
        raise UnreadableFile("this is not an RTF document (it does not start with {\\rtf)")
    if b"\\bin" not in data and len(_RAW_CONTROL.findall(data[:65536])) > 8:
        raise UnreadableFile(f"this {KIND} is damaged: binary data follows its header")
    encoding = _encoding(data)
    raw = data.decode(encoding, errors="replace")
    text = rtf_text(raw, encoding)
    lines = text.split("\n")
    exported = read_nexis_uni(path, lines)
    if exported:  # a lone "End of Document" line in an ordinary document is no export
        return exported
    records = parse_lexisnexis_text(text)
    if records is not None:
        return records_to_articles(records, path)
    if not text.strip():
        raise UnreadableFile(f"no article was found in this {KIND}: it has no text")
    return [document_article(path, lines, kind=KIND, properties=_properties(raw, encoding))]


def rtf_text(raw: str, encoding: str) -> str:
    """The document's text; RTF that striprtf cannot follow is reported as damaged."""
    from striprtf.striprtf import rtf_to_text

    try:
        text = rtf_to_text(raw, encoding=encoding, errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    except (ValueError, IndexError, LookupError, OverflowError) as exc:
        raise UnreadableFile(f"this {KIND} is damaged ({exc.__class__.__name__}: {exc})") from exc
    return _CONTROL.sub("", text)


def _encoding(data: bytes) -> str:
    """The code page the document declares (``\\ansicpg1252``), cp1252 if none or unknown."""
    match = _CODEPAGE.search(data[:4096])
    if not match:
        return "cp1252"
    number = int(match[1])
    encoding = "utf-8" if number == 65001 else f"cp{number}"
    try:
        "".encode(encoding)
    except LookupError:
        return "cp1252"
    return encoding


def _properties(raw: str, encoding: str) -> DocumentProperties:
    info_start = raw.find("{\\info")
    if info_start < 0:
        return DocumentProperties()
    info = raw[info_start:info_start + 20_000]
    created = _CREATED.search(info)
    return DocumentProperties(
        title=_info_text(info, "title", encoding),
        author=_info_text(info, "author", encoding),
        created=_iso_date(created) if created else None,
    )


def _info_text(info: str, name: str, encoding: str) -> str:
    match = re.search(_INFO_FIELD % name, info)
    return rtf_text("{\\rtf1 " + match[1] + "}", encoding).strip() if match else ""


def _iso_date(match: re.Match) -> str | None:
    year, month, day = (int(x) for x in match.groups())
    if 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None
