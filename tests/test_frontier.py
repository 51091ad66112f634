"""The leased frontier on a real redis-server, driven directly (no crawl)."""

from __future__ import annotations

import time

import pytest
import scrapy
from scrapy.core.engine import ExecutionEngine
from scrapy.utils.test import get_crawler

from crawler.integration.frontier import LeasedScheduler
from tests.redis_server import needs_redis

pytestmark = [
    needs_redis,
    # scrapy-redis 0.9 passes spider= to the stats collector, which Scrapy 2.19 deprecates.
    pytest.mark.filterwarnings("ignore:Passing a 'spider' argument"),
]


class FrontierSpider(scrapy.Spider):
    name = "frontier-test"


def open_scheduler(redis_url: str, **settings) -> LeasedScheduler:
    crawler = get_crawler(
        FrontierSpider,
        {
            "REDIS_URL": redis_url,
            "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
            "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
            "SCHEDULER_PERSIST": True,
            **settings,
        },
    )
    crawler.spider = crawler._create_spider()
    crawler.engine = ExecutionEngine(crawler, lambda _: None)  # its downloader is asked
    scheduler = LeasedScheduler.from_crawler(crawler)
    scheduler.open(crawler.spider)
    return scheduler


def test_an_expired_lease_goes_back_with_its_priority(redis_server):
    scheduler = open_scheduler(redis_server.url, LEASE_TIMEOUT=0)
    scheduler.enqueue_request(scrapy.Request("http://news.test/urgent", priority=5))
    leased = scheduler.next_request()
    assert leased.priority == 5 and scheduler.queue.server.zcard(scheduler.queue.key) == 0
    assert scheduler.requeue_orphans() == 1  # LEASE_TIMEOUT=0: the lease is too old at once
    scheduler.enqueue_request(scrapy.Request("http://news.test/ordinary", priority=1))
    # Before the fix the requeued request came back at score 0 (priority 0) and went behind.
    assert scheduler.next_request().url == "http://news.test/urgent"
    assert scheduler.next_request().url == "http://news.test/ordinary"


def test_a_busy_hosts_request_is_parked_and_the_next_host_served(redis_server):
    scheduler = open_scheduler(redis_server.url, CONCURRENT_REQUESTS_PER_DOMAIN=1)
    downloader = scheduler.crawler.engine.downloader
    busy = scrapy.Request("http://busy.test/in-flight")
    downloader.active.add(busy)  # as the engine does when it hands a request over
    for url, priority in (("http://busy.test/next", 2), ("http://free.test/one", 1)):
        scheduler.enqueue_request(scrapy.Request(url, priority=priority))
    assert scheduler.next_request().url == "http://free.test/one"
    assert len(scheduler.parked) == 1 and scheduler.has_pending_requests()
    assert scheduler.next_request() is None  # the busy host still has no room
    downloader.active.discard(busy)
    assert scheduler.next_request().url == "http://busy.test/next"
    assert scheduler.leases_in_flight() == 2  # parked requests stay leased throughout


def test_a_request_parked_long_keeps_its_lease(redis_server):
    """Past half of LEASE_TIMEOUT its lease is renewed: no other worker takes it for a dead
    worker's, and it is still here when its host has room."""
    scheduler = open_scheduler(redis_server.url, CONCURRENT_REQUESTS_PER_DOMAIN=1,
                               LEASE_TIMEOUT=0.4)  # fmt: skip
    busy = scrapy.Request("http://busy.test/a")
    scheduler.crawler.engine.downloader.active.add(busy)
    scheduler.enqueue_request(scrapy.Request("http://busy.test/b"))
    assert scheduler.next_request() is None and len(scheduler.parked) == 1
    time.sleep(0.3)  # past half the lease timeout
    assert scheduler.next_request() is None  # renews the lease
    time.sleep(0.2)  # 0.5 s since it was leased: requeued, were the lease not renewed
    assert scheduler.requeue_orphans() == 0
    scheduler.crawler.engine.downloader.active.discard(busy)
    assert scheduler.next_request().url == "http://busy.test/b"


def test_a_lease_whose_pop_was_never_answered_goes_back_when_its_worker_is_idle(redis_server):
    # Redis ran the pop-and-lease script, then went away before its reply reached the
    # worker: the lease names this live worker, which has no such request. Before the fix
    # every worker waited LEASE_TIMEOUT (10 minutes) for it.
    scheduler = open_scheduler(redis_server.url)
    scheduler.enqueue_request(scrapy.Request("http://news.test/lost-reply"))
    assert scheduler._pop_leased() is not None  # run, its answer dropped
    assert scheduler.leases_in_flight() == 1
    assert scheduler.requeue_orphans() == 1
    assert scheduler.next_request().url == "http://news.test/lost-reply"
    assert scheduler.requeue_orphans() == 0  # held now: not taken back


def test_a_release_redis_missed_is_made_when_it_is_back(redis_server):
    scheduler = open_scheduler(redis_server.url)
    scheduler.enqueue_request(scrapy.Request("http://news.test/done"))
    key = scheduler.next_request().meta["lease"]
    scheduler.held.discard(key)  # what release() does when Redis is down
    scheduler.unreleased.add(key)
    assert scheduler.requeue_orphans() == 0  # finished here: deleted, not crawled again
    assert scheduler.leases_in_flight() == 0 and not scheduler.unreleased
    assert scheduler.next_request() is None
