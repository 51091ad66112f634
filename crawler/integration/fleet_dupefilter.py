"""scrapy-redis's shared dupefilter, with fingerprints that outlive a crawl only briefly.

Its set of request fingerprints (`<spider>:dupefilter`) persists with the frontier, so the
next hourly run of a fleet dropped every request it had seen before: the feeds `enqueue`
pushed again, and the pages that had failed, which a run is meant to retry. The set now
expires FLEET_DUPEFILTER_TTL seconds after its last new fingerprint, or after the shared
queue last held work (the workers' heartbeat keeps it while a backlog is worked through, one
that finds nothing new for longer than the TTL included, else a page listed again would be
queued twice): a crawl still running keeps it, and the next one starts afresh, the state
store deciding what is known. A
request it drops is counted (`dupefilter/filtered`, the ledger's `duplicate_request`);
scrapy-redis counted none, and each showed as `unaccounted`.
"""

from __future__ import annotations

from scrapy_redis.dupefilter import RFPDupeFilter

DEFAULT_TTL = 1800


class FleetDupeFilter(RFPDupeFilter):
    ttl = DEFAULT_TTL

    @classmethod
    def from_spider(cls, spider):
        dupefilter = super().from_spider(spider)
        dupefilter.ttl = spider.settings.getint("FLEET_DUPEFILTER_TTL", DEFAULT_TTL)
        return dupefilter

    def request_seen(self, request) -> bool:
        fingerprint = self.request_fingerprint(request)
        if not self.server.sadd(self.key, fingerprint):
            return True
        self.server.expire(self.key, self.ttl)  # counted from the last new fingerprint
        return False

    def keep_fingerprints(self) -> None:
        self.server.expire(self.key, self.ttl)

    def log(self, request, spider) -> None:
        super().log(request, spider)
        spider.crawler.stats.inc_value("dupefilter/filtered")
