"""Distributed mode, switched on by one setting: REDIS_URL=redis://host:port/db.

`DistributedAddon` (in ADDONS, always loaded) does nothing without REDIS_URL, and
imports nothing from redis. With it, it installs scrapy-redis's shared dupefilter,
our leased scheduler (crawler.integration.frontier) and `DistributedWorker`, which:

- takes seeds pushed by `python -m crawler enqueue` from `<spider>:seeds`;
- keeps a heartbeat and requeues the leases of dead workers;
- releases a request's lease once its outcome is written;
- closes the worker after IDLE_CLOSE_AFTER seconds with nothing to do (scrapy-redis
  spiders otherwise never close);

and `SharedPoliteness` (crawler.integration.host_gate): per-host limits for the fleet.
"""

from __future__ import annotations

import json
import logging
import time

from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy.http import Request, Response
from scrapy.settings import SETTINGS_PRIORITIES
from twisted.internet import task
from twisted.python.failure import Failure

from crawler.integration.signals import request_finished
from crawler.integration.stop_promptly import TAKEN_BACK

logger = logging.getLogger(__name__)
SEED_BATCH = 200


class DistributedAddon:
    def update_settings(self, settings) -> None:
        if not settings.get("REDIS_URL"):
            return
        # Over the project's own SCHEDULER (crawler.integration.scheduler), not over one
        # given on the command line.
        if settings.getpriority("SCHEDULER") <= SETTINGS_PRIORITIES["project"]:
            settings.set("SCHEDULER", "crawler.integration.frontier.LeasedScheduler", "project")
        # Over the project's JOBDIR one (crawler.compat.scrapy_dupefilter) too: an addon's
        # priority is below the project's, and the workers ran it without the fleet's.
        if settings.getpriority("DUPEFILTER_CLASS") <= SETTINGS_PRIORITIES["project"]:
            fleet = "crawler.integration.fleet_dupefilter.FleetDupeFilter"
            settings.set("DUPEFILTER_CLASS", fleet, "project")
        settings.set("SCHEDULER_QUEUE_CLASS", "scrapy_redis.queue.PriorityQueue", "addon")
        settings.set("SCHEDULER_PERSIST", True, "addon")  # the frontier outlives any worker
        settings.set_in_component_priority_dict(
            "EXTENSIONS", "crawler.integration.distributed.DistributedWorker", 520
        )
        settings.set_in_component_priority_dict(
            "EXTENSIONS", "crawler.integration.host_gate.SharedPoliteness", 530
        )


def seeds_key(spider_name: str) -> str:
    return f"{spider_name}:seeds"


class DistributedWorker:
    def __init__(self, crawler, idle_close_after: float):
        self.crawler, self.idle_close_after = crawler, idle_close_after
        self.idle_since: float | None = None
        self.beat: task.LoopingCall | None = None
        self.pending: dict[str, int] = {}  # lease -> items still in the pipelines

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.get("REDIS_URL"):
            raise NotConfigured("REDIS_URL is not set")
        worker = cls(crawler, crawler.settings.getfloat("IDLE_CLOSE_AFTER", 30.0))
        connect = crawler.signals.connect
        connect(worker.spider_opened, signal=signals.spider_opened)
        connect(worker.spider_idle, signal=signals.spider_idle)
        connect(worker.spider_closed, signal=signals.spider_closed)
        connect(worker.item_done, signal=signals.item_scraped)
        connect(worker.item_done, signal=signals.item_dropped)
        connect(worker.item_done, signal=signals.item_error)
        connect(worker.request_finished, signal=request_finished)
        return worker

    @property
    def scheduler(self):
        return self.crawler.engine.scheduler

    def spider_opened(self, spider) -> None:
        self.beat = task.LoopingCall(self.scheduler.heartbeat)
        self.beat.start(max(1.0, self.scheduler.heartbeat_ttl / 3), now=False)

    def spider_closed(self, spider, reason) -> None:
        if self.beat is not None and self.beat.running:
            self.beat.stop()

    # --- leases: released when everything a request produced is finished ------------------
    def request_finished(self, request, items: int) -> None:
        """Sent by the spider when a callback or errback has produced all its output."""
        key = request.meta.get("lease")
        if not key or request.meta.get(TAKEN_BACK):
            return  # a request taken back at a stop keeps its lease, given back at the close
        self.pending[key] = self.pending.get(key, 0) + items
        if self.pending[key] <= 0:
            self.pending.pop(key, None)
            self.scheduler.release(key)

    def item_done(self, item, response, spider, **kwargs) -> None:
        request = response.request if isinstance(response, Response) else None
        if isinstance(response, Failure):
            request = getattr(response, "request", None)
        key = request.meta.get("lease") if request is not None else None
        if key:
            self.pending[key] = self.pending.get(key, 0) - 1
            if self.pending[key] == 0:
                self.pending.pop(key)
                self.scheduler.release(key)

    # --- idle: seeds, orphans, closing ------------------------------------------------------
    def spider_idle(self, spider) -> None:
        # Imported here: this module is loaded (as the add-on) even without Redis.
        from crawler.integration.frontier import REDIS_DOWN

        try:
            self._idle(spider)
        except REDIS_DOWN:
            self.idle_since = None
            raise DontCloseSpider from None  # wait for Redis to come back

    def _idle(self, spider) -> None:
        scheduler = self.scheduler
        if self._take_seeds(spider) or scheduler.requeue_orphans():
            self.idle_since = None
            raise DontCloseSpider
        if scheduler.has_pending_requests() or scheduler.leases_in_flight():
            self.idle_since = None
            raise DontCloseSpider  # other workers still hold leases that may come back
        self.idle_since = self.idle_since or time.monotonic()
        if time.monotonic() - self.idle_since < self.idle_close_after:
            raise DontCloseSpider
        logger.info("Nothing to do for %.0f s: closing this worker", self.idle_close_after)

    def _take_seeds(self, spider) -> int:
        taken = 0
        raw = self.scheduler.server.lpop(seeds_key(spider.name), SEED_BATCH) or []
        for value in raw:
            request = spider.seed_request(json.loads(value))
            if isinstance(request, Request):
                # What the operator pushed is asked for, as Scrapy's start requests are,
                # whatever the fleet's dupefilter saw in a run before.
                request = request.replace(dont_filter=True)
            if request is not None:
                self.crawler.engine.crawl(request)
                taken += 1
        return taken
