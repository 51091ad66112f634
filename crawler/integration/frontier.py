"""A shared Redis frontier (scrapy-redis) whose in-flight requests survive a dead worker.

scrapy-redis pops a request before it is processed, so a worker killed mid-page loses
what it held. Here every request is popped and leased in one Lua call (`<spider>:leases`,
SHA-1 of the encoded request -> worker and time; `<spider>:lease_data` holds the encoded
request; the queue is scrapy-redis's priority queue, which the add-on sets) and released
only when the request's outcome is written. Leases of workers whose
heartbeat key expired, or older than LEASE_TIMEOUT, go back to the queue.

Redis going away briefly (a restart) does not kill the crawl: pops return nothing,
pushes are buffered, and both resume when the server is back.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
import uuid

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from scrapy_redis.scheduler import Scheduler

from crawler.compat.scrapy_redis import check_version, decode_request, pop_and_lease, push_encoded
from crawler.state.recovery import worker_id

logger = logging.getLogger(__name__)
REDIS_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)
HEARTBEAT_TTL = 30  # seconds (WORKER_HEARTBEAT_TTL); a silent worker's leases return


class LeasedScheduler(Scheduler):
    """scrapy-redis's scheduler plus leases for in-flight requests."""

    @classmethod
    def from_crawler(cls, crawler):
        check_version()
        scheduler = super().from_crawler(crawler)
        # Leases belong to this process, not to the worker name: a worker restarted under
        # the same WORKER_ID must not mistake its dead predecessor's leases for its own.
        name = crawler.settings.get("WORKER_ID") or worker_id()
        scheduler.worker = f"{name}/{os.getpid()}/{uuid.uuid4().hex[:8]}"
        scheduler.lease_timeout = crawler.settings.getfloat("LEASE_TIMEOUT", 600)
        scheduler.heartbeat_ttl = crawler.settings.getint("WORKER_HEARTBEAT_TTL", HEARTBEAT_TTL)
        scheduler.pending_pushes = []
        return scheduler

    def open(self, spider):
        super().open(spider)
        self.leases = f"{spider.name}:leases"
        self.lease_data = f"{spider.name}:lease_data"
        self.heartbeat()
        self.requeue_orphans()

    # --- queue -------------------------------------------------------------------------
    def enqueue_request(self, request):
        try:
            self._flush_pending()
            return super().enqueue_request(request)
        except REDIS_DOWN:
            # Keep it and push it later; the dupefilter is checked again then.
            self.pending_pushes.append(request)
            return True

    def _flush_pending(self):
        while self.pending_pushes:
            super().enqueue_request(self.pending_pushes[0])
            self.pending_pushes.pop(0)

    def next_request(self):
        try:
            self._flush_pending()
            popped = self._pop_leased()
        except REDIS_DOWN as error:
            logger.warning("Redis unavailable (%s); waiting for it", error)
            return None
        if popped is None:
            return None
        key, data = popped
        request = decode_request(self.queue, data)
        request.meta["lease"] = key.decode() if isinstance(key, bytes) else key
        if self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def _pop_leased(self):
        """Pop the first request and lease it in one Redis call: a worker killed between a
        pop and a separate lease write would lose the request (seen in a SIGKILL test)."""
        owner = json.dumps({"worker": self.worker, "at": time.time()})
        return pop_and_lease(self.queue, self.leases, self.lease_data, owner)

    def has_pending_requests(self):
        try:
            return bool(self.pending_pushes) or super().has_pending_requests()
        except REDIS_DOWN:
            return True  # unknown: do not let the engine close the spider while Redis is down

    # --- leases ------------------------------------------------------------------------
    def release(self, key: str | None) -> None:
        if not key:
            return
        try:
            self.server.pipeline(transaction=True).hdel(self.leases, key).hdel(
                self.lease_data, key
            ).execute()
        except REDIS_DOWN:
            logger.warning("Could not release lease %s; it will be requeued later", key)

    def heartbeat(self) -> None:
        # If Redis is down the next beat sets it; other workers wait HEARTBEAT_TTL anyway.
        with contextlib.suppress(*REDIS_DOWN):
            key = f"{self.spider.name}:worker:{self.worker}"
            self.server.set(key, "1", ex=self.heartbeat_ttl)

    def requeue_orphans(self) -> int:
        """Leases of dead workers (or too old) go back to the queue; returns how many."""
        requeued = 0
        try:
            for key, owner in self.server.hgetall(self.leases).items():
                lease = json.loads(owner)
                alive = lease["worker"] == self.worker or self.server.exists(
                    f"{self.spider.name}:worker:{lease['worker']}"
                )
                if alive and time.time() - lease["at"] < self.lease_timeout:
                    continue
                if self.server.hdel(self.leases, key) != 1:
                    continue  # another worker took it back first
                data = self.server.hget(self.lease_data, key)
                self.server.hdel(self.lease_data, key)
                if data:
                    # Back in the request's own place: its priority, as scrapy-redis scores it.
                    push_encoded(self.queue, data, -decode_request(self.queue, data).priority)
                    requeued += 1
        except REDIS_DOWN:
            return requeued
        if requeued:
            logger.warning("Requeued %d requests left in flight by dead workers", requeued)
            if self.stats:
                self.stats.inc_value("frontier/requeued", requeued)
        return requeued

    def leases_in_flight(self) -> int:
        try:
            return self.server.hlen(self.leases)
        except REDIS_DOWN:
            return 1
