"""Answers that are HTTP but say what they cannot mean, in real crawls of a loopback server:
a 304 Not Modified to a request that sent no validator, and a redirect with two different
Location headers. Both are `bad_response`; a feed's unsolicited 304 is no `not_modified`
skip, which means only that our own validator matched."""

from __future__ import annotations

import pytest

from crawler.demo.runner import run_crawl
from tests.bulk_site import article
from tests.local_server import LoopbackHandler, serving

NO_STATE = {"STATE_URI": "", "RETRY_TIMES": "0"}


class Handler(LoopbackHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):  # noqa: N802
        path = self.path
        if path in ("/not-modified", "/feed.xml"):
            self.answer(304, [])
        elif path == "/two-locations":
            self.answer(302, [("Location", "/a/1"), ("Location", "/a/2")])
        elif path == "/same-location-twice":
            self.answer(302, [("Location", "/a/3"), ("Location", "/a/3")])
        elif path == "/one-target-two-spellings":
            self.answer(302, [("Location", "/a/4"), ("Location", self.origin + "/a/4")])
        elif path.startswith("/a/"):
            n = int(path.rsplit("/", 1)[1])
            self.answer(200, [("Content-Type", "text/html")], article(n)[1].encode())
        else:
            self.answer(404, [("Content-Type", "text/plain")], b"no")


@pytest.fixture(scope="module")
def origin():
    with serving(Handler) as url:
        yield url


def outcome(result, url: str) -> tuple[str, dict]:
    lines = [("record", r) for r in result.lines("articles.jsonl") if r["url"] == url]
    lines += [("reject", r) for r in result.lines("rejects.jsonl") if r["url"] == url]
    assert len(lines) == 1, lines
    return lines[0]


@pytest.fixture(scope="module")
def pages_crawl(origin, tmp_path_factory):
    # The last two are fine.
    paths = ("/not-modified", "/two-locations", "/same-location-twice", "/one-target-two-spellings")
    urls = ",".join(origin + path for path in paths)
    result = run_crawl("urls", tmp_path_factory.mktemp("answers"), {"url": urls}, NO_STATE)
    assert result.returncode == 0, result.log[-3000:]
    assert result.summary["counts"]["unaccounted"] == 0, result.summary["counts"]
    return result


def test_an_unsolicited_304_for_a_page_is_a_bad_response(pages_crawl, origin):
    kind, line = outcome(pages_crawl, origin + "/not-modified")
    assert (kind, line["reason"]) == ("reject", "bad_response"), line  # it was http_304
    assert "sent no If-None-Match or If-Modified-Since" in line["detail"]


def test_a_redirect_with_two_different_locations_is_not_followed(pages_crawl, origin):
    kind, line = outcome(pages_crawl, origin + "/two-locations")
    assert (kind, line["reason"]) == ("reject", "bad_response"), line  # it followed /a/2
    assert "'/a/1', '/a/2'" in line["detail"]
    urls = [r["url"] for r in pages_crawl.lines("articles.jsonl")]
    assert origin + "/a/2" not in urls and origin + "/a/1" not in urls


def test_a_redirect_that_names_one_location_twice_is_followed(pages_crawl, origin):
    kind, line = outcome(pages_crawl, origin + "/a/3")
    assert kind == "record", line


def test_a_redirect_that_names_one_target_relative_and_absolute_is_followed(pages_crawl, origin):
    # "/a/4" and "http://127.0.0.1:…/a/4" name one target (the review).
    kind, line = outcome(pages_crawl, origin + "/a/4")
    assert kind == "record", line


def test_an_unsolicited_304_for_a_feed_is_no_not_modified_skip(origin, tmp_path):
    result = run_crawl("feeds", tmp_path, {"feed": origin + "/feed.xml"}, NO_STATE)
    summary = result.summary
    assert "not_modified" not in summary["skipped_by_reason"], summary["skipped_by_reason"]
    assert summary["rejected_by_reason"] == {"bad_response": 1}, summary
    assert summary["counts"]["unaccounted"] == 0, summary["counts"]
    assert result.returncode == 2  # every request failed: cron must see it
