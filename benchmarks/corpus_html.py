"""An article as a simple saved web page: metadata in the head, chrome around the text."""

from __future__ import annotations

import html
import re
import zlib

from benchmarks.vocab.outlets import Outlet

_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")[:80]


def article_url(outlet: Outlet, article: dict) -> str:
    return f"https://www.{outlet.domain}/news/{article['date'].replace('-', '/')}/{slug(article['title'])}"


def _body(lines: list[list[str]]) -> list[str]:
    out: list[str] = []
    in_list = False
    for kind, text in lines[1:]:
        esc = html.escape(text, quote=False)
        if in_list and kind != "link":
            out.append("</ul></aside>")
            in_list = False
        if kind == "byline":
            out.append(f'<p class="byline">{esc}</p>')
        elif kind == "subhead":
            out.append(f"<h2>{esc}</h2>")
        elif kind == "credit":
            out.append(f'<figure><img src="/img/{zlib.crc32(text.encode()) % 10**6}.jpg" alt=""><figcaption>{esc}</figcaption></figure>')
        elif kind == "readmore":
            out.append(f'<aside class="related"><h3>{esc}</h3><ul>')
            in_list = True
        elif kind == "link":
            out.append(f'<li><a href="/news/{slug(text)}">{esc}</a></li>')
        elif kind in ("promo", "signoff"):
            out.append(f'<p class="{kind}">{esc}</p>')
        else:
            out.append(f"<p>{esc}</p>")
    if in_list:
        out.append("</ul></aside>")
    return out


def page(article: dict, outlet: Outlet, lines: list[list[str]]) -> str:
    """The HTML of a saved page; the visible article text is exactly ``lines``."""
    title = html.escape(article["title"])
    authors = html.escape(", ".join(article["authors"]))
    url = article_url(outlet, article)
    nav = "".join(f'<li><a href="/{s}">{s.title()}</a></li>' for s in ("world", "business", "politics", "health", "sport"))
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{title} | {html.escape(outlet.name)}</title>",
        f'<meta property="og:title" content="{title}">',
        f'<meta property="og:site_name" content="{html.escape(outlet.name)}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:url" content="{url}">',
        f'<meta name="author" content="{authors}">',
        f'<meta property="article:published_time" content="{article["date"]}T{article["time"]}Z">',
        f'<link rel="canonical" href="{url}">',
        '<script>window.dataLayer = window.dataLayer || []; dataLayer.push({"page": "article"});</script>',
        "</head>",
        "<body>",
        f'<header><a class="logo" href="/">{html.escape(outlet.name)}</a><nav><ul>{nav}</ul></nav></header>',
        "<main>",
        "<article>",
        f"<h1>{html.escape(article['title'], quote=False)}</h1>",
        f'<time datetime="{article["date"]}">{article["date"]}</time>',
        *_body(lines),
        "</article>",
        '<section class="comments"><h3>Comments</h3><p>Comments are closed for this article.</p></section>',
        "</main>",
        f'<footer><p>© 2024 {html.escape(outlet.name)}. All rights reserved.</p>'
        '<ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li></ul></footer>',
        "</body>",
        "</html>",
        "",
    ])
