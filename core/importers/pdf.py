"""PDF documents with a text layer: one article (pypdf).

The text is taken page by page; page numbers are dropped and lines that the
layout broke mid-sentence are joined again, so sentences are whole for the
analysis. A PDF without text (a scan, or pages of images) cannot be read
without text recognition, and the message says so. pypdf caps what a
compressed stream may unpack to, so a PDF decompression bomb fails like a
damaged file.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

from core.importers import register
from core.importers.document_fields import DocumentProperties, document_article
from core.model.article import Article
from core.model.import_result import UnreadableFile

KIND = "PDF"
_PAGE_NUMBER = re.compile(r"^\s*(?:(?:Page|Seite|S\.)\s*)?\d{1,4}(?:\s*(?:of|von|/)\s*\d{1,4})?\s*$", re.I)
_ENDS_SENTENCE = re.compile(r"[.!?:;\"”’)\]]$")
_FILE_NAME_TITLE = re.compile(r"^(?:Microsoft Word - .*|.*\.(?:docx?|pdf|rtf|odt|txt|indd)|untitled|unbenannt)$", re.I)

# pypdf logs the damage it works round; the import report says what matters to the user.
logging.getLogger("pypdf").setLevel(logging.CRITICAL)


@register(".pdf")
def read_pdf(path: Path, data: bytes) -> list[Article]:
    reader = _open(data)
    pages = _page_texts(reader)
    lines = join_broken_lines([line for page in pages for line in page.split("\n") if not _PAGE_NUMBER.match(line)])
    if not any(line.strip() for line in lines):
        raise UnreadableFile(
            "this PDF has no text layer (it is probably a scan or made of images); "
            "run text recognition (OCR) on it, then import it again"
        )
    return [document_article(path, lines, kind=KIND, properties=_properties(reader))]


def _open(data: bytes):
    from pypdf import PdfReader

    if b"%PDF" not in data[:1024]:
        raise UnreadableFile("this is not a PDF file (it does not start with %PDF)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _opens_without_password(reader):
            raise UnreadableFile("this PDF is protected by a password; save an unprotected copy and import that")
        return reader
    except UnreadableFile:
        raise
    except MemoryError as exc:
        raise UnreadableFile("this PDF unpacks to more than can be read; it was refused") from exc
    except Exception as exc:  # pypdf raises many kinds on damaged input; each is a damaged file to the user
        raise UnreadableFile(f"this PDF is damaged or incomplete ({exc.__class__.__name__}: {exc})") from exc


def _opens_without_password(reader) -> bool:
    """Many PDFs are encrypted with an empty password only to restrict printing or copying."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # an unsupported cipher is as closed to us as a password
        return False


def _page_texts(reader) -> list[str]:
    try:
        return [page.extract_text() or "" for page in reader.pages]
    except MemoryError as exc:
        raise UnreadableFile("this PDF unpacks to more than can be read; it was refused") from exc
    except Exception as exc:  # as in _open: any failure inside pypdf is a damaged file
        raise UnreadableFile(f"this PDF is damaged or incomplete ({exc.__class__.__name__}: {exc})") from exc


def join_broken_lines(lines: list[str]) -> list[str]:
    """Join lines the page layout broke inside a sentence; one paragraph a line.

    A line joins the one before when that one does not end a sentence and
    either this line starts in lower case ("the\ncommittee") or the line
    before ran close to the full width of the text (so the break was the
    margin's, not the writer's). Short lines such as headings, bylines and
    dates stay lines of their own; "exam-\nple" loses its hyphen.
    """
    stripped = [line.strip() for line in lines]
    lengths = sorted(len(line) for line in stripped if line)
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    joined: list[str] = []
    previous_raw = ""
    for line in stripped:
        if not line:
            if joined and joined[-1]:
                joined.append("")
            previous_raw = ""
            continue
        previous = joined[-1] if joined else ""
        wrapped = len(previous_raw) >= 0.6 * width
        if previous and not _ENDS_SENTENCE.search(previous) and (line[0].islower() or wrapped):
            if previous.endswith("-") and line[0].islower():
                joined[-1] = previous[:-1] + line
            else:
                joined[-1] = f"{previous} {line}"
        else:
            joined.append(line)
        previous_raw = line
    return [line for line in joined if line]


def _properties(reader) -> DocumentProperties:
    try:
        info = reader.metadata
        if info is None:
            return DocumentProperties()
        title = (info.title or "").strip()
        created = info.creation_date
    except Exception:  # a damaged information dictionary is no reason to lose the text
        return DocumentProperties()
    return DocumentProperties(
        title="" if _FILE_NAME_TITLE.match(title) else title,
        author=_author(info),
        created=created.date().isoformat() if created else None,
    )


def _author(info) -> str:
    try:
        return (info.author or "").strip()
    except Exception:
        return ""
