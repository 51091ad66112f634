"""A redirect to a URL no request can be made from: refused where RedirectMiddleware would
follow it, left alone where it would not (crawler.integration.redirect_targets). Real
crawls: the hostile cases /protocol/redirect-to-*."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, Response

from crawler.integration.meta_refresh import refresh_header
from crawler.integration.redirect_targets import BrokenRedirect, RefuseBrokenRedirects
from tests.hostile import pages
from tests.hostile.crawl import assert_accounted, crawl
from tests.hostile.server import HostileWeb

BROKEN = {"Location": "http://127.0.0.1:99999/a"}


def answer(request: Request, status: int = 302, headers=BROKEN) -> Response:
    return Response(request.url, status=status, headers=headers, request=request)


def test_a_redirect_that_would_be_followed_is_refused():
    request = Request("https://news.example/a")
    with pytest.raises(BrokenRedirect, match="Port out of range"):
        RefuseBrokenRedirects(2083).process_response(request, answer(request))


@pytest.mark.parametrize(
    "meta", [{"dont_redirect": True}, {"handle_httpstatus_list": [302]},
             {"handle_httpstatus_all": True}],
)  # fmt: skip
def test_a_redirect_the_request_handles_itself_is_left_alone(meta):
    request = Request("https://news.example/a", meta=meta)
    response = answer(request)
    assert RefuseBrokenRedirects(2083).process_response(request, response) is response


def test_a_redirect_to_javascript_is_not_followed():
    request = Request("https://news.example/a")
    response = answer(request, headers={"Location": "javascript:alert(1)"})
    assert RefuseBrokenRedirects(2083).process_response(request, response) is response
    assert request.meta["dont_redirect"] is True  # RedirectMiddleware leaves it: http_302


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (b"0; url=/next", (0.0, "https://news.example/next")),
        (b"5;URL='https://other.example/a b'", (5.0, "https://other.example/a%20b")),
        (b'1.5, "/next?x=1"', (1.5, "https://news.example/next?x=1")),
        (b"0;/next", (0.0, "https://news.example/next")),
        (b"30", None),  # a delay alone reloads the page
        (b"0; url=", None),
        (b"soon; url=/next", None),
        (b"0; url=http://[::1/", None),
    ],
)
def test_a_refresh_header_reads_as_browsers_read_it(header, expected):
    response = HtmlResponse("https://news.example/story", headers={"Refresh": header}, body=b"")
    assert refresh_header(response) == expected


def test_a_redirect_to_another_spelling_of_the_same_url_is_followed_past_the_dupefilter(tmp_path):
    """Apache answers /%7Ejane/ with a 301 to /~jane/: one URL to Scrapy's fingerprint, so
    its dupefilter dropped the target as the request itself, a skip that named no URL."""
    with HostileWeb() as web:
        web.server.routes["/%7Ejane/notes.html"] = lambda h: h.send(
            301, b"", None, Location="/~jane/notes.html"
        )
        web.server.routes["/~jane/notes.html"] = lambda h: h.send(
            200, pages.article("Notes from a home lab")
        )
        result = crawl("urls", tmp_path, {"url": web.url("/%7Ejane/notes.html")})
        assert web.hits["/~jane/notes.html"] == 1, result.log[-3000:]
    summary = assert_accounted(result)
    assert summary["counts"]["accepted"] == 1, summary
