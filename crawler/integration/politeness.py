"""Scheduling that keeps one busy host from holding up the others, and a start-up that
does not fail for it.

Scrapy's default `DownloaderAwarePriorityQueue` hands out the next request from the host
with the fewest requests in the downloader, so a slow or held host (Crawl-delay,
Retry-After) waits alone instead of filling CONCURRENT_REQUESTS. It refuses
CONCURRENT_REQUESTS_PER_IP with a ValueError at start-up, though, so an operator who sets
that gets Scrapy's plain priority queue instead of a crash; an operator's own
SCHEDULER_PRIORITY_QUEUE is left alone.
"""

from __future__ import annotations

from scrapy.settings import SETTINGS_PRIORITIES

DOWNLOADER_AWARE = "scrapy.pqueues.DownloaderAwarePriorityQueue"
PLAIN = "scrapy.pqueues.ScrapyPriorityQueue"


class PolitenessAddon:
    def update_settings(self, settings) -> None:
        chosen = settings.getpriority("SCHEDULER_PRIORITY_QUEUE") or 0
        if (
            settings.getint("CONCURRENT_REQUESTS_PER_IP")
            and settings.get("SCHEDULER_PRIORITY_QUEUE") == DOWNLOADER_AWARE
            and chosen <= SETTINGS_PRIORITIES["default"]
        ):
            settings.set("SCHEDULER_PRIORITY_QUEUE", PLAIN, "addon")
