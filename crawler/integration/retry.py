"""Retries that honour `Retry-After` on 429 and 503 responses.

Scrapy's RetryMiddleware retries at once, which is exactly what a rate-limited
site asked us not to do. Waiting here holds only this response, not a
download slot, so other requests go on while it waits.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from scrapy.downloadermiddlewares.retry import RetryMiddleware, get_retry_request
from scrapy.http import Request, Response

from crawler.core.dates import parse_date


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    text = text.strip()
    if text.isdigit():
        return float(text)
    when = parse_date(text, now=datetime(9999, 1, 1, tzinfo=UTC))
    if when is None:
        return None
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    def __init__(self, settings):
        super().__init__(settings)
        self.max_wait = settings.getfloat("RETRY_AFTER_MAX", 120.0)

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
            await asyncio.sleep(wait)
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
