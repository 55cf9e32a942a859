"""A small web server on 127.0.0.1 for crawl tests: each path answers the way a test wants, and the
access log records when every request arrived and how much of the answer got out.

    with TestSite({"/": html_page("<a href='/x'>x</a>"), "/x": status_page(500)}) as site:
        ... crawl site.url("/") ...
        site.requests("/x")     # the hits for one request target, in arrival order
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable
from urllib.parse import parse_qs, urlsplit

CHUNK = 64 * 1024


@dataclass
class Hit:
    target: str            # the request target: path and query
    arrived: float         # time.monotonic() when the request line had been read
    status: int = 0
    sent: int = 0          # body bytes written
    complete: bool = False  # the whole answer was written before the client went away


Route = Callable[["_Handler", Hit], None]


class TestSite:
    """Serve `routes` (path without query -> route) on a loopback port; a context manager."""

    __test__ = False  # not a pytest test class

    def __init__(self, routes: dict[str, Route], fallback: Route | None = None):
        self.routes = routes
        self.fallback = fallback or status_page(404)
        self.hits: list[Hit] = []
        self.release = threading.Event()  # lets hanging answers end when the site stops
        self._lock = threading.Lock()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.origin + path

    def requests(self, target: str) -> list[Hit]:
        return [hit for hit in self.hits if hit.target == target]

    def targets(self) -> list[str]:
        return [hit.target for hit in self.hits]

    def start(self) -> TestSite:
        self._server = _Server(("127.0.0.1", 0), self)
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="test-site", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> TestSite:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def record(self, target: str) -> Hit:
        hit = Hit(target=target, arrived=time.monotonic())
        with self._lock:
            self.hits.append(hit)
        return hit

    def route_for(self, target: str) -> Route:
        return self.routes.get(urlsplit(target).path, self.fallback)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, site: TestSite):
        self.site = site
        super().__init__(address, _Handler)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.0"  # one request per connection; a body may end when the connection closes

    def do_GET(self):
        hit = self.server.site.record(self.path)
        try:
            self.server.site.route_for(self.path)(self, hit)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up on this answer: the hit says how far it got

    def answer(self, hit: Hit, status: int, body: bytes, headers: dict[str, str] | None = None):
        hit.status = status
        self.send_response(status)
        for name, value in {"Content-Length": str(len(body)), **(headers or {})}.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
        hit.sent, hit.complete = len(body), True

    def log_message(self, format, *args):  # quiet: the access log is TestSite.hits
        pass


# -- routes --------------------------------------------------------------------------------
def html_page(text: str, status: int = 200) -> Route:
    return raw_page(text.encode("utf-8"), "text/html; charset=utf-8", status)


def raw_page(body: bytes, content_type: str, status: int = 200) -> Route:
    def route(handler: _Handler, hit: Hit):
        handler.answer(hit, status, body, {"Content-Type": content_type})
    return route


def status_page(status: int) -> Route:
    return html_page(f"<html><body><h1>Error {status}</h1></body></html>", status)


def redirect(location: str, status: int = 302) -> Route:
    def route(handler: _Handler, hit: Hit):
        handler.answer(hit, status, b"", {"Location": location})
    return route


def hanging_page(seconds: float) -> Route:
    """Answers only after `seconds` (or when the site stops), long after a client's timeout."""
    def route(handler: _Handler, hit: Hit):
        handler.server.site.release.wait(seconds)
        handler.answer(hit, 200, b"<html><body><p>late</p></body></html>", {"Content-Type": "text/html"})
    return route


def huge_page(size: int, announce_length: bool = True) -> Route:
    """`size` bytes of HTML, written in chunks; without a Content-Length the body ends at the close."""
    filler = (b"<p>" + b"x" * 90 + b"</p>\n") * (CHUNK // 98)

    def route(handler: _Handler, hit: Hit):
        hit.status = 200
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html; charset=utf-8")
        if announce_length:
            handler.send_header("Content-Length", str(size))
        handler.end_headers()
        while hit.sent < size:
            piece = filler[:size - hit.sent]
            handler.wfile.write(piece)
            hit.sent += len(piece)
        hit.complete = True
    return route


def query_page(render: Callable[[dict[str, list[str]]], str]) -> Route:
    """An HTML page made from the request's query parameters."""
    def route(handler: _Handler, hit: Hit):
        query = parse_qs(urlsplit(handler.path).query)
        handler.answer(hit, 200, render(query).encode("utf-8"), {"Content-Type": "text/html; charset=utf-8"})
    return route
