"""What the user pastes or drops that is not a file: links are fetched, text becomes an article."""

from __future__ import annotations

from typing import Iterable

from core.importers.fetch import fetch_articles, links_only
from core.importers.plain_text import text_article
from core.ingest.importing import finish_import, store_articles
from core.store.store import ProjectStore
from core.model.article import Article, Origin
from core.model.import_result import ImportResult, Status, UnreadableFile
from core.tasks import NULL_STATE, TaskState
from core.text.article_text import finish_article

MAX_PASTED_CHARS = 5_000_000


def pasted_article(text: str, *, outlet: str = "") -> Article:
    """Pasted text as one article, read as a plain text file is (headline, header lines)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").strip()
    if not text:
        raise UnreadableFile("the pasted text is empty")
    if len(text) > MAX_PASTED_CHARS:
        raise UnreadableFile(f"the pasted text is too long ({len(text):,} characters)")
    meta: dict = {"outlet": outlet, "origins": {"outlet": Origin.EDITED} if outlet else {}}
    return finish_article(text_article(text, source_path="(pasted text)", **meta))


def import_urls(store: ProjectStore, urls: Iterable[str], *, state: TaskState = NULL_STATE) -> list[ImportResult]:
    """Fetch each link and store its article; one result per link."""
    urls = list(urls)
    results = []
    for index, url in enumerate(urls):
        state.progress(index / max(len(urls), 1), f"Fetching {url} ({index + 1} of {len(urls)})")
        try:
            articles = fetch_articles(url)
        except UnreadableFile as exc:
            results.append(ImportResult(url, Status.FAILED, str(exc)))
            continue
        except Exception as exc:  # an extractor bug must not stop the other links
            results.append(ImportResult(url, Status.FAILED, f"the page could not be read ({exc.__class__.__name__}: {exc})"))
            continue
        results.append(store_articles(store, url, articles))
    state.progress(1.0, f"Fetched {len(urls)} links")
    finish_import(store, results)
    return results


def import_pasted(store: ProjectStore, text: str, *, state: TaskState = NULL_STATE) -> list[ImportResult]:
    """A paste: links (one a line) are fetched; any other text is one article."""
    links = links_only(text)
    if links:
        return import_urls(store, links, state=state)
    try:
        article = pasted_article(text)
    except UnreadableFile as exc:
        return [ImportResult("(pasted text)", Status.FAILED, str(exc))]
    results = [store_articles(store, "(pasted text)", [article])]
    finish_import(store, results)
    return results
