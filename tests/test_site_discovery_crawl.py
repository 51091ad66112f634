"""`scrapy crawl feeds|sitemap -a site=URL`: discovery inline, through Scrapy requests.

Real crawls of the loopback sites in tests/discovery_sites.py. Guessed paths that miss are
counted skips `probe_miss`, never rejects, and the ledger balances.
"""

from __future__ import annotations

from collections import Counter

import pytest

from crawler.demo.runner import run_crawl
from tests.discovery_sites import DiscoverySite, bare, declares, guessed, robots


def crawl_site(spider: str, build, tmp_path):
    with DiscoverySite(build) as site:
        result = run_crawl(spider, tmp_path / "out", {"site": site.origin + "/"})
        hits, articles = site.hits, site.article_urls()
    assert result.returncode == 0, result.log[-3000:]
    summary = result.summary
    counts = summary["counts"]
    assert counts["unaccounted"] == 0, summary
    assert counts["accepted"] + counts["rejected"] + counts["skipped"] == counts["requests"]
    records = sorted(r["url"] for r in result.lines("articles.jsonl"))
    return summary, records, articles, Counter(hits), result.lines("rejects.jsonl")


def test_feeds_from_the_home_pages_link_alternate(tmp_path):
    summary, records, articles, hits, rejects = crawl_site("feeds", declares, tmp_path)
    assert records == articles and rejects == []
    assert summary["skipped_by_reason"] == {"discovery": 1, "feed": 1}
    assert hits["/comments/feed/"] == 0 and hits["/feed"] == 0


def test_sitemaps_from_robots_txt(tmp_path):
    summary, records, articles, hits, rejects = crawl_site("sitemap", robots, tmp_path)
    assert records == articles and rejects == []
    # robots.txt read for its Sitemap: line, then the index and its two children
    assert summary["skipped_by_reason"] == {"discovery": 1, "sitemap": 3}
    assert hits["/sitemap.xml"] == 0
    assert summary["not_requested"]["unfetchable"] == 2  # file: and gopher: lines


@pytest.mark.parametrize(
    ("spider", "misses", "document"),
    [("feeds", 3, "feed"), ("sitemap", 1, "sitemap")],  # /feed (HTML), /rss, /rss.xml; /sitemap.xml
)
def test_guessed_paths_are_probed_in_turn_and_misses_are_counted_skips(
    spider, misses, document, tmp_path
):
    summary, records, articles, hits, rejects = crawl_site(spider, guessed, tmp_path)
    assert records == articles and rejects == []
    skipped = summary["skipped_by_reason"]
    assert skipped["probe_miss"] == misses + (spider == "sitemap")  # and the missing robots.txt
    assert skipped.get("discovery", 0) == (spider == "feeds")  # the home page
    assert skipped[document] >= 1
    assert hits["/index.xml"] == 0 and hits["/news-sitemap.xml"] == 0  # stopped at the first


def test_a_site_with_nothing_to_find_ends_with_probe_misses_only(tmp_path):
    summary, records, articles, hits, rejects = crawl_site("feeds", bare, tmp_path)
    assert records == [] and rejects == []
    assert summary["skipped_by_reason"] == {"discovery": 1, "probe_miss": 7}
    assert summary["counts"]["requests"] == 8


@pytest.mark.parametrize("site", ["example.com", "http://127.0.0.1:99999/"])
def test_site_must_be_an_http_url(site, tmp_path):
    result = run_crawl("sitemap", tmp_path / "out", {"site": site})
    assert result.returncode == 1
    assert f"argument -a site={site!r}: must be an http(s) URL" in result.log
