"""robots.txt is decided before any request to a host leaves: real crawls, measured by the
server, and the upstream behaviour our gate replaces."""

from __future__ import annotations

import asyncio
import gzip
import json
import time

import pytest
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred

from crawler.demo.runner import run_crawl
from tests.polite_site import ROBOTS, ROBOTS_FAULTS, PoliteSite

STOCK = {
    "crawler.integration.robots.RobotsTxtGate": None,
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": 100,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawler.integration.retry.RetryAfterMiddleware": 550,
    "crawler.integration.ssrf.BlockPrivateAddresses": 560,
}


def first_requests(site: PoliteSite, out, refresh: str = "0", **settings):
    """Three URLs of a host never seen, the disallowed one last: all start together."""
    urls = [site.url("/a/1.html"), site.url("/a/2.html"), site.url("/private/3.html")]
    return run_crawl("urls", out, {"url": ",".join(urls), "refresh": refresh}, settings)


def test_the_first_requests_to_a_host_obey_robots_txt_in_fresh_processes(tmp_path):
    with PoliteSite() as site:
        for n in range(3):  # a fresh process and a fresh state store each time
            result = first_requests(site, tmp_path / f"run-{n}")
            assert result.returncode == 0, result.log[-3000:]
            assert result.summary["skipped_by_reason"] == {"robots": 1}
            assert result.summary["counts"]["accepted"] == 2
        assert "/private/3.html" not in site.paths
        assert site.paths.count("/robots.txt") == 3


def test_robotstxt_obey_given_as_yes_is_read_as_the_check_reads_it(tmp_path):
    """`-s ROBOTSTXT_OBEY=yes` passed the settings check, then Scrapy's getbool raised."""
    with PoliteSite() as site:
        result = first_requests(site, tmp_path, ROBOTSTXT_OBEY="yes")
        assert result.returncode == 0, result.log[-3000:]
    assert result.summary["skipped_by_reason"] == {"robots": 1}


def test_a_later_run_obeys_the_stored_robots_txt_without_fetching_it(tmp_path):
    with PoliteSite() as site:
        for _ in range(2):  # same OUTPUT_DIR, so the same state store
            result = first_requests(site, tmp_path, refresh="1")
            assert result.summary["skipped_by_reason"].get("robots") == 1
        assert site.paths.count("/robots.txt") == 1
        assert "/private/3.html" not in site.paths


def test_a_robots_txt_that_answers_503_keeps_the_crawl_off_the_host(tmp_path):
    """RFC 9309: a server error on robots.txt means "disallow all"; nothing is cached."""
    with PoliteSite(robots_status=503) as site:
        result = first_requests(site, tmp_path, RETRY_TIMES="0")
        assert set(site.paths) == {"/robots.txt"}
    # Operator audit: it exited 0 while the same run with its pages at 503 exited 2, so a
    # monitor watching exit codes missed the outage.
    assert result.returncode == 2, result.log[-3000:]
    assert result.summary["skipped_by_reason"] == {"robots": 3}
    assert result.summary["counts"]["unaccounted"] == 0
    assert result.summary["alerts"] == [
        f"robots.txt of {site.origin} unreachable (HTTP 503): RFC 9309 disallows the host, so "
        "its pages were skipped this run"
    ]


def test_an_earlier_copy_is_obeyed_while_robots_txt_is_unreachable(tmp_path):
    """RFC 9309 2.4: a copy fetched earlier is used past its expiry while the file is
    unreachable, rather than "disallow all"."""
    with PoliteSite() as site:
        first_requests(site, tmp_path, ROBOTSTXT_CACHE_TTL="1")  # stored, for 1 s
        time.sleep(1.2)
        site.server.robots_status = 503
        result = first_requests(site, tmp_path, RETRY_TIMES="0", refresh="1")
        assert site.paths.count("/robots.txt") == 2  # asked again: the copy had expired
        assert "/private/3.html" not in site.paths
    assert result.summary["skipped_by_reason"] == {"robots": 1, "unchanged": 2}  # refetched


@pytest.mark.parametrize("fault", ROBOTS_FAULTS)
def test_a_robots_txt_that_stalls_or_is_cut_keeps_the_crawl_off_the_host(tmp_path, fault):
    """RFC 9309 2.3.1.4: a network error from a server that took the connection (a tarpit,
    `Disallow:` then silence, a cut) is "disallow all", as a 5xx is. These hosts answered
    their pages at once, and every page was fetched: a timeout or a cut allowed everything."""
    with PoliteSite(robots_fault=fault) as site:
        result = first_requests(site, tmp_path, RETRY_TIMES="0", DOWNLOAD_TIMEOUT="1")
        assert result.returncode == 2, result.log[-3000:]  # nothing fetched: an outage
        assert set(site.paths) == {"/robots.txt"}
    assert result.summary["skipped_by_reason"] == {"robots": 3}
    assert result.summary["counts"]["unaccounted"] == 0
    assert f"robots.txt of {site.origin} unreachable" in result.log
    (alert,) = result.summary["alerts"]  # its pages' skips alone read as a ban
    assert alert.startswith(f"robots.txt of {site.origin} unreachable (")


def test_a_robots_txt_saved_as_utf16_is_obeyed(tmp_path):
    """A Windows editor's UTF-16 file (with its byte order mark): the parser read bytes
    with a NUL between every two, found no rule, and allowed everything."""
    with PoliteSite(robots=ROBOTS.decode().encode("utf-16")) as site:
        result = first_requests(site, tmp_path)
        assert result.returncode == 0, result.log[-3000:]
    assert "/private/3.html" not in site.paths
    assert result.summary["skipped_by_reason"] == {"robots": 1}


def test_a_robots_txt_gzipped_without_content_encoding_is_obeyed(tmp_path):
    """A file stored compressed and served as text/plain, no Content-Encoding (as pages and
    sitemaps stored so are read): the parser read gzip bytes, found no rule, and allowed
    everything."""
    with PoliteSite(robots=gzip.compress(ROBOTS)) as site:
        result = first_requests(site, tmp_path)
        assert result.returncode == 0, result.log[-3000:]
    assert "/private/3.html" not in site.paths
    assert result.summary["skipped_by_reason"] == {"robots": 1}


def test_an_earlier_copy_is_obeyed_while_robots_txt_stalls(tmp_path):
    with PoliteSite() as site:
        first_requests(site, tmp_path, ROBOTSTXT_CACHE_TTL="1")  # stored, for 1 s
        time.sleep(1.2)
        site.server.robots_fault = "silent"
        result = first_requests(site, tmp_path, RETRY_TIMES="0", DOWNLOAD_TIMEOUT="1",
                                refresh="1")  # fmt: skip
        assert "/private/3.html" not in site.paths
    assert result.summary["skipped_by_reason"] == {"robots": 1, "unchanged": 2}


def test_a_host_that_refuses_connections_files_its_pages_under_their_own_error(tmp_path):
    """No server took the robots.txt request: the pages meet the same refusal and say so,
    and a crawl with no network at all exits 2, where "disallow all" would skip them."""
    urls = "http://127.0.0.1:9/a,http://127.0.0.1:9/b"  # a closed loopback port
    result = run_crawl("urls", tmp_path, {"url": urls}, {"RETRY_TIMES": "0"})
    assert result.returncode == 2, result.log[-2000:]
    assert result.summary["rejected_by_reason"] == {"connection_refused": 2}
    assert result.summary["counts"]["unaccounted"] == 0


def test_upstream_stock_middleware_lets_first_requests_through(tmp_path):
    """Scrapy 2.19's RobotsTxtMiddleware: the disallowed URL is fetched when it is among the
    first requests to the host. When this fails, upstream is fixed (docs/upstream.md)."""
    with PoliteSite() as site:
        first_requests(site, tmp_path, DOWNLOADER_MIDDLEWARES=json.dumps(STOCK))
        assert "/private/3.html" in site.paths


def test_upstream_a_deferred_gives_its_result_to_the_first_awaiting_future_only():
    """The cause, in Twisted's terms: Scrapy's middleware awaits one Deferred per host from
    every request; `maybe_deferred_to_future` chains a callback that returns None."""

    async def three_waiters():
        shared: Deferred = Deferred()
        futures = [maybe_deferred_to_future(shared) for _ in range(3)]
        shared.callback("PARSER")
        return await asyncio.gather(*futures)

    assert asyncio.run(three_waiters()) == ["PARSER", None, None]


# A robots.txt of 12 MiB: its rules first, then comment lines. Over DOWNLOAD_MAXSIZE, the
# download was cancelled and everything was allowed; RFC 9309 asks for the first 500 KiB.
HUGE_ROBOTS = ROBOTS + b"# a comment line that pads the file to many megabytes\n" * 240_000


def test_a_robots_txt_over_the_size_limit_is_obeyed_for_its_first_part(tmp_path):
    assert len(HUGE_ROBOTS) > 12 * 1024 * 1024
    with PoliteSite(robots=HUGE_ROBOTS) as site:
        result = first_requests(site, tmp_path)
        assert result.returncode == 0, result.log[-3000:]
    assert "/private/3.html" not in site.paths
    assert result.summary["skipped_by_reason"] == {"robots": 1}


def test_a_gzipped_robots_txt_cut_short_is_obeyed_as_far_as_it_goes(tmp_path):
    """A cut compressed stream is the reject `truncated` for a page; robots.txt is read as
    far as it goes, not treated as unavailable (which allowed everything)."""
    whole = gzip.compress(ROBOTS + b"# padding\n" * 50_000)
    headers = {"Content-Encoding": "gzip"}
    with PoliteSite(robots=whole[: len(whole) // 2], robots_headers=headers) as site:
        result = first_requests(site, tmp_path)
        assert result.returncode == 0, result.log[-3000:]
    assert "/private/3.html" not in site.paths
    assert result.summary["skipped_by_reason"] == {"robots": 1}


def test_a_gzip_bomb_robots_txt_costs_its_first_512_kib(tmp_path):
    """64 MiB of spaces from 64 KiB: only the first 512 KiB are inflated, and its rules
    (at the top) are obeyed."""
    bomb = gzip.compress(ROBOTS + b" " * (64 * 1024 * 1024))
    with PoliteSite(robots=bomb, robots_headers={"Content-Encoding": "gzip"}) as site:
        result = first_requests(site, tmp_path)
        assert result.returncode == 0, result.log[-3000:]
    assert "/private/3.html" not in site.paths
    assert result.summary["counts"]["unaccounted"] == 0


def test_a_huge_gzipped_robots_txt_is_obeyed_for_its_first_part(tmp_path):
    """Served gzipped (as servers do with text), the 12 MiB file is 40 KiB on the wire: the
    first 512 KiB it inflates to are its rules, where decompression past DOWNLOAD_MAXSIZE
    failed and allowed everything."""
    with PoliteSite(robots=gzip.compress(HUGE_ROBOTS), robots_headers={"Content-Encoding": "gzip"}
                    ) as site:  # fmt: skip
        result = first_requests(site, tmp_path)
        assert result.returncode == 0, result.log[-3000:]
    assert "/private/3.html" not in site.paths
    assert result.summary["skipped_by_reason"] == {"robots": 1}
