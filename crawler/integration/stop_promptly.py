"""When a crawl stops early, requests still waiting in the downloader are not sent.

Scrapy's stop finishes every request handed to the downloader, those waiting in a host's
queue for their download delay included: with CONCURRENT_REQUESTS at 16 and a robots.txt
Crawl-delay of 8 s, two more minutes of crawling. On SIGTERM that runs past systemd's
TimeoutStopSec, which then kills the crawl before run.json is written; after a
CLOSESPIDER_TIMEOUT it overlaps the next hourly run; after CLOSESPIDER_ITEMCOUNT or
PAGECOUNT it fetches pages past the limit. Scrapy drains them so that a request taken out
of a disk queue is not lost (scrapy/scrapy#2969, #4749). Here they go back to the
scheduler instead, which counts them at the close (skip `stopped`,
crawler.integration.scheduler) or gives them back to the shared frontier (distributed
mode), and so do the spider's requests that reach the downloader later (released by a
slow robots.txt). Pages already being transferred finish, as before; a robots.txt being
downloaded finishes without a retry (crawler.integration.robots, told by the signal
`crawl_stopping`), and the pages that waited for it go back to the scheduler; a second
signal still stops at once.

Every early stop goes through the engine's close_spider_async (a signal's
crawler.stop, the CloseSpider extension, a callback raising CloseSpider, our own
output_error), and Scrapy sends no signal before it waits for the downloader, so the
engine's method is wrapped: the one place all of them pass.

Not with JOBDIR: a resumed run needs the disk queue whole, so Scrapy's drain stays.
"""

from __future__ import annotations

import functools
import logging

from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http.request import NO_CALLBACK
from twisted.python.failure import Failure

from crawler.integration.signals import crawl_stopping

logger = logging.getLogger(__name__)
TAKEN_BACK = "taken_back"  # request meta: the scheduler has it again; no outcome here


class TakenBack(IgnoreRequest):
    """The download a request waited for, cancelled by a stop; the request itself is back
    in the scheduler. Not an outcome: the spider's errback ignores it."""


class StopPromptly:
    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        if crawler.settings.get("JOBDIR"):
            raise NotConfigured("JOBDIR: Scrapy's drain keeps the disk queue whole")
        extension = cls(crawler)
        crawler.signals.connect(extension.engine_started, signal=signals.engine_started)
        return extension

    def engine_started(self) -> None:
        engine = self.crawler.engine
        close = getattr(engine, "close_spider_async", None)
        if close is not None:  # Scrapy ≥ 2.14; an older engine keeps its drain
            engine.close_spider_async = functools.partial(self._stop_then_close, close)

    async def _stop_then_close(self, close, *, reason: str = "cancelled") -> None:
        # Before the engine waits for its downloader: that wait is the drain. At an idle
        # finish nothing is queued and this hands back nothing.
        self.stop_sending()
        await self.crawler.signals.send_catch_log_async(signal=crawl_stopping)
        await close(reason=reason)

    def stop_sending(self) -> None:
        engine = self.crawler.engine
        scheduler = engine.scheduler if engine is not None else None
        stop = getattr(engine.downloader, "stop_sending", None) if engine else None
        if getattr(scheduler, "take_back", None) is None or stop is None:
            return  # a scheduler or downloader of the user's: Scrapy's drain
        taken = stop(_spider_request, functools.partial(self._return, scheduler))
        if taken:
            logger.info("Stopping: %d requests waiting in the downloader were not sent", taken)

    @staticmethod
    def _return(scheduler, request, download) -> None:
        download.errback(Failure(hand_back(scheduler, request)))


def give_back(crawler, request) -> TakenBack | None:
    """A request not to send, the crawl stopping, back in the scheduler: the error to fail
    its download with. None where the scheduler cannot hold it (a user's, or JOBDIR's)."""
    scheduler = crawler.engine.scheduler if crawler.engine is not None else None
    if getattr(scheduler, "take_back", None) is None or crawler.settings.get("JOBDIR"):
        return None
    return hand_back(scheduler, request)


def hand_back(scheduler, request) -> TakenBack:
    scheduler.take_back(request)
    request.meta[TAKEN_BACK] = True
    return TakenBack(f"not sent: the crawl is stopping ({request})")


def _spider_request(request) -> bool:
    """A request of the spider's, which the scheduler can hold: not one the engine downloads
    for a component (robots.txt), which is awaited there and drained as before."""
    return request.callback is not NO_CALLBACK
