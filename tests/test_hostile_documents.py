"""Feeds and sitemaps whose bytes, labels or entries mislead: real `feeds` and `sitemap`
crawls of the hostile web (round 6 of the hostile cases; README, "Hostile input")."""

from __future__ import annotations

import pytest

from tests.hostile.crawl import assert_accounted, crawl, places
from tests.hostile.server import HostileWeb

FEEDS = ("latin1.xml", "mislabelled-utf8.xml", "json-utf16.json", "json-latin1.json")
SITEMAPS = ("latin1.xml",)


@pytest.fixture(scope="module")
def web():
    with HostileWeb() as hostile:
        yield hostile


@pytest.fixture(scope="module")
def feeds_crawl(web, tmp_path_factory):
    feeds = ",".join(web.url(f"/feeds/{name}") for name in FEEDS)
    return crawl("feeds", tmp_path_factory.mktemp("feeds"), {"feed": feeds})


@pytest.fixture(scope="module")
def sitemap_crawl(web, tmp_path_factory):
    sitemaps = ",".join(web.url(f"/sitemaps/{name}") for name in SITEMAPS)
    return crawl("sitemap", tmp_path_factory.mktemp("sitemaps"), {"sitemap": sitemaps})


def test_the_crawls_balance(feeds_crawl, sitemap_crawl):
    assert_accounted(feeds_crawl)
    assert_accounted(sitemap_crawl)


def only_record(result, url: str) -> dict:
    ((kind, line),) = places(result, url)
    assert kind == "record", line
    return line


def test_a_feed_in_the_charset_its_header_names_keeps_its_letters(feeds_crawl, web):
    """No encoding in the XML declaration, Latin-1 in the Content-Type: libxml2 read the
    bytes as UTF-8, "café" became "caf\\ufffd", and the entry was a bad_url reject."""
    only_record(feeds_crawl, web.url("/feeds/article/caf%C3%A9-latin"))
    # Bytes that are valid UTF-8 stay UTF-8 whatever the header says (as pages are read).
    only_record(feeds_crawl, web.url("/feeds/article/caf%C3%A9-utf8"))
    assert not feeds_crawl.lines("rejects.jsonl")


def test_a_sitemap_in_the_charset_its_header_names_keeps_its_letters(sitemap_crawl, web):
    only_record(sitemap_crawl, web.url("/sitemaps/article/caf%C3%A9-latin"))
    assert not sitemap_crawl.lines("rejects.jsonl")


def test_a_json_feed_in_utf16_or_its_headers_charset_is_read(feeds_crawl, web):
    """A JSON Feed saved as UTF-16 with a byte order mark was taken for XML ("bad_feed: no
    XML root element"); one in Latin-1 was "JSON that does not parse"."""
    for slug in ("json-utf16", "json-latin1"):
        record = only_record(feeds_crawl, web.url(f"/feeds/article/{slug}-caf%C3%A9"))
        assert record["title"] == f"Feed story {slug}-caf%C3%A9"
