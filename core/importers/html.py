"""HTML files: news-database exports first, else a saved web page.

Factiva and Nexis UK exports are ``.html`` files too. Their readers add
themselves to :data:`HTML_EXPORT_READERS`; each is ``(path, data) ->
list[Article] | None`` and returns ``None`` when the file is not its format.
The first that recognises the file reads it; otherwise the page is read as
one web article. ``.mhtml`` pages are unpacked to their HTML first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from core.importers import register
from core.importers.web_page import decode_html, page_article, read_mhtml, read_web_page
from core.model.article import Article

ExportReader = Callable[[Path, bytes], "list[Article] | None"]

#: Sniffers for multi-article exports saved as HTML, tried in order.
HTML_EXPORT_READERS: list[ExportReader] = []


@register(".html", ".htm", ".xhtml", ".shtml")
def read_html(path: Path, data: bytes) -> list[Article]:
    for reader in HTML_EXPORT_READERS:
        articles = reader(path, data)
        if articles is not None:
            return articles
    return read_web_page(path, data)


@register(".mhtml", ".mht")
def read_mhtml_file(path: Path, data: bytes) -> list[Article]:
    html, url = read_mhtml(path, data)
    encoded = html.encode("utf-8")
    for reader in HTML_EXPORT_READERS:
        articles = reader(path, encoded)
        if articles is not None:
            return articles
    return [page_article(html, source_path=str(path), url=url, folder=str(path.parent))]


__all__ = ["HTML_EXPORT_READERS", "read_html", "read_mhtml_file", "decode_html"]
