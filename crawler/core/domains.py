"""Which site a URL belongs to, by registrable domain: `example.co.uk` for
news.example.co.uk, as the Public Suffix List draws the line.

Its own module so that extraction workers, which import crawler.core.canonical, do not pay
for tldextract's import (about 0.1 s).
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

from tldextract import TLDExtract

# The snapshot bundled with tldextract: never fetched (a crawl must not depend on the
# network for it). Private suffixes count: a.github.io is not b.github.io.
_SUFFIXES = TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True)


@lru_cache(maxsize=4096)
def registrable_domain(host: str) -> str:
    """An IP address or a single label is itself; a name under no known suffix
    (`news.test`) is its last two labels."""
    host = host.lower().rstrip(".")
    parts = _SUFFIXES(host)
    if parts.top_domain_under_public_suffix:
        return parts.top_domain_under_public_suffix
    if ":" in host or parts.ipv4:
        return host
    return ".".join(host.split(".")[-2:])


def url_domain(url: str) -> str:
    """registrable_domain of a URL's host; "" when it has none."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return ""
    return registrable_domain(host) if host else ""
