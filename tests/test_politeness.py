"""Per-host limits that hold in one process, measured by the server: real crawls."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.core.downloader import Downloader
from scrapy.resolver import dnscache
from scrapy.utils.test import get_crawler
from twisted.internet.address import IPv4Address

from crawler.compat.scrapy import PoliteDownloader
from crawler.demo.runner import run_crawl
from tests.discovery_sites import DiscoverySite
from tests.polite_site import PoliteSite
from tests.test_conditional_documents import one_feed

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


def test_concurrent_requests_per_ip_starts_with_scrapys_own_queue(tmp_path):
    """Scrapy's default DownloaderAwarePriorityQueue refuses CONCURRENT_REQUESTS_PER_IP (a
    deprecated setting, still honoured) at start-up; the crawl then takes the plain queue."""
    with PoliteSite() as site:
        result = crawl_with_limit_one(site, tmp_path, CONCURRENT_REQUESTS_PER_IP="1")
    assert result.summary["counts"]["accepted"] == 8
    assert "DownloaderAwarePriorityQueue" not in result.log


def test_one_host_held_back_does_not_stall_another(tmp_path):
    """With Crawl-delay 1 s on one host, the other host's pages go on meanwhile."""
    with PoliteSite(robots=b"User-agent: *\nCrawl-delay: 1\n") as slow, PoliteSite() as fast:
        fast_origin = fast.origin.replace("127.0.0.1", "localhost")  # another download slot
        urls = [slow.url(f"/a/{n}.html") for n in range(4)]
        urls += [f"{fast_origin}/a/{n}.html" for n in range(12)]
        settings = {"CONCURRENT_REQUESTS": "4", "CONCURRENT_REQUESTS_PER_DOMAIN": "1"}
        result = run_crawl("urls", tmp_path, {"url": ",".join(urls)}, settings)
        slow_hits = [at for at, path in slow.timed_hits if path.startswith("/a/")]
        fast_hits = [at for at, path in fast.timed_hits if path.startswith("/a/")]
    assert result.returncode == 0, result.log[-3000:]
    assert max(slow_hits) - min(slow_hits) >= 2.9  # 4 pages, 1 s apart
    assert max(fast_hits) < max(slow_hits) - 1  # done while the slow host still waits


def per_ip_slot_key(downloader_class) -> object:
    """The slot key a downloader gives a request with CONCURRENT_REQUESTS_PER_IP, after
    Scrapy's CachingHostnameResolver has cached the host's addresses."""
    crawler = get_crawler(settings_dict={"CONCURRENT_REQUESTS_PER_IP": 1})
    dnscache["per-ip.test"] = [IPv4Address("TCP", "192.0.2.7", 0)]
    try:
        return downloader_class(crawler).get_slot_key(Request("http://per-ip.test/a"))
    finally:
        del dnscache["per-ip.test"]


@pytest.mark.filterwarnings("ignore:The CONCURRENT_REQUESTS_PER_IP setting is deprecated")
def test_upstream_per_ip_slot_key_is_a_list_with_the_hostname_resolver():
    """Scrapy 2.19: the key is the cached list of addresses, so every request fails with
    'unhashable type: list' (docs/upstream.md). When this fails, drop our get_slot_key."""
    with pytest.raises(TypeError, match="unhashable"):
        hash(per_ip_slot_key(Downloader))


@pytest.mark.filterwarnings("ignore:The CONCURRENT_REQUESTS_PER_IP setting is deprecated")
def test_per_ip_slot_key_is_the_first_address():
    assert per_ip_slot_key(PoliteDownloader) == "192.0.2.7"


def test_a_contact_url_given_alone_is_the_one_the_user_agent_names(tmp_path):
    """Audit 25: `-s CONTACT_URL=…` had no effect; the agent named the upstream project."""
    contact = "https://ops.example/crawler-contact"
    with DiscoverySite(one_feed) as site:
        run_crawl("urls", tmp_path, {"url": site.origin + "/a/1.html"}, {"CONTACT_URL": contact})
        assert site.agents == {f"ainews-crawler/0.1 (+{contact})"}
        run_crawl("urls", tmp_path / "b", {"url": site.origin + "/a/2.html"},
                  {"CONTACT_URL": contact, "USER_AGENT": "MyBot/2"})  # fmt: skip
        assert "MyBot/2" in site.agents  # an agent given is used as given
