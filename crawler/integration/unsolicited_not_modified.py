"""A `304 Not Modified` to a request that sent no validator is `bad_response`.

A 304 means "the copy your If-None-Match or If-Modified-Since names is still good" (RFC 9110
15.4.5); to a request that named no copy it says nothing about the page, and it carries no
body to read. A misbehaving server (a cache in front of it answering every request so) made
an article `http_304` and a feed the skip `not_modified`, which must mean only that our own
validator matched. Here it is a malformed answer, with a detail that says what was wrong.
"""

from __future__ import annotations

from crawler.integration.robots import PARTIAL_BODY_OK

VALIDATORS = (b"If-None-Match", b"If-Modified-Since")


class UnsolicitedNotModified(Exception):
    """A 304 to a request that was not conditional."""


class RefuseUnsolicitedNotModified:
    def process_response(self, request, response, spider=None):
        if response.status != 304 or request.meta.get(PARTIAL_BODY_OK):
            return response  # robots.txt: its own middleware judges every answer
        if any(request.headers.get(name) for name in VALIDATORS):
            return response
        raise UnsolicitedNotModified(
            "304 Not Modified to a request that sent no If-None-Match or If-Modified-Since: "
            "the server names no copy to reuse, and sends no body"
        )
