"""A saved web page (or a fetched one) as one article, with its metadata.

trafilatura extracts the main text without navigation, related links or
comments; htmldate (through trafilatura, and as a fallback here) finds the
date. The page is parsed by lxml as data: its scripts are never run, and
<script>/<style> content never reaches the text.
"""

from __future__ import annotations

import codecs
import copy
import email
import email.policy
import re
from pathlib import Path
from urllib.parse import urlparse

from core.importers.decode import decode_text
from core.importers import web_meta
from core.importers.header_lines import header_line
from core.model.article import Article, Origin, make_article
from core.model.import_result import UnreadableFile
from core.text.article_text import finish_article
from core.text.boilerplate import is_boilerplate_line

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]{2,40})""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_.:\-]{2,40})""", re.I)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)
_HTML_HINT = re.compile(r"<\s*(html|head|body|p|div|article|title|h1)\b", re.I)
#: Elements whose class marks page furniture (cookie banners, sign-up promos,
#: publisher badges); pruned unless they hold the headline or the article.
_FURNITURE = (
    "//*[(contains(@class,'cookie') or contains(@class,'newsletter') or contains(@class,'signup')"
    " or contains(@class,'trust-badge') or contains(@class,'TrustBadge') or contains(@class,'consent'))"
    " and not(self::body) and not(self::html) and not(.//h1) and not(.//article)]"
)
#: Fewer words than this is a page without an article (a menu, an error page).
MIN_ARTICLE_WORDS = 3
#: Pages larger than this are not handed to the extractor (they are not articles).
MAX_HTML_CHARS = 30_000_000


def decode_html(data: bytes) -> str:
    """HTML bytes to text: BOM, then the page's declared charset, then detection."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    head = data[:4096]
    declared = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if declared:
        try:
            text = data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            if "\x00" not in text[:4096]:
                return text
    return decode_text(data)


def read_web_page(path: Path, data: bytes, *, url: str = "") -> list[Article]:
    """The one article of a saved web page; :class:`UnreadableFile` if none."""
    return [page_article(decode_html(data), source_path=str(path), url=url, folder=str(path.parent))]


def read_mhtml(path: Path, data: bytes) -> tuple[str, str]:
    """The HTML and address of a page saved as a single MHTML file."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except Exception as exc:  # the email parser raises many kinds on garbage
        raise UnreadableFile(f"this is not a readable MHTML file ({exc.__class__.__name__})") from exc
    url = str(message.get("Snapshot-Content-Location", "") or "")
    for part in message.walk():
        if part.get_content_type() in ("text/html", "application/xhtml+xml"):
            try:
                raw = part.get_payload(decode=True)
                payload = raw if isinstance(raw, bytes) else b""  # decoded, a leaf part is bytes or None
                charset = part.get_content_charset()
                html = payload.decode(charset) if charset else decode_html(payload)
            except (LookupError, UnicodeDecodeError):
                html = decode_html(payload)
            return html, url or str(part.get("Content-Location", "") or "")
    raise UnreadableFile("this MHTML file holds no web page")


def page_article(html: str, *, source_path: str = "", url: str = "", folder: str = "") -> Article:
    """Extract the main article of one HTML page; :class:`UnreadableFile` if none."""
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    if len(html) > MAX_HTML_CHARS:
        raise UnreadableFile("this web page is too large to be an article")
    if not _HTML_HINT.search(html[:100_000]):
        raise UnreadableFile("this file does not look like a web page")
    url = url or _saved_from(html)
    tree = load_html(html)
    if tree is None:
        raise UnreadableFile("this web page could not be parsed")
    doc = _extract(bare_extraction, tree, url)
    if doc is None or len((doc.text or "").split()) < MIN_ARTICLE_WORDS:
        raise UnreadableFile("no article text was found on this web page")
    return finish_article(_article(doc, tree, url, source_path), folder=folder)


def _extract(bare_extraction, tree, url: str):
    """Main text with page furniture pruned, unless pruning ate the article."""
    options = dict(url=url or None, with_metadata=True, include_comments=False, include_tables=True)
    full = bare_extraction(copy.deepcopy(tree), **options)
    pruned = bare_extraction(copy.deepcopy(tree), prune_xpath=_FURNITURE, **options)
    if pruned is not None and full is not None and len(pruned.text or "") >= 0.5 * len(full.text or ""):
        return pruned
    return full


def _article(doc, tree, url: str, source_path: str) -> Article:
    hostname = doc.hostname or urlparse(doc.url or url).hostname or ""
    title = web_meta.headline(tree, doc.title or "", web_meta.publisher_names(tree, doc.sitename or "", hostname))
    body = _body(doc.text or "", title, tree)
    meta: dict = {"source_path": source_path}
    origins: dict[str, Origin] = {"title": Origin.EXTRACTED}
    for name, value in (
        ("outlet", doc.sitename or hostname.removeprefix("www.")),
        ("authors", tuple(_authors(doc, tree, hostname))),
        ("date", _date(tree, doc, body, doc.url or url)),
        ("url", doc.url or url),
        ("language", web_meta.page_language(tree) or (doc.language or "")),
    ):
        if value:
            meta[name] = value
            origins[name] = Origin.EXTRACTED
    return make_article(body, title=title, origins=origins, **meta)


def _authors(doc, tree, hostname: str) -> list[str]:
    found = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    publishers = web_meta.publisher_names(tree, doc.sitename or "", hostname)
    kept = web_meta.real_authors(found, publishers)
    if found and not kept:  # the extractor took the publisher for the author
        kept = web_meta.real_authors(web_meta.byline_authors(tree), publishers)
    return kept


def _date(tree, doc, body: str, url: str) -> str | None:
    """The publication date: the page's metadata, else what htmldate finds in markup and headers, else
    a date line at the top of the article.

    htmldate's extensive search (and the extractor, which uses it) also reads
    dates out of image paths and photo captions ("/2019/05/03/scaffolding.jpg");
    its answer counts only when the page's address carries the same date.
    """
    found = web_meta.published(tree) or _htmldate(tree, extensive=False)
    if found:
        return found
    for line in body.split("\n")[:4]:
        reading = header_line(line)
        if reading is not None and reading.date:
            return reading.date
    wide = _htmldate(tree, extensive=True) or doc.date
    if wide and url and re.search(r"(?<!\d)" + r"[/_-]?".join(wide[:10].split("-")) + r"(?!\d)", url):
        return wide
    return None


def _htmldate(tree, *, extensive: bool) -> str | None:
    from htmldate import find_date

    try:
        return find_date(copy.deepcopy(tree), original_date=True, extensive_search=extensive)
    except Exception:  # htmldate is a best effort
        return None


def _body(text: str, title: str, tree) -> str:
    """Main text without repeats of the headline or promotions around it, with the standfirst if it was dropped."""
    lines = text.replace("\r", "").split("\n")
    key = title.casefold()
    while lines and key and len(lines[0]) < len(title) + 60 and key in lines[0].casefold():
        lines.pop(0)
    while lines and (not lines[0].strip() or is_boilerplate_line(lines[0])):  # "Sign Up for e-mail newsletters…"
        lines.pop(0)
    while lines and (not lines[-1].strip() or is_boilerplate_line(lines[-1])):
        lines.pop()
    body = "\n".join(line for i, line in enumerate(lines) if i >= 3 or line.strip().casefold() != key).strip()
    standfirst = web_meta.standfirst(tree, title)
    if standfirst and standfirst[:60] not in body:
        body = f"{standfirst}\n{body}"
    return body


def _saved_from(html: str) -> str:
    match = _SAVED_FROM.search(html[:2000])
    return match.group(1) if match else ""
