"""A body that is gzip without a Content-Encoding saying so: a `.xml.gz` sitemap, a page
stored compressed and served as text/html. Read whole, bounded against bombs."""

from __future__ import annotations

import zlib

GZIP_MAGIC = b"\x1f\x8b"


class GzipError(ValueError):
    """`kind`: "bad" (not gzip after all), "too_large" or "cut_short"."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def gunzip(body: bytes, max_bytes: int) -> bytes:
    """Every gzip member of `body` (`cat a.gz b.gz` is one valid file), at most `max_bytes`
    of them; GzipError for a stream that is no gzip, expands past the bound, or stops
    before its end (whatever came after the cut would be lost without a trace)."""
    parts, size, rest = [], 0, body
    while rest:
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            part = decompressor.decompress(rest, max_bytes + 1 - size)
        except zlib.error as error:
            raise GzipError("bad", f"bad gzip: {error}") from error
        size += len(part)
        parts.append(part)
        if size > max_bytes or decompressor.unconsumed_tail:
            raise GzipError("too_large", f"gzip expands past {max_bytes} bytes")
        if not decompressor.eof:
            raise GzipError("cut_short", f"gzip stream cut short after {size} bytes")
        rest = decompressor.unused_data.lstrip(b"\x00")  # padding between members
    return b"".join(parts)
