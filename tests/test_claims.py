"""Claims on articles about to be emitted (crawler.state.claims): what two crawls sharing a
state store see of each other's. The crawl-level test is tests/test_concurrent_runs.py."""

from __future__ import annotations

import multiprocessing
import os

from crawler.state.claims import FileClaims
from crawler.state.store import open_store
from tests.redis_server import needs_redis


def _claim_in_another_process(directory, keys, results) -> None:
    results.put(FileClaims(directory).claim(keys))


def claim_elsewhere(directory, keys) -> str | None:
    """What another process's claim of `keys` gets (the process has ended afterwards)."""
    results = multiprocessing.get_context("fork").Queue()
    process = multiprocessing.get_context("fork").Process(
        target=_claim_in_another_process, args=(directory, keys, results)
    )
    process.start()
    process.join(30)
    return results.get(timeout=5)


def test_a_live_claim_is_refused_to_another_process_and_given_back_by_release(tmp_path):
    mine = FileClaims(tmp_path)
    assert mine.claim(["https://news.example/a", "https://news.example/a?amp"]) is None
    assert mine.claim(["https://news.example/a"]) is None  # its own: taken again freely
    assert claim_elsewhere(tmp_path, ["https://news.example/a"]) == f"pid {os.getpid()}"
    mine.release(["https://news.example/a", "https://news.example/a?amp"])
    assert claim_elsewhere(tmp_path, ["https://news.example/a"]) is None
    assert mine.claim(["https://news.example/b"]) is None  # other articles are free


def test_a_refused_claim_gives_back_what_it_took_and_keeps_what_was_held(tmp_path):
    mine = FileClaims(tmp_path)
    assert mine.claim(["https://news.example/z"]) is None
    # Another process takes /b, then finds /z held: /b is given back at once.
    assert claim_elsewhere(tmp_path, ["https://news.example/b", "https://news.example/z"])
    assert mine.claim(["https://news.example/b"]) is None
    # A claim of this process's that fails on another's key keeps the earlier claim it held.
    assert mine.claim(["https://news.example/z", "https://news.example/a"]) is None
    assert len(os.listdir(tmp_path)) == 3


def test_the_claim_of_a_process_that_ended_is_stale_taken_over_and_swept(tmp_path):
    """Killed between its claim and its write: the next crawl takes the article, and the
    store's opening removes what is left."""
    assert claim_elsewhere(tmp_path, ["https://news.example/a", "https://news.example/b"]) is None
    mine = FileClaims(tmp_path)
    assert mine.claim(["https://news.example/a"]) is None
    assert mine.sweep() == 1  # /b's; /a is this process's now
    assert len(os.listdir(tmp_path)) == 1


def test_a_directory_that_cannot_be_made_claims_nothing_and_refuses_nothing(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    assert FileClaims(blocker / "claims").claim(["https://news.example/a"]) is None


@needs_redis
def test_workers_of_a_fleet_claim_through_redis_and_remember_gives_back(redis_server):
    first, second = open_store(redis_server.url), open_store(redis_server.url)
    keys = ("https://news.example/a", "https://news.example/a?amp")
    assert first.claim(keys) is None
    assert first.claim(keys[:1]) is None  # its own
    assert (second.claim(keys[:1]) or "").startswith("worker claim ")
    record = {"id": "a" * 24, "content_hash": "h", "published_at": None}
    first.remember(keys[0], record, 12345, keys[1:])
    assert second.claim(keys) is None  # remembered: the claims are gone
    for store in (first, second):
        store.close()
