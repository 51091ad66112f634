"""Faults: a full or unwritable output, and SIGTERM, during real crawls.

The crawl stops with an error naming the path and exits 1; lines already written stay whole
JSON; on SIGTERM the crawl shuts down gracefully with records and run.json complete.
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import resource
import signal
import subprocess
import sys
import time

import pytest

from crawler.runs.output import JsonlWriter, OutputError
from crawler.state.recovery import UNSAVED_MARK, recover
from crawler.state.store import open_store
from tests.hostile.crawl import (
    assert_peak_rss_bounded,
    crawl,
    jsonl,
    run_dir_of,
    start_crawl,
)
from tests.hostile.documents import long_feed_links
from tests.hostile.server import HostileWeb

FILE_LIMIT = 12_000  # bytes: three or four records, then EFBIG
NO_STATE = {"STATE_URI": ""}  # the state store is not what this test fills up
PR_CAPBSET_DROP, CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 24, 1, 2  # <linux/prctl.h>, capability.h
NOBODY = 65534


@pytest.fixture(scope="module")
def web():
    with HostileWeb() as hostile:
        yield hostile


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_LIMIT, FILE_LIMIT))


def finish(process, timeout: float = 120) -> str:
    try:
        _, log = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()  # a hung crawl fails its test, and does not outlive it
        process.communicate()
        raise
    assert_peak_rss_bounded()
    return log


def test_disk_full_stops_the_crawl_naming_the_path(web, tmp_path):
    urls = ",".join(web.url(f"/slow/{n}") for n in range(1, 25))
    process = start_crawl("urls", tmp_path, {"url": urls}, NO_STATE, _limit_file_size)
    log = finish(process)
    assert process.returncode == 3, log[-3000:]  # output error (README, "Exit codes")
    run_dir = run_dir_of(tmp_path, "urls")
    articles = run_dir / "articles.jsonl"
    assert f"cannot write {articles}" in log
    records = jsonl(articles)  # every line whole JSON, none torn by the limit
    assert 1 <= len(records) < 24
    assert articles.stat().st_size <= FILE_LIMIT
    summary = json.loads((run_dir / "run.json").read_text("utf-8"))
    assert summary["finish_reason"] == "output_error"
    assert str(articles) in summary["output_error"]
    assert summary["counts"]["accepted"] == len(records)
    # The pages fetched after the failure are counted skips, not lost from the ledger.
    assert summary["counts"]["unaccounted"] == 0, summary["counts"]
    assert summary["skipped_by_reason"]["output_error"] >= 1


JOBDIR_FILE_LIMIT = 100_000  # bytes: a host's disk queue passes it, the run's files do not


def _full_jobdir_feeds_crawl(web, tmp_path, jobdir, file_limit: int) -> tuple[str, dict]:
    """A feeds crawl with JOBDIR whose files stop taking writes past `file_limit` bytes: it
    must finish with every feed link a record or a reject line. (log, run.json)"""

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit raises EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    settings = {**NO_STATE, "JOBDIR": str(jobdir)}
    process = start_crawl("feeds", tmp_path, {"feed": web.url("/feeds/long.xml")}, settings, limit)
    log = finish(process, timeout=90)
    assert process.returncode == 0, log[-3000:]  # every page fetched and written down
    run_dir = run_dir_of(tmp_path, "feeds")
    summary = json.loads((run_dir / "run.json").read_text("utf-8"))
    assert summary["finish_reason"] == "finished"
    assert summary["counts"]["unaccounted"] == 0, summary["counts"]
    finished = {line["url"] for line in jsonl(run_dir / "articles.jsonl")}
    finished |= {line["url"] for line in jsonl(run_dir / "rejects.jsonl")}
    assert finished == set(long_feed_links(web.url("").rstrip("/")))
    return log, summary


def test_a_full_jobdir_holds_requests_in_memory_and_the_crawl_finishes(web, tmp_path):
    """A disk queue that stopped taking writes (JOBDIR on a full disk): the feeds crawl hung,
    every later push and pop raising EFBIG from queuelib's buffered file."""

    jobdir = tmp_path / "job"
    log, summary = _full_jobdir_feeds_crawl(web, tmp_path, jobdir, JOBDIR_FILE_LIMIT)
    queue = jobdir / "requests.queue"
    assert log.count(f"JOBDIR cannot write {queue}") == 1 and "Traceback" not in log
    [alert] = summary["alerts"]
    assert alert.startswith(f"JOBDIR cannot write {queue}: File too large: "), alert


UPSTREAM_QUEUE = """
import resource, signal, sys
from queuelib.queue import LifoDiskQueue
from crawler.compat.queuelib import WholeRecordLifoDiskQueue
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))
queue = {"stock": LifoDiskQueue, "ours": WholeRecordLifoDiskQueue}[sys.argv[1]](sys.argv[2])
pushed = 0
try:
    for n in range(100):
        queue.push(b"%03d" % n * 10)
        pushed += 1
except OSError:
    pass
try:
    print(pushed, queue.pop().decode())
except OSError as error:
    print(pushed, type(error).__name__)
"""


def _push_until_full_then_pop(queue: str, path) -> tuple[int, str]:
    command = [sys.executable, "-c", UPSTREAM_QUEUE, queue, str(path)]
    result = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60)
    pushed, popped = result.stdout.split()
    return int(pushed), popped


def test_upstream_a_failed_disk_queue_push_wedges_the_queue(tmp_path):
    """queuelib 1.10's LifoDiskQueue on a file size limit: once a push failed, the next pop
    raises too (its buffered file retries the failed bytes). Ours pops the last whole record,
    and its file holds whole records only."""
    assert _push_until_full_then_pop("stock", tmp_path / "stock")[1] == "OSError"
    pushed, popped = _push_until_full_then_pop("ours", tmp_path / "ours")
    assert popped == f"{pushed - 1:03d}" * 10
    record = 30 + 4  # the bytes and their size
    assert (tmp_path / "ours").stat().st_size == 4 + (pushed - 1) * record


SEEN_FILE_LIMIT = 1_000_000  # bytes: requests.seen is filled up to it, the queue stays below
SEEN_ROOM = 40  # fingerprints that still fit in requests.seen


def _fingerprints(count: int) -> bytes:
    """requests.seen's records (a 2-byte size, then the fingerprint) of other requests."""
    return b"".join((20).to_bytes(2, "big") + os.urandom(20) for _ in range(count))


def test_a_full_requests_seen_keeps_fingerprints_in_memory_and_the_crawl_finishes(web, tmp_path):
    """JOBDIR/requests.seen that stopped taking writes: each new request raised EFBIG from
    Scrapy's duplicate check, an asyncio traceback each, those requests were lost, and the
    feeds crawl hung."""

    jobdir = tmp_path / "job"
    jobdir.mkdir()
    seen = jobdir / "requests.seen"
    seen.write_bytes(_fingerprints(SEEN_FILE_LIMIT // 22 - SEEN_ROOM))
    log, summary = _full_jobdir_feeds_crawl(web, tmp_path, jobdir, SEEN_FILE_LIMIT)
    assert log.count(f"JOBDIR cannot write {seen}") == 1 and "Traceback" not in log
    unsaved = summary["counts"]["requests"] - SEEN_ROOM  # the feed's own fingerprint fit
    [alert] = summary["alerts"]
    assert alert == (
        f"JOBDIR cannot write {seen}: File too large: {unsaved} request fingerprints were kept "
        "in memory only; a resumed run may request those again"
    )


UPSTREAM_SEEN = """
import resource, signal, sys
from scrapy import Request
from scrapy.dupefilters import RFPDupeFilter
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler
from crawler.compat.scrapy_dupefilter import JobdirDupeFilter
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000))
cls = {"stock": RFPDupeFilter, "ours": JobdirDupeFilter}[sys.argv[1]]
dupefilter = build_from_crawler(cls, get_crawler(settings_dict={"JOBDIR": sys.argv[2]}))
requests = [Request(f"http://127.0.0.1/{n}") for n in range(100)]
try:
    new = sum(not dupefilter.request_seen(request) for request in requests)
    again = sum(dupefilter.request_seen(request) for request in requests)
    dupefilter.close("finished")
    print(new, again)
except OSError as error:
    print(type(error).__name__, "-")
"""


def test_upstream_a_full_requests_seen_raises_from_the_duplicate_check(tmp_path):
    """Scrapy 2.19's RFPDupeFilter on a file size limit: `request_seen` raises OSError once
    its buffered file cannot be flushed. Ours answers every request (each new once, then
    seen), and its file holds whole records only."""
    stock, ours = tmp_path / "stock", tmp_path / "ours"
    for jobdir in (stock, ours):
        jobdir.mkdir()
        (jobdir / "requests.seen").write_bytes(_fingerprints(30))  # 660 bytes
    for name, jobdir, expected in (
        ("stock", stock, ["OSError", "-"]),
        ("ours", ours, ["100", "100"]),
    ):
        command = [sys.executable, "-c", UPSTREAM_SEEN, name, str(jobdir)]
        result = subprocess.run(command, capture_output=True, text=True, check=True, timeout=60)
        assert result.stdout.split() == expected, result.stderr[-2000:]
    assert (ours / "requests.seen").stat().st_size == 1000 // 22 * 22


STATE_FILE_LIMIT = 150_000  # bytes: the store's write-ahead log reaches it within 20 pages


def test_a_state_store_that_stops_taking_writes_stops_the_crawl_and_is_replayed(web, tmp_path):
    """SQLite's "disk I/O error" (a full disk, a file size limit) on every page: each was an
    internal_error with its whole body in the log, and the run exited 0."""
    open_store(str(tmp_path / "state.sqlite3")).close()  # its schema, before the limit
    urls = [web.url(f"/slow/{n}") for n in range(600, 660)]

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (STATE_FILE_LIMIT, STATE_FILE_LIMIT))

    settings = {"CONCURRENT_REQUESTS_PER_DOMAIN": "4"}
    process = start_crawl("urls", tmp_path, {"url": ",".join(urls)}, settings, limit)
    log = finish(process)
    assert process.returncode == 3, log[-3000:]
    run_dir = run_dir_of(tmp_path, "urls")
    summary = json.loads((run_dir / "run.json").read_text("utf-8"))
    assert summary["finish_reason"] == "output_error"
    assert summary["counts"]["unaccounted"] == 0 and summary["counts"]["rejected"] == 0
    assert any(alert.startswith("state store ") for alert in summary["alerts"]), summary
    assert log.count("Error processing") == 0  # no page's body in the log
    first = {line["url"] for line in jsonl(run_dir / "articles.jsonl")}
    assert 1 <= len(first) < len(urls)
    # The next run replays the first one's records into the store: none is emitted again.
    result = crawl("urls", tmp_path, {"url": ",".join(urls)})
    again = {line["url"] for line in result.lines("articles.jsonl")}
    assert not again & first and again | first == set(urls)


def test_unwritable_output_directory_stops_before_crawling(web, tmp_path):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the output directory should be")
    output = blocker / "output"
    process = start_crawl("urls", output, {"url": web.url("/content/article")}, NO_STATE)
    log = finish(process)
    assert process.returncode == 1, log[-3000:]  # refused before the crawl starts
    assert f"error: setting OUTPUT_DIR='{output}': is not a directory ({blocker} is a file)" in log
    assert "Traceback" not in log
    assert not list(blocker.parent.glob("**/run.json"))


def killed_run(output_dir, records: int):
    """A run directory as kill -9 leaves it: records, no run.json, no live owner (here no
    run.lock at all)."""
    run_dir = output_dir / "urls" / "20260101T000000Z"
    run_dir.mkdir(parents=True)
    with (run_dir / "articles.jsonl").open("w", encoding="utf-8") as lines:
        for n in range(records):
            url = f"https://example.com/{n}"
            record = {"id": f"r{n}", "url": url, "canonical_url": url, "content_hash": f"h{n}"}
            lines.write(json.dumps({**record, "text": f"Record {n} " * 40}) + "\n")
    return run_dir


def assert_one_error_line(log: str, *expected: str) -> None:
    errors = [line for line in log.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, log[-3000:]
    assert all(part in errors[0] for part in expected), errors
    assert "Traceback" not in log and "never retrieved" not in log, log[-3000:]


def test_a_killed_run_that_cannot_be_replayed_onto_a_full_disk_is_one_error_line(web, tmp_path):
    """Replaying a killed run at start into a store on a full disk (here a file size limit)
    was asyncio's "Task exception was never retrieved" and a traceback, at every start."""
    store = tmp_path / "state.sqlite3"
    open_store(str(store)).close()
    killed_run(tmp_path, records=200)  # their writes pass the file size limit

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (STATE_FILE_LIMIT, STATE_FILE_LIMIT))

    process = start_crawl("urls", tmp_path, {"url": web.url("/content/article")}, None, limit)
    log = finish(process)
    assert process.returncode == 1, log[-3000:]  # a start error (README, "Exit codes")
    expected = (f"error: cannot replay earlier runs in {tmp_path}", str(store), "OperationalError")
    assert_one_error_line(log, *expected)
    assert [p.name for p in (tmp_path / "urls").iterdir()] == ["20260101T000000Z"]


def test_an_empty_unsaved_mark_a_full_disk_left_is_replayed_all_the_same(tmp_path):
    """A run whose store stopped taking writes on a full disk leaves its state-unsaved.json
    empty: that it is there is all it says."""
    run_dir = killed_run(tmp_path, records=3)
    (run_dir / "run.json").write_text("{}", "utf-8")
    (run_dir / UNSAVED_MARK).write_bytes(b"")
    store = open_store(str(tmp_path / "state.sqlite3"))
    try:
        assert recover(store, tmp_path) == 3
    finally:
        store.close()
    assert not (run_dir / UNSAVED_MARK).exists()


def _without_dac_override() -> None:
    # Root as a crawl run as another user meets it: without these capabilities, a directory
    # that user owns is read-only to it too (root's writes go through permissions otherwise).
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown, prctl")
def test_a_killed_run_another_user_left_is_one_error_line(web, tmp_path):
    """A killed `sudo -u other` crawl's directory, which this crawl cannot mark recovered."""
    run_dir = killed_run(tmp_path, records=1)
    os.chown(run_dir, NOBODY, NOBODY)
    run_dir.chmod(0o755)
    url = {"url": web.url("/content/article")}
    process = start_crawl("urls", tmp_path, url, None, _without_dac_override)
    log = finish(process)
    assert process.returncode == 1, log[-3000:]
    assert_one_error_line(log, "PermissionError", str(run_dir / "recovered.json"))
    assert [p.name for p in (tmp_path / "urls").iterdir()] == [run_dir.name]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown, prctl")
def test_a_spider_folder_another_user_owns_is_a_start_error(web, tmp_path):
    """OUTPUT_DIR/<spider> left by a `sudo -u other` crawl, not writable to this one: the
    crawl started, failed to make its run directory and exited 3, the output error's code."""
    folder = tmp_path / "urls"
    folder.mkdir()
    os.chown(folder, NOBODY, NOBODY)
    folder.chmod(0o500)
    url = {"url": web.url("/content/article")}
    process = start_crawl("urls", tmp_path, url, NO_STATE, _without_dac_override)
    log = finish(process)
    assert process.returncode == 1, log[-3000:]  # a start error (README, "Exit codes")
    assert_one_error_line(log, "OUTPUT_DIR", f"{folder} is not writable")
    assert log.strip().startswith("error: ")  # before Scrapy's start-up lines
    assert list(folder.iterdir()) == []


def test_sigterm_shuts_down_gracefully_with_complete_outputs(web, tmp_path):
    urls = ",".join(web.url(f"/slow/{n}") for n in range(100, 160))  # a second each, 8 at once
    process = start_crawl("urls", tmp_path, {"url": urls}, {"CONCURRENT_REQUESTS_PER_DOMAIN": "4"})
    wait_for_a_record(tmp_path / "urls")
    process.send_signal(signal.SIGTERM)
    log = finish(process, timeout=60)
    assert process.returncode == 4, log[-3000:]  # stopped before it finished: not a clean 0
    assert "Received SIGTERM, shutting down gracefully" in log
    run_dir = run_dir_of(tmp_path, "urls")
    summary = json.loads((run_dir / "run.json").read_text("utf-8"))
    records, rejects = jsonl(run_dir / "articles.jsonl"), jsonl(run_dir / "rejects.jsonl")
    counts = summary["counts"]
    assert summary["finish_reason"] == "shutdown"
    assert 1 <= counts["accepted"] == len(records) < 60
    assert counts["rejected"] == len(rejects)
    # What was requested but never sent is a counted skip, and run.json names it.
    outcomes = counts["accepted"] + counts["rejected"] + counts["skipped"]
    assert counts["unaccounted"] == 0 and outcomes == counts["requests"], counts
    stopped = summary["stopped_before_fetch"]
    assert summary["skipped_by_reason"].get("stopped", 0) == len(stopped)
    finished = {line["url"] for line in records + rejects}
    assert not finished & set(stopped)


def test_sigterm_does_not_send_the_requests_waiting_for_a_download_delay(web, tmp_path):
    """Scrapy's graceful stop sent every request its downloader held, one per delay: here
    15 more pages over 30 s, and at a robots.txt Crawl-delay of 8 s, past systemd's
    TimeoutStopSec. Those never sent are skips `stopped`, named in run.json."""
    urls = [web.url(f"/slow/{n}") for n in range(200, 240)]
    settings = {"DOWNLOAD_DELAY": "2", "CONCURRENT_REQUESTS_PER_DOMAIN": "4"}
    process = start_crawl("urls", tmp_path, {"url": ",".join(urls)}, settings)
    wait_for_a_record(tmp_path / "urls")
    sent_before = _slow_hits(web, urls)
    process.send_signal(signal.SIGTERM)
    log = finish(process, timeout=60)
    assert process.returncode == 4, log[-3000:]
    # At most the one page being transferred when the signal came, and none after it.
    assert _slow_hits(web, urls) <= sent_before + 1, log[-3000:]
    run_dir = run_dir_of(tmp_path, "urls")
    summary = json.loads((run_dir / "run.json").read_text("utf-8"))
    counts = summary["counts"]
    assert counts["unaccounted"] == 0, counts
    stopped = summary["stopped_before_fetch"]
    assert summary["skipped_by_reason"]["stopped"] == len(stopped) >= 10, summary
    finished = {line["url"] for line in jsonl(run_dir / "articles.jsonl")}
    finished |= {line["url"] for line in jsonl(run_dir / "rejects.jsonl")}
    assert len(finished) == _slow_hits(web, urls)  # every page sent was written down
    assert not finished & set(stopped) and set(stopped) <= set(urls)


def test_an_item_limit_stops_without_sending_the_requests_waiting_for_a_delay(web, tmp_path):
    """CLOSESPIDER_ITEMCOUNT: Scrapy sent every request its downloader held after the limit,
    one per delay (here 15 more pages over 30 s, each a record past the limit); a
    CLOSESPIDER_TIMEOUT ran as far past its time. They are skips `stopped` now."""
    urls = [web.url(f"/slow/{n}") for n in range(400, 440)]
    # A delay longer than a page's extraction on a busy 2-core machine: at 2 s a third page
    # went out before the first record was written (a full test run beside a benchmark).
    settings = {"DOWNLOAD_DELAY": "4", "CONCURRENT_REQUESTS_PER_DOMAIN": "4",
                "CLOSESPIDER_ITEMCOUNT": "1"}  # fmt: skip
    result = crawl("urls", tmp_path, {"url": ",".join(urls)}, settings)
    summary = result.summary
    assert summary["finish_reason"] == "closespider_itemcount", summary
    # The page that made the limit, and at most one being transferred by then.
    assert _slow_hits(web, urls) <= 2, result.log[-3000:]
    assert summary["counts"]["unaccounted"] == 0, summary["counts"]
    stopped = summary["stopped_before_fetch"]
    assert summary["skipped_by_reason"]["stopped"] == len(stopped) >= len(urls) - 2


def test_sigterm_while_robots_txt_is_read_sends_no_page(tmp_path):
    """The pages wait for their host's robots.txt when the signal comes; released after it,
    a page was sent at once when no delay held it (a first request to a host)."""

    def slow_robots(handler) -> None:
        time.sleep(2)  # well within the timeout below: a robots.txt that times out disallows
        handler.send(200, b"User-agent: *\nCrawl-delay: 2\n", "text/plain")

    with HostileWeb() as own:
        own.server.routes["/robots.txt"] = slow_robots
        urls = [own.url(f"/slow/{n}") for n in range(300, 310)]
        _stop_while_robots_txt_is_read(own, urls, tmp_path, {"DOWNLOAD_TIMEOUT": "20"})
    summary = json.loads((run_dir_of(tmp_path, "urls") / "run.json").read_text("utf-8"))
    assert summary["counts"]["unaccounted"] == 0, summary["counts"]
    assert summary["counts"]["requests"] == len(summary["stopped_before_fetch"]) >= 1


def test_sigterm_while_robots_txt_stalls_retries_nothing_and_alerts_nothing(tmp_path):
    """A robots.txt that never answers: after the signal it was retried RETRY_TIMES more
    timeouts (90 s to exit at the defaults), and run.json blamed the host for it."""

    def stalled_robots(handler) -> None:
        time.sleep(8)  # past DOWNLOAD_TIMEOUT (3 s): the crawler hangs up first

    with HostileWeb() as own:
        own.server.routes["/robots.txt"] = stalled_robots
        urls = [own.url(f"/slow/{n}") for n in range(500, 505)]
        log = _stop_while_robots_txt_is_read(own, urls, tmp_path, {"RETRY_TIMES": "2"})
        assert own.hits["/robots.txt"] == 1, log[-3000:]
    summary = json.loads((run_dir_of(tmp_path, "urls") / "run.json").read_text("utf-8"))
    assert summary["alerts"] == [], summary["alerts"]
    assert summary["counts"]["unaccounted"] == 0, summary["counts"]
    assert summary["skipped_by_reason"] == {"stopped": len(urls)}, summary
    assert sorted(summary["stopped_before_fetch"]) == sorted(urls)


def _stop_while_robots_txt_is_read(own, urls, tmp_path, settings) -> str:
    """SIGTERM once the crawl asked for robots.txt: exit 4, and no page sent. The log."""
    process = start_crawl("urls", tmp_path, {"url": ",".join(urls)}, settings)
    deadline = time.monotonic() + 60
    while not own.hits["/robots.txt"] and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    log = finish(process, timeout=60)
    assert process.returncode == 4, log[-3000:]
    assert _slow_hits(own, urls) == 0, log[-3000:]
    return log


def _slow_hits(web, urls) -> int:
    return sum(web.hits[url.removeprefix(web.url(""))] for url in urls)


def wait_for_a_record(spider_dir, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(path.stat().st_size for path in spider_dir.glob("2*/articles.jsonl")):
            return
        time.sleep(0.2)
    raise AssertionError("no record written in time")


class _FillsUp:
    """A file that takes a few more bytes, then fails as a full disk does."""

    def __init__(self, file, room: int):
        self.file, self.room = file, room

    def write(self, data) -> int:
        if not self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        part = bytes(data[: self.room])
        self.room -= len(part)
        return self.file.write(part)

    def __getattr__(self, name):
        return getattr(self.file, name)


def test_a_cut_short_write_is_rolled_back_to_the_last_whole_line(tmp_path):
    path = tmp_path / "articles.jsonl"
    writer = JsonlWriter(path)
    writer.write({"n": 1})
    writer._file = _FillsUp(writer._file, room=10)
    with pytest.raises(OutputError, match=f"cannot write {path}"):
        writer.write({"n": 2, "pad": "x" * 100})
    with pytest.raises(OutputError):
        writer.write({"n": 3})  # a failed writer stays failed: no gap, no late lines
    writer.close()
    assert jsonl(path) == [{"n": 1}]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_log_file_on_a_full_disk_is_one_line_and_the_crawl_runs(web, tmp_path):
    """LOG_FILE on a disk that takes no byte (/dev/full): Scrapy's handler raised as Scrapy
    closed it to build the crawler, a traceback and exit 1 before the first request, after
    a "--- Logging error ---" traceback per record (hostile round 6)."""
    urls = [web.url(f"/slow/{n}") for n in range(700, 705)]
    process = start_crawl(
        "urls", tmp_path, {"url": ",".join(urls)}, {**NO_STATE, "LOG_FILE": "/dev/full"}
    )
    log = finish(process)
    assert process.returncode == 0, log[-3000:]
    assert "Traceback" not in log and "Logging error" not in log, log[-3000:]
    assert log.count("cannot write LOG_FILE /dev/full") == 1, log[-3000:]
    assert "Spider closed (finished)" in log  # the log went on, on stderr
    summary = json.loads((run_dir_of(tmp_path, "urls") / "run.json").read_text("utf-8"))
    assert summary["counts"]["accepted"] == len(urls), summary["counts"]
