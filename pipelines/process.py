"""Runs the pure core on each fetched page, in worker processes, and counts what cleaning removed.

Extraction is CPU-bound (tens of ms a page): run in the reactor it would stall
every download. With `EXTRACT_WORKERS` > 0 (default: one per CPU) pages go to a
`crawler.workers.pool.WorkerPool` started when the spider opens and stopped when it
closes; `process_item` then returns a coroutine that Scrapy awaits. A page that
kills or hangs its worker becomes a reject (`extract_crashed`, `extract_timeout`
after `EXTRACT_TIMEOUT` s, `extract_out_of_memory` past `EXTRACT_MEMORY_LIMIT` MB), an
exception in the core one with the traceback (`extract_error`); the crawl goes on with a
fresh worker.

Back-pressure needs no code here: while a page is in the pool, its response stays
in Scrapy's scraper slot, and once the bodies there exceed
`SCRAPER_SLOT_MAX_ACTIVE_SIZE` (5 MB) the engine schedules no new downloads
until pages come back. Memory for pages in flight is bounded by that, plus
`CONCURRENT_REQUESTS` responses still downloading.
"""

from __future__ import annotations

import asyncio
import os

from scrapy import signals
from scrapy.crawler import Crawler

from crawler.core.config import languages
from crawler.core.items import FetchedPage, ProcessedPage
from crawler.core.model import FAILURE_DETAIL_CHARS, Outcome
from crawler.core.options import Options
from crawler.workers.pool import TaskFailed, WorkerPool, resolve

# By name: only workers import the extraction stack (see crawler.workers.pool).
PROCESS_PAGE = "crawler.core.pipeline:process_page"
WARM_UP = "crawler.core.language:warm_up"
PREPARE_WORKER = "crawler.workers.memory:prepare_worker"  # warm_up, then gc.freeze()
RELEASE_MEMORY = "crawler.workers.memory:release_memory"
# Pages per worker between releases: caches stay bounded (trafilatura's are LRUs), so this
# only sets how much freed heap waits for malloc_trim. A release costs about 13 ms.
RELEASE_MEMORY_EVERY = 100


class ProcessPagePipeline:
    def __init__(
        self,
        stats,
        options: Options,
        workers: int = 0,
        timeout: float = 30.0,
        memory_limit_mb: int = 0,
    ):
        self.stats, self.options = stats, options
        self.workers, self.timeout = workers, timeout
        self.memory_limit_mb = memory_limit_mb
        self.pool: WorkerPool | None = None
        self.in_flight = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProcessPagePipeline:
        settings, default = crawler.settings, Options()
        # Defaults come from Options too, so the pipeline behaves the same outside the project.
        options = Options(
            # Parsed as the crawl command checks it: "EN" is "en", as run.json reports it.
            languages=tuple(languages(settings.get("LANGUAGES", list(default.languages)))),
            min_words=settings.getint("MIN_WORDS", default.min_words),
            max_words=settings.getint("MAX_WORDS", default.max_words),
            favor_precision=settings.getbool("FAVOR_PRECISION", default.favor_precision),
            ai_relevance_threshold=settings.getfloat(
                "AI_RELEVANCE_THRESHOLD", default.ai_relevance_threshold
            ),
            keep_off_topic=settings.getbool("KEEP_OFF_TOPIC", default.keep_off_topic),
        )
        workers = settings.get("EXTRACT_WORKERS")  # None: one per CPU; 0: inline
        workers = (os.cpu_count() or 1) if workers in (None, "", "None") else int(workers)
        timeout = settings.getfloat("EXTRACT_TIMEOUT", 30.0)
        memory_limit_mb = settings.getint("EXTRACT_MEMORY_LIMIT", 0)
        pipeline = cls(crawler.stats, options, workers, timeout, memory_limit_mb)
        crawler.signals.connect(pipeline.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def spider_opened(self, spider) -> None:
        if not self.workers:
            resolve(WARM_UP)()  # seeded langdetect profiles loaded before the first page
            return
        self.pool = WorkerPool(
            PROCESS_PAGE,
            self.workers,
            self.timeout,
            initializer=PREPARE_WORKER,
            maintenance=(RELEASE_MEMORY,),
            maintenance_every=RELEASE_MEMORY_EVERY,
            memory_limit=self.memory_limit_mb * 2**20 or None,
        )
        self.stats.set_value("extract/workers", self.workers)

    def spider_closed(self, spider, reason: str) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool = None

    def process_item(self, item):
        if not isinstance(item, FetchedPage):
            return item
        if self.pool is None:  # EXTRACT_WORKERS=0, or built outside a running crawl (tests)
            outcome = resolve(PROCESS_PAGE)(
                item.body, item.url, item.hints, self.options, content_type=item.content_type
            )
            return self._processed(item, outcome)
        return self._process_in_pool(item)

    async def _process_in_pool(self, item: FetchedPage) -> ProcessedPage:
        future = self.pool.submit(item.body, item.url, item.hints, self.options, item.content_type)
        self.in_flight += 1
        self.stats.max_value("extract/in_flight_max", self.in_flight)
        try:
            outcome = await asyncio.wrap_future(future)
        except TaskFailed as failed:
            outcome = Outcome(
                None, f"extract_{failed.reason}", failed.detail[-FAILURE_DETAIL_CHARS:]
            )
        finally:
            self.in_flight -= 1
        return self._processed(item, outcome)

    def _processed(self, item: FetchedPage, outcome: Outcome) -> ProcessedPage:
        if outcome.record is not None:
            for kind, count in outcome.record.cleaning.items():
                self.stats.inc_value(f"cleaning/removed/{kind}", count)
        return ProcessedPage(
            url=item.url,
            outcome=outcome,
            spider=item.spider,
            http_status=item.status,
            source=item.hints.source,
            redirected_from=item.redirected_from,
        )
