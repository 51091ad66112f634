"""Scrapy's scheduler, whose push to the JOBDIR disk queue may fail on a full disk.

`Scheduler._dqpush` catches only the ValueError of a request it cannot serialize, and holds
that one in the memory queue. A full disk's OSError escaped `enqueue_request`: it ended the
callback that made the request, or hung the crawl (docs/upstream.md, the queuelib section).
Here a request the disk refuses is held in memory the same way, and `disk_queue_failed`
is told. Read for Scrapy 2.19.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.core.scheduler import Scheduler


class DiskFallbackScheduler(Scheduler):
    def _dqpush(self, request: Request) -> bool:
        try:
            return super()._dqpush(request)
        except OSError as error:
            self.disk_queue_failed(error)
            return False  # Scrapy's enqueue_request holds it in the memory queue

    def disk_queue_failed(self, error: OSError) -> None:
        """The disk queue refused a request, now held in memory: for a subclass to count."""
