"""Two crawls at once over one state store (the default: OUTPUT_DIR/state.sqlite3), as an
hourly `feeds` job and a `sitemap` job that outlasts its hour do: the stories both list
are fetched by both at about the same moment, and each must be emitted once."""

from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter

import pytest

from crawler.state.store import open_store
from tests.hostile.crawl import assert_peak_rss_bounded, jsonl, run_dir_of, start_crawl
from tests.hostile.documents import PAIRED_PAGES
from tests.hostile.server import HostileWeb

SETTINGS = {"CONCURRENT_REQUESTS_PER_DOMAIN": "4", "DOWNLOAD_TIMEOUT": "10"}


@pytest.fixture(scope="module")
def web():
    with HostileWeb() as hostile:
        yield hostile


def test_two_runs_sharing_a_state_store_emit_each_story_once(web, tmp_path):
    """Each page answers only once both crawls asked for it, and a third process (a
    backup, a `sqlite3` shell) holds the store's write lock meanwhile, so neither run's
    records reach the store before the other looks them up: each run's dedup found the
    story unknown, and both emitted it, two records of one story for every reader."""
    open_store(str(tmp_path / "state.sqlite3")).close()
    feeds = start_crawl("feeds", tmp_path, {"feed": web.url("/feeds/paired.xml")}, SETTINGS)
    sitemaps = start_crawl(
        "sitemap", tmp_path, {"sitemap": web.url("/sitemaps/paired.xml")}, SETTINGS
    )
    # Both listings read (a lock at start is a start error): then the lock is taken.
    deadline = time.monotonic() + 60
    while not {"/feeds/paired.xml", "/sitemaps/paired.xml"} <= set(web.hits):
        assert time.monotonic() < deadline, "the crawls did not start"
        time.sleep(0.05)
    backup = sqlite3.connect(tmp_path / "state.sqlite3", isolation_level=None)
    backup.execute("BEGIN IMMEDIATE")
    try:
        for process in (feeds, sitemaps):
            _, log = process.communicate(timeout=240)
            assert process.returncode == 0, log[-3000:]
            assert "Traceback" not in log
    finally:
        backup.execute("ROLLBACK")
        backup.close()
    assert_peak_rss_bounded()
    emitted: Counter[str] = Counter()
    for spider in ("feeds", "sitemap"):
        run_dir = run_dir_of(tmp_path, spider)
        summary = json.loads((run_dir / "run.json").read_text("utf-8"))
        assert summary["counts"]["unaccounted"] == 0, summary["counts"]
        emitted.update(line["url"] for line in jsonl(run_dir / "articles.jsonl"))
    assert all(web.hits[f"/paired/{n}"] == 2 for n in range(PAIRED_PAGES))  # both fetched all
    assert [url for url, times in emitted.items() if times > 1] == []
    assert len(emitted) == PAIRED_PAGES
