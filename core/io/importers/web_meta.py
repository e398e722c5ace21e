"""Metadata of a saved web page that an extractor's first guess can get wrong.

trafilatura finds title, author and date well on most pages; these small,
generic refinements use the page's own structured data to correct the usual
slips: a site name given as the author, a kicker glued to the headline, the
modification date taken for the publication date.
"""

from __future__ import annotations

import json
import re
from datetime import datetime

from lxml.html import HtmlElement

_SPACE = re.compile(r"\s+")
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:]\s+|:\s+")
_BYLINE = re.compile(
    r"^(?:(?:by|von|par|por|door|di|da|av|af)\s+|(?:authors?|auteurs?|autor(?:in|en)?|autore)\s*:\s*)(.{3,150})$",
    re.I,
)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b)\s*")
_PUBLISHED_NAMES = {"article:published_time", "og:article:published_time", "datepublished", "dc.date.issued", "publishdate"}
_HEADLINE_CLASSES = re.compile(r"headline|title", re.I)


def clean(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def element_text(element: HtmlElement) -> str:
    return clean(element.text_content())


# -- headline ---------------------------------------------------------------
def headline(tree: HtmlElement, extracted_title: str) -> str:
    """The article's headline: the page's first <h1>, without a kicker.

    The <title> and og:title often carry the site name or a kicker
    ("Covid-19: …"); the <h1> is what the reader sees. A kicker is dropped
    when the rest of the headline stands alone as an element of the page.
    """
    candidate = _first_h1(tree)
    titles = [extracted_title, *_page_titles(tree)]
    if not candidate or not _related(candidate, titles):
        candidate = clean(extracted_title)
    return _without_kicker(tree, candidate)


def _first_h1(tree: HtmlElement) -> str:
    for h1 in tree.iter("h1"):
        inner = [e for e in h1.iter() if e is not h1 and _HEADLINE_CLASSES.search(f"{e.get('class', '')} {e.get('itemprop', '')}")]
        text = element_text(inner[0]) if inner else element_text(h1)
        if 3 <= len(text) <= 300:
            return text
    return ""


def _page_titles(tree: HtmlElement) -> list[str]:
    titles = [element_text(t) for t in tree.iter("title")]
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in {"og:title", "twitter:title"}:
            titles.append(clean(meta.get("content")))
    return [t for t in titles if t]


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _related(candidate: str, titles: list[str]) -> bool:
    words = _words(candidate)
    return bool(words) and any(len(words & _words(t)) >= 0.6 * len(words) for t in titles if t)


def _without_kicker(tree: HtmlElement, title: str) -> str:
    parts = _TITLE_SEPARATORS.split(title, maxsplit=1)
    if len(parts) != 2 or len(parts[1]) < 10:
        return title
    rest = parts[1].strip()
    found = tree.xpath("//body//*[normalize-space(.) = $text]", text=rest)
    return rest if found else title


def standfirst(tree: HtmlElement, title: str) -> str:
    """The lede printed right under the headline (extractors often drop it)."""
    found = tree.xpath("//body//*[normalize-space(.) = $text]", text=title) if title else []
    element = found[0] if found else None
    for _ in range(3):
        if element is None:
            return ""
        for sibling in list(element.itersiblings())[:3]:
            text = element_text(sibling)
            if 40 <= len(text) <= 1000 and text[-1] in '.!?…"”»' and not _BYLINE.match(text):
                return text
        element = element.getparent()
    return ""


# -- date ---------------------------------------------------------------------
def published(tree: HtmlElement) -> str | None:
    """The publication time the page declares (Open Graph, schema.org), as ISO.

    Keeps the time and its zone when the page gives them; ``None`` when the
    page declares none (the caller then asks htmldate).
    """
    for value in _declared_published(tree):
        stamp = iso_stamp(value)
        if stamp:
            return stamp
    return None


def _declared_published(tree: HtmlElement):
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if name in _PUBLISHED_NAMES and meta.get("content"):
            yield meta.get("content")
    for element in tree.xpath("//*[@itemprop='datePublished']"):
        value = element.get("datetime") or element.get("content")
        if value:
            yield value
    for data in json_ld(tree):
        for value in _find_key(data, "datePublished"):
            if isinstance(value, str):
                yield value


def iso_stamp(value: str) -> str | None:
    """An ISO date or date-time (with zone when known) from a declared value."""
    value = value.strip()
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if not 1900 <= moment.year <= 2100:
        return None
    if len(value) <= 10:
        return moment.date().isoformat()
    return moment.isoformat(timespec="seconds")


# -- authors ------------------------------------------------------------------
def publisher_names(tree: HtmlElement, sitename: str, hostname: str) -> set[str]:
    """Names the page uses for its publisher, to tell them from authors."""
    names = {sitename, hostname, hostname.split(".")[0] if hostname else ""}
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() in {"og:site_name", "publisher", "application-name"}:
            names.add(meta.get("content") or "")
    for data in json_ld(tree):
        for publisher in _find_key(data, "publisher"):
            if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
                names.add(publisher["name"])
    return {_key(n) for n in names if n and _key(n)}


def _key(name: str) -> str:
    return re.sub(r"^www\.|\W+", " ", name.casefold()).strip()


def real_authors(authors: list[str], publishers: set[str]) -> list[str]:
    """Authors that are not the publisher under another spelling."""
    kept = []
    for author in authors:
        key = _key(author)
        if not key or any(p and (p in key or key in p) for p in publishers):
            continue
        kept.append(author)
    return kept


def byline_authors(tree: HtmlElement) -> list[str]:
    """Names from the first byline element ("By …", "Von …", "Auteur : …")."""
    for element in tree.xpath("//body//*[self::p or self::span or self::div or self::address or self::a]"):
        if len(element) > 6:
            continue
        match = _BYLINE.match(element_text(element))
        if match:
            names = [n for n in _NAME_SPLIT.split(match.group(1).strip(" .")) if _looks_like_name(n)]
            if names:
                return names
    return []


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 5 and all(w[:1].isupper() for w in words)


# -- structured data ------------------------------------------------------------
def json_ld(tree: HtmlElement) -> list:
    """Parsed JSON-LD blocks of the page (read as data, never run)."""
    blocks = []
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            blocks.append(json.loads(script.text or ""))
        except (ValueError, RecursionError):
            continue
    return blocks


def _find_key(data, key: str, depth: int = 0):
    if depth > 8:
        return
    if isinstance(data, dict):
        for name, value in data.items():
            if name == key:
                yield value
            else:
                yield from _find_key(value, key, depth + 1)
    elif isinstance(data, list):
        for item in data[:200]:
            yield from _find_key(item, key, depth + 1)


def page_language(tree: HtmlElement) -> str:
    """The two-letter language the page declares (``<html lang>``, og:locale)."""
    lang = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or ""
    if not lang:
        for meta in tree.iter("meta"):
            if (meta.get("property") or meta.get("http-equiv") or "").lower() in {"og:locale", "content-language"}:
                lang = meta.get("content") or ""
                break
    match = re.match(r"[a-zA-Z]{2,3}\b", lang.strip())
    return match.group(0).lower() if match else ""
