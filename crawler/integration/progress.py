"""A progress line every PROGRESS_INTERVAL seconds with the counts an operator needs.

Scrapy's LogStats gives pages and items a minute; an operator watching a crawl
wants to know what is being rejected and why, and how much is still queued.
"""

from __future__ import annotations

import logging
import time

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task

logger = logging.getLogger(__name__)


class ProgressLog:
    def __init__(self, crawler: Crawler, interval: float):
        self.crawler, self.interval = crawler, interval
        self._loop: task.LoopingCall | None = None
        self._started = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProgressLog:
        interval = crawler.settings.getfloat("PROGRESS_INTERVAL")
        if interval <= 0:
            raise NotConfigured("PROGRESS_INTERVAL is 0")
        extension = cls(crawler, interval)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider) -> None:
        self._started = time.monotonic()
        self._loop = task.LoopingCall(self.log_progress)
        self._loop.start(self.interval, now=False)

    def spider_closed(self, spider, reason) -> None:
        if self._loop is not None and self._loop.running:
            self._loop.stop()

    def log_progress(self) -> None:
        logger.info("Progress: %s", format_progress(self.snapshot()))

    def snapshot(self) -> dict:
        stats = self.crawler.stats.get_stats()
        rejected = {
            key.removeprefix("articles/rejected/"): value
            for key, value in stats.items()
            if key.startswith("articles/rejected/")
        }
        skipped = sum(v for k, v in stats.items() if k.startswith("outcomes/skipped/"))
        queued = self._queued()
        elapsed = max(time.monotonic() - self._started, 1e-6)
        fetched = stats.get("response_received_count", 0)
        return {
            "fetched": fetched,
            "accepted": stats.get("articles/accepted", 0),
            "rejected": rejected,
            "skipped": skipped + stats.get("dupefilter/filtered", 0),
            "queued": queued,
            "pages_per_s": fetched / elapsed,
        }

    def _queued(self) -> int:
        try:
            scheduler = self.crawler.engine.scheduler
        except RuntimeError:  # the engine exists only once the crawl runs
            return 0
        return len(scheduler) if scheduler is not None and hasattr(scheduler, "__len__") else 0


def format_progress(snap: dict) -> str:
    top = sorted(snap["rejected"].items(), key=lambda kv: -kv[1])[:3]
    reasons = ", ".join(f"{reason}={count}" for reason, count in top) or "none"
    return (
        f"fetched={snap['fetched']} accepted={snap['accepted']} "
        f"rejected={sum(snap['rejected'].values())} ({reasons}) skipped={snap['skipped']} "
        f"queued={snap['queued']} rate={snap['pages_per_s']:.1f} pages/s"
    )
