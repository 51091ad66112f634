"""Per-host politeness shared by every worker of a distributed crawl (REDIS_URL).

Each worker's downloader (crawler.compat.scrapy.PoliteDownloader) keeps its own per-host
slots, so N workers would send a host N times the configured concurrency. With this gate,
a request takes a fleet-wide turn before it leaves: one Lua call that drops the host's
expired leases, checks its next-allowed time (DOWNLOAD_DELAY, Crawl-delay, AutoThrottle's
delay, Retry-After) and its leases in flight (CONCURRENT_REQUESTS_PER_DOMAIN), and either
grants a lease or answers how long to wait. The same call returns the leases of this
host's finished downloads, so a busy host costs one call per request; a lease whose
worker died ends after DOWNLOAD_TIMEOUT plus a margin. Time is Redis's own clock, so the
workers' clocks need not agree. A host that is busy waits in its own downloader slot; the
other hosts go on.

Keys (prefix `ainews:host:<slot key>`): `:leases`, a sorted set of token -> lease end (ms);
`:next`, the next-allowed time (ms), expiring when it passes.
"""

from __future__ import annotations

import itertools
import logging
import os

from scrapy import signals
from scrapy.exceptions import NotConfigured

logger = logging.getLogger(__name__)
PREFIX = "ainews:host:"
POLL_FIRST, POLL_MAX = 0.05, 1.0  # seconds between asks while the host's leases are all out
LEASE_MARGIN = 30.0  # seconds past DOWNLOAD_TIMEOUT before a dead worker's lease ends

# KEYS: leases, next. ARGV: tokens done (space-separated), new token ("": release only),
# concurrency, delay ms, lease ms, hold ms. Returns 0 (granted), ms to wait, or -1 (busy).
_TURN = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for token in string.gmatch(ARGV[1], '%S+') do redis.call('ZREM', KEYS[1], token) end
local hold = tonumber(ARGV[6])
if hold > 0 then
  local until_ms = math.max(tonumber(redis.call('GET', KEYS[2]) or '0'), now + hold)
  redis.call('SET', KEYS[2], until_ms, 'PX', until_ms - now)
end
if ARGV[2] == '' then return 0 end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local next_at = tonumber(redis.call('GET', KEYS[2]) or '0')
if next_at > now then return next_at - now end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return -1 end
local lease = tonumber(ARGV[5])
redis.call('ZADD', KEYS[1], now + lease, ARGV[2])
redis.call('PEXPIRE', KEYS[1], lease)
local delay = tonumber(ARGV[4])
if delay > 0 then redis.call('SET', KEYS[2], now + delay, 'PX', delay) end
return 0
"""


class RedisHostGate:
    """The `HostGate` of crawler.compat.scrapy, on Redis."""

    def __init__(self, client, lease_seconds: float, stats=None):
        self.turn = client.register_script(_TURN)
        self.lease_ms = int(lease_seconds * 1000)
        self.stats = stats
        self.tokens = (f"{os.getpid()}-{id(self):x}-{n}" for n in itertools.count())
        self.polls: dict[str, float] = {}  # host -> seconds to the next ask while busy

    def take(self, key: str, concurrency: int, delay: float, done: list[str]) -> str | float:
        token = next(self.tokens)
        answer = self._call(key, done, token, concurrency, delay)
        if answer is None or answer == 0:  # granted, or Redis away: local limits still hold
            self.polls.pop(key, None)
            return token
        if answer > 0:
            return answer / 1000
        wait = self.polls.get(key, POLL_FIRST)
        self.polls[key] = min(wait * 2, POLL_MAX)
        self._count("politeness/busy_waits")
        return wait

    def release(self, key: str, done: list[str]) -> None:
        self._call(key, done, "", 1, 0.0)

    def hold(self, key: str, seconds: float) -> None:
        self._call(key, [], "", 1, 0.0, hold=seconds)

    def _call(self, key, done, token, concurrency, delay, hold=0.0) -> int | None:
        keys = (f"{PREFIX}{key}:leases", f"{PREFIX}{key}:next")
        args = (" ".join(done), token, concurrency, int(delay * 1000), self.lease_ms,
                int(hold * 1000))  # fmt: skip
        self._count("politeness/redis_calls")
        try:
            return int(self.turn(keys=keys, args=args))
        except Exception as error:  # redis down or slow: never stall the crawl on it
            self._count("politeness/redis_errors")
            logger.warning("Shared politeness unavailable (%s); per-worker limits only", error)
            return None

    def _count(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)


class SharedPoliteness:
    """Gives the downloader a RedisHostGate when the crawl starts (distributed mode)."""

    def __init__(self, crawler, redis_url: str):
        self.crawler, self.redis_url = crawler, redis_url

    @classmethod
    def from_crawler(cls, crawler) -> SharedPoliteness:
        settings = crawler.settings
        if not settings.get("REDIS_URL") or not settings.getbool("POLITENESS_SHARED", True):
            raise NotConfigured("shared politeness needs REDIS_URL and POLITENESS_SHARED")
        extension = cls(crawler, settings.get("REDIS_URL"))
        crawler.signals.connect(extension.engine_started, signal=signals.engine_started)
        return extension

    def engine_started(self) -> None:
        import redis  # only distributed crawls need it

        downloader = self.crawler.engine.downloader
        if not hasattr(downloader, "gate"):
            logger.warning("DOWNLOADER is not PoliteDownloader: politeness is per worker")
            return
        # Short timeouts: a turn is asked in the reactor thread, and a slow Redis must not
        # stall every download (the call then counts as granted; local limits still hold).
        client = redis.Redis.from_url(self.redis_url, socket_timeout=2, socket_connect_timeout=2)
        lease = self.crawler.settings.getfloat("DOWNLOAD_TIMEOUT", 180) + LEASE_MARGIN
        downloader.gate = RedisHostGate(client, lease, self.crawler.stats)
