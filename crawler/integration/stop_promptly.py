"""On SIGTERM or Ctrl-C, requests still waiting in the downloader are not sent.

Scrapy's graceful stop finishes every request handed to the downloader, those waiting in a
host's queue for their download delay included: with CONCURRENT_REQUESTS at 16 and a
robots.txt Crawl-delay of 8 s, two more minutes of crawling, past systemd's
TimeoutStopSec, which then kills the crawl before run.json is written. Scrapy drains them
so that a request taken out of a disk queue is not lost (scrapy/scrapy#2969, #4749). Here
they go back to the scheduler instead, which counts them at the close (skip `stopped`,
crawler.integration.scheduler) or gives them back to the shared frontier (distributed
mode), and so do the spider's requests that reach the downloader later (released by a
slow robots.txt). Pages already being transferred finish, as before; robots.txt downloads,
awaited by their gate, are drained; and a second signal still stops at once.

Not with JOBDIR: a resumed run needs the disk queue whole, so Scrapy's drain stays.
"""

from __future__ import annotations

import functools
import logging
import signal

from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http.request import NO_CALLBACK
from twisted.python.failure import Failure

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
        from twisted.internet import reactor

        # Scrapy's CrawlerProcess installs its shutdown handlers once the reactor has
        # started; ours wrap them afterwards. Without them (CrawlerRunner, a handler the
        # user set) nothing is wrapped, and Scrapy's stop is unchanged.
        if reactor.running:
            reactor.callLater(0, self.wrap_shutdown_handlers)
        else:
            reactor.callWhenRunning(reactor.callLater, 0, self.wrap_shutdown_handlers)

    def wrap_shutdown_handlers(self) -> None:
        for signum in (signal.SIGTERM, signal.SIGINT):
            previous = signal.getsignal(signum)
            if callable(previous) and previous is not signal.default_int_handler:
                signal.signal(signum, functools.partial(self._on_signal, previous))

    def _on_signal(self, previous, signum, frame) -> None:
        from twisted.internet import reactor

        previous(signum, frame)  # Scrapy's: starts the graceful stop, arms the second signal
        # Logging or touching the crawl is not safe inside a signal handler: after the stop.
        reactor.callFromThread(self.stop_sending)

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
        scheduler.take_back(request)
        request.meta[TAKEN_BACK] = True
        download.errback(Failure(TakenBack(f"not sent: the crawl is stopping ({request})")))


def _spider_request(request) -> bool:
    """A request of the spider's, which the scheduler can hold: not one the engine downloads
    for a component (robots.txt), which is awaited there and drained as before."""
    return request.callback is not NO_CALLBACK
