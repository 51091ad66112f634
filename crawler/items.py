"""What spiders hand to pipelines: a fetched page or a failed fetch. No Scrapy types.

The body travels as bytes, not as a Response, so the process pool can pickle it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scrapy.exceptions import DropItem

from crawler.model import Hints, Outcome


class Rejected(DropItem):
    """Dropped because written to rejects.jsonl; carries the reason for signal handlers
    (item_dropped hands them the item as it entered the pipelines, not as it left)."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"rejected ({reason}): {url}", log_level="DEBUG")
        self.url, self.reason = url, reason


@dataclass
class FetchedPage:
    url: str
    body: bytes
    status: int
    spider: str
    content_type: str | None = None
    hints: Hints = field(default_factory=Hints)


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
