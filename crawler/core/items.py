"""What spiders hand to pipelines: a fetched page or a failed fetch. No Scrapy types.

The body travels as bytes, not as a Response, so the process pool can pickle it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from crawler.core.model import Hints, Outcome


@dataclass
class FetchedPage:
    url: str
    body: bytes
    status: int
    spider: str
    content_type: str | None = None
    hints: Hints = field(default_factory=Hints)
    redirected_from: tuple[str, ...] = ()  # the URLs requested before redirects led to `url`


@dataclass
class FetchFailed:
    url: str
    reason: str
    spider: str
    detail: str = ""
    http_status: int | None = None
    source: str | None = None


@dataclass
class ProcessedPage:
    url: str
    outcome: Outcome
    spider: str
    http_status: int | None = None
    source: str | None = None
    redirected_from: tuple[str, ...] = ()
    # The text's content hash before site-learned boilerplate was removed: a page an earlier
    # run emitted before its site's template was learned was stored under this one.
    unstripped_hash: str | None = None
