"""The state store locked by another process in the middle of a crawl (a `sqlite3` shell
holding a transaction, a backup, a VACUUM): the crawl goes on, its pages are records, and
the store catches up once the lock is gone. Each write used to wait out SQLite's busy
timeout on the reactor thread and fail, and its page became an `internal_error`."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import time

import pytest

from crawler.demo.runner import run_crawl
from crawler.state.recovery import UNSAVED_MARK
from crawler.state.store import open_store
from crawler.state.write_behind import WriteBehind
from tests.bulk_site import BulkSite, article
from tests.discovery_sites import HTML, DiscoverySite
from tests.hostile.crawl import jsonl, run_dir_of, start_crawl
from tests.hostile.server import HostileWeb

PAGES = 30
LOCK_SECONDS = 4
SLOW = {"DOWNLOAD_DELAY": "0.2", "CONCURRENT_REQUESTS_PER_DOMAIN": "1", "EXTRACT_WORKERS": "0"}


def wait_for_records(spider_dir, count: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sum(len(jsonl(path)) for path in spider_dir.glob("2*/articles.jsonl")) >= count:
            return
        time.sleep(0.1)
    raise AssertionError("too few records in time")


def test_a_crawl_goes_on_while_another_process_locks_its_store(tmp_path):
    with BulkSite() as bulk:
        urls = ",".join(bulk.urls(PAGES))
        crawl = start_crawl("urls", tmp_path, {"url": urls}, SLOW)
        wait_for_records(tmp_path / "urls", 2)
        other = sqlite3.connect(tmp_path / "state.sqlite3", isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")  # what a sqlite3 shell or a VACUUM holds
        written = len(jsonl(next((tmp_path / "urls").glob("2*/articles.jsonl"))))
        time.sleep(LOCK_SECONDS)
        during = len(jsonl(next((tmp_path / "urls").glob("2*/articles.jsonl")))) - written
        other.execute("COMMIT")
        other.close()
        try:
            _, log = crawl.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            crawl.kill()
            crawl.communicate()
            raise
        assert crawl.returncode == 0, log[-3000:]
        assert during >= 5  # pages kept coming while the store was locked
        run_dir = run_dir_of(tmp_path, "urls")
        assert len(jsonl(run_dir / "articles.jsonl")) == PAGES
        assert jsonl(run_dir / "rejects.jsonl") == []
        again = run_crawl("urls", tmp_path, {"url": urls})
        assert again.returncode == 0, again.log[-3000:]
        assert again.lines("articles.jsonl") == []  # every record was remembered after all


def crawl_locked_to_the_end(tmp_path, urls: str, after_records: int) -> None:
    """A `urls` crawl whose store another process locks after its first records, until the
    crawl has ended."""
    crawl = start_crawl("urls", tmp_path, {"url": urls}, SLOW)
    wait_for_records(tmp_path / "urls", after_records)
    other = sqlite3.connect(tmp_path / "state.sqlite3", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # what a sqlite3 shell or a VACUUM holds
    try:
        _, log = crawl.communicate(timeout=120)
    finally:
        other.execute("COMMIT")
        other.close()
    assert crawl.returncode == 0, log[-3000:]


def test_a_lock_held_past_the_end_is_replayed_by_the_next_run(tmp_path):
    """The writes kept in memory are lost with the process: run.json says so, and the next
    run replays this run's records into the store first, so it emits none of them again."""
    with BulkSite() as bulk:
        urls = ",".join(bulk.urls(12))
        crawl_locked_to_the_end(tmp_path, urls, after_records=2)
        run_dir = run_dir_of(tmp_path, "urls")
        summary = json.loads((run_dir / "run.json").read_text("utf-8"))
        assert any("state store locked" in alert for alert in summary["alerts"]), summary
        assert (run_dir / UNSAVED_MARK).exists()
        again = run_crawl("urls", tmp_path, {"url": urls})
        assert again.returncode == 0, again.log[-3000:]
        assert again.lines("articles.jsonl") == []
        assert not (run_dir / UNSAVED_MARK).exists()


def test_a_lock_held_past_the_end_holds_up_no_part_of_the_shutdown(tmp_path):
    """Closing the store tried its kept writes once more, holding the reactor for SQLite's
    busy timeout while Scrapy closed its kept-alive connections: its timer and the closed
    pool both fired the same Deferred, a CRITICAL AlreadyCalledError traceback every time
    (settle had waited for the lock already, as the run ended)."""
    with HostileWeb() as web:
        crawl = start_crawl(
            "urls", tmp_path, {"url": ",".join(web.url(f"/slow/{n}") for n in range(4))}
        )
        deadline = time.monotonic() + 60
        while not any(path.startswith("/slow/") for path in web.hits):
            assert time.monotonic() < deadline, "the crawl did not start"
            time.sleep(0.05)
        other = sqlite3.connect(tmp_path / "state.sqlite3", isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")
        try:
            _, log = crawl.communicate(timeout=120)
        finally:
            other.execute("COMMIT")
            other.close()
    assert crawl.returncode == 0, log[-3000:]
    assert "Traceback" not in log and "CRITICAL" not in log, log[-3000:]
    summary = json.loads((run_dir_of(tmp_path, "urls") / "run.json").read_text("utf-8"))
    assert any("state store locked" in alert for alert in summary["alerts"]), summary


def test_a_locked_store_emits_an_article_once_under_two_urls(tmp_path):
    """/b/N is /a/N again, naming /a/N canonical: a copy the store's lookups found. With the
    writes kept in memory while locked, they did not, and each article came out twice."""

    def pages(origin: str) -> dict:
        routes = {}
        for n in range(4):
            html = article(n)[1]
            routes[f"/a/{n}.html"] = (200, HTML, html.encode())
            canonical = f"<link rel='canonical' href='{origin}/a/{n}.html'></head>"
            routes[f"/b/{n}.html"] = (200, HTML, html.replace("</head>", canonical).encode())
        return routes

    with DiscoverySite(pages) as site:
        first = [f"{site.origin}/a/{n}.html" for n in range(4)]
        second = [f"{site.origin}/b/{n}.html" for n in range(4)]
        crawl_locked_to_the_end(tmp_path, ",".join([*first, *second]), after_records=1)
    records = jsonl(run_dir_of(tmp_path, "urls") / "articles.jsonl")
    assert sorted(record["canonical_url"] for record in records) == sorted(first)


class _Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_kept_writes_run_in_order_once_the_file_is_free():
    clock, done, locked = _Clock(), [], [True]

    def write(n):
        def run():
            if locked[0]:
                raise sqlite3.OperationalError("database is locked")
            done.append(n)

        return run

    kept = WriteBehind(clock)
    kept.run(write(1))
    kept.run(write(2))  # joins the queue without touching the file
    assert done == [] and len(kept.pending) == 2
    locked[0] = False
    kept.run(write(3))  # too soon: kept
    assert done == []
    clock.now = 2.0
    kept.run(write(4))
    assert done == [1, 2, 3, 4] and not kept.pending


def test_a_write_that_fails_otherwise_still_raises():
    def broken():
        raise sqlite3.OperationalError("no such table: articles")

    kept = WriteBehind()
    try:
        kept.run(broken)
    except sqlite3.OperationalError:
        pass
    else:
        raise AssertionError("a write that failed for another reason was kept")
    assert not kept.pending


def test_a_store_this_process_may_read_but_not_write_is_refused_at_its_check(tmp_path):
    """SQLite opens a file it may not write (one run under sudo left it to root) read-only
    without a word; every page's first write then failed. Here the connection is opened
    read-only, as SQLite does it then: the start check writes, and fails."""
    path = tmp_path / "state.sqlite3"
    store = open_store(str(path))
    store.check_integrity()  # writable: passes
    store.db.close()
    store.db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.check_integrity()
    assert not store.db.in_transaction  # rolled back once, with no second error
    store.db.close()
