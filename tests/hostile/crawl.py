"""Running crawls against the hostile web and checking the ledger and memory of each."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from crawler.demo.runner import LOOPBACK_SETTINGS, PROJECT_ROOT, CrawlResult, run_crawl

# Peak RSS of any one crawl process (the worker pool's processes included: they are reaped by
# the crawl, and ru_maxrss is the largest of a process and its reaped children). A crawl sits
# near 250 MB; a 30 MB page, a gzip bomb or a 50,000-URL sitemap held whole would show here.
MAX_RSS_MB = 1024
FAST = {"DOWNLOAD_TIMEOUT": "3", "PROGRESS_INTERVAL": "0"}


def crawl(
    spider: str,
    output_dir: Path,
    args: dict[str, str],
    settings: dict[str, str] | None = None,
    exit_code: int = 0,
) -> CrawlResult:
    """A real `scrapy crawl` subprocess that must finish and stay under MAX_RSS_MB
    (`exit_code` 2: every request is meant to fail)."""
    result = run_crawl(spider, output_dir, args, {**FAST, **(settings or {})}, timeout=240)
    assert_peak_rss_bounded()
    assert result.returncode == exit_code, result.log[-3000:]
    assert result.run_dir is not None, result.log[-3000:]
    return result


def assert_peak_rss_bounded() -> None:
    # RUSAGE_CHILDREN holds the largest peak among finished children: all crawls so far.
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < MAX_RSS_MB, f"a crawl peaked at {peak_mb:.0f} MB"


def start_crawl(
    spider: str,
    output_dir: Path,
    args: dict[str, str],
    settings: dict[str, str] | None = None,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.Popen:
    """The same command as run_crawl, for tests that signal or limit the process."""
    command = [sys.executable, "-m", "scrapy", "crawl", spider]
    for key, value in args.items():
        command += ["-a", f"{key}={value}"]
    merged = {**LOOPBACK_SETTINGS, **FAST, "OUTPUT_DIR": str(output_dir), **(settings or {})}
    for key, value in merged.items():
        command += ["-s", f"{key}={value}"]
    return subprocess.Popen(
        command,
        cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=preexec_fn,
    )


def run_dir_of(output_dir: Path, spider: str) -> Path | None:
    runs = sorted(p.parent for p in (output_dir / spider).glob("2*/run.json"))
    return runs[-1] if runs else None


def jsonl(path: Path) -> list[dict]:
    """Every line must be whole JSON: a torn line fails here."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def assert_accounted(result: CrawlResult) -> dict:
    """The ledger identity: every request is one record, one reject line or one counted skip."""
    summary = result.summary
    counts = summary["counts"]
    records, rejects = result.lines("articles.jsonl"), result.lines("rejects.jsonl")
    assert counts["unaccounted"] == 0, summary
    assert counts["accepted"] + counts["rejected"] + counts["skipped"] == counts["requests"]
    assert counts["accepted"] == len(records)
    assert counts["rejected"] == len(rejects)
    urls = [r["url"] for r in records] + [r["url"] for r in rejects]
    assert len(urls) == len(set(urls)), "a URL ended in two places"
    return summary


def places(result: CrawlResult, url: str) -> list[tuple[str, dict]]:
    """Where a URL ended: ("record", line) and/or ("reject", line)."""
    found = [("record", r) for r in result.lines("articles.jsonl") if r["url"] == url]
    return found + [("reject", r) for r in result.lines("rejects.jsonl") if r["url"] == url]
