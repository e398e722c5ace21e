"""Metadata of a saved web page that an extractor's first guess can get wrong.

trafilatura finds title, author and date well on most pages; these small,
generic refinements use the page's own structured data to correct the usual
slips: a site name given as the author, a kicker glued to the headline, the
modification date taken for the publication date.
"""

from __future__ import annotations

import json
import re
from collections.abc import Set
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
def headline(tree: HtmlElement, extracted_title: str, site_names: Set[str] = frozenset()) -> str:
    """The article's headline: the page's first <h1>, without a kicker.

    The <title> and og:title often carry the site name or a kicker
    ("Covid-19: …"); the <h1> is what the reader sees. A kicker is dropped
    when the rest of the headline stands alone as an element of the page.
    An <h1> that is the site's name (a logo) is not the headline; then
    og:title or the <title> without the site's name is.
    """
    candidate = _first_h1(tree, site_names)
    titles = [extracted_title, *_page_titles(tree)]
    if not candidate or not _related(candidate, titles):
        candidate = clean(extracted_title)
    if _key(candidate) in site_names or not candidate:
        candidate = next((t for t in (_without_site(t, site_names) for t in _page_titles(tree))
                          if t and _key(t) not in site_names), candidate)
    return _without_kicker(tree, candidate)


def _first_h1(tree: HtmlElement, site_names: Set[str] = frozenset()) -> str:
    for h1 in tree.iter("h1"):
        inner = [e for e in h1.iter() if e is not h1 and _HEADLINE_CLASSES.search(f"{e.get('class', '')} {e.get('itemprop', '')}")]
        text = element_text(inner[0]) if inner else element_text(h1)
        if 3 <= len(text) <= 300 and _key(text) not in site_names:
            return text
    return ""


def _without_site(title: str, site_names: Set[str]) -> str:
    """"Headline — Site" -> "Headline" when the part cut off is the site's name."""
    parts = [p.strip() for p in re.split(r"\s+[|\-–—]\s+", title)]
    kept = [p for p in parts if _key(p) not in site_names]
    return " - ".join(kept) if kept else ""


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
    """The lede printed right under the headline (extractors often drop it).

    Only visible prose counts: not a script's or an ad slot's code, not a
    sign-up line or other boilerplate, not a block of several paragraphs,
    not the headline again.
    """
    found = tree.xpath("//body//*[normalize-space(.) = $text]", text=title) if title else []
    element = found[0] if found else None
    for _ in range(3):
        if element is None:
            return ""
        for sibling in list(element.itersiblings())[:3]:
            if not isinstance(sibling.tag, str) or sibling.tag in _NOT_PROSE or len(sibling.xpath(".//p")) > 1:
                continue
            text = visible_text(sibling)
            if 40 <= len(text) <= 1000 and text[-1] in '.!?…"”»' and not _BYLINE.match(text) and _prose(text, title):
                return text
        element = element.getparent()
    return ""


#: Elements whose content is never a lede.
_NOT_PROSE = {"script", "style", "noscript", "template", "iframe", "figure", "aside", "nav", "form", "button",
              "header", "footer", "svg", "object", "embed"}
_CODE = re.compile(r"[{};]|/\*|\*/|\bwindow\.|\bfunction\s*\(|\bvar\s|=>|\w+\.\w+\(")


def visible_text(element: HtmlElement) -> str:
    """The text a reader sees in an element: scripts, styles and templates inside it left out."""
    parts: list[str] = []
    _collect(element, parts)
    return clean(" ".join(parts))


def _collect(node: HtmlElement, parts: list[str]) -> None:
    if node.text:
        parts.append(node.text)
    for child in node:
        if isinstance(child.tag, str) and child.tag not in _NOT_PROSE:
            _collect(child, parts)
        if child.tail:
            parts.append(child.tail)


def _prose(text: str, title: str) -> bool:
    """A lede, not code, a promotion or the headline again."""
    from core.text.boilerplate import is_boilerplate_line

    if _CODE.search(text) or is_boilerplate_line(text):
        return False
    return not (title and title.casefold() in text.casefold())


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


_AUTHOR_LABEL = re.compile(
    r"^(?:text|texte|testo|texto|текст|автор|author|authors|autor|autorin|von|by|par|por|fotos?|photos?|bild|"
    r"reporting|written by|story)\s*[:：]?\s+", re.I)
_SLUG = re.compile(r"^[a-z][a-z'’]+(?:[-_.][a-z][a-z'’]+){1,3}$")
_SLUG_LIKE = re.compile(r"^[A-Za-z][A-Za-z'’]+(?:[-_.][A-Za-z][A-Za-z'’]+){1,3}$")


def author_name(value: str) -> str:
    """An author as a reader would write it: "Текст: Иван Петров" -> "Иван Петров", "ana-ruiz" -> "Ana Ruiz";
    "" for what is no name (a user id, a number)."""
    value = _AUTHOR_LABEL.sub("", clean(value)).strip(" :,")
    if _SLUG.fullmatch(value):
        return " ".join(part.capitalize() for part in re.split(r"[-_.]", value))
    if not value or re.search(r"\d|@|/|_", value) or (value.islower() and " " not in value):
        return ""
    return value


def real_authors(authors: list[str], publishers: set[str]) -> list[str]:
    """Authors that are not the publisher under another spelling (labels and slugs tidied, repeats dropped).

    A slug ("ivan-petrov") beside a written name is the same person's web address: it goes.
    """
    kept = []
    named = [a for a in authors if " " in clean(a)]
    for author in (author_name(a) for a in authors if not (named and _SLUG_LIKE.fullmatch(clean(a)))):
        if author in kept:
            continue
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
