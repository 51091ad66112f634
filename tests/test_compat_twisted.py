"""Twisted's HTTP client keeps response headers without limit (crawler.compat.twisted_headers)
and takes a chunk size of any length (crawler.compat.twisted_chunks): the upstream behaviour
and ours. The hostile cases /protocol/endless-headers, /protocol/header-line-1mb,
/protocol/conflicting-lengths and /protocol/chunk-size-20-digits run them in a real crawl."""

from __future__ import annotations

import pytest
from scrapy.core.downloader.handlers.http11 import _LenientHTTPClientParser
from twisted.internet.testing import StringTransport
from twisted.web import _newclient, http
from twisted.web.http_headers import Headers

from crawler.compat import twisted_chunks, twisted_headers

FILLER = b"X-Filler: " + b"f" * 1000 + b"\r\n"


def parser() -> _newclient.HTTPClientParser:
    request = _newclient.Request(b"GET", b"/", Headers({b"host": [b"news.example"]}), None)
    made = _newclient.HTTPClientParser(request, lambda rest: None)
    made.makeConnection(StringTransport())
    made._responseDeferred.addErrback(lambda failure: None)
    made.__class__ = _LenientHTTPClientParser  # as Scrapy 2.19's protocol does
    return made


def test_upstream_the_parser_keeps_megabytes_of_headers():
    twisted_headers.install()
    stock = _newclient.HTTPClientParser._stock_data_received
    made = parser()
    stock(made, b"HTTP/1.1 200 OK\r\n")
    for _ in range(2000):  # 2 MB of headers, and no end in sight
        stock(made, FILLER)
    assert made.state == _newclient.HEADER
    assert len(made.headers.getRawHeaders(b"x-filler")) == 1999  # the last is still partial


def test_headers_past_the_cap_are_a_parse_error():
    assert twisted_headers.install()
    made = parser()
    made.dataReceived(b"HTTP/1.1 200 OK\r\n")
    with pytest.raises(_newclient.ParseError, match="over 256 KiB"):
        for _ in range(2000):
            made.dataReceived(FILLER)
    assert made._header_bytes <= twisted_headers.MAX_HEADER_BYTES + len(FILLER)


def test_a_header_line_past_the_line_limit_is_a_parse_error_not_a_closed_connection():
    assert twisted_headers.install()
    made = parser()
    made.dataReceived(b"HTTP/1.1 200 OK\r\n")
    with pytest.raises(_newclient.ParseError, match="response header line"):
        made.dataReceived(b"X-Long: " + b"x" * 100_000 + b"\r\n")


def test_an_ordinary_response_is_untouched():
    assert twisted_headers.install()
    made = parser()
    body = b"<html><body><p>hello</p></body></html>"
    made.dataReceived(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
    made.dataReceived(b"Content-Length: %d\r\n\r\n" % len(body))
    assert made.state in (_newclient.BODY, _newclient.DONE)
    assert made.response.headers.getRawHeaders(b"content-type") == [b"text/html"]


def test_a_parse_error_is_a_bad_response_wrapped_or_not():
    """Scrapy 2.19 raises DownloadFailedError from Twisted's ResponseFailed
    (scrapy.utils._download_handlers); an unwrapped one must classify the same. ParseError
    is not a ValueError."""
    from scrapy.exceptions import DownloadFailedError
    from twisted.python.failure import Failure
    from twisted.web.client import ResponseFailed

    from crawler.integration.failures import classify_failure

    try:
        raise _newclient.ParseError("response headers", "over 256 KiB")
    except _newclient.ParseError:
        failed = ResponseFailed([Failure()])
    assert not isinstance(failed.reasons[0].value, ValueError)
    assert classify_failure(failed).reason == "bad_response"
    try:
        raise DownloadFailedError(str(failed)) from failed  # as Scrapy wraps it
    except DownloadFailedError as wrapped:
        assert classify_failure(wrapped).reason == "bad_response"
    assert classify_failure(DownloadFailedError("a text alone")).reason != "bad_response"
    try:
        raise ValueError("Invalid response: conflicting Content-Length headers")
    except ValueError:
        conflicting = ResponseFailed([Failure()])
    assert classify_failure(conflicting).reason == "bad_response"
    # A status line of another version ("HTTP/2 200 OK"), and a Transfer-Encoding Twisted
    # has no decoder for ("identity"): not lost connections.
    for error in (_newclient.BadResponseVersion("wrong version", b"HTTP/2"), KeyError(b"identity")):
        try:
            raise error
        except type(error):
            failed = ResponseFailed([Failure()])
        assert classify_failure(failed).reason == "bad_response", error


def test_a_transfer_encoding_without_a_decoder_is_named_in_the_detail():
    """Audit 36: `Transfer-Encoding: chunked, chunked` was the detail
    "DownloadFailedError: [<...Failure builtins.KeyError: b'chunked, chunked'>]"."""
    from scrapy.exceptions import DownloadFailedError
    from twisted.python.failure import Failure
    from twisted.web.client import ResponseFailed

    from crawler.integration.failures import failure_detail

    try:
        raise KeyError(b"chunked, chunked")
    except KeyError:
        failed = ResponseFailed([Failure()])
    try:
        raise DownloadFailedError(str(failed.reasons)) from failed  # as Scrapy wraps it
    except DownloadFailedError as wrapped:
        detail = failure_detail(wrapped)
    assert detail.startswith("Transfer-Encoding 'chunked, chunked': no decoder"), detail
    assert "Failure" not in detail and "KeyError" not in detail


def chunked_decoder(received: list[bytes]) -> http._ChunkedTransferDecoder:
    return http._ChunkedTransferDecoder(received.append, lambda rest: None)


def test_upstream_the_chunked_decoder_waits_for_a_chunk_of_2_to_the_80_bytes():
    """Then the server hangs up, and the loss read as a cut stream: `truncated`."""
    twisted_chunks.install()
    stock = chunked_decoder([])
    stock._buffer = bytearray(b"FFFFFFFFFFFFFFFFFFFF\r\n")
    assert http._ChunkedTransferDecoder._stock_chunk_length(stock)
    assert stock.state == "BODY" and stock.length == 16**20 - 1


def test_a_chunk_size_past_64_bits_is_malformed_and_an_ordinary_body_is_not():
    assert twisted_chunks.install()
    received: list[bytes] = []
    made = chunked_decoder(received)
    made.dataReceived(b"5\r\nhello\r\n00000000000000000006\r\n world\r\n")  # leading zeros: fine
    assert b"".join(received) == b"hello world"
    made.dataReceived(b"7FFFFFFFFFFFFFFF\r\n")  # 2**63 - 1: the largest size a length holds
    assert made.state == "BODY"
    with pytest.raises(http._MalformedChunkedDataError, match="over 2\\*\\*63 - 1"):
        chunked_decoder([]).dataReceived(b"8000000000000000\r\n")
