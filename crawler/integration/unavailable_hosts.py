"""Giving up, for the rest of the run, on a host that keeps asking us to come back later.

A host that answered every request 503 (or 429) with a Retry-After was crawled to its last
page: each page's attempts (RETRY_TIMES + 1) waited out the Retry-After in turn, so 200
pages at 120 s kept an hourly crawl running for 20 h, and the next runs piled up behind it.

After HOST_RETRY_AFTER_LIMIT answers from a host in a row that carry a Retry-After (with a
status RETRY_HTTP_CODES lists), with no other answer between, the host is given up for this
run: the answer that reached the limit is not retried, and the host's requests not yet
sent, those waiting in the downloader for its Retry-After included, are rejects
`host_unavailable`. That reject is transient: the next run fetches the pages (and reads the
feed or sitemap that listed them) again. Zero never gives up.

Answers to requests that were already in flight when a counted answer arrived count with
it, as one: with CONCURRENT_REQUESTS_PER_DOMAIN 8, a burst of eight 429s sent together was
eight "in a row", and the host was given up before its Retry-After had been waited once.
So each count is a wait honoured and the host answering "wait" again after it.

Only answers that ask us to wait count. A 500 or a timeout says something about one page
as often as about the host, costs no wait beyond its own, and keeps its own reason.
"""

from __future__ import annotations

import logging

from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request, Response

from crawler.compat.scrapy import send_number, sends_so_far, slot_key

logger = logging.getLogger(__name__)
GIVEN_UP_STAT = "hosts/given_up/"  # + host: why, for run.json's alerts


class HostUnavailable(IgnoreRequest):
    """A request not sent: its host asked us to wait too often in a row this run."""


class GiveUpOnUnavailableHosts:
    def __init__(self, crawler, limit: int):
        self.crawler, self.limit = crawler, limit
        codes = crawler.settings.getlist("RETRY_HTTP_CODES")
        self.waiting_statuses = {int(code) for code in codes}
        self.failures: dict[str, int] = {}  # host -> answers in a row asking us to wait
        self.counted_at: dict[str, int] = {}  # host -> sends before its last counted answer
        self.given_up: dict[str, str] = {}  # host -> why

    @classmethod
    def from_crawler(cls, crawler) -> GiveUpOnUnavailableHosts:
        limit = crawler.settings.getint("HOST_RETRY_AFTER_LIMIT", 0)
        if limit <= 0:
            raise NotConfigured("HOST_RETRY_AFTER_LIMIT is 0: no host is given up")
        return cls(crawler, limit)

    def process_request(self, request: Request) -> None:
        why = self.given_up.get(self._host(request))
        if why is not None:
            raise HostUnavailable(f"not sent: {why}")

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status in self.waiting_statuses and b"Retry-After" in response.headers:
            self._asked_to_wait(request, f"HTTP {response.status} with Retry-After")
        else:
            self.failures.pop(self._host(request), None)
        return response

    def _asked_to_wait(self, request: Request, cause: str) -> None:
        host = self._host(request)
        if self._sent_after_last_count(request, host):
            self.failures[host] = self.failures.get(host, 0) + 1
        count = self.failures.get(host, 0)
        if count < self.limit:
            return
        # This answer is the page's outcome (its own status): a retry would be refused
        # anyway, and filed under the host instead of what the page gave.
        request.meta["dont_retry"] = True
        if host in self.given_up:
            return
        why = f"{host} asked us to wait {count} times in a row this run ({cause})"
        self.given_up[host] = why
        logger.warning("Giving up on %s for this run: its remaining pages are rejects "
                       "host_unavailable", why)  # fmt: skip
        self.crawler.stats.set_value(f"{GIVEN_UP_STAT}{host}", f"{count} answers {cause}")
        refuse = getattr(self.crawler.engine.downloader, "refuse", None)
        if refuse is not None:  # the requests waiting for the host's Retry-After, at once
            refuse(host, lambda waiting: HostUnavailable(f"not sent: {why}"))

    def _sent_after_last_count(self, request: Request, host: str) -> bool:
        """False for a request sent before the host's last counted answer arrived: it was in
        flight, so its answer is the same "wait", not one more after a wait."""
        sent = send_number(request)
        if sent is not None and sent <= self.counted_at.get(host, 0):
            return False
        self.counted_at[host] = sends_so_far(self.crawler.engine.downloader) or 0
        return True

    def _host(self, request: Request) -> str:
        return slot_key(self.crawler.engine.downloader, request)
