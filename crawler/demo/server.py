"""Serve the bundled demo sites on loopback, one ThreadingHTTPServer (and port) per site.

Every file under ``sites/<key>/`` is rendered once at start-up: ``{{origin:<key>}}``
placeholders become live origins such as ``http://127.0.0.1:41234``, so pages, feeds and
sitemaps can carry absolute, even cross-site, links although ports are only known at runtime.
``sites/<key>/routes.json`` adds special paths: ``{"/x": {"status": 500}}`` or
``{"/old": {"redirect": "/new/", "status": 301}}``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

SITES_DIR = Path(__file__).parent / "sites"
PLACEHOLDER = re.compile(r"\{\{origin:([a-z0-9_-]+)\}\}")
HTML = "text/html; charset=utf-8"
TYPES = {
    ".html": HTML,
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
}
ERROR_PAGE = "<!DOCTYPE html><html><head><title>{0} {1}</title></head><body><h1>{0} {1}</h1>"

Page = tuple[str, bytes]  # (content type, body)
LAST_MODIFIED = "Mon, 23 Nov 2026 06:00:00 GMT"


def _content_type(path: Path, text: str) -> str:
    if path.suffix == ".xml":  # feeds get their specific types, sniffed from the root element
        head = text[:500]
        if "<rss" in head:
            return "application/rss+xml; charset=utf-8"
        if "<feed" in head:
            return "application/atom+xml; charset=utf-8"
    return TYPES.get(path.suffix, "application/octet-stream")


def _load_site(root: Path, origins: dict[str, str]) -> dict[str, Page]:
    pages: dict[str, Page] = {}
    for file in sorted(p for p in root.rglob("*") if p.is_file() and p.name != "routes.json"):
        text = PLACEHOLDER.sub(lambda m: origins[m.group(1)], file.read_text("utf-8"))
        page = (_content_type(file, text), text.encode("utf-8"))
        rel = file.relative_to(root).as_posix()
        pages["/" + rel] = page
        if file.stem == "index":  # /x/index.html (or index.xml, for /feed/) also answers /x/
            pages["/" + rel[: -len(file.name)]] = page
    return pages


class _SiteServer(ThreadingHTTPServer):
    daemon_threads = True
    pages: dict[str, Page]  # URL path -> rendered page, filled in before serving starts
    routes: dict[str, dict[str, Any]]

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Crawlers hang up early (cancelled requests, HEAD probes); that is not worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    server: _SiteServer
    server_version = "DemoWeb/1.0"

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep demo and test output quiet

    def _resolve(self, path: str) -> tuple[int, dict[str, str], bytes]:
        route = self.server.routes.get(path)
        if route and "redirect" in route:
            return route.get("status", 302), {"Location": route["redirect"]}, b""
        if route:
            status = route["status"]
            body = ERROR_PAGE.format(status, self.responses.get(status, ("Error",))[0])
            return status, {"Content-Type": HTML}, body.encode()
        if path in self.server.pages:
            ctype, body = self.server.pages[path]
            # Validators like a real static server, so crawlers can make conditional requests.
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            headers = {"Content-Type": ctype, "ETag": etag, "Last-Modified": LAST_MODIFIED}
            if self.headers.get("If-None-Match") == etag:
                return 304, {"ETag": etag}, b""
            return 200, headers, body
        if path + "/" in self.server.pages:  # like real servers: /dir -> /dir/
            return 301, {"Location": path + "/"}, b""
        return 404, {"Content-Type": HTML}, ERROR_PAGE.format(404, "Not Found").encode()

    def _respond(self, send_body: bool) -> None:
        status, headers, body = self._resolve(unquote(urlsplit(self.path).path))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)


class DemoWeb:
    """All demo sites, each on its own free loopback port. Use as a context manager."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.origins: dict[str, str] = {}
        self._servers: list[_SiteServer] = []
        self._threads: list[threading.Thread] = []

    def start(self) -> DemoWeb:
        try:
            self._start()
        except BaseException:
            self.stop()  # release the ports already bound
            raise
        return self

    def _start(self) -> None:
        sites = sorted(p for p in SITES_DIR.iterdir() if p.is_dir())
        # Bind every port first: pages can only be rendered once all origins are known.
        for site in sites:
            server = _SiteServer((self.host, 0), _Handler)
            self._servers.append(server)
            self.origins[site.name] = f"http://{self.host}:{server.server_address[1]}"
        for site, server in zip(sites, self._servers, strict=True):
            server.pages = _load_site(site, self.origins)
            routes = site / "routes.json"
            server.routes = json.loads(routes.read_text("utf-8")) if routes.exists() else {}
            # A short poll interval keeps stop() (which waits for each loop to notice) fast.
            thread = threading.Thread(
                target=server.serve_forever, args=(0.1,), name=site.name, daemon=True
            )
            thread.start()
            self._threads.append(thread)

    def stop(self) -> None:
        for server, thread in zip(self._servers, self._threads, strict=False):
            if thread.is_alive():
                server.shutdown()  # blocks until that serve_forever loop has exited
        for server in self._servers:
            server.server_close()
        for thread in self._threads:
            thread.join()
        self._servers.clear()
        self._threads.clear()

    def url(self, site: str, path: str) -> str:
        return self.origins[site] + path

    def edit_page(self, site: str, path: str, old: str, new: str) -> None:
        """Change a served page in place (tests of updated articles)."""
        server = self._servers[sorted(self.origins).index(site)]
        ctype, body = server.pages[path]
        text = body.decode("utf-8")
        if old not in text:
            raise ValueError(f"{old!r} not on {site}{path}")
        for key, page in list(server.pages.items()):
            if page is server.pages[path] or page == (ctype, body):
                server.pages[key] = (ctype, text.replace(old, new).encode("utf-8"))

    def __enter__(self) -> DemoWeb:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve the demo AI-news sites on loopback.")
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args(argv)
    done = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: done.set())
    with DemoWeb(args.host) as web:
        print(json.dumps(web.origins), flush=True)
        while not done.wait(0.5):  # a timed wait lets the signal handler run promptly
            pass


if __name__ == "__main__":
    main()
