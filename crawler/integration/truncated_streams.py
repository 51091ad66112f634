"""A compressed body whose stream stops early is `truncated`, not a shorter article.

Scrapy's HttpCompressionMiddleware returns "as much data as possible" from a gzip, deflate
or brotli body that ends before its stream does (scrapy/utils/gz.py). When the server's
Content-Length matched the bytes it sent, nothing else notices, and the first half of an
article became a record. This middleware runs before decompression and checks that the
stream reaches its end; a body that inflates past DOWNLOAD_MAXSIZE is left to Scrapy's
`too_large`, and a stream zlib cannot read at all (not gzip) to Scrapy's decoder, whose
failure is `bad_response` (crawler.integration.undecodable_bodies).

The same place catches the opposite fault: a body labelled `gzip`, `deflate`, `br` or `zstd`
that is plain markup (a server that compresses twice in its configuration, or not at all).
Scrapy's decoder raised (fetch_error); the page is there, so the label is dropped and the
body read as it is. It must start with "<" and fail to decode, so no real stream is touched.

And a `206 Partial Content` to a request that asked for no range (the crawler never does)
is `truncated` as well: Scrapy takes any 2xx for the whole document.
"""

from __future__ import annotations

import zlib

import brotli
from scrapy.exceptions import ResponseDataLossError

from crawler.integration.robots import MAX_ROBOTS_BYTES, PARTIAL_BODY_OK

CHUNK = 64 * 1024


class RejectTruncatedStreams:
    def __init__(self, max_size: int):
        self.max_size = max_size

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.getint("DOWNLOAD_MAXSIZE"))

    def process_response(self, request, response, spider=None):
        if request.meta.get(PARTIAL_BODY_OK):
            # A robots.txt is read as far as it goes (RFC 9309). It was downloaded without
            # DOWNLOAD_MAXSIZE (crawler.integration.robots caps it at 512 KiB itself), and a
            # compressed one is inflated here to its first 512 KiB: a prefix of the rules
            # is what the RFC asks for, where Scrapy would refuse the whole past 10 MiB.
            request.meta["download_maxsize"] = self.max_size
            return _inflated_prefix(response, MAX_ROBOTS_BYTES)
        if response.status == 206 and b"Range" not in request.headers:
            # Part of the page, sent as if it were all of it: the article ended mid-word.
            part = (response.headers.get(b"Content-Range") or b"no Content-Range").decode("latin-1")
            raise ResponseDataLossError(f"206 Partial Content to a request for the whole: {part}")
        if request.method == "HEAD" or not response.body:
            return response
        encodings = response.headers.getlist(b"Content-Encoding")
        last = encodings[-1].decode("latin-1").split(",")[-1].strip().lower() if encodings else ""
        if (
            len(encodings) == 1
            and "," not in encodings[0].decode("latin-1")
            and (is_plain_markup(last, response.body))
        ):
            headers = response.headers.copy()
            del headers[b"Content-Encoding"]
            return response.replace(headers=headers)
        max_size = request.meta.get("download_maxsize", self.max_size)  # per request, too
        if stream_ends_early(last, response.body, max_size):
            raise ResponseDataLossError(
                f"the {last} body ends before its compressed stream does "
                f"({len(response.body)} bytes received)"
            )
        return response


def _inflated_prefix(response, limit: int):
    """`response` with its body decompressed to at most `limit` bytes and no
    Content-Encoding; unchanged when it has one encoding we cannot read or none at all."""
    encodings = response.headers.getlist(b"Content-Encoding")
    if len(encodings) != 1 or not response.body:
        return response
    prefix = decompressed_prefix(encodings[0].decode("latin-1").strip().lower(), response.body,
                                 limit)  # fmt: skip
    if prefix is None:
        return response
    headers = response.headers.copy()
    del headers[b"Content-Encoding"]
    return response.replace(body=prefix, headers=headers)


def decompressed_prefix(encoding: str, body: bytes, limit: int) -> bytes | None:
    """The first `limit` bytes `body` decompresses to (fewer for a stream cut short);
    None for an encoding other than gzip, deflate or br, or a body that does not decode."""
    try:
        if encoding == "br":
            return brotli.Decompressor().process(body, output_buffer_limit=limit)[:limit]
        inflater = _inflater(encoding, body)
        return None if inflater is None else inflater.decompress(body, limit)
    except (zlib.error, brotli.error):
        return None


def _inflater(encoding: str, body: bytes):
    """A zlib decompressor for a gzip or deflate body; None for any other encoding.

    "deflate" means zlib-wrapped (RFC 9110), but some servers (IIS) send raw deflate. The
    two-byte RFC 1950 header tells them apart, as browsers do, so no caller needs a retry."""
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        zlib_wrapped = (
            len(body) >= 2 and body[0] & 0x0F == 8 and int.from_bytes(body[:2], "big") % 31 == 0
        )
        return zlib.decompressobj(zlib.MAX_WBITS if zlib_wrapped else -zlib.MAX_WBITS)
    return None


_MAGIC = {"gzip": b"\x1f\x8b", "x-gzip": b"\x1f\x8b", "zstd": b"\x28\xb5\x2f\xfd"}


def is_plain_markup(encoding: str, body: bytes) -> bool:
    """True when a body labelled with a compression is uncompressed markup: it starts with
    "<" (after a BOM and white space) and the decoder named cannot read its start."""
    if encoding not in ("gzip", "x-gzip", "deflate", "br", "zstd"):
        return False
    if body.removeprefix(b"\xef\xbb\xbf").lstrip()[:1] != b"<":
        return False
    if encoding in _MAGIC:
        return not body.startswith(_MAGIC[encoding])
    start = body[:CHUNK]
    try:
        if encoding == "br":
            brotli.Decompressor().process(start)
        else:
            _inflater(encoding, start).decompress(start, 16)
    except (zlib.error, brotli.error):
        return True
    return False


class _TooLarge(Exception):
    """The stream inflates past the size limit: Scrapy's `too_large`, not ours to judge."""


def stream_ends_early(encoding: str, body: bytes, max_size: int = 0) -> bool:
    """True only when the body decodes cleanly up to its last byte and the stream has not
    ended; False for a complete stream, an unknown encoding, an undecodable body, or one
    that inflates past `max_size` (others judge those)."""
    try:
        if encoding == "br":
            return not _brotli_finishes(body, max_size)
        inflater = _inflater(encoding, body)
        return inflater is not None and not _zlib_finishes(inflater, body, max_size)
    except (zlib.error, brotli.error, _TooLarge):
        return False


def _zlib_finishes(decompressor, body: bytes, max_size: int) -> bool:
    chunk = decompressor.decompress(body, CHUNK)
    size = len(chunk)
    # A full chunk may leave output pending with no input left (raw deflate has no trailer
    # to read after it): keep asking until a call comes back short.
    while not decompressor.eof and (decompressor.unconsumed_tail or len(chunk) == CHUNK):
        chunk = decompressor.decompress(decompressor.unconsumed_tail, CHUNK)
        size += len(chunk)
        if max_size and size > max_size:
            raise _TooLarge
    return decompressor.eof


def _brotli_finishes(body: bytes, max_size: int) -> bool:
    decompressor = brotli.Decompressor()
    size = len(decompressor.process(body, output_buffer_limit=CHUNK))
    while not decompressor.is_finished():
        chunk = decompressor.process(b"", output_buffer_limit=CHUNK)
        if not chunk:
            break
        size += len(chunk)
        if max_size and size > max_size:
            raise _TooLarge
    return decompressor.is_finished()
