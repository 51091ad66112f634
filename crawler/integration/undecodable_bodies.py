"""A body its Content-Encoding cannot decode is `bad_response`, not `fetch_error`.

Random bytes labelled `gzip` (a server whose compression module is broken, or a hostile
one) made Scrapy's HttpCompressionMiddleware raise gzip.BadGzipFile, and the page was a
`fetch_error`, the reason for faults we cannot name. The answer is malformed: it says it
is gzip and it is not. Scrapy's own decoder still judges (it keeps what a stream with a bad
CRC gave, and tries raw deflate where zlib's fails), so only what it refuses is refused
here, with a detail naming the label. A plain-markup body under such a label is a record
(crawler.integration.truncated_streams drops the label before this runs).
"""

from __future__ import annotations

import struct
import sys
import zlib

import brotli
from scrapy.downloadermiddlewares.httpcompression import HttpCompressionMiddleware

if sys.version_info >= (3, 14):
    from compression import zstd
else:
    from backports import zstd

# What Scrapy's gunzip, _inflate, _unbrotli and _unzstd raise on bytes that are no such
# stream (gzip's BadGzipFile is an OSError; a gzip header cut short, EOFError or
# struct.error). DOWNLOAD_MAXSIZE's own error is a ValueError, left to Scrapy's `too_large`.
_DECODER_ERRORS = (OSError, EOFError, struct.error, zlib.error, brotli.error, zstd.ZstdError)


class UndecodableBody(Exception):
    """The body is not in the encoding its Content-Encoding names."""


class DecompressOrRefuse(HttpCompressionMiddleware):
    def process_response(self, request, response, spider=None):
        try:
            return super().process_response(request, response)
        except _DECODER_ERRORS as error:
            labels = b", ".join(response.headers.getlist(b"Content-Encoding")).decode("latin-1")
            raise UndecodableBody(
                f"the body ({len(response.body)} bytes) is not {labels} as its "
                f"Content-Encoding says: {_error_name(error)}: {error}"
            ) from error


def _error_name(error: BaseException) -> str:
    """BadGzipFile, ZstdError; zlib.error and brotli.error by module, "error" says nothing."""
    name = type(error).__name__
    return f"{type(error).__module__}.{name}" if name == "error" else name
