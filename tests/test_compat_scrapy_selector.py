"""Two upstream behaviours of Scrapy's response.selector (crawler.compat.scrapy).

- It caches the parsed tree in a Selector that refers back to the response. The cycle is
  freed only by the garbage collector, which counts Python objects, not lxml's trees: a
  site crawl reading 8 MB index pages kept every tree and peaked at 2 GB. release_parsed
  drops the tree when a callback is done.
- It resolves the page's `<base href>` first, and a broken one raises ValueError on every
  response.xpath. parsed() builds the selector without it.
"""

from __future__ import annotations

import gc
import weakref

import pytest
from scrapy.http import HtmlResponse

from crawler.compat.scrapy import parsed, release_parsed
from spiders.base import page_type_signals, reads_as_markup
from spiders.site import page_links

PAGE = b"<html><body>" + b'<a href="/a">a link</a>' * 100 + b"</body></html>"


def _selector_after_response_is_dropped(release: bool):
    gc.disable()  # the cycle is what is shown: the collector must not run meanwhile
    try:
        response = HtmlResponse("https://news.example/", body=PAGE, encoding="utf-8")
        assert len(response.xpath("//a/@href").getall()) == 100
        selector = weakref.ref(response.selector)
        if release:
            release_parsed(response)
        del response
        return selector()
    finally:
        gc.enable()


def test_upstream_a_dropped_response_keeps_its_parsed_tree_until_the_collector_runs():
    kept = _selector_after_response_is_dropped(release=False)
    assert kept is not None and kept.response is not None  # the cycle: selector -> response
    gc.collect()


def test_released_the_tree_goes_with_the_response():
    assert _selector_after_response_is_dropped(release=True) is None


def _page_with_base(base: str) -> HtmlResponse:
    body = (
        f'<html><head><base href="{base}"><meta property="og:type" content="article"></head>'
        '<body><a href="2026/11/chip-rules">Chip rules</a></body></html>'
    ).encode()
    return HtmlResponse("https://news.example/home/", body=body, encoding="utf-8")


def test_upstream_a_broken_base_href_raises_on_every_xpath():
    with pytest.raises(ValueError):
        _page_with_base("http://[::1/").xpath("//a/@href")


def test_a_page_with_a_broken_base_href_is_read_against_its_own_url():
    page = _page_with_base("http://[::1/")
    assert reads_as_markup(page) and parsed(page).type == "html"
    assert page_type_signals(page) == ("article", [])
    assert page_links(page) == ["https://news.example/home/2026/11/chip-rules"]


def test_links_resolve_against_the_base_href_as_a_browser_does():
    page = _page_with_base("/news/section/")
    assert page_links(page) == ["https://news.example/news/section/2026/11/chip-rules"]
