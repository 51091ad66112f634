"""What a robots.txt answer means, and for how long it holds (RFC 9309, section 2.3-2.4).

- 2xx: the file is the rules, cached for its `Cache-Control: max-age`, else the default,
  never more than 24 hours;
- 4xx: the file is unavailable, which allows everything (cached the same way);
- 429 and 5xx: the file is unreachable, which disallows everything; not cached, so the
  next run asks again (a copy fetched earlier is used instead, where there is one);
- no usable answer from a server that took the connection (a timeout, a cut, an answer
  that is not HTTP): unreachable too (RFC 9309 2.3.1.4: "server or network errors");
- a 3xx left over after the redirects were followed: unavailable, as the RFC allows after
  five hops.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass

from crawler.core.gzipped import GZIP_MAGIC

DISALLOW_ALL = b"User-agent: *\nDisallow: /\n"
MAX_INFLATED = 512 * 1024  # RFC 9309 2.5 asks for at least 500 KiB, as a plain file is read
MAX_CACHE = 24 * 3600.0  # RFC 9309: a cached copy SHOULD NOT be used for more than 24 hours
_MAX_AGE = re.compile(r"(?:^|[,\s])(s-maxage|max-age)\s*=\s*\"?(\d+)", re.IGNORECASE)
_NO_STORE = re.compile(r"(?:^|[,\s])(no-store|no-cache)(?:$|[,\s=])", re.IGNORECASE)


@dataclass(frozen=True)
class RobotsAnswer:
    body: bytes  # what to obey: the file, b"" (everything allowed) or DISALLOW_ALL
    cache_for: float  # seconds other runs and workers may reuse it; 0: this run only
    kind: str  # "rules", "unavailable" or "unreachable"


UNREACHABLE = RobotsAnswer(DISALLOW_ALL, 0.0, "unreachable")


def robots_answer(
    status: int, body: bytes, cache_control: str | None, default_ttl: float
) -> RobotsAnswer:
    if 200 <= status < 300:
        rules = endless_delays_capped(as_utf8(inflated(body)))
        return RobotsAnswer(rules, cache_seconds(cache_control, default_ttl), "rules")
    if status == 429 or status >= 500:
        return UNREACHABLE
    return RobotsAnswer(b"", cache_seconds(cache_control, default_ttl), "unavailable")


def inflated(body: bytes) -> bytes:
    """A file stored gzipped and served without Content-Encoding (pages and sitemaps stored
    so are read too): the parser read compressed bytes, found no rule, allowed everything.
    Its first MAX_INFLATED bytes, as far as a cut stream goes; bytes that only begin like
    gzip are left as they are."""
    if not body.startswith(GZIP_MAGIC):
        return body
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body, MAX_INFLATED)
    except zlib.error:
        return body


def as_utf8(body: bytes) -> bytes:
    """RFC 9309 asks for UTF-8; a file saved as UTF-16 (Windows editors do, with a byte order
    mark) is transcoded, where the parser read NUL-riddled bytes and found no rule at all."""
    if body.startswith((b"\xff\xfe", b"\xfe\xff")):
        return body.decode("utf-16", "replace").encode("utf-8")
    return body


_CRAWL_DELAY = re.compile(
    rb"^([ \t]*crawl-delay[ \t]*:[ \t]*)([^\s#]+)", re.IGNORECASE | re.MULTILINE
)
ENDLESS_DELAY = b"1e9"  # seconds: finite, so the parser keeps it and CRAWL_DELAY_MAX caps it


def endless_delays_capped(body: bytes) -> bytes:
    """A `Crawl-delay: inf` (or `nan`, `1e400`) as an absurdly long finite delay. Protego
    drops a value that is no finite number, and the host was crawled at our own delay,
    while `Crawl-delay: 99999` got CRAWL_DELAY_MAX: a site asking for an endless pause is
    asking for the slowest crawl, and being polite is the safer reading."""

    def finite(match: re.Match) -> bytes:
        try:
            value = float(match.group(2))
        except ValueError:
            return match.group(0)  # no number at all: ignored, as the parser ignores it
        if math.isnan(value) or value == math.inf:
            return match.group(1) + ENDLESS_DELAY
        return match.group(0)  # finite, or -inf: the parser's own reading

    return _CRAWL_DELAY.sub(finite, body) if b"rawl-delay" in body.lower() else body


def cache_seconds(cache_control: str | None, default_ttl: float) -> float:
    """How long a fetched robots.txt may be reused: what the server says, within 24 h."""
    if cache_control and _NO_STORE.search(cache_control):
        return 0.0
    found = _MAX_AGE.search(cache_control or "")
    seconds = float(found.group(2)) if found else default_ttl
    return max(0.0, min(seconds, MAX_CACHE))
