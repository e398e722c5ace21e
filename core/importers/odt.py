"""OpenDocument text (.odt): one article.

``content.xml`` and ``meta.xml`` are read with lxml, entities not resolved,
no network, no huge trees: an entity bomb stays unexpanded. odfpy was the
first choice, but on a malformed part it prints the whole XML to standard
output and carries on with an empty document, and it loads every picture
into memory; the text of an ODF document is simple enough to walk directly
(headings, paragraphs, spaces, tabs and line breaks). odfpy still writes the
test documents, as an independent check of this reader.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from core.importers import register
from core.importers.document_fields import DocumentProperties, document_article
from core.importers.packages import open_package, xml_error_message
from core.model.article import Article
from core.model.import_result import UnreadableFile

KIND = "OpenDocument text"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_META = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
_DC = "http://purl.org/dc/elements/1.1/"
_P, _H = f"{{{_TEXT}}}p", f"{{{_TEXT}}}h"
_SKIP = {f"{{{_TEXT}}}note", f"{{{_TEXT}}}tracked-changes", f"{{{_OFFICE}}}annotation"}
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


@register(".odt")
def read_odt(path: Path, data: bytes) -> list[Article]:
    package = open_package(data, kind=KIND, required="content.xml")
    content = _parse(package.read("content.xml"), "content.xml")
    blocks = list(text_blocks(content))
    heading = next((text for tag, level, text in blocks if tag == _H and level in ("", "1") and text.strip()), None)
    lines = [line for _, _, text in blocks for line in text.split("\n")]
    properties = DocumentProperties()
    if "meta.xml" in package.namelist():
        properties = _properties(_parse(package.read("meta.xml"), "meta.xml"))
    return [document_article(path, lines, kind=KIND, heading=heading, properties=properties)]


def _parse(xml: bytes, part: str):
    try:
        return etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise UnreadableFile(xml_error_message(KIND, exc) + f" in '{part}'") from exc


def text_blocks(root):
    """(tag, outline level, text) of each heading and paragraph in reading order."""
    body = root.find(f"{{{_OFFICE}}}body")
    stack = [body if body is not None else root]
    while stack:
        element = stack.pop()
        if element.tag in (_P, _H):
            yield element.tag, element.get(f"{{{_TEXT}}}outline-level", ""), _inline_text(element)
            continue
        if element.tag not in _SKIP:
            stack.extend(reversed([child for child in element if isinstance(child.tag, str)]))


def _inline_text(element) -> str:
    """A paragraph's text: spans followed, <text:s/> spaces, tabs and line breaks kept."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            parts.append(child.tail or "")
            continue
        name = etree.QName(child).localname
        if child.tag in _SKIP:
            pass
        elif name == "s":
            parts.append(" " * min(int(child.get(f"{{{_TEXT}}}c", "1") or 1), 100))
        elif name == "tab":
            parts.append("\t")
        elif name == "line-break":
            parts.append("\n")
        else:
            parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _properties(meta) -> DocumentProperties:
    def first(path: str) -> str:
        found = meta.find(path, {"dc": _DC, "meta": _META, "office": _OFFICE})
        return (found.text or "").strip() if found is not None else ""

    created = first(".//meta:creation-date") or first(".//dc:date")
    return DocumentProperties(
        title=first(".//dc:title"),
        author=first(".//meta:initial-creator") or first(".//dc:creator"),
        created=created[:10] if len(created) >= 10 else None,
    )
