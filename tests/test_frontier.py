"""The leased frontier on a real redis-server, driven directly (no crawl)."""

from __future__ import annotations

import pytest
import scrapy
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
