"""Retries that honour `Retry-After` on 429 and 503 responses.

Scrapy's RetryMiddleware retries at once, which is exactly what a rate-limited
site asked us not to do. A Retry-After is about the whole host, not one URL: our
downloader (crawler.compat.scrapy.PoliteDownloader) holds every request to the host
until then, fleet-wide in distributed mode; other hosts go on meanwhile. Under another
downloader only this retry waits.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from scrapy import signals
from scrapy.downloadermiddlewares.retry import RetryMiddleware, get_retry_request
from scrapy.http import Request, Response

from crawler.core.dates import parse_date


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isascii() and text.isdigit():  # "²" is a digit to isdigit(), not to float()
        return float(text)
    when = _http_date(text) or parse_date(text, now=datetime(9999, 1, 1, tzinfo=UTC))
    if when is None:
        return None
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _http_date(text: str) -> datetime | None:
    """An HTTP date as RFC 9110 writes it, to the end of time: "Fri, 31 Dec 9999 23:59:59
    GMT" is a wait longer than any we take (a reject), not no date at all (the page was
    retried at once; audit 29). parse_date keeps only plausible publication dates."""
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


class RetryAfterMiddleware(RetryMiddleware):
    def __init__(self, settings):
        super().__init__(settings)
        self.max_wait = settings.getfloat("RETRY_AFTER_MAX", 120.0)

    @classmethod
    def from_crawler(cls, crawler):
        middleware = super().from_crawler(crawler)
        crawler.signals.connect(middleware.hold_host, signal=signals.response_downloaded)
        return middleware

    def hold_host(self, response: Response, request: Request, spider) -> None:
        """Sent as the response arrives, before the downloader starts the host's next
        request (this middleware sees the response only after): the host waits from here."""
        downloader = self.crawler.engine.downloader
        if response.status not in self.retry_http_codes or not hasattr(downloader, "hold"):
            return
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        # Past RETRY_AFTER_MAX the page is given up (a reject), not waited for: holding
        # the host that long would stall the crawl on one site.
        if wait and wait <= self.max_wait:
            downloader.hold(request, wait)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry") or response.status not in self.retry_http_codes:
            return response
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        if wait is not None and wait > self.max_wait:
            self.crawler.stats.inc_value("retry/retry_after_too_long")
            return response  # the site asked for more than we will wait: an http_429 reject
        retry = self._retry_request(request, f"{response.status} response")
        if retry is None:
            return response
        if wait:
            self.crawler.stats.inc_value("retry/retry_after_waits")
            if not hasattr(self.crawler.engine.downloader, "hold"):
                await asyncio.sleep(wait)  # no host-wide hold (hold_host): this retry waits
        return retry

    def _retry_request(self, request: Request, reason: str) -> Request | None:
        """RetryMiddleware's own retry, through Scrapy's public get_retry_request."""
        meta = request.meta
        return get_retry_request(
            request,
            spider=self.crawler.spider,
            reason=reason,
            max_retry_times=meta.get("max_retry_times", self.max_retry_times),
            priority_adjust=meta.get("priority_adjust", self.priority_adjust),
            give_up_log_level=meta.get("give_up_log_level", self.give_up_log_level),
        )
