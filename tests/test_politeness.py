"""Per-host limits that hold in one process, measured by the server: real crawls."""

from __future__ import annotations

from crawler.demo.runner import run_crawl
from tests.polite_site import PoliteSite

STOCK_DOWNLOADER = "scrapy.core.downloader.Downloader"


def crawl_with_limit_one(site: PoliteSite, tmp_path, **settings):
    urls = ",".join(site.url(f"/a/{n}.html") for n in range(8))
    limits = {"CONCURRENT_REQUESTS_PER_DOMAIN": "1", "DOWNLOAD_DELAY": "0", **settings}
    result = run_crawl("urls", tmp_path, {"url": urls}, limits)
    assert result.returncode == 0, result.log[-3000:]
    return result


def test_one_request_at_a_time_with_no_delay(tmp_path):
    with PoliteSite(latency=0.3) as site:
        result = crawl_with_limit_one(site, tmp_path)
        assert site.max_in_flight == 1
    assert result.summary["counts"]["accepted"] == 8


def test_upstream_stock_downloader_overruns_the_limit_with_no_delay(tmp_path):
    """Scrapy 2.19's own downloader: with DOWNLOAD_DELAY=0 it starts every queued request of
    a slot in one pass (docs/upstream.md). When this fails, upstream is fixed: drop ours."""
    with PoliteSite(latency=0.3) as site:
        crawl_with_limit_one(site, tmp_path, DOWNLOADER=STOCK_DOWNLOADER)
        assert site.max_in_flight > 1


def test_a_retry_after_holds_the_whole_host(tmp_path):
    """A 429 with Retry-After: 1 on one page: no request to the host for the next second,
    not only no retry of that page."""
    with PoliteSite() as site:
        urls = [site.url("/busy.html")] + [site.url(f"/a/{n}.html") for n in range(6)]
        limits = {"CONCURRENT_REQUESTS_PER_DOMAIN": "1", "DOWNLOAD_DELAY": "0"}
        result = run_crawl("urls", tmp_path, {"url": ",".join(urls)}, limits)
        hits = [(at, path) for at, path in site.timed_hits if path != "/robots.txt"]
    assert result.returncode == 0, result.log[-3000:]
    throttled_at = next(at for at, path in hits if path == "/busy.html")
    during = [path for at, path in hits if throttled_at < at < throttled_at + 0.95]
    assert during == []
    assert result.summary["counts"]["accepted"] == 7
