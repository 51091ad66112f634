"""`python -m crawler discover` against loopback sites: each kind of hint, and none."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from crawler import settings
from crawler.cli.fetch import Fetcher, FetchError
from crawler.cli.site_check import Discoverer
from crawler.core.addresses import AddressPolicy
from crawler.core.sources import load_sources
from tests.discovery_sites import (
    HTML,
    RSS,
    DiscoverySite,
    bare,
    broken_links,
    declares,
    guessed,
    robots,
)
from tests.hostile.server import HostileWeb

REPO = Path(__file__).resolve().parent.parent


def discover(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "crawler", "discover", "--delay", "0", *args]
    environment = {k: v for k, v in os.environ.items() if k != "ALLOWED_PRIVATE_HOSTS"}
    return subprocess.run(
        command,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env=environment | (env or {}),
    )


def discover_at(build, *args: str, env: dict | None = None):
    """Run discover on a fresh loopback site: (origin, result, paths requested, articles)."""
    with DiscoverySite(build) as site:
        done = discover(site.origin + "/", *(args or LOOPBACK), env=env)
        return site.origin, done, site.hits, site.article_urls()


LOOPBACK = ("--allow-private-hosts", "127.0.0.1")


def catalogue_of(done: subprocess.CompletedProcess, tmp_path: Path):
    """The printed catalogue, loaded as SOURCES_FILE is: its one entry."""
    assert done.returncode == 0, done.stderr
    path = tmp_path / "found.yaml"
    path.write_text(done.stdout, "utf-8")
    (entry,) = load_sources(path)
    return entry


def test_a_feed_declared_by_the_home_page(tmp_path):
    origin, done, hits, articles = discover_at(declares)
    entry = catalogue_of(done, tmp_path)
    assert [str(u) for u in entry.feeds] == [origin + "/news/rss"]
    assert entry.sitemaps == [] and entry.title == "Acme AI" and entry.ai_only
    assert "/comments/feed/" not in hits  # the comment feed is not a candidate
    assert not {"/feed", "/rss.xml", "/atom.xml"} & set(hits)  # nothing guessed: one declared
    assert all(entry.allows(url) for url in articles)
    assert not entry.allows(origin + "/about/team")
    assert re.search(
        r"# feed \S+/news/rss \(home page\): 5 entries, newest 2026-11-20", done.stdout
    )


def test_a_sitemap_named_by_robots_txt(tmp_path):
    origin, done, hits, _ = discover_at(robots)
    entry = catalogue_of(done, tmp_path)
    assert entry.feeds == []
    assert [str(u) for u in entry.sitemaps] == [origin + "/maps/index.xml"]
    # the index's newest child is read for article URLs, not its older one
    assert "/maps/news.xml" in hits and "/maps/posts-2026-10.xml" not in hits
    assert "/sitemap.xml" not in hits  # robots.txt named one: nothing guessed
    assert entry.allows(origin + "/blog/post-2/")
    assert "index of 2 sitemaps" in done.stdout


def test_only_common_paths(tmp_path):
    origin, done, hits, articles = discover_at(guessed)
    entry = catalogue_of(done, tmp_path)
    assert [str(u) for u in entry.feeds] == [origin + "/atom.xml"]
    assert [str(u) for u in entry.sitemaps] == [origin + "/sitemap_index.xml"]
    # guesses stop at the first that is one; /feed answered 200 with HTML: not a feed
    assert "/index.xml" not in hits and "/news-sitemap.xml" not in hits
    assert "/feed: not a feed or sitemap" in done.stdout
    assert not entry.ai_only and "0 of 5 entries" in done.stdout
    assert all(entry.allows(url) for url in articles)


def test_broken_links_on_the_site_cost_only_themselves(tmp_path):
    origin, done, hits, _ = discover_at(broken_links)
    assert "Traceback" not in done.stderr
    entry = catalogue_of(done, tmp_path)
    assert [str(u) for u in entry.feeds] == [origin + "/news/rss"]


def test_a_site_without_feed_or_sitemap_is_a_clear_error():
    origin, done, _, _ = discover_at(bare)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.startswith(f"error: no feed or sitemap found for {origin}/; tried ")
    assert done.stderr.count("\n") == 1


def test_private_hosts_need_to_be_allowed():
    with DiscoverySite(declares) as site:
        refused = discover(site.origin + "/")
        hits_refused = site.hits
        allowed = discover(site.origin + "/", env={"ALLOWED_PRIVATE_HOSTS": "127.0.0.1"})
    assert refused.returncode == 1 and hits_refused == []
    assert "not a public address" in refused.stderr and "--allow-private-hosts" in refused.stderr
    assert allowed.returncode == 0, allowed.stderr


def test_append_adds_the_entry_and_refuses_a_name_already_there(tmp_path):
    catalogue = tmp_path / "sources.yaml"
    original = (REPO / "crawler" / "sources.yaml").read_text("utf-8")
    catalogue.write_text(original, "utf-8")
    before = load_sources(catalogue)
    with DiscoverySite(declares) as site:
        args = [site.origin + "/", "--allow-private-hosts", "127.0.0.1", "--append", str(catalogue)]
        done = discover(*args, "--name", "acme-ai")
        again = discover(*args, "--name", "acme-ai")
        bad_name = discover(*args, "--name", "Acme AI")
    assert done.returncode == 0, done.stderr
    after = load_sources(catalogue)
    assert [s.name for s in after] == [*(s.name for s in before), "acme-ai"]
    assert catalogue.read_text("utf-8").startswith(original)  # comments and layout kept
    assert again.returncode == 1 and "already in it" in again.stderr
    assert bad_name.returncode == 1 and "name" in bad_name.stderr
    assert load_sources(catalogue) == after  # refused appends leave the file as it was


@pytest.mark.parametrize("url", ["ftp://example.com/", "not a url"])
def test_a_url_that_is_not_http_is_refused(url):
    done = discover(url)
    assert done.returncode == 1 and "not an http(s) URL" in done.stderr


@pytest.mark.parametrize("delay", ["inf", "nan", "-5", "1e9", "86401"])
def test_a_delay_that_is_no_time_from_0_to_a_day_is_refused(delay):
    """Checked as the crawl's DOWNLOAD_DELAY: "inf" was an OverflowError traceback, "1e9"
    waited for ever, "-5" and "nan" meant no delay at all."""
    done = discover("http://127.0.0.1:9/", "--delay", delay)
    assert done.returncode == 1
    assert done.stderr == f"error: --delay {delay}: must be a finite number >= 0 and <= 86400\n"


# --- the fetcher: the crawl's identity, address policy and size limit -----------------------
def fetcher(allowed: str, max_bytes: int = 100_000) -> Fetcher:
    return Fetcher(AddressPolicy.from_hosts([allowed]), settings.USER_AGENT, max_bytes, 10)


def test_the_fetcher_sends_the_crawls_user_agent_and_follows_redirects():
    with DiscoverySite(declares) as site:
        site.add("/old-home", 301, HTML, f"{site.origin}/".encode())
        fetched = fetcher("127.0.0.1").get(site.origin + "/old-home")
        agents = site.agents
    assert fetched.ok and fetched.url == site.origin + "/" and b"Acme AI" in fetched.body
    assert agents == {settings.USER_AGENT}


def test_every_redirect_hop_is_vetted_again():
    with DiscoverySite(declares) as site:
        port = site.origin.rsplit(":", 1)[1]
        site.add("/elsewhere", 302, HTML, f"http://127.0.0.1:{port}/".encode())
        allowed_by_name = fetcher("localhost")
        assert allowed_by_name.get(f"http://localhost:{port}/").ok
        with pytest.raises(FetchError, match="127.0.0.1: not a public address") as refused:
            allowed_by_name.get(f"http://localhost:{port}/elsewhere")
        hits = site.hits
    assert refused.value.reason == "blocked_address"
    assert hits == ["/", "/elsewhere"]  # the hop to the refused address was never made


def test_bodies_are_bounded_plain_and_gzipped():
    with DiscoverySite(declares) as site:
        site.add("/big", 200, HTML, b"x" * 5000)
        bomb = gzip.compress(b"<rss>" + b" " * 1_000_000)
        site.add("/bomb", 200, RSS, bomb, **{"Content-Encoding": "gzip"})
        site.add("/small", 200, RSS, gzip.compress(b"<rss/>"), **{"Content-Encoding": "gzip"})
        small = fetcher("127.0.0.1", max_bytes=2000)
        with pytest.raises(FetchError, match="over 2000 bytes"):
            small.get(site.origin + "/big")
        with pytest.raises(FetchError, match="expands past 2000 bytes"):
            small.get(site.origin + "/bomb")
        assert small.get(site.origin + "/small").body == b"<rss/>"


def discover_under_robots(status: int, body: bytes):
    """discover on the `declares` site with this robots.txt: (origin, result, paths asked)."""
    with DiscoverySite(declares) as site:
        site.add("/robots.txt", status, "text/plain", body)
        done = discover(site.origin + "/", "--allow-private-hosts", "127.0.0.1")
        return site.origin, done, site.hits


def test_candidates_that_robots_txt_disallows_are_not_fetched():
    origin, done, hits = discover_under_robots(200, b"User-agent: *\nDisallow: /news/\n")
    assert "/news/rss" not in hits
    assert done.returncode == 1
    assert f"{origin}/news/rss: disallowed by robots.txt" in done.stderr


def test_a_robots_txt_that_answers_503_disallows_every_candidate_as_the_crawl_would():
    """RFC 9309 2.3.1.4, as crawler.core.robots_policy reads it: an unreachable robots.txt
    disallows everything. It was read as an empty file, which allows everything."""
    _, done, hits = discover_under_robots(503, b"busy")
    assert "/news/rss" not in hits
    assert done.returncode == 1
    assert "/robots.txt: HTTP 503: unreachable" in done.stderr


def test_a_crawl_delay_in_robots_txt_spaces_the_requests_as_the_crawl_would():
    with DiscoverySite(declares) as site:
        site.add("/robots.txt", 200, "text/plain", b"User-agent: *\nCrawl-delay: 0.2\n")
        capped, honoured = fetcher("127.0.0.1"), fetcher("127.0.0.1")
        Discoverer(capped, settings.USER_AGENT, max_crawl_delay=0.1).run(site.origin + "/")
        report = Discoverer(honoured, settings.USER_AGENT).run(site.origin + "/")
    assert (capped.delay, honoured.delay) == (0.1, 0.2)
    assert [f.url for f in report.feeds] == [site.origin + "/news/rss"]


def test_a_bad_name_is_refused_before_the_site_is_read():
    # Operator audit 42: a four-line validation error after every request was made. Port
    # 1 refuses: had the site been read, the error would name the connection.
    done = discover("http://127.0.0.1:1/", "--name", "Bad Name!", *LOOPBACK)
    assert done.returncode == 1 and done.stdout == ""
    assert (
        done.stderr
        == "error: --name 'Bad Name!': lower-case letters, digits and '-', as 'ai-wire'\n"
    )


def test_an_unreachable_site_is_named_once():
    done = discover("http://127.0.0.1:1/", *LOOPBACK)  # nothing listens on port 1
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.startswith("error: http://127.0.0.1:1/: "), done.stderr
    assert done.stderr.count("http://127.0.0.1:1/") == 1, done.stderr
    assert done.stderr.count("\n") == 1 and "Connection refused" in done.stderr


def test_a_failed_redirect_target_is_named_beside_the_url_asked_for():
    error = FetchError("connection_refused", "http://127.0.0.1:1/moved: [Errno 111] refused")
    assert error.naming("http://a.example/") == f"http://a.example/: {error}"


def test_an_answer_that_trickles_is_a_timeout_not_a_hang():
    """A byte a second never let the socket's own timeout (that long of silence) pass:
    discover read a home page, robots.txt or feed for as long as the server kept dripping
    (20 minutes for this page, for ever for a hostile one). The whole answer now has the
    fetcher's timeout, DOWNLOAD_TIMEOUT as the crawl's."""
    outcome: list = []
    with HostileWeb() as web:
        quick = Fetcher(AddressPolicy.from_hosts(["127.0.0.1"]), settings.USER_AGENT, 100_000, 2)

        def fetch() -> None:
            try:
                outcome.append(quick.get(web.url("/protocol/slow-drip")))
            except FetchError as error:
                outcome.append(error)

        fetching = threading.Thread(target=fetch, daemon=True)
        started = time.monotonic()
        fetching.start()
        fetching.join(30)
        elapsed = time.monotonic() - started
    assert not fetching.is_alive(), "still reading a page a byte a second"
    assert elapsed < 10
    (error,) = outcome
    assert isinstance(error, FetchError) and error.reason == "timeout", error
    assert "within 2 s" in str(error)
