"""Small documents for the Word, PDF, RTF and OpenDocument reader tests, made by real writers."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

BODY = (
    "The minister said on Tuesday that she would step down after the committee published its report "
    "on the leaked documents, which had been passed to reporters last month."
)
_LOL = "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
ENTITY_BOMB_DOCTYPE = f'<!DOCTYPE lolz [<!ENTITY lol0 "lol">{_LOL}]>'


def make_docx(*, heading: str | None = None, lines: list[str] = (), title: str = "", author: str = "",
              created: dt.datetime | None = None) -> bytes:
    import docx

    document = docx.Document()
    properties = document.core_properties
    properties.title, properties.author = title, author
    properties.created = created or dt.datetime(2021, 3, 4, 10, 0)
    if heading:
        document.add_heading(heading, level=1)
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def replace_member(package: bytes, name: str, change) -> bytes:
    """The zip package with one member's bytes passed through ``change``."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info.filename, change(data) if info.filename == name else data)
    return out.getvalue()


def add_member(package: bytes, name: str, data: bytes) -> bytes:
    out = io.BytesIO(package)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as target:
        target.writestr(name, data)
    return out.getvalue()


def with_entity_bomb(xml: bytes, *, text_tag: bytes) -> bytes:
    """The XML part with a billion-laughs DOCTYPE and ``&lol9;`` inside the first ``text_tag`` element."""
    declaration_end = xml.index(b"?>") + 2 if xml.startswith(b"<?xml") else 0
    start = xml.index(text_tag, declaration_end)
    inside = xml.index(b">", start) + 1
    return xml[:declaration_end] + ENTITY_BOMB_DOCTYPE.encode() + xml[declaration_end:inside] + b"&lol9;" + xml[inside:]


def make_pdf(lines: list[str], *, title: str = "", author: str = "") -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_creation_date(dt.datetime(2021, 3, 4, tzinfo=dt.timezone.utc))
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    for line in lines:
        pdf.multi_cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def make_image_only_pdf() -> bytes:
    """A page with drawings and no text, as a scan would be."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    pdf.line(20, 100, 180, 200)
    return bytes(pdf.output())


def make_odt(*, heading: str | None = None, lines: list[str] = (), title: str = "", author: str = "") -> bytes:
    from odf import dc, meta
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P, Span

    document = OpenDocumentText()
    if title:
        document.meta.addElement(dc.Title(text=title))
    if author:
        document.meta.addElement(meta.InitialCreator(text=author))
    document.meta.addElement(meta.CreationDate(text="2021-03-04T10:00:00"))
    if heading:
        document.text.addElement(H(outlinelevel=1, text=heading))
    for line in lines:
        paragraph = P()
        first, _, rest = line.partition(" ")
        paragraph.addElement(Span(text=first))
        paragraph.addText(" " + rest if rest else "")
        document.text.addElement(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rtf_escape(text: str) -> str:
    out = []
    for char in text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}"):
        if ord(char) < 128:
            out.append(char)
        elif ord(char) < 256:
            out.append(f"\\'{ord(char):02x}")
        else:
            out.append(f"\\u{ord(char) if ord(char) < 32768 else ord(char) - 65536}?")
    return "".join(out)


def make_rtf(lines: list[str], *, title: str = "", author: str = "") -> bytes:
    info = ""
    if title or author:
        info = (
            f"{{\\info{{\\title {rtf_escape(title)}}}{{\\author {rtf_escape(author)}}}"
            "{\\creatim\\yr2021\\mo3\\dy4\\hr10\\min0}}"
        )
    body = "".join(f"{{\\pard {rtf_escape(line)}\\par}}\n" for line in lines)
    return ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}" + info + "\n" + body + "}").encode("ascii")
