"""A JOBDIR whose crawl finished starts the next run afresh.

Scrapy's job directory is for one crawl, paused and resumed: its dupefilter keeps every
request fingerprint in `JOBDIR/requests.seen`. Left in a scheduled command (to survive a
reboot), it made every later run drop its seeds as duplicates of the finished run's, fetch
nothing and exit 0 (audit 22). When a crawl finishes (not stopped: a stopped crawl's list is
what its resumed run needs), the list is emptied; the disk queue is empty already.
"""

from __future__ import annotations

import logging
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured

logger = logging.getLogger(__name__)

SEEN_FILE = "requests.seen"  # scrapy.dupefilters.RFPDupeFilter's


class ClearFinishedJobdir:
    def __init__(self, jobdir: Path):
        self.jobdir = jobdir

    @classmethod
    def from_crawler(cls, crawler):
        jobdir = crawler.settings.get("JOBDIR")
        if not jobdir:
            raise NotConfigured("no JOBDIR")
        extension = cls(Path(jobdir))
        # After the scheduler closed the dupefilter's file (engine.close_spider).
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider, reason: str) -> None:
        seen = self.jobdir / SEEN_FILE
        if reason != "finished" or not seen.is_file():
            return
        try:
            seen.write_bytes(b"")
        except OSError as error:
            logger.warning("JOBDIR %s: cannot clear %s (%s)", self.jobdir, SEEN_FILE, error)
            return
        logger.info(
            "JOBDIR %s: the crawl finished; its seen-requests list is cleared, so the next "
            "run with this JOBDIR starts afresh",
            self.jobdir,
        )
