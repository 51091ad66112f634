"""robots.txt, decided before any request to a host leaves: in place of Scrapy's
RobotsTxtMiddleware.

Scrapy 2.19 lets every request to a new host await one shared Deferred; Twisted hands its
result to the first waiter only, and the others read `None`, "allow all", so the first
requests to a host skip robots.txt (docs/upstream.md). Here each waiter gets its own
Deferred, fired with the rules once they are known.

The rules also outlive the process: each host's robots.txt is kept in the state store with
its expiry (crawler.core.robots_policy: Cache-Control, at most 24 h), so later runs, and
every worker of a distributed crawl, obey it without fetching it again. An unreachable file
disallows the host for this run, as RFC 9309 2.3.1.4 asks, unless an earlier copy is known:
a server error (429, 5xx), and a network error once a server took the connection (a
timeout, a connection cut mid-answer, an answer that is not HTTP). Where no server took it
(no DNS name, a refused connection, no route) the pages' own requests meet the same error
and are filed under it, so a crawl with no network still exits 2. Skips keep Scrapy's
message, and so the reason `robots`.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from weakref import WeakKeyDictionary

from scrapy import signals
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    IgnoreRequest,
    NotConfigured,
    StopDownload,
)
from scrapy.http import Request, Response
from scrapy.http.request import NO_CALLBACK
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler, load_object
from twisted.internet import error as net_errors
from twisted.internet.defer import Deferred

from crawler.core.robots_policy import UNREACHABLE, robots_answer
from crawler.integration.signals import crawl_stopping
from crawler.integration.state_access import state_for
from crawler.integration.stop_promptly import give_back
from crawler.state.store import CachedRobots

logger = logging.getLogger(__name__)
FETCH_PRIORITY = 1000  # robots.txt before any page: every page of the host waits for it
# RFC 9309 2.5: crawlers MUST parse at least the first 500 KiB. The rest of a bigger file is
# not downloaded (before, DOWNLOAD_MAXSIZE cancelled a 10 MiB file and everything was allowed).
MAX_ROBOTS_BYTES = 512 * 1024
# A robots.txt request's meta key: its body may end early (a cut, a cap) and is parsed as far
# as it goes (crawler.integration.truncated_streams inflates a compressed one to its prefix).
PARTIAL_BODY_OK = "partial_body_ok"
UNREACHABLE_STAT = "robotstxt/unreachable_origin/"  # + origin: the cause ("HTTP 503", ...)


def request_origin(request) -> str:
    """The "scheme://host[:port]" of a host's robots.txt rules and of its unreachable stat."""
    url = urlparse_cached(request)
    return f"{url.scheme}://{url.netloc}"


# Failures where no server took the robots.txt request: the host's pages will fail the same
# way, or (IgnoreRequest: a blocked address) are refused the same way. Any other failure
# came from a server that accepted the connection: a tarpit, a stall after `Disallow:`.
NO_SERVER = (
    IgnoreRequest,
    CannotResolveHostError, net_errors.DNSLookupError,
    DownloadConnectionRefusedError, net_errors.ConnectionRefusedError, net_errors.NoRouteError,
)  # fmt: skip


class RobotsTxtGate:
    def __init__(self, crawler, cache_ttl: float):
        self.crawler, self.stats, self.cache_ttl = crawler, crawler.stats, cache_ttl
        settings = crawler.settings
        self.user_agent = settings.get("ROBOTSTXT_USER_AGENT") or None
        self.default_agent = settings.get("USER_AGENT")
        self.parser_class = load_object(settings.get("ROBOTSTXT_PARSER"))
        self.rules: dict[str, tuple[object, datetime]] = {}  # origin -> parser, expiry
        self.waiters: dict[str, list[Deferred]] = {}  # origin -> one Deferred per request
        self.robots_bytes: WeakKeyDictionary[Request, int] = WeakKeyDictionary()
        self.fetching: dict[str, Request] = {}  # origin -> its robots.txt attempt in flight
        self.stopping = False  # the crawl stops early: no robots.txt retry, no page sent

    @classmethod
    def from_crawler(cls, crawler) -> RobotsTxtGate:
        if not crawler.settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured("ROBOTSTXT_OBEY is off")
        gate = cls(crawler, crawler.settings.getfloat("ROBOTSTXT_CACHE_TTL", 86400.0))
        crawler.signals.connect(gate.cap_robots_body, signal=signals.bytes_received)
        crawler.signals.connect(gate.crawl_stopping, signal=crawl_stopping)
        return gate

    def crawl_stopping(self) -> None:
        """After Ctrl-C or SIGTERM a stalled robots.txt was retried (RETRY_TIMES more
        DOWNLOAD_TIMEOUTs: 90 s to exit), and its failure was alerted as the host's, for a
        run we stopped. The attempt in flight finishes without a retry now."""
        self.stopping = True
        for attempt in self.fetching.values():
            attempt.meta["dont_retry"] = True

    def cap_robots_body(self, data: bytes, request: Request, spider=None) -> None:
        """Stop reading a robots.txt past MAX_ROBOTS_BYTES; what arrived is its rules."""
        if not request.meta.get(PARTIAL_BODY_OK):
            return
        # Per Request object: a retry is a new one (its meta a copy), and starts from zero.
        received = self.robots_bytes[request] = self.robots_bytes.get(request, 0) + len(data)
        if received > MAX_ROBOTS_BYTES:
            raise StopDownload(fail=False)

    async def process_request(self, request: Request) -> None:
        url = urlparse_cached(request)
        origin = request_origin(request)
        if request.meta.get(PARTIAL_BODY_OK):  # our robots.txt request, or its retry
            if self.stopping:
                raise IgnoreRequest("robots.txt not fetched: the crawl is stopping")
            self.fetching[origin] = request
            return
        if request.meta.get("dont_obey_robotstxt") or url.scheme not in ("http", "https"):
            return
        parser = await self.rules_for(origin, request)
        if self.stopping and (taken := give_back(self.crawler, request)) is not None:
            raise taken  # released after the stop: a skip `stopped`, like those not sent
        agent = self.user_agent or request.headers.get(b"User-Agent", self.default_agent)
        if not parser.allowed(request.url, agent):
            self.stats.inc_value("robotstxt/forbidden")
            raise IgnoreRequest("Forbidden by robots.txt")

    async def rules_for(self, origin: str, request: Request):
        known = self.rules.get(origin)
        if known and known[1] > datetime.now(UTC):
            return known[0]
        waiter: Deferred = Deferred()
        first = origin not in self.waiters
        self.waiters.setdefault(origin, []).append(waiter)
        if first:
            await self._settle(origin, request)
        return await maybe_deferred_to_future(waiter)

    async def _settle(self, origin: str, request: Request) -> None:
        """Decide the origin's rules and hand them to every request waiting for them."""
        try:
            body, expires = await self._load(origin)
            parser = build_from_crawler(self.parser_class, self.crawler, body)
            self.rules[origin] = (parser, expires)
            await self.crawler.signals.send_catch_log_async(
                signal=signals.robots_parsed, robotparser=parser, request=request
            )  # Crawl-delay (crawler.integration.crawl_delay), for cached rules too
        except Exception as error:  # a parser that fails on a hostile file: no rules
            logger.warning("robots.txt for %s unusable (%s): allowing all", origin, error)
            parser = build_from_crawler(self.parser_class, self.crawler, b"")
            self.rules[origin] = (parser, datetime.now(UTC) + timedelta(seconds=60))
        for waiter in self.waiters.pop(origin):
            waiter.callback(parser)

    async def _load(self, origin: str) -> tuple[bytes, datetime]:
        store = state_for(self.crawler)
        cached = store.robots(origin) if store is not None else None
        now = datetime.now(UTC)
        if cached is not None and cached.expires > now:
            self.stats.inc_value("robotstxt/cache_hit")
            return cached.body, cached.expires
        fetched = await self._fetch(origin)
        # Expiries count from the answer, not the request: a fetch that timed out took 90 s
        # (three attempts), so "now + 60 s" from before it had passed already, and every
        # retry of every page fetched robots.txt again.
        now = datetime.now(UTC)
        if isinstance(fetched, NO_SERVER):  # the pages will fail on their own
            return (cached.body if cached else b""), now + timedelta(seconds=60)
        if isinstance(fetched, Exception) and self.stopping:  # cut short by us, not the host
            return (cached.body if cached else b""), now + timedelta(seconds=60)
        if isinstance(fetched, Exception):
            answer = UNREACHABLE
        else:
            answer = robots_answer(*fetched, self.cache_ttl)
        self.stats.inc_value(f"robotstxt/{answer.kind}")
        if answer.kind == "unreachable":
            if cached is not None:  # RFC 9309 2.4: an earlier copy beats "disallow all"
                return cached.body, now + timedelta(seconds=60)
            failed = isinstance(fetched, Exception)
            cause = type(fetched).__name__ if failed else f"HTTP {fetched[0]}"
            logger.warning("robots.txt of %s unreachable (%s): RFC 9309 disallows the host, so "
                           "nothing is fetched there this run", origin, cause)  # fmt: skip
            # For run.json's alerts: its pages are skips `robots`, which alone read as a ban.
            self.stats.set_value(f"{UNREACHABLE_STAT}{origin}", cause)
            return answer.body, now + timedelta(seconds=min(self.cache_ttl, 3600))
        expires = now + timedelta(seconds=answer.cache_for)
        if store is not None and answer.cache_for > 0:
            store.save_robots(CachedRobots(origin, answer.body, now, expires))
        return answer.body, expires

    async def _fetch(self, origin: str) -> tuple[int, bytes, str | None] | Exception:
        meta = {
            "dont_obey_robotstxt": True,
            PARTIAL_BODY_OK: True,
            # Capped by cap_robots_body instead: a Content-Length over DOWNLOAD_MAXSIZE would
            # cancel the download before its first byte.
            "download_maxsize": 0,
            "download_warnsize": 0,
        }
        robots = Request(f"{origin}/robots.txt", priority=FETCH_PRIORITY, callback=NO_CALLBACK,
                         meta=meta)  # fmt: skip
        self.stats.inc_value("robotstxt/request_count")
        try:
            response: Response = await self.crawler.engine.download_async(robots)
        except Exception as error:  # IgnoreRequest (blocked address) included
            self.stats.inc_value(f"robotstxt/exception_count/{type(error).__name__}")
            logger.info("robots.txt of %s not fetched: %r", origin, error)
            return error
        finally:
            self.fetching.pop(origin, None)
        self.stats.inc_value("robotstxt/response_count")
        self.stats.inc_value(f"robotstxt/response_status_count/{response.status}")
        control = response.headers.get(b"Cache-Control")
        return response.status, response.body, control.decode("latin-1") if control else None
