"""Scheduled, incremental crawls against the demo web: state across runs, kill and resume."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler.demo.runner import LOOPBACK_SETTINGS, PROJECT_ROOT, run_crawl
from crawler.state.sqlite import SqliteStateStore


def english_articles(manifest, demo_web) -> set[str]:
    return {
        demo_web.url(site["site"], page["path"])
        for site in manifest["sites"]
        for page in site["paths"]
        if page["kind"] in ("article", "aggregator", "syndicated")
    }


def ok(result, exit_code: int = 0):
    assert result.returncode == exit_code, result.log[-3000:]
    return result


def test_second_feed_run_emits_nothing_and_fetches_only_conditional_feeds(
    demo_catalogue, manifest, demo_web, tmp_path
):
    settings = {"SOURCES_FILE": demo_catalogue, "REFRESH_WINDOW": "0"}
    first = ok(run_crawl("feeds", tmp_path, settings=settings))
    assert len(first.lines("articles.jsonl")) == len(english_articles(manifest, demo_web))
    second = ok(run_crawl("feeds", tmp_path, settings=settings))
    assert second.lines("articles.jsonl") == []
    summary = second.summary
    assert summary["counts"]["requests"] == 3  # the three feeds, nothing else
    assert summary["skipped_by_reason"] == {"not_modified": 3}


def test_urls_spider_requests_each_page_once_across_runs(manifest, demo_web, tmp_path):
    urls = sorted(english_articles(manifest, demo_web))[:4]
    urls_file = tmp_path / "urls.txt"
    urls_file.write_text("\n".join(urls))
    state = tmp_path / "state.sqlite3"
    settings = {"STATE_URI": str(state), "REFRESH_WINDOW": "0"}
    args = {"urls_file": str(urls_file)}
    german = next(
        demo_web.url(s["site"], p["path"])
        for s in manifest["sites"]
        for p in s["paths"]
        if p["kind"] == "foreign"
    )
    urls_file.write_text("\n".join([*urls, german]))
    first = ok(run_crawl("urls", tmp_path / "a", args=args, settings=settings))
    second = ok(run_crawl("urls", tmp_path / "b", args=args, settings=settings))
    assert len(first.lines("articles.jsonl")) == 4
    assert [r["reason"] for r in first.lines("rejects.jsonl")] == ["non_english"]
    assert second.summary["counts"]["requests"] == 0
    # a permanent reject (non_english) is remembered too, and not fetched again
    assert second.summary["not_requested"] == {"already_seen": 4, "already_rejected": 1}
    refreshed = ok(
        run_crawl("urls", tmp_path / "c", args={**args, "refresh": "1"}, settings=settings)
    )
    assert refreshed.summary["counts"]["requests"] == 5
    assert refreshed.summary["skipped_by_reason"]["unchanged"] == 4


def test_a_deleted_state_store_is_rebuilt_from_the_finished_runs(manifest, demo_web, tmp_path):
    """Deleted between runs, the store started from nothing: every article was emitted
    again, exit 0, not a word. It is rebuilt from OUTPUT_DIR's finished runs instead."""
    urls_file = tmp_path / "urls.txt"
    urls_file.write_text("\n".join(sorted(english_articles(manifest, demo_web))[:3]))
    args, settings = {"urls_file": str(urls_file)}, {"REFRESH_WINDOW": "0"}
    first = ok(run_crawl("urls", tmp_path / "out", args=args, settings=settings))
    assert len(first.lines("articles.jsonl")) == 3
    for part in (tmp_path / "out").glob("state.sqlite3*"):  # its -wal and -shm too
        part.unlink()
    second = ok(run_crawl("urls", tmp_path / "out", args=args, settings=settings))
    assert second.lines("articles.jsonl") == []
    assert second.summary["not_requested"]["already_seen"] == 3
    assert "replayed 3 records from 1 runs" in second.log


def test_changed_page_yields_exactly_one_updated_record(demo_web, manifest, tmp_path):
    path = "/news/2026/11/relay-agent-framework-1-0.html"
    page = next(p for s in manifest["sites"] for p in s["paths"] if p["path"] == path)
    urls_file = tmp_path / "urls.txt"
    urls_file.write_text("\n".join(sorted(english_articles(manifest, demo_web))))
    args, settings = {"urls_file": str(urls_file)}, {"STATE_URI": str(tmp_path / "s.db")}
    first = ok(run_crawl("urls", tmp_path / "a", args=args, settings=settings))
    before = {r["url"]: r for r in first.lines("articles.jsonl")}
    demo_web.edit_page("neuralledger", path, page["last_sentence"], "An editor's correction.")
    try:
        # refresh=1: fetch every page again, whatever its age, so the test does not depend on
        # today's date against the demo's publication dates
        refresh = {**args, "refresh": "1"}
        second = ok(run_crawl("urls", tmp_path / "b", args=refresh, settings=settings))
    finally:
        demo_web.edit_page("neuralledger", path, "An editor's correction.", page["last_sentence"])
    (updated,) = second.lines("articles.jsonl")
    assert updated["url"] == demo_web.url("neuralledger", path)
    assert "updated" in updated["flags"]
    assert updated["previous_hash"] == before[updated["url"]]["content_hash"]
    assert updated["text"].endswith("An editor's correction.")
    assert second.summary["skipped_by_reason"]["unchanged"] == len(before) - 1


def test_syndicated_copy_is_flagged_as_near_duplicate(demo_web, manifest, tmp_path):
    pages = {p["kind"]: (s["site"], p) for s in manifest["sites"] for p in s["paths"]}
    site, copy = pages["syndicated"]
    original = demo_web.url(copy["copy_of"]["site"], copy["copy_of"]["path"])
    result = ok(run_crawl("urls", tmp_path, args={"url": original}))
    (first,) = result.lines("articles.jsonl")
    again = ok(run_crawl("urls", tmp_path, args={"url": demo_web.url(site, copy["path"])}))
    (later,) = again.lines("articles.jsonl")
    assert "near_duplicate" in later["flags"] and later["duplicate_of"] == first["id"]
    skipping = ok(
        run_crawl(
            "urls",
            tmp_path / "skip",
            args={"url": f"{original},{demo_web.url(site, copy['path'])}"},
            settings={"NEAR_DUPLICATE_ACTION": "skip"},
        )
    )
    assert len(skipping.lines("articles.jsonl")) == 1
    assert skipping.summary["skipped_by_reason"]["near_duplicate"] == 1


def test_latest_link_and_source_alerts(demo_web, tmp_path):
    catalogue = tmp_path / "sources.yaml"
    origin = demo_web.origins["synthwire"]
    catalogue.write_text(
        "sources:\n  - name: gone\n    title: Gone\n"
        f"    homepage: {origin}/\n    feeds: [{origin}/no-such-feed.xml]\n"
    )
    settings = {"SOURCES_FILE": str(catalogue)}
    # the only feed is gone: every request fails, and each run says so (exit code 2)
    runs = [ok(run_crawl("feeds", tmp_path / "out", settings=settings), 2) for _ in range(3)]
    assert runs[0].summary["alerts"] == [] and runs[1].summary["alerts"] == []
    assert runs[2].summary["alerts"] == ["gone: no articles in the last 3 runs"]
    assert runs[2].summary["sources"]["gone"]["http_errors"] == {"404": 1}
    latest = tmp_path / "out" / "feeds" / "latest"
    assert latest.is_symlink() and latest.resolve() == runs[2].run_dir.resolve()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_kill_and_resume_loses_and_duplicates_nothing(demo_catalogue, manifest, demo_web, tmp_path):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "scrapy", "crawl", "site"]
    settings = {
        **LOOPBACK_SETTINGS,
        "OUTPUT_DIR": str(out),
        "SOURCES_FILE": str(demo_catalogue),
        "CONCURRENT_REQUESTS_PER_DOMAIN": "1",
        "DOWNLOAD_DELAY": "0.15",  # slow enough to kill mid-way
    }
    for key, value in settings.items():
        command += ["-s", f"{key}={value}"]
    crawl = subprocess.Popen(
        command, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    written: list[str] = []
    while time.monotonic() < deadline and len(written) < 4:
        time.sleep(0.1)
        written = [
            line for f in out.glob("site/*/articles.jsonl") for line in f.read_text().splitlines()
        ]
    os.kill(crawl.pid, signal.SIGKILL)
    crawl.wait()
    assert 0 < len(written) < len(english_articles(manifest, demo_web)), "kill came too late"
    sqlite3.connect(out / "state.sqlite3").execute("PRAGMA integrity_check").fetchone()
    resumed = ok(run_crawl("site", out, settings={"SOURCES_FILE": demo_catalogue}))
    union = [
        record["url"]
        for run_dir in sorted(out.glob("site/2*/"))
        for record in (
            __import__("json").loads(line)
            for line in (run_dir / "articles.jsonl").read_text().splitlines()
            if line.strip()
        )
    ]
    assert sorted(union) == sorted(english_articles(manifest, demo_web))  # once each, none missing
    assert resumed.summary["counts"]["unaccounted"] == 0
    store = SqliteStateStore(out / "state.sqlite3")
    assert store.count_articles() == len(english_articles(manifest, demo_web))
    store.close()


def test_jobdir_works_as_scrapy_documents(demo_catalogue, tmp_path):
    jobdir = tmp_path / "job"
    result = ok(
        run_crawl(
            "feeds", tmp_path / "out", settings={"SOURCES_FILE": demo_catalogue, "JOBDIR": jobdir}
        )
    )
    assert " ERROR: " not in result.log
    assert (jobdir / "requests.seen").exists() and (jobdir / "spider.state").exists()
    assert result.summary["counts"]["unaccounted"] == 0
    # Finished, so its seen list is emptied: the same command an hour later reads the feed
    # again (it dropped it as a duplicate of this run's, fetched nothing and exited 0).
    assert (jobdir / "requests.seen").read_bytes() == b""
    again = ok(run_crawl("feeds", tmp_path / "out", settings={"SOURCES_FILE": demo_catalogue,
                                                               "JOBDIR": jobdir}))  # fmt: skip
    assert "duplicate_request" not in again.summary["skipped_by_reason"], again.summary
    assert again.summary["counts"]["requests"] >= 1


def _stop_after(command: list[str], out: Path, lines_wanted: int) -> None:
    """Run the crawl until its own run directory holds `lines_wanted` article lines, then
    Ctrl-C it and wait for it to write its run.json."""
    earlier = set(out.glob("site/2*/articles.jsonl"))
    crawl = subprocess.Popen(
        command, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        files = set(out.glob("site/2*/articles.jsonl")) - earlier
        if sum(len(f.read_text().splitlines()) for f in files) >= lines_wanted:
            break
        time.sleep(0.1)
    crawl.send_signal(signal.SIGINT)
    crawl.wait(60)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT")
def test_a_jobdir_crawl_stopped_twice_and_resumed_balances_its_ledger(
    demo_catalogue, manifest, demo_web, tmp_path
):
    """Ctrl-C, the same command, Ctrl-C again, and the same command: each resumed run
    downloads the requests the one before left on disk, some of them scheduled two runs
    earlier. The last run's ledger counts them (it counted their outcomes only: unaccounted
    was -16), and the runs together emit every article once."""
    out, jobdir = tmp_path / "out", tmp_path / "job"
    settings = {
        **LOOPBACK_SETTINGS,
        "OUTPUT_DIR": str(out),
        "SOURCES_FILE": str(demo_catalogue),
        "JOBDIR": str(jobdir),
        "CONCURRENT_REQUESTS_PER_DOMAIN": "1",
        "DOWNLOAD_DELAY": "0.4",  # slow enough to stop mid-way, twice
    }
    command = [sys.executable, "-m", "scrapy", "crawl", "site"]
    for key, value in settings.items():
        command += ["-s", f"{key}={value}"]
    _stop_after(command, out, 2)
    assert len(sorted(out.glob("site/2*/run.json"))) == 1, "the stopped run wrote no run.json"
    _stop_after(command, out, 1)
    assert len(sorted(out.glob("site/2*/run.json"))) == 2, "the resumed run wrote no run.json"
    # Each stopped run counts its own requests it left on disk (they were unaccounted),
    # and not those the run before left and it did not reach.
    first, second = (json.loads(path.read_text()) for path in sorted(out.glob("site/2*/run.json")))
    assert first["skipped_by_reason"]["kept_for_resume"] >= 1, first
    assert first["counts"]["unaccounted"] == 0 == second["counts"]["unaccounted"]
    resumed = ok(run_crawl("site", out, settings={"SOURCES_FILE": demo_catalogue,
                                                  "JOBDIR": jobdir}))  # fmt: skip
    counts = resumed.summary["counts"]
    assert counts["unaccounted"] == 0, counts
    assert counts["requests"] > 0, "the stops came too late: nothing was left to resume"
    union = [
        json.loads(line)["url"]
        for run_dir in sorted(out.glob("site/2*/"))
        for line in (run_dir / "articles.jsonl").read_text().splitlines()
        if line.strip()
    ]
    assert sorted(union) == sorted(english_articles(manifest, demo_web))


def test_site_spider_does_not_fetch_known_articles_again(demo_catalogue, tmp_path):
    """An hourly site crawl fetched every article it had emitted before; past
    REFRESH_WINDOW they are counted `already_seen`, as the feed and sitemap spiders do,
    and the sections listing them are still read."""
    settings = {"SOURCES_FILE": demo_catalogue, "STATE_URI": str(tmp_path / "state.sqlite3"),
                "REFRESH_WINDOW": "0"}  # fmt: skip
    first = ok(run_crawl("site", tmp_path / "a", settings=settings))
    second = ok(run_crawl("site", tmp_path / "b", settings=settings))
    emitted = len(first.lines("articles.jsonl"))
    assert emitted >= 5 and second.lines("articles.jsonl") == []
    assert second.summary["not_requested"]["already_seen"] >= emitted
    assert second.summary["counts"]["requests"] < first.summary["counts"]["requests"] - emitted
