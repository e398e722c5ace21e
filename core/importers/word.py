"""Word documents (.docx): a Nexis Uni export, else one article.

A Nexis Uni export is recognised from its paragraphs and split into its
articles (:mod:`core.importers.nexis_uni`); any other document is one
article (:mod:`core.importers.document_fields`), its title the first
"Title" or "Heading 1" paragraph when there is one.

python-docx parses with ``resolve_entities=False``, so XML entity bombs are
not expanded; the zip package is checked for bombs before it is opened
(:mod:`core.importers.packages`).
"""

from __future__ import annotations

import io
from pathlib import Path

from core.importers import register
from core.importers.document_fields import DocumentProperties, document_article
from core.importers.nexis_uni import read_nexis_uni
from core.importers.packages import open_package, xml_error_message
from core.model.article import Article
from core.model.import_result import UnreadableFile

KIND = "Word document"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TITLE_STYLES = {"Title", "Heading 1", "Titel", "Überschrift 1", "Titre", "Titre 1"}


@register(".docx", ".docm")
def read_docx(path: Path, data: bytes) -> list[Article]:
    document = open_docx(data)
    paragraphs = docx_paragraphs(document)
    texts = [paragraph.text for paragraph in paragraphs]
    exported = read_nexis_uni(path, texts)
    if exported:  # a lone "End of Document" line in an ordinary document is no export
        return exported
    heading = next((p.text for p in paragraphs if p.text.strip() and _style_name(p) in _TITLE_STYLES), None)
    lines = [line for text in texts for line in text.split("\n")]
    return [document_article(path, lines, kind=KIND, heading=heading, properties=docx_properties(document))]


def open_docx(data: bytes):
    """The python-docx document; damaged files and bombs raise :class:`UnreadableFile`."""
    open_package(data, kind=KIND, required="word/document.xml")
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml import etree

    try:
        return docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as exc:
        raise UnreadableFile(xml_error_message(KIND, exc)) from exc
    except (PackageNotFoundError, KeyError, ValueError, AttributeError, TypeError, IndexError) as exc:
        raise UnreadableFile(f"this {KIND} is damaged or not a Word document ({exc.__class__.__name__}: {exc})") from exc


def docx_paragraphs(document) -> list:
    """Every paragraph in reading order, those in tables and text boxes included."""
    from docx.text.paragraph import Paragraph

    return [Paragraph(element, document) for element in document.element.body.iter(f"{_W}p")]


def _style_name(paragraph) -> str:
    try:
        return paragraph.style.name if paragraph.style is not None else ""
    except (KeyError, ValueError, AttributeError):  # a style id the styles part does not define
        return ""


def docx_properties(document) -> DocumentProperties:
    properties = document.core_properties
    created = properties.created
    return DocumentProperties(
        title=properties.title or "",
        author=properties.author or "",
        created=created.date().isoformat() if created else None,
    )
