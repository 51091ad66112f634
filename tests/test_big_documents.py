"""A sitemap or feed that lists a hundred thousand pages, crawled for real.

Every entry became a Request at once: a million of them held 3.3 GB, no article was fetched
for minutes, and a SIGTERM waited until the whole document had been queued. Now the
entries wait in the spider (spiders/backlog.py) and requests are made only while fewer
than BACKLOG_PENDING_MAX wait in the scheduler.
"""

from __future__ import annotations

import json
import signal
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.hostile.crawl import assert_peak_rss_bounded, crawl, run_dir_of, start_crawl

ENTRIES = 100_000
PENDING_MAX = 200


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (stdlib naming)
        self.server.hits[self.path.split("/")[1]] += 1
        if self.path == "/sitemap.xml":
            self._send(self.server.sitemap, "application/xml")
        elif self.path == "/feed.xml":
            self._send(self.server.feed, "application/rss+xml")
        else:  # a page: gone, so each listed URL is one quick reject
            self._send(b"gone", "text/plain", 404)

    def _send(self, body: bytes, ctype: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    origin = f"http://127.0.0.1:{server.server_port}"
    locs = "".join(f"<url><loc>{origin}/a/{n}</loc></url>\n" for n in range(ENTRIES))
    server.sitemap = (
        '<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{locs}</urlset>\n"
    ).encode()
    items = "".join(f"<item><title>N{n}</title><link>{origin}/f/{n}</link></item>\n"
                    for n in range(ENTRIES))  # fmt: skip
    server.feed = f'<rss version="2.0"><channel><title>B</title>\n{items}</channel></rss>'.encode()
    server.hits = Counter()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, origin
    server.shutdown()
    server.server_close()


def _wait_for_pages(server, prefix: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while server.hits[prefix] < 50:
        assert time.monotonic() < deadline, "no page of the document was fetched"
        time.sleep(0.1)


@pytest.mark.parametrize(
    ("spider", "document", "prefix"), [("sitemap", "sitemap.xml", "a"), ("feeds", "feed.xml", "f")]
)
def test_sigterm_stops_reading_a_big_document_and_counts_the_rest(
    site, tmp_path, spider, document, prefix
):
    """Pages flow before the document is queued; after SIGTERM the crawl exits within
    seconds, and the entries never requested are counted, each once."""
    server, origin = site
    server.hits.clear()
    argument = "sitemap" if spider == "sitemap" else "feed"
    settings = {"BACKLOG_PENDING_MAX": str(PENDING_MAX), "STATE_URI": ""}
    process = start_crawl(spider, tmp_path, {argument: f"{origin}/{document}"}, settings)
    _wait_for_pages(server, prefix)
    process.send_signal(signal.SIGTERM)
    signalled = time.monotonic()
    _, log = process.communicate(timeout=60)
    assert time.monotonic() - signalled < 30, log[-3000:]
    assert process.returncode == 4, log[-3000:]
    summary = json.loads((run_dir_of(tmp_path, spider) / "run.json").read_text("utf-8"))
    counts, not_requested = summary["counts"], summary["not_requested"]
    assert summary["finish_reason"] == "shutdown"
    assert counts["unaccounted"] == 0, counts
    # The document itself, and its entries: requested (and so fetched, or stopped) or not.
    assert counts["requests"] - 1 + not_requested["stopped"] == ENTRIES, summary
    # Only what was fetched and the bound were ever made into requests.
    assert counts["requests"] < server.hits[prefix] + PENDING_MAX + 200, summary
    assert_peak_rss_bounded()


def test_a_page_limit_stops_a_big_sitemap_promptly(site, tmp_path):
    """CLOSESPIDER_PAGECOUNT: no entry is read into the queue past the limit, and run.json
    balances: the entries not requested are counted as stopped."""
    server, origin = site
    server.hits.clear()
    settings = {"BACKLOG_PENDING_MAX": "50", "STATE_URI": "", "CLOSESPIDER_PAGECOUNT": "100"}
    started = time.monotonic()
    result = crawl("sitemap", tmp_path, {"sitemap": f"{origin}/sitemap.xml"}, settings)
    assert time.monotonic() - started < 90, result.log[-3000:]
    summary = result.summary
    counts = summary["counts"]
    assert summary["finish_reason"] == "closespider_pagecount", summary
    # The requests waiting in the downloader at the limit go back to the scheduler (stopped);
    # Scrapy's scraper failed them again with a KeyError, and they were fetch_error too.
    assert counts["unaccounted"] == 0, summary
    rejects = result.lines("rejects.jsonl")
    assert not [r for r in rejects if r["reason"] == "fetch_error"], rejects
    assert counts["requests"] < 100 + 50 + 100, counts
    assert counts["requests"] - 1 + summary["not_requested"]["stopped"] == ENTRIES, summary
