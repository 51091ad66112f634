"""A host that asks us to wait on every request is given up for the run, not waited out.

Real crawls against a 127.0.0.1 server: its pages answer 503 with Retry-After while it is
"busy", and articles once it is not.
"""

from __future__ import annotations

import threading
import time

from tests.hostile import pages
from tests.hostile.crawl import assert_accounted, crawl
from tests.hostile.server import HostileHandler, HostileWeb

LIMIT = 3
BUSY_PAGES = 12
SETTINGS = {
    "HOST_RETRY_AFTER_LIMIT": str(LIMIT),
    "RETRY_TIMES": "2",  # three attempts a page: 36 requests, 36 s of holds, without a limit
    "CONCURRENT_REQUESTS_PER_DOMAIN": "2",
}


def _busy_then_fine(web: HostileWeb):
    state = {"busy": True}

    def route(handler: HostileHandler) -> None:
        if state["busy"]:
            handler.send(503, b"busy", "text/plain", Retry_After="1")
        else:
            number = handler.path.rsplit("/", 1)[-1]
            handler.send(200, pages.article(f"Page {number} of a host that came back"))

    web.server.prefixes["/busy/"] = route
    return state


def _fine(handler: HostileHandler) -> None:
    number = handler.path.rsplit("/", 1)[-1]
    handler.send(200, pages.article(f"Page {number} of a host that was never busy"))


def test_a_host_asking_to_wait_on_every_page_is_given_up_and_fetched_next_run(tmp_path):
    with HostileWeb() as web:
        state = _busy_then_fine(web)
        web.server.prefixes["/fine/"] = _fine
        busy = [web.url(f"/busy/{n}") for n in range(BUSY_PAGES)]
        fine = [web.url(f"/fine/{n}", host="localhost") for n in range(3)]  # another host
        result = crawl("urls", tmp_path, {"url": ",".join(busy + fine)}, SETTINGS)
        summary = assert_accounted(result)
        busy_hits = sum(count for path, count in web.hits.items() if path.startswith("/busy/"))
        # LIMIT waves of at most CONCURRENT_REQUESTS_PER_DOMAIN requests, each wave one count.
        assert busy_hits <= LIMIT * 2, (busy_hits, result.log[-3000:])
        rejected = summary["rejected_by_reason"]
        assert rejected.get("host_unavailable", 0) >= BUSY_PAGES - LIMIT * 2, rejected
        assert rejected.get("http_503", 0) + rejected["host_unavailable"] == BUSY_PAGES, rejected
        assert summary["counts"]["accepted"] == len(fine)  # the other host is not given up
        assert any("127.0.0.1 given up" in alert for alert in summary["alerts"]), summary
        # Transient: the next run fetches the pages again, and they are articles now.
        state["busy"] = False
        again = crawl("urls", tmp_path, {"url": ",".join(busy + fine)}, SETTINGS)
    again_summary = assert_accounted(again)
    assert again_summary["counts"]["accepted"] == BUSY_PAGES, again_summary["counts"]
    assert again_summary["alerts"] == [], again_summary["alerts"]


def test_answers_without_retry_after_keep_their_own_reason(tmp_path):
    """A 503 without Retry-After (or a 500) says as much about the page as about the host:
    every page is tried, and each keeps its status."""
    with HostileWeb() as web:
        urls = [web.url(f"/status/503?n={n}") for n in range(LIMIT * 3)]
        result = crawl("urls", tmp_path, {"url": ",".join(urls)}, SETTINGS, exit_code=2)
    summary = assert_accounted(result)
    assert summary["rejected_by_reason"] == {"http_503": len(urls)}, summary


BURST = 8  # CONCURRENT_REQUESTS_PER_DOMAIN in LOOPBACK_SETTINGS: all in flight at once


def _one_burst_of_429s(web: HostileWeb) -> list[float]:
    """The first BURST requests answer 429 with Retry-After: 1, each after a pause that keeps
    all of them in flight together; every later one an article. Returns the hits' times."""
    times: list[float] = []
    lock = threading.Lock()

    def route(handler: HostileHandler) -> None:
        with lock:
            times.append(time.monotonic())
            busy = len(times) <= BURST
        if busy:
            time.sleep(0.3)
            handler.send(429, b"slow down", "text/plain", Retry_After="1")
        else:
            number = handler.path.rsplit("/", 1)[-1]
            handler.send(200, pages.article(f"Page {number} of a host that asked once"))

    web.server.prefixes["/burst/"] = route
    return times


def test_a_burst_of_429s_in_flight_together_is_one_wait_not_a_give_up(tmp_path):
    """Eight 429s to requests sent together are one "wait", not eight in a row: the host's
    Retry-After is waited out and every page fetched after it."""
    with HostileWeb() as web:
        times = _one_burst_of_429s(web)
        urls = [web.url(f"/burst/{n}") for n in range(BURST)]
        result = crawl("urls", tmp_path, {"url": ",".join(urls)}, {"RETRY_TIMES": "2"})
    summary = assert_accounted(result)
    assert summary["counts"]["accepted"] == BURST, (summary, result.log[-3000:])
    assert summary["alerts"] == [], summary["alerts"]
    assert len(times) == 2 * BURST, times
    # The retries waited for the Retry-After (1 s) after the burst's answers.
    assert min(times[BURST:]) - max(times[:BURST]) >= 0.9, times
