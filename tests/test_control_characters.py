"""A feed item's link or a sitemap `<loc>` holding a NUL (`&#0;`) or a raw control
character names no page its document meant: a `bad_url` reject, counted as a request, never
fetched. libxml2 dropped the NUL (`/a/1&#0;x` was fetched as `/a/1x`, another page) and
Scrapy escaped a control character (`%01`). Real crawls of a loopback server that records
every path it is asked for."""

from __future__ import annotations

import json

import pytest

from crawler.core.canonical import url_problem
from crawler.demo.runner import run_crawl
from tests.bulk_site import article
from tests.local_server import LoopbackHandler, serving

NO_STATE = {"STATE_URI": "", "RETRY_TIMES": "0"}
# What each document lists beside one good page, /a/1: links spelled with a NUL reference,
# a raw control byte, a reference to one, and DEL.
BROKEN_LINKS = (b"/a/2&#0;x", b"/a/3\x01x", b"/a/4&#x1F;x", b"/a/5\x7fx")


def rss(origin: bytes) -> bytes:
    links = [b"/a/1", *BROKEN_LINKS]
    items = b"".join(b"<item><title>t</title><link>" + origin + link + b"</link></item>"
                     for link in links)  # fmt: skip
    return b"<?xml version='1.0'?><rss version='2.0'><channel>" + items + b"</channel></rss>"


def urlset(origin: bytes) -> bytes:
    locs = b"".join(b"<url><loc>" + origin + link + b"</loc></url>"
                    for link in [b"/a/1", *BROKEN_LINKS])  # fmt: skip
    head = b"<?xml version='1.0' encoding='UTF-8'?>"
    return (
        head + b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>" + locs + b"</urlset>"
    )


def json_feed(origin: str) -> bytes:
    items = [{"url": origin + "/a/1"}, {"url": origin + "/a/6\u0000x"}]
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "items": items}).encode()


class Handler(LoopbackHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802
        Handler.hits.append(self.path)
        kind, body = {
            "/feed.xml": ("application/rss+xml", rss(self.origin.encode())),
            "/sitemap.xml": ("application/xml", urlset(self.origin.encode())),
            "/feed.json": ("application/feed+json", json_feed(self.origin)),
        }.get(self.path, ("text/html", b""))
        if self.path.startswith("/a/"):
            body = article(int(self.path[3]))[1].encode()
        self.answer(200 if body else 404, [("Content-Type", kind)], body)


@pytest.fixture(scope="module")
def origin():
    with serving(Handler) as url:
        yield url


@pytest.mark.parametrize(
    ("spider", "argument", "document", "broken"),
    [
        ("feeds", "feed", "/feed.xml", len(BROKEN_LINKS)),
        ("sitemap", "sitemap", "/sitemap.xml", len(BROKEN_LINKS)),
        ("feeds", "feed", "/feed.json", 1),
    ],
)
def test_a_listed_url_with_a_control_character_is_a_bad_url(
    spider, argument, document, broken, origin, tmp_path
):
    Handler.hits.clear()
    result = run_crawl(spider, tmp_path, {argument: origin + document}, NO_STATE)
    assert result.returncode == 0, result.log[-3000:]
    summary = result.summary
    assert summary["counts"]["unaccounted"] == 0, summary["counts"]
    assert summary["rejected_by_reason"] == {"bad_url": broken}, summary
    assert [line["url"] for line in result.lines("articles.jsonl")] == [origin + "/a/1"]
    for reject in result.lines("rejects.jsonl"):
        assert "a control character" in reject["detail"], reject
    assert [hit for hit in Handler.hits if hit.startswith("/a/")] == ["/a/1"]


@pytest.mark.parametrize("control", ["\x00", "\x1b", "\x9b", "\ufffd"])
def test_url_problem_names_a_control_character(control):
    assert url_problem(f"https://a.example/x{control}y")[0] == "bad_url"


def test_a_url_with_other_unicode_is_no_problem():
    assert url_problem("https://a.example/café/ü?q=ä") is None
