"""A page answered "410 Gone" is not asked for again once it is older than REFRESH_WINDOW; a
404 is (a page announced before it is published answers 404 for a while). Real crawls."""

from __future__ import annotations

from tests.hostile.crawl import assert_accounted, crawl
from tests.hostile.server import HostileWeb

EVERY_RUN_IS_LATER = {"REFRESH_WINDOW": "0"}  # what is known is known at once


def test_a_gone_page_is_not_fetched_again_and_a_missing_one_is(tmp_path):
    with HostileWeb() as web:
        urls = {"url": f"{web.url('/status/410')},{web.url('/status/404')}"}
        first = crawl("urls", tmp_path, urls, EVERY_RUN_IS_LATER, exit_code=2)
        second = crawl("urls", tmp_path, urls, EVERY_RUN_IS_LATER, exit_code=2)
        assert web.hits["/status/410"] == 1 and web.hits["/status/404"] == 2
    assert assert_accounted(first)["rejected_by_reason"] == {"http_404": 1, "http_410": 1}
    summary = assert_accounted(second)
    assert summary["rejected_by_reason"] == {"http_404": 1}
    assert sum(summary["not_requested"].values()) == 1, summary["not_requested"]
