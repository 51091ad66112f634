"""Distributed mode on a real redis-server: shared frontier, leases, restarts, merge."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler.demo.runner import LOOPBACK_SETTINGS, PROJECT_ROOT
from tests.bulk_site import BulkSite, article
from tests.discovery_sites import HTML, DiscoverySite
from tests.polite_site import PoliteSite
from tests.redis_server import needs_redis
from tests.test_conditional_documents import one_feed

pytestmark = needs_redis
BULK_PAGES = 1000


def worker(name: str, spider: str, redis_url: str, out: Path, **settings) -> subprocess.Popen:
    command = [sys.executable, "-m", "scrapy", "crawl", spider]
    values = {
        **LOOPBACK_SETTINGS,
        "REDIS_URL": redis_url,
        "OUTPUT_DIR": str(out / name),
        "WORKER_ID": name,
        "IDLE_CLOSE_AFTER": "3",
        "WORKER_HEARTBEAT_TTL": "3",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
        "EXTRACT_WORKERS": "0",
        "PROGRESS_INTERVAL": "0",
        "LOG_LEVEL": "INFO",
        **settings,
    }
    for key, value in values.items():
        command += ["-s", f"{key}={value}"]
    with (out / f"{name}.log").open("a") as log:  # the child keeps its own handle
        return subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=log, stderr=log)


def enqueue(spider: str, redis_url: str, urls: list[str], tmp_path: Path) -> None:
    urls_file = tmp_path / f"seeds-{time.monotonic_ns()}.txt"
    urls_file.write_text("\n".join(urls))
    subprocess.run(
        [sys.executable, "-m", "crawler", "enqueue", spider, "--urls-file", str(urls_file),
         "--redis-url", redis_url],
        cwd=PROJECT_ROOT, check=True, capture_output=True,
    )  # fmt: skip


def merged(out: Path) -> tuple[list[dict], list[dict]]:
    run_dirs = sorted(p.parent for p in out.glob("*/urls/2*/articles.jsonl"))
    target = out / "merged"
    subprocess.run(
        [sys.executable, "-m", "crawler", "merge", *map(str, run_dirs), "-o", str(target)],
        cwd=PROJECT_ROOT, check=True, capture_output=True,
    )  # fmt: skip
    records = [json.loads(x) for x in (target / "articles.jsonl").read_text().splitlines()]
    raw = [json.loads(x) for d in run_dirs for x in (d / "articles.jsonl").read_text().splitlines()
           if x.strip().endswith("}")]  # fmt: skip
    return records, raw


def wait_all(processes, timeout=240) -> None:
    """Wait for the workers; on timeout kill them all, so no crawler outlives the test."""
    deadline = time.monotonic() + timeout
    try:
        for process in processes:
            process.wait(max(1, deadline - time.monotonic()))
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()


def count_lines(out: Path) -> int:
    return sum(len(p.read_text().splitlines()) for p in out.glob("*/urls/2*/articles.jsonl"))


def demo_articles(manifest, demo_web) -> list[str]:
    return [
        demo_web.url(site["site"], page["path"])
        for site in manifest["sites"]
        for page in site["paths"]
        if page["kind"] in ("article", "aggregator", "syndicated")
    ]


def test_two_workers_share_one_frontier(redis_server, demo_web, manifest, tmp_path):
    with BulkSite() as bulk:
        expected = set(bulk.urls(BULK_PAGES)) | set(demo_articles(manifest, demo_web))
        enqueue("urls", redis_server.url, sorted(expected), tmp_path)
        workers = [worker(f"w{i}", "urls", redis_server.url, tmp_path) for i in (1, 2)]
        wait_all(workers)
    assert [w.returncode for w in workers] == [0, 0]
    records, raw = merged(tmp_path)
    assert sorted(r["url"] for r in records) == sorted(expected)
    assert len(raw) == len(expected)  # not even the raw outputs hold a duplicate
    summaries = [json.loads(p.read_text()) for p in tmp_path.glob("w*/urls/2*/run.json")]
    assert {s["worker"] for s in summaries} == {"w1", "w2"}
    assert all(s["counts"]["accepted"] > 0 for s in summaries)  # both did real work


def test_killed_worker_loses_and_duplicates_nothing(redis_server, tmp_path):
    with BulkSite() as bulk:
        expected = bulk.urls(400)
        enqueue("urls", redis_server.url, expected, tmp_path)
        steady = worker("w1", "urls", redis_server.url, tmp_path, DOWNLOAD_DELAY="0.02")
        victim = worker("w2", "urls", redis_server.url, tmp_path, DOWNLOAD_DELAY="0.02")
        deadline = time.monotonic() + 120
        while count_lines(tmp_path / "w2" / "..") < 60 and time.monotonic() < deadline:
            time.sleep(0.2)
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait()
        restarted = worker("w2", "urls", redis_server.url, tmp_path, DOWNLOAD_DELAY="0.02")
        wait_all([steady, restarted])
    assert steady.returncode == 0 and restarted.returncode == 0
    records, _ = merged(tmp_path)
    assert sorted(r["url"] for r in records) == sorted(expected)


def test_a_stopped_worker_gives_back_what_it_held(redis_server, tmp_path):
    """SIGTERM to a worker whose downloader holds requests waiting for their delay: they
    are not sent, and go back to the shared queue at once, not when its heartbeat expires
    (here never within the test), so a worker started after it finishes the crawl."""
    with BulkSite() as bulk:
        expected = bulk.urls(200)
        enqueue("urls", redis_server.url, expected, tmp_path)
        stopped = worker("w1", "urls", redis_server.url, tmp_path, DOWNLOAD_DELAY="0.3",
                         WORKER_HEARTBEAT_TTL="600")  # fmt: skip
        deadline = time.monotonic() + 120
        while count_lines(tmp_path) < 5 and time.monotonic() < deadline:
            time.sleep(0.1)
        stopped.send_signal(signal.SIGTERM)
        written_before = count_lines(tmp_path)
        wait_all([stopped], timeout=60)
        written_by_stopped = count_lines(tmp_path)
        after = worker("w2", "urls", redis_server.url, tmp_path)
        wait_all([after], timeout=120)
    assert (stopped.returncode, after.returncode) == (4, 0)
    # The page in transfer and those between download and output, not 16 more delays.
    assert written_by_stopped <= written_before + 4
    records, raw = merged(tmp_path)
    assert sorted(r["url"] for r in records) == sorted(expected)
    assert len(raw) == len(expected)


def test_a_fleet_reads_its_feeds_whole_every_run(redis_server, tmp_path):
    """An hourly fleet: the feed `enqueue` pushes again is read again (the shared dupefilter
    outlived the first run and dropped it, unaccounted), and read whole: the worker that
    read it cannot know whether the pages other workers fetched for it all were, so its
    validators would let a 304 hide a page that had failed at another worker. And that page,
    once its fingerprint has expired, is asked for again, as a run retries failures."""
    with DiscoverySite(one_feed) as site:
        site.add("/a/2.html", 500, HTML, b"busy")
        runs = []
        for run in (1, 2):
            enqueue("feeds", redis_server.url, [site.origin + "/feed.xml"], tmp_path)
            wait_all([worker(f"w{run}", "feeds", redis_server.url, tmp_path,
                             FLEET_DUPEFILTER_TTL="2", RETRY_TIMES="0")], timeout=120)  # fmt: skip
            (summary,) = [
                json.loads(p.read_text()) for p in tmp_path.glob(f"w{run}/feeds/2*/run.json")
            ]
            runs.append(summary)
            site.add("/a/2.html", 200, HTML, article(2)[1].encode())
            time.sleep(2.5)  # the fingerprints expire
        fetched = [path for path in site.hits if path.startswith("/a/")]
    first, second = runs
    assert first["rejected_by_reason"] == {"http_500": 1}
    assert "not_modified" not in second["skipped_by_reason"]
    assert second["skipped_by_reason"]["feed"] == 1 and second["counts"]["unaccounted"] == 0
    assert fetched.count("/a/2.html") == 2


def backlog_feed(origin: str) -> dict:
    items = "".join(f"<item><link>{origin}/a/{n}.html</link></item>" for n in range(1, 17))
    feed = f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()
    pages = {f"/a/{n}.html": (200, HTML, article(n)[1].encode()) for n in range(1, 17)}
    # Two feeds of one site that list the same pages.
    return {path: (200, "application/rss+xml", feed) for path in ("/feed.xml", "/all.xml")} | pages


def test_a_backlog_outliving_the_dupefilter_ttl_is_not_queued_again(redis_server, tmp_path):
    """The fingerprints expired FLEET_DUPEFILTER_TTL after the last new one: while one
    worker went through a backlog for longer, finding nothing new, a second worker reading
    another feed that lists the same pages queued each one again, and both fetched it. The
    heartbeat keeps them while the shared queue holds work."""
    with DiscoverySite(backlog_feed) as site:
        enqueue("feeds", redis_server.url, [site.origin + "/feed.xml"], tmp_path)
        settings = {"DOWNLOAD_DELAY": "1", "FLEET_DUPEFILTER_TTL": "2"}
        first = worker("w1", "feeds", redis_server.url, tmp_path, **settings)
        deadline = time.monotonic() + 60
        while not [path for path in site.hits if path.startswith("/a/")]:
            assert time.monotonic() < deadline, "no page fetched"
            time.sleep(0.1)
        time.sleep(2.5)  # past the TTL, with a dozen pages still to fetch
        enqueue("feeds", redis_server.url, [site.origin + "/all.xml"], tmp_path)
        second = worker("w2", "feeds", redis_server.url, tmp_path, **settings)
        wait_all([first, second], timeout=120)
        fetched = [path for path in site.hits if path.startswith("/a/")]
    assert site.hits.count("/all.xml") == 1
    assert sorted(fetched) == sorted(set(fetched)) and len(fetched) == 16
    (summary,) = [json.loads(p.read_text()) for p in tmp_path.glob("w2/feeds/2*/run.json")]
    assert summary["skipped_by_reason"]["duplicate_request"] >= 1, summary
    assert summary["counts"]["unaccounted"] == 0, summary["counts"]


def test_workers_survive_a_redis_restart(redis_server, tmp_path):
    with BulkSite() as bulk:
        expected = bulk.urls(300)
        enqueue("urls", redis_server.url, expected, tmp_path)
        workers = [
            worker(f"w{i}", "urls", redis_server.url, tmp_path, DOWNLOAD_DELAY="0.02")
            for i in (1, 2)
        ]
        deadline = time.monotonic() + 120
        while count_lines(tmp_path) < 50 and time.monotonic() < deadline:
            time.sleep(0.2)
        redis_server.stop()
        time.sleep(1.5)
        redis_server.start()  # same port and dir: the AOF brings the frontier back
        wait_all(workers)
    assert [w.returncode for w in workers] == [0, 0]
    records, _ = merged(tmp_path)
    assert sorted(r["url"] for r in records) == sorted(expected)


def crawl_one_host_with_a_fleet(
    workers: int, redis_url: str, tmp_path: Path, pages: int = 24, **settings
):
    """`workers` workers on one host that allows one request at a time; the host measures."""
    with PoliteSite(latency=0.2) as site:
        expected = [site.url(f"/a/{n}.html") for n in range(pages)]
        enqueue("urls", redis_url, expected, tmp_path)
        # CONCURRENT_REQUESTS 2: a worker holds at most 2 + 8 parked of the pages, so the
        # others get work too.
        limit = {"CONCURRENT_REQUESTS": "2", "CONCURRENT_REQUESTS_PER_DOMAIN": "1",
                 "DOWNLOAD_DELAY": "0", **settings}  # fmt: skip
        fleet = [worker(f"w{i}", "urls", redis_url, tmp_path, **limit) for i in range(workers)]
        wait_all(fleet)
        most_at_once = site.max_in_flight
    assert [w.returncode for w in fleet] == [0] * workers
    return most_at_once, expected


@pytest.mark.parametrize("workers", [2, 3])
def test_a_fleet_sends_a_host_no_more_than_its_limit(workers, redis_server, tmp_path):
    most_at_once, expected = crawl_one_host_with_a_fleet(workers, redis_server.url, tmp_path)
    assert most_at_once == 1
    records, raw = merged(tmp_path)
    assert sorted(r["url"] for r in records) == sorted(expected)
    assert len(raw) == len(expected)  # every article written exactly once


def test_without_shared_politeness_each_worker_has_its_own_limit(redis_server, tmp_path):
    """What the shared limit prevents, and proof that the server's measure can see it."""
    # 80 pages keep one worker busy for 16 s: the second worker's start-up, slow on a loaded
    # machine, cannot outlast the first worker's share of the crawl (24 pages did, in CI).
    most_at_once, _ = crawl_one_host_with_a_fleet(
        2, redis_server.url, tmp_path, pages=80, POLITENESS_SHARED="0"
    )
    assert most_at_once == 2


def test_a_busy_host_waits_without_holding_up_the_others(redis_server, tmp_path):
    """A slow host's requests come first in the shared queue (same priority: by bytes, and
    "127.0.0.1" sorts before "localhost"); a fast host's must not wait behind them in the
    worker's downloader (they are parked in the scheduler instead)."""
    with PoliteSite(latency=0.5) as slow, PoliteSite() as fast:
        fast_origin = fast.origin.replace("127.0.0.1", "localhost")  # another download slot
        urls = [slow.url(f"/a/{n}.html") for n in range(10)]
        urls += [f"{fast_origin}/a/{n}.html" for n in range(10)]
        enqueue("urls", redis_server.url, urls, tmp_path)
        limits = {"CONCURRENT_REQUESTS": "4", "CONCURRENT_REQUESTS_PER_DOMAIN": "1",
                  "DOWNLOAD_DELAY": "0"}  # fmt: skip
        wait_all([worker("w1", "urls", redis_server.url, tmp_path, **limits)])
        slow_hits = [at for at, path in slow.timed_hits if path.startswith("/a/")]
        fast_hits = [at for at, path in fast.timed_hits if path.startswith("/a/")]
    assert len(slow_hits) == len(fast_hits) == 10
    # The slow host needs 10 x 0.5 s one at a time; the fast one is done long before. Measured
    # against the slow host's own hits, not a wall-clock bound, so a loaded machine that slows
    # the whole crawl does not fail it.
    assert max(slow_hits) - min(slow_hits) > 4
    assert max(fast_hits) < sorted(slow_hits)[6], (sorted(slow_hits), max(fast_hits))
