"""The exception a pipeline raises for a page it has written to rejects.jsonl."""

from __future__ import annotations

from scrapy.exceptions import DropItem


class Rejected(DropItem):
    """Dropped because written to rejects.jsonl; carries the reason for signal handlers
    (item_dropped hands them the item as it entered the pipelines, not as it left)."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"rejected ({reason}): {url}", log_level="DEBUG")
        self.url, self.reason = url, reason


# Reasons that come from the page itself; network and HTTP errors, and a failure of our own
# (extract_timeout, internal_error), are tried again next run. "410 Gone" is permanent by
# definition (RFC 9110); a 404 may be a page not published yet.
PERMANENT_REJECTS = frozenset(
    {"non_english", "unwanted_language", "too_short", "not_html", "empty", "no_text", "off_topic",
     "http_410"}
)  # fmt: skip
