"""The corpus in the other formats Newsprism imports, for import throughput per format.

Plain text and saved web pages come from :mod:`benchmarks.corpus`; this
writes a sample of the same articles as Markdown, Word, PDF, RTF,
OpenDocument, CSV and JSON Lines tables, and a zip of text files. Writers
whose library is missing are skipped with a note.
"""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path
from typing import Callable

TABLE_COLUMNS = ("title", "text", "outlet", "date", "url", "author")


def _body(article: dict) -> list[str]:
    return article["text"].split("\n")[1:]


def _md(article: dict, path: Path) -> None:
    path.write_text(f"# {article['title']}\n\n" + "\n\n".join(_body(article)) + "\n", encoding="utf-8")


def _docx(article: dict, path: Path) -> None:
    from docx import Document

    document = Document()
    document.core_properties.title = article["title"]
    document.core_properties.author = ", ".join(article["authors"])
    document.add_heading(article["title"], level=1)
    for line in _body(article):
        document.add_paragraph(line)
    document.save(path)


_LATIN1 = str.maketrans({"“": '"', "”": '"', "’": "'", "‘": "'", "—": "-", "–": "-", "©": "(c)"})


def _pdf(article: dict, path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_title(article["title"].translate(_LATIN1))
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 7, article["title"].translate(_LATIN1).encode("latin-1", "replace").decode("latin-1"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=10)
    for line in _body(article):
        pdf.multi_cell(0, 5, line.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1"), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.output(str(path))


def _rtf_escape(text: str) -> str:
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) > 127:
            code = ord(ch)
            out.append(f"\\u{code if code < 32768 else code - 65536}?")
        else:
            out.append(ch)
    return "".join(out)


def _rtf(article: dict, path: Path) -> None:
    paragraphs = [f"{{\\b {_rtf_escape(article['title'])}}}\\par"] + [_rtf_escape(line) + "\\par" for line in _body(article)]
    path.write_text("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs24\n" + "\n".join(paragraphs) + "\n}\n",
                    encoding="ascii")


def _odt(article: dict, path: Path) -> None:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text=article["title"]))
    for line in _body(article):
        document.text.addElement(P(text=line))
    document.save(str(path))


PER_FILE: dict[str, Callable[[dict, Path], None]] = {
    "md": _md, "docx": _docx, "pdf": _pdf, "rtf": _rtf, "odt": _odt,
}


def _table_rows(articles: list[dict]) -> list[dict]:
    return [{"title": a["title"], "text": "\n".join(_body(a)), "outlet": a["outlet"], "date": a["date"],
             "url": "", "author": "; ".join(a["authors"])} for a in articles]


def _csv(articles: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=TABLE_COLUMNS)
        writer.writeheader()
        writer.writerows(_table_rows(articles))


def _jsonl(articles: list[dict], path: Path) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _table_rows(articles)), encoding="utf-8")


def _zip(articles: list[dict], path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for a in articles:
            archive.writestr(f"{a['outlet'].replace(' ', '_')}/{a['key']}.txt", a["text"] + "\n")


WHOLE: dict[str, Callable[[list[dict], Path], None]] = {"csv": _csv, "jsonl": _jsonl, "zip": _zip}


def write_formats(articles: list[dict], folder: Path, supported: set[str]) -> tuple[dict[str, list[Path]], dict[str, str]]:
    """Write ``articles`` in each supported extra format: ``({fmt: files}, {fmt: note})``."""
    files: dict[str, list[Path]] = {}
    notes: dict[str, str] = {}
    for fmt, writer in PER_FILE.items():
        if f".{fmt}" not in supported:
            continue
        target = folder / fmt
        target.mkdir(parents=True, exist_ok=True)
        try:
            for a in articles:
                path = target / f"{a['key']}.{fmt}"
                writer(a, path)
                files.setdefault(fmt, []).append(path)
        except ImportError as exc:
            files.pop(fmt, None)
            notes[fmt] = f"cannot write .{fmt} here ({exc.name} is not installed)"
    for fmt, writer in WHOLE.items():
        if f".{fmt}" in supported:
            (folder / fmt).mkdir(parents=True, exist_ok=True)
            path = folder / fmt / f"articles.{fmt}"
            writer(articles, path)
            files[fmt] = [path]
    return files, notes
