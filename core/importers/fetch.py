"""Fetch a link the user dropped or pasted, and read it like a saved file.

Only when asked, only http(s) (redirects too), with a timeout on each
network operation, an overall deadline and a size limit; every failure
becomes a message a user understands (offline, refused, not found, too
large, too slow). Pages are extracted like saved web pages.

The deadline is kept by a timer that shuts the connection's socket down
when it passes: a server that sends a byte just before each timeout
(headers or body) can no longer keep a fetch going for hours. Only the name
lookup (the system resolver's own timeouts) is outside it.
"""

from __future__ import annotations

import functools
import http.client
import os
import re
import socket
import ssl
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlparse

from core.model.article import Article
from core.model.import_result import UnreadableFile

TIMEOUT_SECONDS = 20.0
#: The whole fetch, redirects and all, ends within this many seconds.
DEADLINE_SECONDS = 60.0
MAX_FETCH_BYTES = 20 * 1024 * 1024
USER_AGENT = "Newsprism/0.1 (media analysis; fetches one page when the user asks)"
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    data: bytes
    content_type: str
    charset: str | None


def fetch(url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_FETCH_BYTES,
          deadline: float = DEADLINE_SECONDS) -> Fetched:
    """The body at ``url``; :class:`UnreadableFile` with a clear message on any failure."""
    parsed = urlparse(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise UnreadableFile(f"'{url}' is not a web address (only http and https links are fetched)")
    host = parsed.hostname
    request = urllib.request.Request(url.strip(), headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    with _Deadline(deadline) as clock:
        try:
            with _opener(clock).open(request, timeout=timeout) as response:
                data = _read_limited(response, max_bytes)
                if clock.expired:  # the shut-down connection read as a short, clean end
                    raise TimeoutError("the deadline passed")
                headers: Message = response.headers
                return Fetched(response.geturl(), data, headers.get_content_type(), headers.get_content_charset())
        except UnreadableFile:
            raise
        except Exception as exc:
            if clock.expired:
                raise UnreadableFile(f"{host} did not finish sending within {deadline:g} second"
                                     f"{'s' if deadline != 1 else ''}") from exc
            failure = _failure(host, exc, timeout)
            if failure is None:  # not a network problem: a bug, shown as one
                raise
            raise failure from exc


def _failure(host: str, exc: Exception, timeout: float) -> UnreadableFile | None:
    if isinstance(exc, urllib.error.HTTPError):
        return UnreadableFile(f"{host} answered {exc.code} ({exc.reason}) for this link")
    if isinstance(exc, urllib.error.URLError):
        return UnreadableFile(_network_message(host, exc.reason, timeout))
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return UnreadableFile(f"{host} did not answer within {timeout:g} seconds")
    if isinstance(exc, (ConnectionError, ssl.SSLError, OSError, ValueError, http.client.HTTPException)):
        return UnreadableFile(_network_message(host, exc, timeout))
    return None


class _Deadline:
    """Shuts down every connection of one fetch when its time is up (a blocked read then ends at once)."""

    def __init__(self, seconds: float):
        self.expired = False
        self._sockets: list[int] = []  # duplicated descriptors: the originals may be wrapped in TLS meanwhile
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> "_Deadline":
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()
        with self._lock:
            for fd in self._sockets:
                os.close(fd)
            self._sockets.clear()

    def watch(self, sock: socket.socket) -> socket.socket:
        with self._lock:
            self._sockets.append(os.dup(sock.fileno()))
            if self.expired:
                _shut(self._sockets[-1])
        return sock

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for fd in self._sockets:
                _shut(fd)


def _shut(fd: int) -> None:
    """Shut a socket down through a copy of its descriptor: a read blocked on it ends at once."""
    try:
        with socket.socket(fileno=os.dup(fd)) as sock:
            sock.shutdown(socket.SHUT_RDWR)
    except OSError:  # closed meanwhile
        pass


def _connection(cls, clock: _Deadline, *args, **kwargs):
    """An HTTP(S) connection whose socket the deadline watches from the moment it connects."""
    connection = cls(*args, **kwargs)
    connect = connection._create_connection
    connection._create_connection = lambda *a, **k: clock.watch(connect(*a, **k))
    return connection


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, clock: _Deadline):
        super().__init__()
        self._clock = clock

    def http_open(self, req):
        return self.do_open(functools.partial(_connection, http.client.HTTPConnection, self._clock), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, clock: _Deadline):
        super().__init__()
        self._clock = clock

    def https_open(self, req):
        return self.do_open(functools.partial(_connection, http.client.HTTPSConnection, self._clock), req,
                            context=self._context)


class _WebOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects are followed only to http and https addresses (urllib would also follow ftp)."""

    def http_error_302(self, req, fp, code, msg, headers):
        location = (headers.get("location") or headers.get("uri") or "").strip()
        scheme = urlparse(urljoin(req.full_url, location)).scheme.lower()
        if scheme not in ("http", "https"):
            fp.close()
            raise UnreadableFile(f"the link redirects to a {scheme}: address, which is not fetched "
                                 "(only http and https links are)")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _opener(clock: _Deadline) -> urllib.request.OpenerDirector:
    """Only what a web fetch needs: proxies from the environment, http, https, web-only redirects."""
    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), urllib.request.UnknownHandler(), _HTTPHandler(clock),
                    _HTTPSHandler(clock), urllib.request.HTTPDefaultErrorHandler(), _WebOnlyRedirects(),
                    urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


def _read_limited(response, max_bytes: int) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise UnreadableFile(f"the page is too large ({int(declared) // 2**20} MB; the limit is {max_bytes // 2**20} MB)")
    chunks, size = list[bytes](), 0
    while True:
        chunk = response.read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise UnreadableFile(f"the page is larger than the limit of {max_bytes // 2**20} MB")
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
