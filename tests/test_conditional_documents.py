"""A feed or sitemap that answers 304 hides its entries from the run: so its validators are
saved only when every page it listed was fetched in a run that finished. Real crawls of a
loopback site that honours If-None-Match, run after run into one OUTPUT_DIR."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from crawler.demo.runner import run_crawl
from tests.bulk_site import article

ETAG = '"feed-v1"'


class _Handler(BaseHTTPRequestHandler):
    server: _Site

    def do_GET(self) -> None:  # noqa: N802 (stdlib naming)
        site = self.server
        with site.lock:
            site.paths.append(self.path)
        if self.path == "/feed.xml":
            if self.headers.get("If-None-Match") == ETAG:
                return self._send(304, b"", {"ETag": ETAG})
            return self._send(200, site.feed(), {"ETag": ETAG}, "application/rss+xml")
        number = self.path.removeprefix("/a/").removesuffix(".html")
        if not number.isdigit():  # robots.txt
            return self._send(404, b"not found")
        if number in site.failing:
            return self._send(500, b"busy")
        return self._send(200, article(int(number))[1].encode())

    def _send(self, status, body, headers=None, ctype="text/html; charset=utf-8") -> None:
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


class _Site(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.origin = f"http://127.0.0.1:{self.server_address[1]}"
        self.lock = threading.Lock()
        self.paths: list[str] = []
        self.failing: set[str] = set()

    def feed(self) -> bytes:
        items = "".join(
            f"<item><title>{article(n)[0]}</title><link>{self.origin}/a/{n}.html</link></item>"
            for n in (1, 2, 3)
        )
        return f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()

    def __enter__(self):
        threading.Thread(target=self.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()


def crawl(site: _Site, out, **args):
    result = run_crawl("feeds", out, {"feed": site.origin + "/feed.xml", **args},
                       {"RETRY_TIMES": "0"})  # fmt: skip
    assert result.returncode == 0, result.log[-3000:]
    return result


def test_a_page_that_failed_is_fetched_again_next_run_through_its_feed(tmp_path):
    """The feed's validators were saved as it arrived: the next run got a 304, and the page
    that had failed with a 500 ("retried next run") was never asked for again."""
    with _Site() as site:
        site.failing.add("2")
        first = crawl(site, tmp_path)
        assert first.summary["rejected_by_reason"] == {"http_500": 1}
        site.failing.clear()
        second = crawl(site, tmp_path)
        assert [line["url"] for line in second.lines("articles.jsonl")] == [
            site.origin + "/a/2.html"
        ]
        third = crawl(site, tmp_path)  # every page settled: now the 304 is safe
        assert third.summary["skipped_by_reason"] == {"not_modified": 1}
        assert third.summary["counts"]["requests"] == 1


def test_refresh_asks_for_the_feed_unconditionally(tmp_path):
    with _Site() as site:
        crawl(site, tmp_path)
        again = crawl(site, tmp_path, refresh="1")
        assert "not_modified" not in again.summary["skipped_by_reason"]
        assert site.paths.count("/a/1.html") == 2  # fetched again, as refresh=1 promises


def test_a_run_stopped_early_leaves_its_feed_to_be_read_again(tmp_path):
    """A run that ended before its queue did (here CLOSESPIDER_PAGECOUNT; SIGTERM and kill -9
    alike): the pages it never fetched were hidden behind the next run's 304."""
    with _Site() as site:
        stopped = run_crawl("feeds", tmp_path, {"feed": site.origin + "/feed.xml"},
                            {"CLOSESPIDER_PAGECOUNT": "2", "CONCURRENT_REQUESTS": "1"})  # fmt: skip
        assert stopped.summary["finish_reason"] == "closespider_pagecount"
        fetched = {p for p in site.paths if p.startswith("/a/")}
        assert len(fetched) < 3
        crawl(site, tmp_path)
        assert {p for p in site.paths if p.startswith("/a/")} == {f"/a/{n}.html" for n in (1, 2, 3)}
