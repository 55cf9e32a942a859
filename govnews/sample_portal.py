"""The bundled sample portal, served on loopback: each sample site on its own port.

The sites are static files under data/sample_portal (see its README.md): `sites.json` lists them,
`sites/<host>/` holds each web root and `expected.json` the truth about every article page.

URL -> file: the path is percent-decoded and looked up under the site's directory; a path ending
in '/' maps to its index.html. A URL with a query maps to a file named `<path>@<query>`, the query
parameters sorted by name (`/Pages/x.aspx?ItemID=5` -> `Pages/x.aspx@ItemID=5`). When no such file
exists, the query is ignored unless the path has stored query variants, in which case it is a 404.

    python -m govnews.sample_portal [--root DIR] [--host 127.0.0.1]
"""
from __future__ import annotations

import argparse
import email.utils
import hashlib
import json
import mimetypes
import os
import signal
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, quote, unquote, urlsplit

DEFAULT_ROOT = Path(
    os.environ.get("GOVNEWS_SAMPLE_PORTAL") or Path(__file__).resolve().parent.parent / "data" / "sample_portal"
)

OTHER_TYPES = {
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".pdf": "application/pdf", ".ico": "image/x-icon", ".js": "application/javascript",
}


@dataclass(frozen=True)
class Site:
    host: str
    directory: Path
    content_types: dict = field(default_factory=dict)
    redirects: dict = field(default_factory=dict)
    server: str = "nginx"


def load_sites(root: Path) -> list[Site]:
    described = json.loads((root / "sites.json").read_text(encoding="utf-8"))["sites"]
    return [
        Site(host=s["host"], directory=(root / s["directory"]).resolve(), content_types=s.get("content_types", {}),
             redirects=s.get("redirects", {}), server=s.get("server", "nginx"))
        for s in described
    ]


# ---- URL -> file ---------------------------------------------------------------------------

def query_suffix(query: str) -> str:
    """The stored form of a query: parameters sorted by name, each name=value percent-quoted."""
    pairs = sorted(parse_qsl(query, keep_blank_values=True))
    return "&".join(f"{quote(name, safe='')}={quote(value, safe='')}" for name, value in pairs)


def safe_path(directory: Path, url_path: str) -> Path | None:
    """The file system path for a decoded URL path, or None when it would leave the web root."""
    segments = url_path.split("/")
    if any(part in ("..", ".") or "\\" in part or "\x00" in part or "@" in part for part in segments):
        return None
    candidate = directory / url_path.lstrip("/")
    if not candidate.resolve().is_relative_to(directory):
        return None
    return candidate


def has_query_variants(candidate: Path) -> bool:
    parent = candidate.parent
    return parent.is_dir() and any(p.name.startswith(candidate.name + "@") for p in parent.iterdir())


def resolve(site: Site, target: str) -> tuple[str, str | Path | None]:
    """A request target -> ("file", Path) | ("found", location) | ("moved", location) | ("missing", None).

    "found" is a redirect configured in sites.json (302); "moved" adds a directory's trailing slash (301).
    """
    parts = urlsplit(target)
    url_path = unquote(parts.path) or "/"
    if url_path in site.redirects:
        return "found", site.redirects[url_path]
    candidate = safe_path(site.directory, url_path)
    if candidate is None:
        return "missing", None
    if candidate.is_dir() and (candidate / "index.html").is_file():
        if not url_path.endswith("/"):
            return "moved", parts.path + "/" + (f"?{parts.query}" if parts.query else "")
        candidate = candidate / "index.html"
    if parts.query:
        stored = candidate.with_name(candidate.name + "@" + query_suffix(parts.query))
        if stored.is_file():
            return "file", stored
        if has_query_variants(candidate):
            return "missing", None
    return ("file", candidate) if candidate.is_file() else ("missing", None)


def content_type(site: Site, path: Path) -> str:
    name = path.name.split("@", 1)[0]
    suffix = os.path.splitext(name)[1].lower()
    return (site.content_types.get(suffix) or OTHER_TYPES.get(suffix)
            or mimetypes.guess_type(name)[0] or "application/octet-stream")


def not_modified(headers, etag: str, mtime: float) -> bool:
    """Conditional GET: If-None-Match wins over If-Modified-Since (RFC 9110)."""
    if_none_match = headers.get("If-None-Match")
    if if_none_match is not None:
        tags = {tag.strip() for tag in if_none_match.split(",")}
        return bool(tags & {"*", etag, "W/" + etag})
    if_modified_since = headers.get("If-Modified-Since")
    if not if_modified_since:
        return False
    try:
        since = email.utils.parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError):
        return False
    return since.tzinfo is not None and int(mtime) <= since.timestamp()


# ---- HTTP ----------------------------------------------------------------------------------

REDIRECTS = {"found": 302, "moved": 301}


class _SiteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, site: Site, portal: "SamplePortal"):
        self.site, self.portal = site, portal
        super().__init__(address, _Handler)


class _Handler(BaseHTTPRequestHandler):
    server: _SiteServer
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.respond(send_body=True)

    def do_HEAD(self):
        self.respond(send_body=False)

    def respond(self, send_body: bool):
        kind, target = resolve(self.server.site, self.path)
        if kind in REDIRECTS:
            self.redirect(REDIRECTS[kind], target)
        elif kind == "missing":
            self.send_error(404)
        else:
            self.send_file(target, send_body)

    def redirect(self, status: int, location: str):
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def send_file(self, path: Path, send_body: bool):
        data = path.read_bytes()
        mtime = path.stat().st_mtime
        etag = '"' + hashlib.sha1(data).hexdigest()[:20] + '"'
        modified = email.utils.formatdate(mtime, usegmt=True)
        if not_modified(self.headers, etag, mtime):
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", content_type(self.server.site, path))
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Last-Modified", modified)
        self.send_header("ETag", etag)
        self.end_headers()
        if send_body:
            self.wfile.write(data)

    def version_string(self):
        return self.server.site.server

    def log_request(self, code="-", size="-"):
        status = code.value if hasattr(code, "value") else int(code)
        self.server.portal.record(self.server.site.host, self.path, status)

    def log_message(self, format, *args):  # quiet: the access log is SamplePortal.hits
        pass


class SamplePortal:
    """Serve every sample site on its own loopback port; a context manager.

    origins: site host -> "http://127.0.0.1:PORT"
    hits:    (site host, request target, status) for every answered request, in order
    """

    def __init__(self, root: Path = DEFAULT_ROOT, host: str = "127.0.0.1"):
        self.root, self.host = Path(root), host
        self.sites = load_sites(self.root)
        self.origins: dict[str, str] = {}
        self.hits: list[tuple[str, str, int]] = []
        self._lock = threading.Lock()
        self._servers: list[_SiteServer] = []
        self._threads: list[threading.Thread] = []

    def start(self) -> "SamplePortal":
        if self._servers:
            return self
        for site in self.sites:
            server = _SiteServer((self.host, 0), site, self)
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                      name=f"sample-portal {site.host}", daemon=True)
            thread.start()
            self._servers.append(server)
            self._threads.append(thread)
            self.origins[site.host] = f"http://{self.host}:{server.server_address[1]}"
        return self

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)
        self._servers, self._threads, self.origins = [], [], {}

    def __enter__(self) -> "SamplePortal":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def record(self, host: str, path: str, status: int) -> None:
        with self._lock:
            self.hits.append((host, path, status))

    def local_url(self, url: str) -> str:
        """A sample site's public URL (https://<host>/path?query) -> the same resource on loopback."""
        parts = urlsplit(url)
        rest = parts.path + (f"?{parts.query}" if parts.query else "")
        return self.origins[parts.hostname] + rest


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m govnews.sample_portal",
                                     description="Serve the bundled sample portal on loopback until Ctrl-C.")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="the sample portal directory")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even when started with SIGINT ignored
    signal.signal(signal.SIGTERM, _interrupt)
    with SamplePortal(args.root, args.host) as portal:
        for host, origin in sorted(portal.origins.items()):
            print(f"{host:32} {origin}", flush=True)
        print("Ctrl-C stops.", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
