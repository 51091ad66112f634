"""Scrapy's downloader and its slots, written below its public API.

- Crawl-delay: Scrapy reads robots.txt but ignores its Crawl-delay (scrapy/scrapy#892), and
  has no public call to set one domain's delay while a crawl runs. The downloader keeps its
  slots in `Downloader.slots` and per-slot overrides in `Downloader.per_slot_settings` (the
  DOWNLOAD_SLOTS setting, read when a slot is created).
- `PoliteDownloader` replaces `Downloader._process_queue`, where Scrapy 2.19 lets a slot's
  queue past its concurrency when DOWNLOAD_DELAY is 0 (docs/upstream.md), and where a
  fleet-wide turn (crawler.integration.host_gate) and a host's Retry-After are waited for;
  and its `get_slot_key`, which fails with CONCURRENT_REQUESTS_PER_IP and a hostname
  resolver (docs/upstream.md); and `stop_sending`, which empties the slots' queues at a stop
  (crawler.integration.stop_promptly), and `refuse`, which fails a given-up host's queue
  (crawler.integration.unavailable_hosts); it numbers the requests it sends (`send_number`),
  so an answer can tell whether its request left before another answer arrived.
- `parsed` builds a response's Selector when Scrapy's own raises on a broken `<base href>`;
  `release_parsed` drops the parsed tree a response caches (`_cached_selector`) when its
  callback is done (docs/upstream.md).

All were read for Scrapy 2.19. Outside the checked range the delay is not set and the
downloader's queue is Scrapy's own.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from time import monotonic
from typing import Protocol

from parsel import Selector
from scrapy import Request
from scrapy.core.downloader import Downloader
from scrapy.http import XmlResponse
from scrapy.utils.asyncio import call_later
from scrapy.utils.defer import _schedule_coro
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

from crawler.compat.versions import supported


def check_version() -> bool:
    return supported("scrapy", "2.19.0", "2.20")


def parsed(response):
    """`response.selector`, also for a page whose `<base href>` is broken ("http://[::1/"):
    Scrapy resolves the base to build its Selector, and w3lib raises ValueError there, on
    every `response.xpath` (docs/upstream.md). Such a page's links resolve against its URL."""
    try:
        return response.selector
    except ValueError:
        if not check_version():
            raise
        # parsel's: Scrapy's resolves the base first, whatever base_url or text is given.
        kind = "xml" if isinstance(response, XmlResponse) else None
        selector = Selector(text=response.text, type=kind, base_url=response.url)
        response._cached_selector = selector
        return selector


def release_parsed(response) -> None:
    """Drop the tree Scrapy caches on a response once its callback is done. The Selector
    refers back to its response, a cycle only the garbage collector frees, and lxml's
    trees are memory it does not count, so it seldom runs: a site crawl reading 8 MB index
    pages kept every tree and reached 2 GB (response.selector, Scrapy 2.19)."""
    if check_version() and getattr(response, "_cached_selector", None) is not None:
        response._cached_selector = None


def slot_key(downloader, request) -> str:
    return downloader.get_slot_key(request)


SEND_NUMBER = "polite_send_number"  # request.meta: the downloader's count when it was sent


def send_number(request) -> int | None:
    """Which of the downloader's sends this request was (None: not sent by ours)."""
    return request.meta.get(SEND_NUMBER)


def sends_so_far(downloader) -> int | None:
    """How many requests the downloader has sent (None: not ours, which does not count)."""
    return getattr(downloader, "sent", None)


def set_delay_floor(downloader, key: str, floor: float) -> None:
    """The slot's delay is at least `floor`, without jitter, now and for slots made later."""
    if not check_version():
        return
    # No jitter: Scrapy's ±50% would put half the requests under the floor.
    downloader.per_slot_settings.setdefault(key, {}).update(delay=floor, jitter=0.0)
    keep_delay_floor(downloader, key, floor)


def keep_delay_floor(downloader, key: str, floor: float) -> None:
    """Put the floor back after AutoThrottle has adjusted the slot's delay."""
    slot = downloader.slots.get(key) if check_version() else None
    if slot is not None:
        slot.jitter = 0.0
        slot.delay = max(slot.delay, floor)


# --- the downloader: per-host limits that hold ---------------------------------------------
class HostGate(Protocol):
    """A limit shared beyond this process (crawler.integration.host_gate)."""

    def take(self, key: str, concurrency: int, delay: float, done: list[str]) -> str | float:
        """Release this host's `done` tokens, then return a token to send one request now,
        or the seconds to wait before asking again."""

    def release(self, key: str, done: list[str]) -> None: ...

    def hold(self, key: str, seconds: float) -> None:
        """No turn for this host before `seconds` from now (a Retry-After)."""


class PoliteDownloader(Downloader):
    """Scrapy 2.19's downloader, with `_process_queue` changed in three ways:

    - a request takes its transfer slot before its download task is scheduled. Scrapy adds
      it when the task starts, after its loop has drained the slot's queue, so with
      DOWNLOAD_DELAY=0 every queued request to a host starts at once, whatever
      CONCURRENT_REQUESTS_PER_DOMAIN says;
    - a host held by `hold` (a Retry-After) waits, for every request, not only the retry;
    - with a `gate` (distributed mode), each request also waits for a fleet-wide turn.
    """

    def __init__(self, crawler):
        super().__init__(crawler)
        self.turns: _Turns | None = None
        self._not_before: dict[str, float] = {}  # slot key -> monotonic time
        self._returned: tuple[Callable, Callable] | None = None  # stop_sending's arguments
        self._refused: dict[str, Callable[[Request], Exception]] = {}  # slot key -> error
        self.sent = 0  # requests sent so far; each carries its number (SEND_NUMBER)

    @property
    def gate(self) -> HostGate | None:
        return self.turns.gate if self.turns else None

    @gate.setter
    def gate(self, gate: HostGate | None) -> None:
        self.turns = _Turns(gate) if gate is not None else None

    def get_slot_key(self, request: Request) -> str:
        """With CONCURRENT_REQUESTS_PER_IP, Scrapy keys slots by `dnscache[host]`, which its
        own CachingHostnameResolver (our SSRF resolver's base) fills with a list of
        addresses: an unhashable key, and a TypeError for every request (docs/upstream.md).
        The first address is the key then."""
        key = super().get_slot_key(request)
        if isinstance(key, list):
            return str(key[0].host) if key else urlparse_cached(request).hostname or ""
        return key

    def hold(self, request: Request, seconds: float) -> None:
        """No request to this request's host before `seconds` from now."""
        key = self.get_slot_key(request)
        self._not_before[key] = max(self._not_before.get(key, 0.0), monotonic() + seconds)
        if self.turns is not None:
            self.turns.gate.hold(key, seconds)

    def stop_sending(
        self, wanted: Callable[[Request], bool], returned: Callable[[Request, Deferred], None]
    ) -> int:
        """From now on, hand the `wanted` requests waiting in a slot's queue (for its delay, a
        hold or a turn) to `returned`, with the deferreds their downloads are awaited by,
        instead of sending them: those queued now, and those that arrive later (released by
        their robots.txt). Requests being transferred finish. Returns how many were queued
        now; nothing is held back outside the checked Scrapy versions."""
        if not check_version():
            return 0
        self._returned = (wanted, returned)
        taken = 0
        for slot in self.slots.values():
            taken += self._return_unsent(slot)
        return taken

    def refuse(self, key: str, error: Callable[[Request], Exception]) -> int:
        """Fail the requests waiting in this host's queue (for its delay, a hold or a turn)
        with `error(request)`, now and whenever more arrive: a host given up on
        (crawler.integration.unavailable_hosts) is not waited for. Returns how many waited."""
        if not check_version():
            return 0
        self._refused[key] = error
        slot = self.slots.get(key)
        return self._fail_refused(slot) if slot is not None else 0

    def _fail_refused(self, slot) -> int:
        if not self._refused or not slot.queue:
            return 0
        error = self._refused.get(slot.queue[0][0].meta.get(self.DOWNLOAD_SLOT))
        if error is None:
            return 0
        waiting = list(slot.queue)
        slot.queue.clear()
        for request, download in waiting:
            download.errback(Failure(error(request)))
        return len(waiting)

    def _return_unsent(self, slot) -> int:
        if self._returned is None:
            return 0
        wanted, returned = self._returned
        kept, taken = deque(), []
        while slot.queue:
            entry = slot.queue.popleft()
            (taken if wanted(entry[0]) else kept).append(entry)
        slot.queue.extend(kept)
        for request, download in taken:
            returned(request, download)
        return len(taken)

    def _process_queue(self, slot) -> None:
        if not check_version():
            super()._process_queue(slot)
            return
        self._return_unsent(slot)
        self._fail_refused(slot)
        if slot.latercall:
            return
        now = monotonic()
        delay = slot.download_delay()
        key = slot.queue[0][0].meta.get(self.DOWNLOAD_SLOT) if slot.queue else None
        held = self._not_before.get(key, 0.0) - now
        if held <= 0:
            self._not_before.pop(key, None)  # the hold is over: forget the host
        wait = max(delay - now + slot.lastseen if delay else 0.0, held)
        if wait > 0:
            slot.latercall = call_later(wait, self._latercall, slot)
            return
        while slot.queue and slot.free_transfer_slots() > 0:
            request, queue_dfd = slot.queue[0]
            if self.turns is not None and (wait := self.turns.take(slot, request)):
                slot.latercall = call_later(wait, self._latercall, slot)
                return
            slot.queue.popleft()
            slot.lastseen = now
            slot.transferring.add(request)  # taken now, not when the task starts
            self.sent += 1
            request.meta[SEND_NUMBER] = self.sent
            _schedule_coro(self._wait_for_download(slot, request, queue_dfd))
            if delay:  # one request per delay: the recursive call waits for the next
                self._process_queue(slot)
                break
        if self.turns is not None:
            self.turns.settle(slot)


# A finished download's turn is given back with the host's next turn, one Redis call for
# both; when none comes within this many seconds (the host's queue here is empty), alone.
RELEASE_LINGER = 0.05


class _Turns:
    """The fleet-wide turns of one downloader: those in transfer, per slot, and those over
    but not yet given back."""

    def __init__(self, gate: HostGate):
        self.gate = gate
        self.out: dict[int, tuple[str, dict[str, Request]]] = {}  # id(slot) -> key, turns
        self.lingering: set[int] = set()

    def take(self, slot, request: Request) -> float:
        """0 when the request may go now; else seconds to wait before asking again."""
        key = request.meta[Downloader.DOWNLOAD_SLOT]
        answer = self.gate.take(key, slot.concurrency, slot.delay, self._over(slot))
        if isinstance(answer, float):
            return max(answer, 0.001)
        self.out.setdefault(id(slot), (key, {}))[1][answer] = request
        return 0.0

    def settle(self, slot) -> None:
        """After a slot's queue was served: finished turns go back soon (`_process_queue`
        runs after every download, so each finish is seen here)."""
        turns = self.out.get(id(slot), ("", {}))[1]
        over = any(request not in slot.transferring for request in turns.values())
        if over and id(slot) not in self.lingering:
            self.lingering.add(id(slot))
            call_later(RELEASE_LINGER, self._give_back, slot)

    def _give_back(self, slot) -> None:
        self.lingering.discard(id(slot))
        key = self.out.get(id(slot), ("", {}))[0]
        if done := self._over(slot):  # none left when a take carried them meanwhile
            self.gate.release(key, done)

    def _over(self, slot) -> list[str]:
        """Tokens of this slot's transfers that are over; forgotten here once returned."""
        key, turns = self.out.get(id(slot), ("", {}))
        done = [token for token, request in turns.items() if request not in slot.transferring]
        for token in done:
            del turns[token]
        if not turns:
            self.out.pop(id(slot), None)
        return done
