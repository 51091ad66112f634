"""A chunk size that no 64-bit length holds is malformed framing, as one that is no number is.

Twisted's chunked decoder (`twisted.web.http._ChunkedTransferDecoder`) takes any run of hex
digits for a chunk size: twenty of them (2^80 bytes) made it wait for a chunk that never
comes, and the server's hang-up read as a stream cut short, `truncated`, where a size of
`-10` is Twisted's `_MalformedChunkedDataError`, `bad_response`. RFC 9112 (7.1) tells
recipients to expect huge numerals and guard against overflow; Go's client refuses a size
of more than 16 hex digits ("http chunk length too large"), as curl does. Here a size over
2^63 - 1, the largest length a signed 64-bit offset holds (leading zeros do not count), is
that same `_MalformedChunkedDataError`, which crawler/integration/failures.py files as
`bad_response` the same way. A long body in ordinary chunks is untouched.

`install()` wraps the decoder's chunk-size step once per process, as
crawler.compat.twisted_headers wraps the header parser.
"""

from __future__ import annotations

from twisted.web import http

from crawler.compat.versions import supported

MAX_CHUNK_SIZE = 2**63 - 1


def check_version() -> bool:
    return supported("twisted", "25.0.0", "27")


def install() -> bool:
    """Patch the chunked decoder once per process; False (unpatched) outside the known range."""
    decoder = http._ChunkedTransferDecoder
    if getattr(decoder, "_chunk_size_cap", None) is not None:
        return True
    if not check_version():
        return False
    read_chunk_size = decoder._dataReceived_CHUNK_LENGTH

    # Twisted dispatches on the state's name (`"_dataReceived_" + state`), so the class
    # attribute is what every decoder calls.
    def capped_chunk_size(self) -> bool:
        done = read_chunk_size(self)
        if done and self.state == "BODY" and self.length > MAX_CHUNK_SIZE:
            raise http._MalformedChunkedDataError(
                f"Chunk size {self.length:#x} is over 2**63 - 1 bytes."
            )
        return done

    decoder._stock_chunk_length = read_chunk_size  # for the upstream test
    decoder._dataReceived_CHUNK_LENGTH = capped_chunk_size
    decoder._chunk_size_cap = MAX_CHUNK_SIZE
    return True


class CapChunkSizes:
    """The extension that installs the cap when a crawl starts (settings.EXTENSIONS)."""

    @classmethod
    def from_crawler(cls, crawler):
        install()
        return cls()
