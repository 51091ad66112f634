"""A shared Redis frontier (scrapy-redis) whose in-flight requests survive a dead worker.

scrapy-redis pops a request before it is processed, so a worker killed mid-page loses
what it held. Here every request is popped and leased in one Lua call (`<spider>:leases`,
SHA-1 of the encoded request -> worker and time; `<spider>:lease_data` holds the encoded
request; the queue is scrapy-redis's priority queue, which the add-on sets) and released
only when the request's outcome is written. Leases of workers whose
heartbeat key expired, or older than LEASE_TIMEOUT, go back to the queue.

Redis going away briefly (a restart) does not kill the crawl: pops return nothing,
pushes are buffered, and both resume when the server is back.

A popped request whose host already has its share of this worker's downloader (a slow
host, or one whose fleet-wide turns are taken) is parked here, still leased, and the next
one is popped, so that one busy host does not fill CONCURRENT_REQUESTS and stall the rest:
what Scrapy's DownloaderAwarePriorityQueue does for a crawl without Redis. Parked requests
go out first once their host has room; the lease of one parked for half of LEASE_TIMEOUT
is renewed, so that no other worker takes it for a dead one's (the host's turns are shared
by the fleet: another worker could not fetch it sooner).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
import uuid
from collections import Counter, deque

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from scrapy_redis.scheduler import Scheduler

from crawler.compat.scrapy_redis import check_version, decode_request, pop_and_lease, push_encoded
from crawler.state.recovery import worker_id

logger = logging.getLogger(__name__)
REDIS_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)
HEARTBEAT_TTL = 30  # seconds (WORKER_HEARTBEAT_TTL); a silent worker's leases return
# Requests parked at most, per CONCURRENT_REQUESTS: how deep past a busy host's run in the
# shared queue a worker looks (and how many it holds, leased) before it hands the next one
# to its downloader anyway, as a worker without parking would.
PARK_PER_CONCURRENT_REQUEST = 4
POPS_PER_CALL = 32  # Redis pops in one next_request before it answers "nothing ready"


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
        # Leases this process holds a request for, and released ones Redis did not hear of.
        scheduler.held, scheduler.unreleased = set(), set()
        scheduler.crawler = crawler
        scheduler.parked = Parking()
        scheduler.park_max = PARK_PER_CONCURRENT_REQUEST * crawler.settings.getint(
            "CONCURRENT_REQUESTS", 16
        )
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
            self._renew_parked()
            room = self._room()
            request = self.parked.pop_ready(room)
            for _ in range(POPS_PER_CALL if request is None else 0):
                request = self._pop_one()
                if request is None or room(request) or len(self.parked) >= self.park_max:
                    break
                self.parked.park(self._host(request), request)
                request = None
        except REDIS_DOWN as error:
            logger.warning("Redis unavailable (%s); waiting for it", error)
            return None
        return request

    def _pop_one(self):
        popped = self._pop_leased()
        if popped is None:
            return None
        key, data = popped
        request = decode_request(self.queue, data)
        request.meta["lease"] = _as_text(key)
        self.held.add(request.meta["lease"])
        if self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    # --- parking: busy hosts wait here, not in the downloader --------------------------
    def _host(self, request) -> str:
        return self.crawler.engine.downloader.get_slot_key(request)

    def _room(self):
        """Whether a request would start now: this worker has fewer requests for its host
        in the downloader (from the moment the engine hands one over, robots.txt waits
        included) than the host's concurrency. Counted once per call of next_request."""
        downloader = self.crawler.engine.downloader
        held = Counter(downloader.get_slot_key(request) for request in downloader.active)

        def has_room(request) -> bool:
            host = downloader.get_slot_key(request)
            slot = downloader.slots.get(host)
            return held[host] < (slot.concurrency if slot else downloader.domain_concurrency)

        return has_room

    def _renew_parked(self) -> None:
        for request in self.parked.renew_older_than(self.lease_timeout / 2):
            owner = json.dumps({"worker": self.worker, "at": time.time()})
            self.server.hset(self.leases, request.meta["lease"], owner)
            if self.stats:
                self.stats.inc_value("frontier/parked_lease_renewed")

    def _pop_leased(self):
        """Pop the first request and lease it in one Redis call: a worker killed between a
        pop and a separate lease write would lose the request (seen in a SIGKILL test)."""
        owner = json.dumps({"worker": self.worker, "at": time.time()})
        return pop_and_lease(self.queue, self.leases, self.lease_data, owner)

    def has_pending_requests(self):
        if self.parked:
            return True
        try:
            return bool(self.pending_pushes) or super().has_pending_requests()
        except REDIS_DOWN:
            return True  # unknown: do not let the engine close the spider while Redis is down

    def take_back(self, request) -> None:
        """A request the downloader will not send, as the worker stops
        (crawler.integration.stop_promptly): parked, still leased, and given back to the
        shared queue at the close."""
        self.parked.park(self._host(request), request)

    def close(self, reason):
        """Parked requests go back to the shared queue now, not after this worker's
        heartbeat has expired and another worker has noticed."""
        given_back = 0
        with contextlib.suppress(*REDIS_DOWN):  # then they come back as a dead worker's
            for request in self.parked.take_all():
                lease = request.meta.get("lease")
                if lease:
                    self.held.discard(lease)
                    given_back += self._give_back(lease)
        if given_back:
            logger.info("Gave %d requests back to the shared queue", given_back)
        return super().close(reason)

    # --- leases ------------------------------------------------------------------------
    def release(self, key: str | None) -> None:
        if not key:
            return
        self.held.discard(key)
        try:
            self._delete_lease(key)
        except REDIS_DOWN:
            self.unreleased.add(key)  # done here: deleted when Redis is back (requeue_orphans)
            logger.warning("Could not release lease %s; Redis is down, will retry", key)

    def _delete_lease(self, key) -> None:
        self.server.pipeline(transaction=True).hdel(self.leases, key).hdel(
            self.lease_data, key
        ).execute()
        self.unreleased.discard(key)

    def heartbeat(self) -> None:
        # If Redis is down the next beat sets it; other workers wait HEARTBEAT_TTL anyway.
        with contextlib.suppress(*REDIS_DOWN):
            key = f"{self.spider.name}:worker:{self.worker}"
            self.server.set(key, "1", ex=self.heartbeat_ttl)
            keep = getattr(self.df, "keep_fingerprints", None)
            if keep is not None and (len(self.queue) or self.server.hlen(self.leases)):
                keep()  # a backlog still being worked: its pages must not be queued again

    def requeue_orphans(self) -> int:
        """Leases of dead workers (or too old) go back to the queue; returns how many.

        This worker's own leases count as held only for the requests it has: when Redis
        goes away mid-call, a pop it ran may never have been answered, and its lease would
        otherwise keep every worker waiting for a request no one has. And the releases
        Redis missed while it was down are made now."""
        requeued = 0
        try:
            for key in list(self.unreleased):
                self._delete_lease(key)
            for key, owner in self.server.hgetall(self.leases).items():
                lease = json.loads(owner)
                if lease["worker"] == self.worker:
                    alive = _as_text(key) in self.held
                else:
                    alive = self.server.exists(f"{self.spider.name}:worker:{lease['worker']}")
                if alive and time.time() - lease["at"] < self.lease_timeout:
                    continue
                requeued += self._give_back(key)
        except REDIS_DOWN:
            return requeued
        if requeued:
            logger.warning("Requeued %d requests left in flight by dead workers", requeued)
            if self.stats:
                self.stats.inc_value("frontier/requeued", requeued)
        return requeued

    def _give_back(self, key) -> int:
        """A leased request back in the queue, in its priority's place; 0 when another worker
        took the lease back first."""
        if self.server.hdel(self.leases, key) != 1:
            return 0
        data = self.server.hget(self.lease_data, key)
        self.server.hdel(self.lease_data, key)
        if not data:
            return 0
        push_encoded(self.queue, data, -decode_request(self.queue, data).priority)
        return 1

    def leases_in_flight(self) -> int:
        try:
            return self.server.hlen(self.leases)
        except REDIS_DOWN:
            return 1


def _as_text(key: bytes | str) -> str:
    return key.decode() if isinstance(key, bytes) else key


class Parking:
    """Leased requests waiting for room at their host, oldest first within a host."""

    def __init__(self):
        self.hosts: dict[str, deque] = {}  # host -> (parked at, request), oldest first
        self.size = 0

    def __len__(self) -> int:
        return self.size

    def park(self, host: str, request) -> None:
        self.hosts.setdefault(host, deque()).append((time.monotonic(), request))
        self.size += 1

    def pop_ready(self, has_room):
        for host, queue in self.hosts.items():
            if has_room(queue[0][1]):
                request = queue.popleft()[1]
                self.size -= 1
                if not queue:
                    del self.hosts[host]
                return request
        return None

    def take_all(self) -> list:
        requests = [request for queue in self.hosts.values() for _, request in queue]
        self.hosts.clear()
        self.size = 0
        return requests

    def renew_older_than(self, seconds: float) -> list:
        """Requests parked longer than `seconds`, whose parking time starts again now (at
        the back of their host's line, which keeps every line oldest first)."""
        now = time.monotonic()
        stale = []
        for queue in self.hosts.values():
            renewed = []
            while queue and queue[0][0] < now - seconds:
                renewed.append(queue.popleft()[1])
            queue.extend((now, request) for request in renewed)
            stale += renewed
        return stale
