"""Requests a JOBDIR run restores from disk are counted in the resumed run's ledger.

The ledger counts a request when the spider creates it (`outcomes/requests`). With
`-s JOBDIR=…` a stopped crawl leaves its pending requests on disk, and the next run with the
same JOBDIR downloads them without creating them: its run.json counted their outcomes but
not the requests (`unaccounted` went negative). Each request is given the token of the run
that scheduled (and counted) it; one with another run's token is counted here, once, as it
is downloaded, and takes this run's token (redirects and retries copy it).

Only with JOBDIR and without Redis: a distributed worker downloads requests other workers
created and counted, and those ledgers are summed across workers.
"""

from __future__ import annotations

import uuid

from scrapy import signals
from scrapy.exceptions import NotConfigured

LEDGER_RUN = "ledger_run"  # request meta: the token of the run whose ledger counts it


_TOKEN = "_ainews_ledger_run"


def run_token(crawler) -> str:
    """This run's token: what its own requests carry under LEDGER_RUN."""
    if not hasattr(crawler, _TOKEN):
        setattr(crawler, _TOKEN, uuid.uuid4().hex)
    return getattr(crawler, _TOKEN)


def from_an_earlier_run(request, crawler) -> bool:
    token = request.meta.get(LEDGER_RUN)
    return token is not None and token != run_token(crawler)


class CountResumedRequests:
    def __init__(self, stats, token: str):
        self.stats = stats
        self.token = token

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.get("JOBDIR") or settings.get("REDIS_URL"):
            raise NotConfigured("only a JOBDIR crawl restores requests from an earlier run")
        counter = cls(crawler.stats, run_token(crawler))
        # Sent before the scheduler writes the request to disk, so the token goes with it.
        crawler.signals.connect(counter.request_scheduled, signal=signals.request_scheduled)
        return counter

    def request_scheduled(self, request, spider=None):
        request.meta.setdefault(LEDGER_RUN, self.token)

    def process_request(self, request, spider=None):
        token = request.meta.get(LEDGER_RUN)
        if token is not None and token != self.token:  # an earlier run's, restored
            self.stats.inc_value("outcomes/requests")
            self.stats.inc_value("outcomes/resumed_requests")
            request.meta[LEDGER_RUN] = self.token
        return None
