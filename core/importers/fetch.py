"""Fetch a link the user dropped or pasted, and read it like a saved file.

Only when asked, only http(s), with a timeout, an overall deadline and a
size limit; every failure becomes a message a user understands (offline,
refused, not found, too large). Pages are extracted like saved web pages.
"""

from __future__ import annotations

import re
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

from core.model.article import Article
from core.model.import_result import UnreadableFile

TIMEOUT_SECONDS = 20.0
MAX_FETCH_BYTES = 20 * 1024 * 1024
USER_AGENT = "Newsprism/0.1 (media analysis; fetches one page when the user asks)"
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str
    charset: str | None


def fetch(url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_FETCH_BYTES) -> Fetched:
    """The body at ``url``; :class:`UnreadableFile` with a clear message on any failure."""
    parsed = urlparse(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise UnreadableFile(f"'{url}' is not a web address (only http and https links are fetched)")
    host = parsed.hostname
    request = urllib.request.Request(url.strip(), headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = _read_limited(response, timeout, max_bytes)
            headers: Message = response.headers
            return Fetched(response.geturl(), data, headers.get_content_type(), headers.get_content_charset())
    except urllib.error.HTTPError as exc:
        raise UnreadableFile(f"{host} answered {exc.code} ({exc.reason}) for this link") from exc
    except urllib.error.URLError as exc:
        raise UnreadableFile(_network_message(host, exc.reason, timeout)) from exc
    except (TimeoutError, socket.timeout) as exc:
        raise UnreadableFile(f"{host} did not answer within {timeout:g} seconds") from exc
    except (ConnectionError, ssl.SSLError, OSError, ValueError) as exc:
        raise UnreadableFile(_network_message(host, exc, timeout)) from exc


def _read_limited(response, timeout: float, max_bytes: int) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise UnreadableFile(f"the page is too large ({int(declared) // 2**20} MB; the limit is {max_bytes // 2**20} MB)")
    deadline = time.monotonic() + 3 * timeout
    chunks, size = [], 0
    while True:
        chunk = response.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise UnreadableFile(f"the page is larger than the limit of {max_bytes // 2**20} MB")
        if time.monotonic() > deadline:
            raise UnreadableFile(f"the page took more than {3 * timeout:g} seconds to download")
        chunks.append(chunk)


def _network_message(host: str, reason, timeout: float) -> str:
    if isinstance(reason, socket.gaierror):
        return f"{host} could not be found: this computer seems to be offline, or the address is wrong"
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return f"{host} did not answer within {timeout:g} seconds"
    if isinstance(reason, ConnectionRefusedError):
        return f"{host} refused the connection"
    if isinstance(reason, ssl.SSLError):
        return f"the secure connection to {host} failed ({reason.__class__.__name__})"
    if isinstance(reason, OSError) and reason.errno in (101, 113, 51, 65):  # network/host unreachable
        return f"{host} cannot be reached: this computer seems to be offline"
    return f"{host} could not be reached ({reason})"


def fetch_articles(url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_FETCH_BYTES) -> list[Article]:
    """Fetch a link and read it: web pages extracted, files read by their type."""
    from core.importers import reader_for
    from core.importers.web_page import decode_html, page_article

    fetched = fetch(url, timeout=timeout, max_bytes=max_bytes)
    if not fetched.data.strip():
        raise UnreadableFile("the link returned an empty page")
    name = PurePosixPath(unquote(urlparse(fetched.url).path)).name or "page.html"
    if fetched.content_type in ("text/html", "application/xhtml+xml"):
        html = _decode(fetched) or decode_html(fetched.data)
        return [page_article(html, source_path=fetched.url, url=fetched.url)]
    reader = reader_for(Path(name))
    if reader is None and fetched.content_type.startswith("text/"):
        reader = reader_for(Path("page.txt"))
    if reader is None:
        raise UnreadableFile(f"the link returned {fetched.content_type}, which cannot be imported")
    return reader(Path(name), fetched.data)


def _decode(fetched: Fetched) -> str | None:
    if not fetched.charset:
        return None
    try:
        return fetched.data.decode(fetched.charset)
    except (LookupError, UnicodeDecodeError):
        return None


_URL = re.compile(r"^https?://\S+$", re.I)


def parse_uri_list(text: str) -> list[str]:
    """Links of a ``text/uri-list`` drop (comment lines start with '#')."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def links_only(text: str) -> list[str]:
    """The links if the text is nothing but http(s) links (one a line), else ``[]``."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines if lines and all(_URL.match(line) for line in lines) else []
