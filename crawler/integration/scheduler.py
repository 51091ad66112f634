"""Scrapy's scheduler, plus a ledger entry for what it still holds when the crawl stops.

The ledger counts a request when the spider creates it. A crawl stopped early (SIGTERM,
Ctrl-C, a CLOSESPIDER limit) leaves requests in the scheduler that Scrapy drops at the
close without a word: they showed as `unaccounted`, and no file named them. Here each is
a counted skip, `stopped`, and run.json lists their URLs (`stopped_before_fetch`), so an
operator can see what the next run has to pick up.

With JOBDIR the disk queue keeps its requests for the resumed run, whose ledger counts
them (crawler.integration.resumed_requests); only what the memory queue held (requests
that cannot be written to disk) is lost and counted here.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.core.scheduler import Scheduler

from crawler.core.canonical import without_password

STOPPED = "stopped"  # the skip reason
STOPPED_URLS_KEPT = 1000  # run.json names at most this many; the count is always whole
_ATTRIBUTE = "_ainews_stopped_urls"


class LedgerScheduler(Scheduler):
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
        return super().close(reason)


def stopped_urls(crawler) -> list[str]:
    """The URLs of the requests a stopped crawl never sent (the first STOPPED_URLS_KEPT)."""
    return getattr(crawler, _ATTRIBUTE, [])
