"""robots.txt Crawl-delay is honoured per domain (Scrapy alone ignores it)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from crawler.demo.runner import run_crawl

BODY = "<html><head><title>Page {n}</title></head><body><p>Short page {n}.</p></body></html>"


class _Handler(BaseHTTPRequestHandler):
    hits: list[tuple[float, str]] = []
    robots_fetches = 0

    def do_GET(self):
        if self.path == "/robots.txt":
            _Handler.robots_fetches += 1
            body = b"User-agent: *\nCrawl-delay: 1.0\nDisallow: /private/\n"
        else:
            _Handler.hits.append((time.monotonic(), self.path))
            body = BODY.format(n=self.path).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def polite_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    _Handler.hits, _Handler.robots_fetches = [], 0
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_requests_to_one_domain_are_spaced_by_crawl_delay(polite_server, tmp_path):
    urls = ",".join(f"{polite_server}/page-{n}" for n in range(4))
    # The second run reads robots.txt from the state store, and spaces its requests the same.
    for run in range(2):
        _Handler.hits = []
        result = run_crawl("urls", tmp_path, args={"url": urls, "refresh": "1"})
        assert result.returncode == 0, result.log[-2000:]
        times = sorted(at for at, _ in _Handler.hits)
        assert len(times) == 4
        gaps = [later - earlier for earlier, later in zip(times, times[1:], strict=False)]
        # The server sees arrivals, not sends: a request held up on its way (the first one,
        # while the extraction workers start on a 2-core machine, came 0.1 s late) shortens
        # the gap after it. 0.2 s of the 1 s delay is left for that.
        assert min(gaps) >= 0.8, (run, gaps)
        assert result.summary["counts"]["unaccounted"] == 0
    assert _Handler.robots_fetches == 1
