"""Writes each outcome to the run directory; accepted records continue to feed exports.

Accepted records leave this pipeline as the same JSON dict written to
articles.jsonl, so `-O out.jsonl` gets identical objects. Rejects are written
and dropped. At close, run.json gets the ledger from the crawl's stats.
"""

from __future__ import annotations

import logging

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from crawler.items import FetchFailed, ProcessedPage
from crawler.model import Reject
from crawler.output import RunOutput, new_run_dir

logger = logging.getLogger(__name__)
SKIP_PREFIX = "outcomes/skipped/"


class RunOutputPipeline:
    def __init__(self, crawler: Crawler, output_dir: str):
        self.crawler, self.output_dir = crawler, output_dir
        self.output: RunOutput | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunOutputPipeline:
        pipeline = cls(crawler, crawler.settings.get("OUTPUT_DIR"))
        crawler.signals.connect(pipeline.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def spider_opened(self, spider) -> None:
        run_dir = new_run_dir(self.output_dir, spider.name)
        self.output = RunOutput(run_dir, spider.name)
        self.crawler.stats.set_value("output/run_dir", str(run_dir))
        logger.info("Writing run output to %s", run_dir)

    def process_item(self, item):
        stats = self.crawler.stats
        if isinstance(item, FetchFailed):
            self._reject(item.url, item.reason, item.detail, item.http_status, item.spider)
        elif isinstance(item, ProcessedPage):
            outcome = item.outcome
            if outcome.record is not None:
                stats.inc_value("articles/accepted")
                return self.output.write_record(outcome.record)
            self._reject(
                item.url,
                outcome.reason,
                outcome.detail,
                item.http_status,
                item.spider,
                outcome.rejected_record,
            )
        else:
            return item  # not ours: leave it to other pipelines and exporters
        raise DropItem(f"rejected {item.url}", log_level="DEBUG")

    def _reject(self, url, reason, detail, http_status, spider, record=None) -> None:
        self.crawler.stats.inc_value(f"articles/rejected/{reason}")
        reject = Reject(
            url=url,
            reason=reason,
            detail=detail,
            http_status=http_status,
            spider=spider,
            record=record,
        )
        self.output.write_reject(reject)

    def spider_closed(self, spider, reason: str) -> None:
        if self.output is None:
            return
        stats = self.crawler.stats.get_stats()
        skipped = {
            key.removeprefix(SKIP_PREFIX): value
            for key, value in stats.items()
            if key.startswith(SKIP_PREFIX)
        }
        if stats.get("dupefilter/filtered"):
            skipped["duplicate_request"] = stats["dupefilter/filtered"]
        summary = self.output.finish(
            skipped,
            requests=stats.get("outcomes/requests", 0),
            extra={
                "finish_reason": reason,
                "settings": _settings_that_matter(self.crawler.settings),
                "spider_arguments": getattr(spider, "arguments", {}),
            },
        )
        self.crawler.stats.set_value("output/summary", summary["counts"])
        logger.info("Run summary: %s", summary["counts"])


def _settings_that_matter(settings) -> dict:
    keys = (
        "LANGUAGES", "MIN_WORDS", "FAVOR_PRECISION", "ROBOTSTXT_OBEY", "DOWNLOAD_DELAY",
        "CONCURRENT_REQUESTS_PER_DOMAIN", "AUTOTHROTTLE_ENABLED", "DOWNLOAD_MAXSIZE",
        "DOWNLOAD_TIMEOUT", "RETRY_TIMES", "USER_AGENT", "OUTPUT_DIR", "SOURCES_FILE",
    )  # fmt: skip
    return {key: settings.get(key) for key in keys}
