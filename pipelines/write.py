"""Writes each outcome to the run directory; accepted records continue to feed exports.

Accepted records leave this pipeline as the same JSON dict written to
articles.jsonl, so `-O out.jsonl` gets identical objects. Rejects are written
and dropped. At close, run.json gets the ledger from the crawl's stats.
"""

from __future__ import annotations

import logging

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider, DropItem, NotConfigured
from scrapy.utils.defer import deferred_from_coro

from crawler.compat.scrapy_dupefilter import SEEN_ERROR_STAT, SEEN_UNSAVED_STAT
from crawler.core.canonical import without_password
from crawler.core.items import FetchedPage, FetchFailed, ProcessedPage
from crawler.core.model import FAILURE_DETAIL_CHARS, Reject
from crawler.core.values import string_list
from crawler.integration.rejected import Rejected
from crawler.integration.robots import UNREACHABLE_STAT
from crawler.integration.scheduler import UNSAVED_ERROR_STAT, UNSAVED_STAT, stopped_urls
from crawler.integration.state_access import STATE_ERROR_STAT, STATE_FAILURES_STAT, state_for
from crawler.integration.unavailable_hosts import GIVEN_UP_STAT
from crawler.runs.health import HealthLedger, compare_and_record
from crawler.runs.output import OutputError, RunOutput, new_run_dir, point_latest
from crawler.state.recovery import UNSAVED_MARK, mark_unsaved, worker_id
from crawler.state.run_lock import write_lock

logger = logging.getLogger(__name__)
SKIP_PREFIX = "outcomes/skipped/"


class RunOutputPipeline:
    def __init__(self, crawler: Crawler, output_dir: str):
        self.crawler, self.output_dir = crawler, output_dir
        self.output: RunOutput | None = None
        self.error: OutputError | None = None  # the run directory stopped being writable
        self.health = HealthLedger()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunOutputPipeline:
        if not crawler.settings.getbool("RUN_OUTPUT", True):
            raise NotConfigured("RUN_OUTPUT is off (scrapy fetch, shell, parse): no run directory")
        pipeline = cls(crawler, crawler.settings.get("OUTPUT_DIR"))
        crawler.signals.connect(pipeline.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(pipeline.item_error, signal=signals.item_error)
        return pipeline

    def spider_opened(self, spider) -> None:
        try:
            run_dir = new_run_dir(self.output_dir, spider.name)
            write_lock(run_dir)  # a live owner: recovery leaves this run alone
            self.output = RunOutput(run_dir, spider.name)
        except (OutputError, OSError) as error:
            self._failed(OutputError(str(error)))
            raise CloseSpider("output_error") from error
        self.crawler.stats.set_value("output/run_dir", str(run_dir))
        logger.info("Writing run output to %s", run_dir)

    def process_item(self, item):
        try:
            return self._process_item(item)
        except OutputError as error:
            if self._failed(error):
                deferred_from_coro(self.crawler.engine.close_spider_async(reason="output_error"))
            # Fetched, and neither a record nor a reject line: a counted skip, so the ledger
            # says how many pages the next run must fetch again.
            self.crawler.stats.inc_value(SKIP_PREFIX + "output_error")
            raise DropItem(f"not written: {error}") from error

    def _failed(self, error: OutputError) -> bool:
        """Log and keep the first output error (its message names the path); True if first."""
        if not self._keep(error):
            return False
        logger.error("Output failed, stopping the crawl: %s", error)
        return True

    def _keep(self, error: OutputError) -> bool:
        """Keep the first output error, for run.json and the exit code; True if first."""
        if self.error is not None:
            return False
        self.error = error
        self.crawler.stats.set_value("output/error", str(error))  # exit code 3 (commands/crawl)
        return True

    def _process_item(self, item):
        stats = self.crawler.stats
        # Health counts a page once its line is written: a write that raises ends in
        # item_error below, which counts it (internal_error), and it was counted twice.
        if isinstance(item, FetchFailed):
            self._reject(item.url, item.reason, item.detail, item.http_status, item.spider)
            self.health.rejected(item.source, item.reason)
        elif isinstance(item, ProcessedPage):
            outcome = item.outcome
            if outcome.record is not None:
                data = self.output.write_record(outcome.record)
                stats.inc_value("articles/accepted")  # written: a failed write is no record
                self.health.accepted(item.source, data)
                return data
            self._reject(
                item.url,
                outcome.reason,
                outcome.detail,
                item.http_status,
                item.spider,
                outcome.rejected_record,
            )
            self.health.rejected(item.source, outcome.reason)
        else:
            return item  # not ours: leave it to other pipelines and exporters
        raise Rejected(item.url, item.reason if isinstance(item, FetchFailed) else outcome.reason)

    def item_error(self, item, response, spider, failure) -> None:
        """A pipeline raised: the page still ends as a reject line, never silently lost, and
        in its source's health, which is what operators read."""
        if isinstance(item, FetchedPage | ProcessedPage | FetchFailed) and self.output is not None:
            detail = failure.getTraceback()[-FAILURE_DETAIL_CHARS:]
            self._reject(item.url, "internal_error", detail, None, spider.name)
            self.health.rejected(_source_of(item), "internal_error")

    def _reject(self, url, reason, detail, http_status, spider, record=None) -> None:
        reject = Reject(
            url=without_password(url),  # a listed user:password@ URL is refused, not kept
            reason=reason,
            detail=without_password(detail or ""),
            http_status=http_status,
            spider=spider,
            record=record,
        )
        self.output.write_reject(reject)
        self.crawler.stats.inc_value(f"articles/rejected/{reason}")

    def spider_closed(self, spider, reason: str) -> None:
        if self.output is None:
            return
        try:
            self._finish(spider, reason)
        except OutputError as error:
            # One line, after an earlier failure too (a full disk fails the records first):
            # the run has no run.json, and the next start replays it as a killed run.
            logger.error("run.json not written: %s", error)
            self._keep(error)
            self.output.close()
        except Exception as error:  # a bug: Scrapy would log it and the crawl exit 0
            logger.exception("run.json not written")
            self._failed(OutputError(f"run.json not written: {type(error).__name__}: {error}"))

    def _finish(self, spider, reason: str) -> None:
        stats = self.crawler.stats.get_stats()
        skipped = {
            key.removeprefix(SKIP_PREFIX): value
            for key, value in stats.items()
            if key.startswith(SKIP_PREFIX)
        }
        if stats.get("dupefilter/filtered"):
            skipped["duplicate_request"] = stats["dupefilter/filtered"]
        sources, alerts = self._source_health(stats)
        unsaved = self._settle_state()
        if stats.get(STATE_ERROR_STAT):
            # Some of this run's records may not be in the store: the next start replays
            # them all, so none is emitted again as new (crawler.state.recovery).
            self._mark_unsaved(stats.get(STATE_FAILURES_STAT, 1))
            alerts.append(
                f"{stats[STATE_ERROR_STAT]}: the crawl stopped; the next run replays this "
                "run's records into the store before it starts"
            )
            logger.warning("Run alert: %s", alerts[-1])
        elif unsaved:
            self._mark_unsaved(unsaved)
            alerts.append(
                f"state store locked by another process until the end: {unsaved} writes "
                "not saved; the next run replays this run's records before it starts"
            )
            logger.warning("Run alert: %s", alerts[-1])
        # A callback that raised lost what it had not yielded yet (a feed's or sitemap's later
        # entries), which no count above can show: name it, so an operator looks at the log.
        spider_errors = {
            key.removeprefix("spider_exceptions/"): value
            for key, value in sorted(stats.items())
            if key.startswith("spider_exceptions/") and key != "spider_exceptions/count"
        }
        for key, cause in sorted(stats.items()):
            if key.startswith(UNREACHABLE_STAT):
                alerts.append(
                    f"robots.txt of {key.removeprefix(UNREACHABLE_STAT)} unreachable ({cause}): "
                    "RFC 9309 disallows the host, so its pages were skipped this run"
                )
        for key, cause in sorted(stats.items()):
            if key.startswith(GIVEN_UP_STAT):
                alerts.append(
                    f"{key.removeprefix(GIVEN_UP_STAT)} given up for this run ({cause}): its "
                    "remaining pages are rejects host_unavailable, fetched again next run"
                )
        if stats.get(UNSAVED_STAT):
            alerts.append(
                f"JOBDIR {stats[UNSAVED_ERROR_STAT]}: {stats[UNSAVED_STAT]} requests were held "
                "in memory instead; a stop would not have kept them for the resumed run"
            )
        if stats.get(SEEN_UNSAVED_STAT):
            alerts.append(
                f"JOBDIR {stats[SEEN_ERROR_STAT]}: {stats[SEEN_UNSAVED_STAT]} request "
                "fingerprints were kept in memory only; a resumed run may request those again"
            )
        if spider_errors:
            alerts.append(
                f"a callback raised {sum(spider_errors.values())} time(s) "
                f"({', '.join(spider_errors)}): what it had not yielded is lost; see the log"
            )
            logger.warning("Run alert: %s", alerts[-1])
        summary = self.output.finish(
            skipped,
            requests=stats.get("outcomes/requests", 0),
            extra={
                "finish_reason": reason,
                "worker": self.crawler.settings.get("WORKER_ID") or worker_id(),
                **({"output_error": str(self.error)} if self.error else {}),
                "not_requested": {
                    key.removeprefix("discovered/"): value
                    for key, value in sorted(stats.items())
                    if key.startswith("discovered/")
                },
                # Known pages requested again before their window ran out: in `requests`.
                "refetched": {
                    key.removeprefix("refetched/"): value
                    for key, value in sorted(stats.items())
                    if key.startswith("refetched/")
                },
                "stopped_before_fetch": stopped_urls(self.crawler),
                "sources": sources,
                "spider_errors": spider_errors,
                "alerts": alerts,
                "settings": _settings_that_matter(self.crawler.settings),
                "spider_arguments": {
                    name: without_password(value) if isinstance(value, str) else value
                    for name, value in getattr(spider, "arguments", {}).items()
                },
            },
        )
        point_latest(self.output.run_dir)
        self.crawler.stats.set_value("output/summary", summary["counts"])
        logger.info("Run summary: %s", summary["counts"])

    def _mark_unsaved(self, writes: int) -> None:
        try:
            mark_unsaved(self.output.run_dir, writes)
        except OSError as error:  # a full disk: an output error, not a bug's traceback
            path = self.output.run_dir / UNSAVED_MARK
            raise OutputError(f"cannot write {path}: {error}") from error

    def _settle_state(self) -> int:
        """Writes the state store kept while locked, and still unsaved (SQLite only)."""
        settle = getattr(state_for(self.crawler), "settle", None)
        return settle() if settle is not None else 0

    def _source_health(self, stats: dict) -> tuple[dict, list[str]]:
        """Per-source counts for run.json; alerts compare with the source's earlier runs."""
        sources = self.health.summary(stats)
        store = state_for(self.crawler)
        alerts = compare_and_record(store, self.output.run_dir.name, sources) if store else []
        for alert in alerts:
            logger.warning("Source alert: %s", alert)
        return sources, alerts


def _source_of(item: FetchedPage | ProcessedPage | FetchFailed) -> str | None:
    # A page that raised before processing carries its source in its hints only.
    return item.hints.source if isinstance(item, FetchedPage) else item.source


def _settings_that_matter(settings) -> dict:
    keys = (
        "LANGUAGES", "MIN_WORDS", "FAVOR_PRECISION", "ROBOTSTXT_OBEY", "DOWNLOAD_DELAY",
        "CONCURRENT_REQUESTS_PER_DOMAIN", "AUTOTHROTTLE_ENABLED", "DOWNLOAD_MAXSIZE",
        "DOWNLOAD_TIMEOUT", "RETRY_TIMES", "USER_AGENT", "OUTPUT_DIR", "SOURCES_FILE",
    )  # fmt: skip
    values = {key: settings.get(key) for key in keys}
    # a list whether it came from settings.py or as "-s LANGUAGES=en,de"
    values["LANGUAGES"] = [code.lower() for code in string_list(settings.get("LANGUAGES"))]
    return values
