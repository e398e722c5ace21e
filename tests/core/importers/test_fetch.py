"""Links: fetched from a local HTTP server on 127.0.0.1 (never the internet); pasted text."""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from tests.core.importers.importer_makers import PARAGRAPHS, news_page

from benchmarks.hostile_inputs import DripServer
from core.importers import fetch as fetch_module
from core.importers.fetch import fetch, fetch_articles, links_only, parse_uri_list
from core.ingest.pasted import import_pasted, import_urls, pasted_article
from core.model.import_result import Status, UnreadableFile

PAGE = news_page("Valley rail plan approved", PARAGRAPHS, site="Valley News", url="http://127.0.0.1/rail").encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    routes: dict = {}

    def do_GET(self):  # noqa: N802 (http.server's name)
        route = self.routes.get(self.path)
        if route is None:
            self.send_error(404, "Not Found")
            return
        status, content_type, body, delay = route
        if delay:
            time.sleep(delay)
        self.send_response(status)
        if status in (301, 302):
            self.send_header("Location", body.decode())
            self.end_headers()
            return
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    _Handler.routes = {
        "/rail": (200, "text/html; charset=utf-8", PAGE, 0),
        "/moved": (302, "", b"/rail", 0),
        "/slow": (200, "text/html", PAGE, 1.0),
        "/big": (200, "text/html", b"<p>" + b"x" * (2 * 1024 * 1024) + b"</p>", 0),
        "/plain.txt": (200, "text/plain; charset=utf-8", "Plain headline\nPlain body from the server.".encode(), 0),
        "/table.csv": (200, "text/csv", b"title,text\nRow headline,Row body\n", 0),
        "/image.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, 0),
        "/empty": (200, "text/html", b"", 0),
        "/to-ftp": (302, "", b"ftp://127.0.0.1:9/article.txt", 0),
        "/to-file": (302, "", b"file:///etc/passwd", 0),
    }
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_link_is_fetched_and_extracted_like_a_saved_page(server):
    [article] = fetch_articles(f"{server}/rail")
    assert article.title == "Valley rail plan approved"
    assert article.outlet == "Valley News"
    assert PARAGRAPHS[2] in article.text
    assert article.source_path == f"{server}/rail"


def test_redirects_are_followed(server):
    assert fetch(f"{server}/moved").url == f"{server}/rail"


@pytest.mark.parametrize("route, scheme", [("/to-ftp", "ftp"), ("/to-file", "file")])
def test_only_http_and_https_redirects_are_followed(server, route, scheme):
    with pytest.raises(UnreadableFile, match=f"redirects to a {scheme}: address, which is not fetched"):
        fetch(f"{server}{route}")


@pytest.mark.parametrize("phase", ["headers", "body"])
def test_a_sender_dripping_a_byte_at_a_time_cannot_stretch_the_deadline(phase):
    server = DripServer(interval=0.2, total=60, phase=phase)  # 12 seconds to send it all
    try:
        with pytest.raises(UnreadableFile, match="did not finish sending within 1 second"):
            fetch(server.url, timeout=5, deadline=1)
    finally:
        server.close()
    assert server.sent < server.total  # the fetch gave up; the sender did not get to finish


def test_other_types_are_read_by_their_reader(server):
    assert fetch_articles(f"{server}/plain.txt")[0].title == "Plain headline"
    assert fetch_articles(f"{server}/table.csv")[0].title == "Row headline"
    with pytest.raises(UnreadableFile, match="image/png"):
        fetch_articles(f"{server}/image.png")


@pytest.mark.parametrize(
    ("path", "kwargs", "message"),
    [
        ("/missing", {}, "answered 404"),
        ("/slow", {"timeout": 0.5}, "did not answer within 0.5 seconds"),
        ("/big", {"max_bytes": 1024 * 1024}, "too large"),
        ("/empty", {}, "empty page"),
    ],
)
def test_failures_have_clear_messages(server, path, kwargs, message):
    with pytest.raises(UnreadableFile, match=message):
        fetch_articles(f"{server}{path}", **kwargs)


def test_refused_connection(server):
    with socket.socket() as probe:  # a port that was free a moment ago and is closed now
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(UnreadableFile, match="refused the connection"):
        fetch(f"http://127.0.0.1:{port}/x", timeout=2)


def test_offline_message(monkeypatch):
    def no_network(*args, **kwargs):
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    with pytest.raises(UnreadableFile, match="seems to be offline"):
        fetch("http://news.example/article", timeout=2)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "javascript:alert(1)", "not a link"])
def test_only_web_links_are_fetched(url):
    with pytest.raises(UnreadableFile, match="not a web address"):
        fetch(url)


def test_uri_lists_and_pastes():
    assert parse_uri_list("# dropped\r\nhttp://a.example/1\r\nhttps://b.example/2\r\n") == ["http://a.example/1", "https://b.example/2"]
    assert links_only("  https://a.example/1\nhttp://b.example/2  ") == ["https://a.example/1", "http://b.example/2"]
    assert links_only("Read this: https://a.example/1") == []


def test_import_urls_gives_one_result_per_link(server, store):
    results = import_urls(store, [f"{server}/rail", f"{server}/missing", f"{server}/rail"])
    assert [r.status for r in results] == [Status.IMPORTED, Status.FAILED, Status.DUPLICATE]
    assert store.article_count() == 1


def test_pasted_links_are_fetched_and_pasted_text_becomes_an_article(server, store):
    [fetched] = import_pasted(store, f"{server}/plain.txt\n")
    assert fetched.status is Status.IMPORTED
    [pasted] = import_pasted(store, "\n  Pasted headline\r\nThe body of the pasted article.\n")
    assert pasted.status is Status.IMPORTED
    assert store.article(pasted.article_ids[0]).title == "Pasted headline"
    [empty] = import_pasted(store, "  \n ")
    assert empty.status is Status.FAILED and "empty" in empty.message


def test_pasted_article_keeps_text():
    article = pasted_article("Headline\nBody text")
    assert article.text == "Headline\nBody text" and article.source_path == "(pasted text)"


def test_fetching_only_happens_when_asked(monkeypatch, tmp_path):
    """Importing files never opens a connection (a saved page's links are not followed)."""
    from core.importers import read_file

    def forbidden(*args, **kwargs):
        raise AssertionError("network used during a file import")

    monkeypatch.setattr(socket, "create_connection", forbidden)
    monkeypatch.setattr(fetch_module.urllib.request, "urlopen", forbidden)
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.replace(b"</article>", b'<img src="http://127.0.0.1:9/x.png"></article>'))
    assert read_file(path)[0].title == "Valley rail plan approved"
