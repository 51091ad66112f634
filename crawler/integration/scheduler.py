"""Scrapy's scheduler, plus a ledger entry for what it still holds when the crawl stops.

The ledger counts a request when the spider creates it. A crawl stopped early (SIGTERM,
Ctrl-C, a CLOSESPIDER limit) leaves requests in the scheduler that Scrapy drops at the
close without a word: they showed as `unaccounted`, and no file named them. Here each is
a counted skip, `stopped`, and run.json lists their URLs (`stopped_before_fetch`), so an
operator can see what the next run has to pick up.

With JOBDIR the disk queue keeps its requests for the resumed run, whose ledger counts
them again (crawler.integration.resumed_requests). This run's own among them are a skip
here, `kept_for_resume`, counted, not listed (the disk queue is not read back to name
them); those an earlier run left and this one did not reach were never in its ledger.
What the memory queue held (requests that cannot be written to disk) is lost: `stopped`.

A request the disk queue cannot take (a full disk under JOBDIR) is held in memory, as Scrapy
holds one it cannot serialize (crawler.compat.scrapy_scheduler; Scrapy let the OSError end
the callback that made the request, or hang the crawl). The log names the queue's folder
once; run.json's alert says how many requests a stop would not have kept.
"""

from __future__ import annotations

import logging

from scrapy import Request

from crawler.compat.scrapy_scheduler import DiskFallbackScheduler
from crawler.compat.whole_writes import count_unsaved
from crawler.core.canonical import without_password
from crawler.integration.resumed_requests import from_an_earlier_run

STOPPED = "stopped"  # the skip reason
KEPT_FOR_RESUME = "kept_for_resume"  # the skip reason of this run's requests left on disk
STOPPED_URLS_KEPT = 1000  # run.json names at most this many; the count is always whole
_ATTRIBUTE = "_ainews_stopped_urls"
UNSAVED_STAT = "jobdir/unsaved_requests"  # requests held in memory: the disk queue failed
UNSAVED_ERROR_STAT = "jobdir/error"  # the first failure, naming the queue's folder

logger = logging.getLogger(__name__)


class LedgerScheduler(DiskFallbackScheduler):
    restored_left = 0  # requests of earlier runs still on disk (JOBDIR)

    def open(self, spider):
        opened = super().open(spider)
        if self.dqs is not None:
            self.restored_left = len(self.dqs)
        return opened

    def next_request(self):
        request = super().next_request()
        resuming = self.dqs is not None and self.crawler is not None and request is not None
        if resuming and from_an_earlier_run(request, self.crawler):
            self.restored_left -= 1
        return request

    def disk_queue_failed(self, error: OSError) -> None:
        kept = (
            "the requests it cannot take are held in memory, and a stop would not keep them "
            "for the resumed run"
        )
        count_unsaved(self.stats, UNSAVED_ERROR_STAT, UNSAVED_STAT, self.dqdir, error, kept, logger)

    def take_back(self, request: Request) -> None:
        """A request the downloader will not send, as a crawl stops
        (crawler.integration.stop_promptly): held again, to be counted at the close. Never
        with JOBDIR, whose disk queue Scrapy's drain keeps whole."""
        self.mqs.push(request)

    def close(self, reason: str):
        stopped = []
        while (request := self.mqs.pop()) is not None:
            stopped.append(without_password(request.url))
        if stopped and self.crawler is not None:
            self.crawler.stats.inc_value(f"outcomes/skipped/{STOPPED}", len(stopped))
            setattr(self.crawler, _ATTRIBUTE, stopped[:STOPPED_URLS_KEPT])
        kept = len(self.dqs) - self.restored_left if self.dqs is not None else 0
        if kept > 0 and self.crawler is not None:
            self.crawler.stats.inc_value(f"outcomes/skipped/{KEPT_FOR_RESUME}", kept)
        return super().close(reason)


def stopped_urls(crawler) -> list[str]:
    """The URLs of the requests a stopped crawl never sent (the first STOPPED_URLS_KEPT)."""
    return getattr(crawler, _ATTRIBUTE, [])
