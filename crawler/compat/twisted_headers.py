"""A cap on the size of a response's header section, which Twisted's HTTP client lacks.

Twisted 25's `HTTPClientParser` stores every header line it is sent until the blank line that
ends them, and a continuation line (one starting with a space) is appended to the header
before it, without limit: a server that sends headers forever grew a crawl to 2.9 GB before
DOWNLOAD_TIMEOUT. Its one limit, a line over `LineReceiver.MAX_LENGTH` (16 KiB), only closes
the connection, which reads as `connection_lost`.

`install()` wraps the parser's `dataReceived` (counting the bytes that arrive before the
headers end) and `lineLengthExceeded` so that both raise Twisted's own `ParseError`, which the
client protocol turns into a failed response: the reject `bad_response`
(crawler/integration/failures.py), the connection closed. docs/upstream.md has the details
and tests/test_upstream_behaviour.py the upstream behaviour.
"""

from __future__ import annotations

from twisted.web import _newclient

from crawler.compat.versions import supported

# Browsers allow about 256 KiB of response headers (Chrome), servers far less for requests.
MAX_HEADER_BYTES = 256 * 1024


def check_version() -> bool:
    return supported("twisted", "25.0.0", "27")


def install() -> bool:
    """Patch `HTTPClientParser` once per process; False (unpatched) outside the known range."""
    parser = _newclient.HTTPClientParser
    if getattr(parser, "_header_cap", None) is not None:
        return True
    if not check_version():
        return False
    data_received = parser.dataReceived
    reading_headers = (_newclient.STATUS, _newclient.HEADER)

    # Counted per chunk, around the parser, not per line: Scrapy 2.19 swaps in its own
    # subclass (_LenientHTTPClientParser) with its own lineReceived.
    def capped_data_received(self, data: bytes) -> None:
        if self.state not in reading_headers:
            data_received(self, data)
            return
        self._header_bytes = getattr(self, "_header_bytes", 0) + len(data)
        data_received(self, data)
        if self.state in reading_headers and self._header_bytes > MAX_HEADER_BYTES:
            raise _newclient.ParseError("response headers", f"over {MAX_HEADER_BYTES // 1024} KiB")

    def line_too_long(self, line: bytes) -> None:
        raise _newclient.ParseError("response header line", f"over {self.MAX_LENGTH:,} bytes")

    parser._stock_data_received = data_received  # for the upstream test
    parser.dataReceived = capped_data_received
    parser.lineLengthExceeded = line_too_long
    parser._header_cap = MAX_HEADER_BYTES
    return True


class CapResponseHeaders:
    """The extension that installs the cap when a crawl starts (settings.EXTENSIONS)."""

    @classmethod
    def from_crawler(cls, crawler):
        install()
        return cls()
