"""The exception a pipeline raises for a page it has written to rejects.jsonl."""

from __future__ import annotations

from scrapy.exceptions import DropItem


class Rejected(DropItem):
    """Dropped because written to rejects.jsonl; carries the reason for signal handlers
    (item_dropped hands them the item as it entered the pipelines, not as it left)."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"rejected ({reason}): {url}", log_level="DEBUG")
        self.url, self.reason = url, reason
