"""Feeds and sitemaps whose bytes, labels or entries mislead: real `feeds` and `sitemap`
crawls of the hostile web (round 6 of the hostile cases; README, "Hostile input")."""

from __future__ import annotations

import pytest

from tests.hostile.crawl import assert_accounted, crawl, places
from tests.hostile.server import HostileWeb

FEEDS = (
    "latin1.xml",
    "mislabelled-utf8.xml",
    "json-utf16.json",
    "json-latin1.json",
    "huge-link.xml",
)
SITEMAPS = ("latin1.xml", "huge-loc.xml")


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
    assert not [line for line in feeds_crawl.lines("rejects.jsonl") if "caf" in line["url"]]


def test_a_sitemap_in_the_charset_its_header_names_keeps_its_letters(sitemap_crawl, web):
    only_record(sitemap_crawl, web.url("/sitemaps/article/caf%C3%A9-latin"))
    assert not [line for line in sitemap_crawl.lines("rejects.jsonl") if "caf" in line["url"]]


def test_a_json_feed_in_utf16_or_its_headers_charset_is_read(feeds_crawl, web):
    """A JSON Feed saved as UTF-16 with a byte order mark was taken for XML ("bad_feed: no
    XML root element"); one in Latin-1 was "JSON that does not parse"."""
    for slug in ("json-utf16", "json-latin1"):
        record = only_record(feeds_crawl, web.url(f"/feeds/article/{slug}-caf%C3%A9"))
        assert record["title"] == f"Feed story {slug}-caf%C3%A9"


@pytest.mark.parametrize(
    ("kind", "path"), [("feeds", "/feeds/article/"), ("sitemaps", "/sitemaps/article/")]
)
def test_a_megabyte_entry_is_a_reject_of_bounded_size(kind, path, feeds_crawl, sitemap_crawl, web):
    """A 5 MB link or <loc>: its bad_url reject held the whole 5 MB URL, one line of
    rejects.jsonl per such entry (a 50 MB sitemap of them, 50 MB of rejects). It is cut as
    a URL list's overlong line is; the entry after it is crawled."""
    result = feeds_crawl if kind == "feeds" else sitemap_crawl
    filler = "y" if kind == "feeds" else "x"
    prefix = web.url(path) + filler * 10
    (reject,) = [line for line in result.lines("rejects.jsonl") if line["url"].startswith(prefix)]
    assert reject["reason"] == "bad_url"
    assert len(reject["url"]) < 300 and reject["url"].endswith("\u2026")
    assert "URLLENGTH_LIMIT" in reject["detail"] and len(reject["detail"]) < 400
    assert (result.run_dir / "rejects.jsonl").stat().st_size < 100_000
    only_record(result, web.url(f"{path}after-huge"))
