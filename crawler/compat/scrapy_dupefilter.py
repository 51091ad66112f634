"""JOBDIR/requests.seen on a full disk: a fingerprint the disk refuses is kept in memory.

With JOBDIR, Scrapy's RFPDupeFilter appends each new request's fingerprint to
JOBDIR/requests.seen through a buffered file. On a full disk (or a file size limit) the write
that flushed the buffer raised OSError from inside `request_seen`, and so did every later one
(the failed bytes stay in the buffer). Scrapy's scheduler lets it through: the request was
dropped, its fingerprint already marked seen, and the callback that yielded it ended in an
asyncio "Task exception was never retrieved" traceback; a feeds crawl hung (docs/upstream.md).

Here the file is written unbuffered, each fingerprint whole or not at all
(crawler.compat.whole_writes). One the disk refuses stays in the filter's memory, so
duplicates are still dropped within the run, and its request is scheduled. The log names the
file once; run.json's alert counts the fingerprints a resumed run would not know.
Outside the checked Scrapy versions (whose file format may differ), Scrapy's own.
"""

from __future__ import annotations

import logging
from pathlib import Path

from scrapy.dupefilters import RFPDupeFilter

from crawler.compat.scrapy import check_version
from crawler.compat.whole_writes import append_whole, count_unsaved

SEEN_UNSAVED_STAT = "jobdir/unsaved_fingerprints"  # kept in memory only: requests.seen failed
SEEN_ERROR_STAT = "jobdir/seen_error"  # the first failure, naming the file

logger = logging.getLogger(__name__)


class SeenFile:
    """requests.seen as RFPDupeFilter uses it (`write`, `close`): a record the disk refuses
    is left out of the file, counted and named once, instead of raising."""

    def __init__(self, path: Path, stats) -> None:
        self.path, self.stats = path, stats
        self.file = path.open("ab", buffering=0)  # noqa: SIM115 (closed by close())

    def write(self, record: bytes) -> None:
        try:
            append_whole(self.file, record)
        except OSError as error:
            self._unsaved(error)

    def _unsaved(self, error: OSError) -> None:
        kept = (
            "the request fingerprints it cannot take are kept in memory, and a resumed run "
            "would not know those requests were made"
        )
        count_unsaved(
            self.stats, SEEN_ERROR_STAT, SEEN_UNSAVED_STAT, self.path, error, kept, logger
        )

    def close(self) -> None:
        self.file.close()


class JobdirDupeFilter(RFPDupeFilter):
    """Scrapy's RFPDupeFilter (the same requests.seen), whose file cannot fail a request."""

    @classmethod
    def from_crawler(cls, crawler):
        dupefilter = super().from_crawler(crawler)
        if dupefilter.file is not None and check_version():
            path = Path(dupefilter.file.name)  # read already: from here on only appended
            dupefilter.file.close()
            dupefilter.file = SeenFile(path, crawler.stats)
        return dupefilter
