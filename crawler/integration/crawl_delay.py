"""Honour robots.txt `Crawl-delay` as a per-domain download delay.

Scrapy reads robots.txt but ignores Crawl-delay (scrapy/scrapy#892). This extension
sets the delay on the domain's download slot when robots.txt is parsed, registers it
for slots created later, and restores it after AutoThrottle adjusts a slot, since
AutoThrottle would otherwise lower it to its own estimate. The slot writes are in
crawler.compat.scrapy.
"""

from __future__ import annotations

import logging

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.compat.scrapy import keep_delay_floor, set_delay_floor, slot_key

logger = logging.getLogger(__name__)


class CrawlDelay:
    def __init__(self, crawler: Crawler, cap: float):
        self.crawler, self.cap = crawler, cap
        self.delays: dict[str, float] = {}  # slot key -> floor in seconds

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlDelay:
        if not crawler.settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured("ROBOTSTXT_OBEY is off")
        extension = cls(crawler, crawler.settings.getfloat("CRAWL_DELAY_MAX", 60.0))
        crawler.signals.connect(extension.robots_parsed, signal=signals.robots_parsed)
        crawler.signals.connect(extension.response_downloaded, signal=signals.response_downloaded)
        return extension

    def robots_parsed(self, robotparser, request) -> None:
        user_agent = self.crawler.settings.get("ROBOTSTXT_USER_AGENT") or request.headers.get(
            b"User-Agent", self.crawler.settings.get("USER_AGENT")
        )
        delay = robotparser.crawl_delay(user_agent)
        if not delay or delay <= 0:
            return
        downloader = self.crawler.engine.downloader
        key = slot_key(downloader, request)
        floor = min(float(delay), self.cap)
        self.delays[key] = floor
        set_delay_floor(downloader, key, floor)
        self.crawler.stats.set_value(f"crawl_delay/{key}", floor)
        logger.info("robots.txt Crawl-delay for %s: %.1f s", key, floor)

    def response_downloaded(self, response, request, spider) -> None:
        key = request.meta.get("download_slot")
        if key in self.delays:
            keep_delay_floor(self.crawler.engine.downloader, key, self.delays[key])
