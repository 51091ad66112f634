"""The hostile web: one stdlib HTTP server on a free 127.0.0.1 port, a route per bad behaviour.

Every request path is recorded, so a test can prove a URL was never requested. Routes are
functions of the request handler: they write status, headers and body themselves, which
lets them lie (wrong Content-Length), stall (a byte a second) or hang up mid-body.
"""

from __future__ import annotations

import contextlib
import gzip
import random
import socket
import struct
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import brotli

from tests.hostile import documents, pages

Route = Callable[["HostileHandler"], None]
HTML = "text/html"
# Links on the site spider's trap index. The 100,000-link page is a `urls` case; under `site`
# it holds the reactor ~13 s (LinkExtractor 10 s, scope checks 4 s), so the trap uses fewer.
TRAP_LINKS = 20_000


class HostileHandler(BaseHTTPRequestHandler):
    server: _HostileServer
    protocol_version = "HTTP/1.1"  # keep-alive, so a lying Content-Length matters

    def do_GET(self) -> None:  # noqa: N802 (stdlib naming)
        path = urlsplit(self.path).path.split(";")[0]  # /story;jsessionid=X is /story
        self.server.hit(self.path)  # with the query: calendar pages differ only there
        route = self.server.routes.get(path) or self.server.prefix_route(path)
        try:
            (route or _not_found)(self)
        except (ConnectionError, TimeoutError):
            self.close_connection = True  # the crawler hung up (cancelled, timed out): fine

    def log_message(self, format: str, *args: Any) -> None:
        pass

    # --- helpers for routes ---------------------------------------------------------------
    def send(
        self, status: int, body: bytes = b"", ctype: str | None = HTML, **headers: str
    ) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def head(self, status: int, ctype: str | None = HTML, **headers: str) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()

    def reset(self) -> None:
        """Hang up with a TCP RST (SO_LINGER 0), not a clean FIN."""
        self.wfile.flush()
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def other_origin(self) -> str:
        """The same server under another host name: a cross-host redirect target."""
        return f"http://localhost:{self.server.server_address[1]}"


def _not_found(handler: HostileHandler) -> None:
    handler.send(404, b"<html><head><title>404</title></head><body>Not found</body></html>")


class _HostileServer(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[str, Route]
    prefixes: dict[str, Route]

    def __init__(self, routes: dict[str, Route], prefixes: dict[str, Route]):
        super().__init__(("127.0.0.1", 0), HostileHandler)
        self.routes, self.prefixes = routes, prefixes
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()

    def hit(self, path: str) -> None:
        with self._lock:
            self.hits[path] += 1

    def prefix_route(self, path: str) -> Route | None:
        for prefix, route in self.prefixes.items():
            if path.startswith(prefix):
                return route
        return None

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # hostile by design: resets and hang-ups are expected


class HostileWeb:
    """Start with `with HostileWeb() as web:`; `web.url(path)` gives an absolute URL."""

    def __init__(self) -> None:
        routes, prefixes = build_routes()
        self.server = _HostileServer(routes, prefixes)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(
            target=self.server.serve_forever, args=(0.1,), name="hostile", daemon=True
        )

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    @property
    def hits(self) -> Counter[str]:
        return self.server.hits

    def __enter__(self) -> HostileWeb:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join()


# --- Routes ---------------------------------------------------------------------------------
def _static(body: bytes | Callable[[], bytes], ctype: str | None = HTML, status: int = 200):
    def route(handler: HostileHandler) -> None:
        handler.send(status, body() if callable(body) else body, ctype)

    return route


def _static_with(body: bytes, **headers: str) -> Route:
    return lambda h: h.send(200, body, HTML, **headers)


def _huge(handler: HostileHandler, size: int = 30 * 1024 * 1024, declare: bool = True) -> None:
    """30 MB of HTML, streamed; with or without a Content-Length announcing it."""
    if declare:
        handler.head(200, Content_Length=str(size))
    else:
        handler.head(200, Connection="close")
        handler.close_connection = True
    chunk = b"<p>" + b"filler " * 9000 + b"</p>\n"
    sent = 0
    while sent < size:
        part = chunk[: size - sent]
        handler.wfile.write(part)
        sent += len(part)


def _gzip_bomb(handler: HostileHandler) -> None:
    handler.send(200, pages.gzip_bomb(), HTML, Content_Encoding="gzip")


def _retry_after_then_ok(handler: HostileHandler) -> None:
    if handler.server.hits[handler.path] == 1:
        handler.send(429, b"slow down", "text/plain", Retry_After="1")
    else:
        handler.send(200, pages.article("Patience pays after a 429"))


def _retry_after_bad_date_then_ok(handler: HostileHandler) -> None:
    """A Retry-After date with a zone offset of 99 hours: read as no date, a plain retry."""
    if handler.server.hits[handler.path] == 1:
        handler.send(429, b"slow down", "text/plain", Retry_After="Mon, 23 Nov 2026 10:00:00 +9900")
    else:
        handler.send(200, pages.article("A retry after a date from nowhere"))


def _redirect(target: Callable[[HostileHandler], str], status: int = 302) -> Route:
    def route(handler: HostileHandler) -> None:
        handler.send(status, b"", None, Location=target(handler))

    return route


def _slow_drip(handler: HostileHandler) -> None:
    body = pages.article("A byte a second")
    handler.head(200, Content_Length=str(len(body)))
    for byte in body:
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()
        time.sleep(1)


def _reset_mid_body(handler: HostileHandler) -> None:
    body = pages.article("Reset mid-body")
    handler.head(200, Content_Length=str(len(body)))
    handler.wfile.write(body[: len(body) // 2])
    handler.reset()


def _length_too_long(handler: HostileHandler) -> None:
    body = pages.article("Promised more than it sent")
    handler.head(200, Content_Length=str(len(body) + 5000))
    handler.wfile.write(body)
    handler.wfile.flush()
    handler.close_connection = True


def _length_too_short(handler: HostileHandler) -> None:
    body = pages.article("Sent more than it promised")
    handler.head(200, Content_Length=str(len(body) * 3 // 4))
    handler.wfile.write(body)
    handler.close_connection = True


COMPRESSIONS = {
    "gzip": gzip.compress,
    "deflate": zlib.compress,
    "br": brotli.compress,
}


def _compressed(encoding: str, cut: bool) -> Route:
    """An article compressed whole, or cut after two thirds of its compressed bytes with a
    Content-Length that matches what is sent: only the stream itself shows the loss."""

    def route(handler: HostileHandler) -> None:
        body = COMPRESSIONS[encoding](pages.article(f"Compressed with {encoding}") * 2)
        handler.send(200, body[: len(body) * 2 // 3] if cut else body, HTML,
                     Content_Encoding=encoding)  # fmt: skip

    return route


def _endless_redirects(handler: HostileHandler) -> None:
    """/protocol/redirect-chain/N redirects to N+1: a new URL every time, never a loop."""
    n = int(handler.path.rsplit("/", 1)[-1] or 0)
    handler.send(302, b"", None, Location=f"/protocol/redirect-chain/{n + 1}")


def _garbage_status_line(handler: HostileHandler) -> None:
    handler.wfile.write(b"HTTP/1.1 two-hundred OK\r\nContent-Length: 5\r\n\r\nhello")
    handler.close_connection = True


def _endless_headers(handler: HostileHandler) -> None:
    """Headers forever (until the client hangs up, or 1.5 GB): Twisted kept them all, and
    a crawl grew past MAX_RSS_MB."""
    handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
    line = b"X-Filler: " + b"f" * 1000 + b"\r\n"
    with contextlib.suppress(OSError):
        for _ in range(1_500_000):
            handler.wfile.write(line)
    handler.close_connection = True


def _raw_response(head: bytes) -> Route:
    def route(handler: HostileHandler) -> None:
        body = pages.article("Headers no client should take")
        handler.wfile.write(head + b"Content-Length: %d\r\n\r\n" % len(body) + body)
        handler.close_connection = True

    return route


def _bad_chunk_size(size: bytes) -> Route:
    """A chunked body whose second chunk size is `size`: not hexadecimal, negative, or past
    what any length holds."""

    def route(handler: HostileHandler) -> None:
        first = pages.article("A body in chunks")
        handler.wfile.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
            + b"%x\r\n" % len(first)
            + first
            + b"\r\n" + size + b"\r\nmore\r\n0\r\n\r\n"
        )  # fmt: skip
        handler.close_connection = True

    return route


def _chunked_twice(handler: HostileHandler) -> None:
    """`Transfer-Encoding: chunked, chunked` (RFC 9112 forbids chunking twice), one chunking
    sent: Twisted has no decoder for the header (audit 36: its KeyError was the detail)."""
    body = pages.article("Chunked twice")
    handler.wfile.write(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked, chunked\r\n"
        b"\r\n%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    )
    handler.close_connection = True


def _calendar(handler: HostileHandler) -> None:
    """/trap/calendar/2026/11/23/?page=N links to page N+1, forever."""
    page = int((urlsplit(handler.path).query.partition("page=")[2] or "1").split("&")[0] or 1)
    link = f'<a href="/trap/calendar/2026/11/23/?page={page + 1}">next</a>'
    handler.send(200, f"<html><body><h1>Day view {page}</h1>{link}</body></html>".encode())


def _moving_calendar(handler: HostileHandler) -> None:
    """/trap/moved/N/ links to the days after it, mostly spelled without the final slash,
    which redirects (301) to the slashed page, as many CMSs do: every link costs two requests."""
    day = urlsplit(handler.path).path.removeprefix("/trap/moved/")
    if not day.endswith("/"):
        handler.send(301, b"", None, Location=f"/trap/moved/{day}/")
        return
    n = int(day.strip("/") or 0)
    links = "".join(f'<a href="/trap/moved/{n + k}">day {n + k}</a>' for k in (1, 2, 3))
    links += f'<a href="/trap/moved/{n + 1}/">next</a>'
    handler.send(200, f"<html><body><h1>Day {n}</h1>{links}</body></html>".encode())


def _links_target(handler: HostileHandler) -> None:
    handler.send(200, b"<html><body><p>An item page with no links.</p></body></html>")


def _slow_page(handler: HostileHandler) -> None:
    time.sleep(1)
    handler.send(200, pages.slow_article(int(handler.path.rsplit("/", 1)[-1] or 0)))


PAIRED_WAIT = 5.0  # seconds a paired page waits for its second request


def _paired_page(handler: HostileHandler) -> None:
    """Answered once two requests for it have come (or after PAIRED_WAIT): two crawls
    sharing a state store then fetch it at the same moment, as a feed and a sitemap
    listing the same new stories do."""
    deadline = time.monotonic() + PAIRED_WAIT
    while handler.server.hits[handler.path] < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    handler.send(200, pages.slow_article(int(handler.path.rsplit("/", 1)[-1] or 0)))


def build_routes() -> tuple[dict[str, Route], dict[str, Route]]:
    article = pages.article
    routes: dict[str, Route] = {
        "/robots.txt": _static(b"User-agent: *\nDisallow: /private/\n", "text/plain"),
        # content
        "/content/article": _static(article()),
        "/content/malformed": _static(pages.malformed),
        "/content/truncated": _static(pages.truncated),
        "/content/empty": _static(b""),
        "/content/pdf-as-html": _static(pages.PDF),
        "/content/png-as-html": _static(pages.PNG),
        "/content/huge": _huge,
        "/content/huge-undeclared": lambda h: _huge(h, declare=False),
        "/content/gzip-bomb": _gzip_bomb,
        "/content/deep-nesting": _static(pages.deep_nesting),
        "/content/tiny-elements": _static(pages.tiny_elements),
        "/content/many-links": _static(pages.many_links),
        "/content/one-line": _static(pages.one_long_line),
        "/content/extract-raises": _static(pages.crashing_metadata),
        "/content/date-overflow": _static(pages.overflowing_dates),
        "/content/jsonld-deep": _static(pages.deep_jsonld),
        "/content/control-references": _static(pages.control_references),
        "/content/long-canonical": _static(pages.long_canonical),
        "/content/headline-list": _static(pages.odd_jsonld_values('["A list"]')),
        "/content/headline-number": _static(pages.odd_jsonld_values("2024")),
        "/content/broken-own-address": _static(pages.broken_own_address),
        "/content/jsonld-long-body": _static(lambda: pages.long_article_body(58_000)),
        "/content/jsonld-huge-body": _static(lambda: pages.long_article_body(1_800_000)),
        "/content/huge-title": _static(article("T" * 1_000_000)),
        "/content/offset-only-date": _static(
            article("Dated in a zone of 99 hours").replace(b"09:00:00Z", b"09:00:00+99:00")
        ),
        # encoding
        "/encoding/cp1252-as-utf8": _static(pages.cp1252_labelled_utf8, "text/html; charset=utf-8"),
        "/encoding/french-cp1252-as-utf8": _static(
            pages.french_cp1252_labelled_utf8, "text/html; charset=utf-8"
        ),
        "/encoding/gb2312-unlabelled": _static(pages.gb2312_unlabelled, HTML),
        "/encoding/shift-jis-unlabelled": _static(pages.shift_jis_unlabelled, HTML),
        "/encoding/bom-vs-header": _static(
            pages.utf8_bom_latin1_header, "text/html; charset=iso-8859-1"
        ),
        "/encoding/utf16-bom-vs-header": _static(
            pages.utf16_bom_utf8_header, "text/html; charset=utf-8"
        ),
        "/encoding/invalid-utf8": _static(
            pages.utf8_with_invalid_bytes, "text/html; charset=utf-8"
        ),
        "/encoding/utf16le-unlabelled-no-bom": _static(pages.utf16_without_bom("le"), HTML),
        "/encoding/utf16be-no-bom": _static(
            pages.utf16_without_bom("be"), "text/html; charset=utf-16"
        ),
        "/encoding/stray-nul-bytes": _static(pages.stray_nul_bytes),
        "/encoding/utf16le-cjk-no-bom": _static(pages.utf16_cjk_without_bom, HTML),
        "/content/random-bytes": _static(pages.random_bytes),
        "/content/xhtml": _static(
            b'<?xml version="1.0" encoding="utf-8"?>' + article("An XHTML page"),
            "application/xhtml+xml",
        ),
        "/encoding/hex-label": _static(article("Labelled hex"), "text/html; charset=hex"),
        "/encoding/base64-meta": _static(
            article("Labelled base64 in the page").replace(
                b"<head>", b'<head><meta charset="base64">'
            )
        ),
        # protocol
        **{
            f"/status/{code}": _static(article(f"Status {code}"), status=code)
            for code in (404, 410, 500, 503)
        },
        "/protocol/429-retry-after": _retry_after_then_ok,
        "/protocol/429-bad-date": _retry_after_bad_date_then_ok,
        "/protocol/429-too-long": lambda h: h.send(429, b"later", "text/plain", Retry_After="3600"),
        "/protocol/redirect-loop": _redirect(lambda h: "/protocol/redirect-loop-b"),
        "/protocol/redirect-loop-b": _redirect(lambda h: "/protocol/redirect-loop"),
        "/protocol/redirect-other-host": _redirect(lambda h: h.other_origin + "/protocol/landing"),
        "/protocol/landing": _static(article("Landed on another host")),
        "/protocol/refreshed": _static(article("Landed by a meta refresh")),
        "/protocol/redirect-empty-location": _redirect(lambda h: "  "),
        "/protocol/redirect-to-itself": _redirect(lambda h: "/protocol/redirect-to-itself#top"),
        "/protocol/redirect-to-file": _redirect(lambda h: "file:///etc/passwd"),
        "/protocol/redirect-to-bad-port": _redirect(lambda h: "http://127.0.0.1:99999/a"),
        "/protocol/redirect-to-javascript": _redirect(lambda h: "javascript:alert(1)"),
        "/protocol/redirect-to-broken-ipv6": _redirect(lambda h: "http://[::1/a"),
        "/protocol/redirect-to-empty-label": _redirect(lambda h: "http://news..example.com/a"),
        "/protocol/redirect-to-dot-host": _redirect(lambda h: "http://./a"),
        "/protocol/redirect-to-dots-host": _redirect(lambda h: "http://..:81/a"),
        "/protocol/redirect-too-long": _redirect(lambda h: "/protocol/landing?" + "x" * 2100),
        "/protocol/chunked-twice": _chunked_twice,
        "/protocol/slow-drip": _slow_drip,
        "/protocol/reset": _reset_mid_body,
        "/protocol/length-too-long": _length_too_long,
        "/protocol/length-too-short": _length_too_short,
        "/protocol/garbage-status-line": _garbage_status_line,
        "/protocol/endless-headers": _endless_headers,
        **{
            f"/protocol/{name}-label-plain-body": _static_with(
                article(f"Labelled {name}, sent plain"), Content_Encoding=name
            )
            for name in ("gzip", "deflate", "br", "zstd")
        },
        **{
            f"/protocol/{name}-label-random-bytes": _static_with(
                random.Random(name).randbytes(4096), Content_Encoding=name
            )
            for name in ("gzip", "deflate", "br", "zstd")
        },
        "/protocol/refresh-self": lambda h: h.send(
            200,
            article("A page that reloads itself").replace(
                b"<head>",
                b'<head><meta http-equiv="refresh" content="90; url=/protocol/refresh-self#top">',
            ),
        ),
        **{
            f"/protocol/refresh-to-{name}": _static(
                article(f"A refresh to {name}").replace(
                    b"<head>", b'<head><meta http-equiv="refresh" content="0; url=%s">' % target
                )
            )
            for name, target in (
                ("javascript", b"javascript:alert(1)"),
                ("bad-port", b"http://127.0.0.1:99999/a"),
                ("file", b"file:///etc/passwd"),
                ("private-address", b"http://10.0.0.1/x"),  # audit 29: blocked_address there
                ("dots-host", b"http://../x"),  # audit 36: a robots.txt request that hung
            )
        },
        "/protocol/refresh-elsewhere": lambda h: h.send(
            200,
            article("Moved by refresh").replace(
                b"<head>", b'<head><meta http-equiv="refresh" content="0; url=/protocol/refreshed">'
            ),
        ),
        "/protocol/header-line-1mb": _raw_response(
            b"HTTP/1.1 200 OK\r\nX-Long: " + b"x" * 1024 * 1024 + b"\r\n"
        ),
        "/protocol/conflicting-lengths": _raw_response(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 7\r\n"
        ),
        # Status lines whose code is no three-digit number (the body is an article).
        "/protocol/status-0": _raw_response(b"HTTP/1.1 0 OK\r\nContent-Type: text/html\r\n"),
        "/protocol/status-negative": _raw_response(
            b"HTTP/1.1 -200 OK\r\nContent-Type: text/html\r\n"
        ),
        "/protocol/status-1200": _raw_response(b"HTTP/1.1 1200 OK\r\nContent-Type: text/html\r\n"),
        "/protocol/bad-chunk-size": _bad_chunk_size(b"zz"),
        "/protocol/chunk-size-negative": _bad_chunk_size(b"-10"),
        "/protocol/chunk-size-20-digits": _bad_chunk_size(b"F" * 20),
        # Half an article as a 206, to a request that asked for no range.
        "/protocol/partial-content": lambda h: h.send(
            206,
            article("Half of a page")[:1600],
            Content_Range=f"bytes 0-1599/{len(article('Half of a page'))}",
        ),
        # A Refresh header, as browsers follow it (and Scrapy does not).
        "/protocol/refresh-header": lambda h: h.send(
            200,
            article("A page that moves by header"),
            Refresh="0; url=/protocol/refreshed-by-header",
        ),
        "/protocol/refreshed-by-header": _static(article("Landed by a Refresh header")),
        **{
            f"/protocol/{name}-{state}": _compressed(name, cut)
            for name in COMPRESSIONS
            for state, cut in (("complete", False), ("truncated", True))
        },
        # SSRF: /ssrf/never/* must never be reached
        "/ssrf/article": _static(article("Reached through an allowed host")),
        "/ssrf/redirect-to-literal": _redirect(lambda h: h.origin + "/ssrf/never/redirected"),
        # traps and links (site spider)
        "/trap/links/": _static(lambda: pages.link_list(TRAP_LINKS)),
        "/trap/session/": _static(documents.session_links),
        "/trap/story": _static(article("One story behind many session ids")),
        "/trap/schemes/": _static(documents.scheme_links),
        # feeds and sitemaps
        **documents.routes(),
    }
    prefixes: dict[str, Route] = {
        "/trap/calendar/": _calendar,
        "/trap/moved/": _moving_calendar,
        "/trap/links/": _links_target,
        "/ssrf/never/": _static(article("SSRF target reached")),
        "/feeds/article/": lambda h: h.send(200, article(f"Feed story {h.path.rsplit('/')[-1]}")),
        "/slow/": _slow_page,
        "/paired/": _paired_page,
        "/protocol/redirect-chain/": _endless_redirects,
        "/sitemaps/article/": lambda h: h.send(
            200, article(f"Sitemap story {h.path.rsplit('/')[-1]}")
        ),
    }
    return routes, prefixes
