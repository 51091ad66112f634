"""A loopback site that measures how it is treated: in-flight requests at once (the most
seen), every path asked for, in order, and when. Answers take `latency` seconds, so
requests that overlap are seen to overlap. robots.txt disallows /private/; /busy.html
answers 429 with Retry-After: 1 the first time. `robots_fault` breaks the robots.txt answer
the way a tarpit or a failing backend does (ROBOTS_FAULTS).

Articles are tests.bulk_site's generated pages, at /a/<n>.html and /private/<n>.html.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.bulk_site import article

ROBOTS = b"User-agent: *\nDisallow: /private/\n"
STALL = 8.0  # seconds a stalled answer hangs: past the tests' DOWNLOAD_TIMEOUT
# "silent": the connection is taken, nothing is sent; "stall": the status line, headers and
# ROBOTS are sent, 1000 bytes short of Content-Length, then nothing; "cut": the same, then
# the connection closes.
ROBOTS_FAULTS = ("silent", "stall", "cut")


class _Handler(BaseHTTPRequestHandler):
    server: _PoliteServer

    def do_GET(self) -> None:  # noqa: N802 (stdlib naming)
        site = self.server
        with site.lock:
            site.hits.append((time.monotonic(), self.path))
            if self.path != "/robots.txt":
                site.in_flight += 1
                site.max_in_flight = max(site.max_in_flight, site.in_flight)
        try:
            self._answer()
        finally:
            with site.lock:
                site.in_flight -= self.path != "/robots.txt"

    def _answer(self) -> None:
        headers = {}
        if self.path == "/robots.txt" and self.server.robots_fault:
            return self._broken_robots(self.server.robots_fault)
        if self.path == "/robots.txt":
            status, body = self.server.robots_status, self.server.robots
            headers = self.server.robots_headers
        elif self.path == "/busy.html" and self.path not in self.server.answered:
            status, body, headers = 429, b"slow down", {"Retry-After": "1"}
        elif self.path == "/busy.html":
            status, body = 200, article(9999)[1].encode()
        elif self.path.startswith(("/a/", "/private/")) and self.path.endswith(".html"):
            time.sleep(self.server.latency)
            number = self.path.rsplit("/", 1)[1].removesuffix(".html")
            status, body = (200, article(int(number))[1].encode()) if number.isdigit() else (
                404, b"not found")  # fmt: skip
        else:
            status, body = 404, b"not found"
        with self.server.lock:
            self.server.answered.add(self.path)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _broken_robots(self, fault: str) -> None:
        if fault == "silent":
            time.sleep(STALL)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(ROBOTS) + 1000))
        self.end_headers()
        self.wfile.write(ROBOTS)  # its rules, and 1000 bytes still to come
        self.wfile.flush()
        if fault == "stall":
            time.sleep(STALL)
        self.close_connection = True

    def log_message(self, *args) -> None:
        pass


class _PoliteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, latency: float, robots: bytes, robots_status: int, robots_headers: dict,
                 robots_fault: str | None):  # fmt: skip
        super().__init__(("127.0.0.1", 0), _Handler)
        self.latency, self.robots, self.robots_status = latency, robots, robots_status
        self.robots_headers, self.robots_fault = robots_headers, robots_fault
        self.lock = threading.Lock()
        self.hits: list[tuple[float, str]] = []
        self.answered: set[str] = set()
        self.in_flight = self.max_in_flight = 0


class PoliteSite:
    """`with PoliteSite(latency=0.3) as site`: site.origin, site.paths, site.max_in_flight."""

    def __init__(self, latency: float = 0.0, robots: bytes = ROBOTS, robots_status: int = 200,
                 robots_headers: dict | None = None, robots_fault: str | None = None):  # fmt: skip
        assert robots_fault in (None, *ROBOTS_FAULTS), robots_fault
        self.server = _PoliteServer(latency, robots, robots_status, robots_headers or {},
                                    robots_fault)  # fmt: skip
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> PoliteSite:
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.origin + path

    @property
    def paths(self) -> list[str]:
        with self.server.lock:
            return [path for _, path in self.server.hits]

    @property
    def timed_hits(self) -> list[tuple[float, str]]:
        with self.server.lock:
            return list(self.server.hits)

    @property
    def max_in_flight(self) -> int:
        return self.server.max_in_flight
