"""The bundled demo web: every manifest path answers as described, links and feeds are sound."""

from __future__ import annotations

import html
import json
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from crawler.demo.server import DemoWeb

MANIFEST = json.loads(
    (Path(__file__).parent.parent / "crawler/demo/manifest.json").read_text("utf-8")
)
SITES = {site["site"]: site for site in MANIFEST["sites"]}
ARTICLE_KINDS = {"article", "aggregator", "foreign", "syndicated"}
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
CONTENT_TYPES = {
    "feed:rss": "application/rss+xml",
    "feed:atom": "application/atom+xml",
    "sitemap": "application/xml",
}


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # surface 3xx responses instead of following them


_OPENER = urllib.request.build_opener(_NoRedirect)


def fetch(url: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, method=method)
    try:
        with _OPENER.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


def article_paths(site: str) -> list[dict[str, Any]]:
    return [p for p in SITES[site]["paths"] if p["kind"] in ARTICLE_KINDS]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def links(base: str, body: bytes) -> Iterator[str]:
    parser = _Links()
    parser.feed(body.decode("utf-8"))
    for href in parser.hrefs:
        yield urldefrag(urljoin(base, href)).url


@pytest.fixture(scope="module")
def web() -> Iterator[DemoWeb]:
    with DemoWeb() as demo:
        yield demo


def test_sites_have_distinct_origins(web: DemoWeb) -> None:
    assert set(web.origins) == set(SITES)
    assert len(set(web.origins.values())) == len(SITES)
    assert web.url("synthwire", "/x/") == web.origins["synthwire"] + "/x/"


@pytest.mark.parametrize(
    ("site", "entry"),
    [(s["site"], p) for s in MANIFEST["sites"] for p in s["paths"]],
    ids=lambda v: v["path"] if isinstance(v, dict) else v,
)
def test_manifest_path_answers(web: DemoWeb, site: str, entry: dict[str, Any]) -> None:
    status, headers, body = fetch(web.url(site, entry["path"]))
    assert status == entry.get("status", 200)
    assert b"{{origin:" not in body
    if entry["kind"] == "redirect":
        assert headers["Location"] == entry["location"]
        assert fetch(web.url(site, entry["location"]))[0] == 200
        return
    kind = f"feed:{entry['format']}" if entry["kind"] == "feed" else entry["kind"]
    expected = CONTENT_TYPES.get(kind, "text/html")
    assert headers["Content-Type"].startswith(expected)
    if entry["kind"] in ARTICLE_KINDS:
        page = html.unescape(body.decode("utf-8"))
        assert entry["title"] in page
        assert entry["last_sentence"] in page
        assert f'lang="{entry["language"]}"' in page or site == "synthwire"


def test_synthwire_is_a_chinese_theme_with_chinese_comment_form(web: DemoWeb) -> None:
    for entry in article_paths("synthwire"):
        page = fetch(web.url("synthwire", entry["path"]))[2].decode("utf-8")
        assert '<html lang="zh-CN">' in page
        assert 'id="commentform"' in page and "发表回复" in page
    commented = [p for p in article_paths("synthwire") if p.get("reader_comments")]
    assert (
        commented
        and 'class="commentlist"' in fetch(web.url("synthwire", commented[0]["path"]))[2].decode()
    )


def test_unknown_path_is_404_and_head_works(web: DemoWeb) -> None:
    assert fetch(web.url("neuralledger", "/no/such/page/"))[0] == 404
    status, headers, body = fetch(web.url("neuralledger", "/"), method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 1000
    assert fetch(web.url("synthwire", "/about"))[1]["Location"] == "/about/"


def test_every_forbidden_string_occurs_in_the_served_pages(web: DemoWeb) -> None:
    pages = [
        html.unescape(fetch(web.url(s, p["path"]))[2].decode("utf-8"))
        for s in SITES
        for p in SITES[s]["paths"]
        if p["kind"] not in {"redirect", "error"}
    ]
    for needle in MANIFEST["forbidden_strings"]:
        assert any(needle in page for page in pages), needle


@pytest.mark.parametrize("site", sorted(SITES))
def test_articles_reachable_from_home_within_depth_3(web: DemoWeb, site: str) -> None:
    origin = web.origins[site]
    seen, frontier = {origin + "/"}, [origin + "/"]
    for _ in range(3):
        next_frontier = []
        for url in frontier:
            status, headers, body = fetch(url)
            if status != 200 or not headers["Content-Type"].startswith("text/html"):
                continue
            for link in links(url, body):
                link = urlsplit(link)._replace(query="").geturl()
                if link.startswith(origin + "/") and link not in seen:
                    seen.add(link)
                    next_frontier.append(link)
        frontier = next_frontier
    missing = {p["path"] for p in article_paths(site)} - {u[len(origin) :] for u in seen}
    assert not missing


def _xml_urls(body: bytes) -> set[str]:
    root = ET.fromstring(body)
    if root.tag == "rss":
        return {item.findtext("link", "") for item in root.iter("item")}
    if root.tag == f"{ATOM}feed":
        entries = root.iter(f"{ATOM}entry")
        return {link.get("href", "") for entry in entries for link in entry.iter(f"{ATOM}link")}
    return {loc.text or "" for loc in root.iter(f"{SITEMAP}loc")}


@pytest.mark.parametrize("site", sorted(SITES))
def test_feeds_and_sitemaps_list_the_articles(web: DemoWeb, site: str) -> None:
    articles = {web.url(site, p["path"]) for p in article_paths(site)}
    sitemap_urls: set[str] = set()
    for entry in SITES[site]["paths"]:
        if entry["kind"] not in {"feed", "sitemap"}:
            continue
        urls = _xml_urls(fetch(web.url(site, entry["path"]))[2])
        if entry["kind"] == "feed":
            assert urls == articles, entry["path"]
        else:
            sitemap_urls |= urls
    assert articles <= sitemap_urls
    assert all(fetch(url)[0] == 200 for url in sitemap_urls)


@pytest.mark.parametrize("site", sorted(SITES))
def test_robots_disallows_private_and_names_sitemap(web: DemoWeb, site: str) -> None:
    status, headers, body = fetch(web.url(site, SITES[site]["robots"]))
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    robots = body.decode()
    assert re.search(r"^Disallow: /private/$", robots, re.M)
    assert f"Sitemap: {web.origins[site]}/sitemap.xml" in robots


def test_cross_site_links_point_at_live_origins(web: DemoWeb) -> None:
    for entry in SITES["aidigest"]["paths"]:
        if entry["kind"] == "aggregator":
            original = entry["original_url"].replace(
                "{{origin:neuralledger}}", web.origins["neuralledger"]
            )
            body = fetch(web.url("aidigest", entry["path"]))[2]
            assert original in set(links(web.url("aidigest", entry["path"]), body))
            assert fetch(original)[0] == 200


def test_concurrent_requests(web: DemoWeb) -> None:
    urls = [web.url(s, p["path"]) for s in SITES for p in article_paths(s)] * 4
    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(lambda u: fetch(u)[0], urls))
    assert statuses == [200] * len(urls)


def test_syndicated_copy_has_own_canonical_and_credits_original(web: DemoWeb) -> None:
    for entry in SITES["synthwire"]["paths"]:
        if entry["kind"] == "syndicated":
            own = web.url("synthwire", entry["path"])
            original = web.url(entry["copy_of"]["site"], entry["copy_of"]["path"])
            page = fetch(own)[2].decode("utf-8")
            assert f'<link rel="canonical" href="{own}" />' in page
            assert original in set(links(own, page.encode()))
            assert entry["last_sentence"] in html.unescape(fetch(original)[2].decode("utf-8"))
