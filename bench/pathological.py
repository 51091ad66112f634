"""Extraction time and worker memory on pathological pages, as the crawl runs them.

    .venv/bin/python bench/pathological.py [--timeout 30] [--memory-limit 1024] [--cases a,b]

Each page goes through the crawl's own worker pool (`crawler.workers.pool.WorkerPool`, one
worker, warmed up as in a crawl) with EXTRACT_TIMEOUT and EXTRACT_MEMORY_LIMIT, so the
outcome is the crawl's: a record, a reject, `timeout` or `out_of_memory`. Peak memory is
the worker's VmHWM, sampled every 0.1 s while the page runs (so a worker killed at the
timeout or the cap still has its figure, to within the last 0.1 s). Every
page is at most DOWNLOAD_MAXSIZE (10 MiB), the largest body the crawl takes. The shapes are
the hostile audits' (README, "Hostile input"); no test times them, as timed tests are flaky
on shared machines.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crawler.core.model import Hints  # noqa: E402
from crawler.core.options import Options  # noqa: E402
from crawler.workers.pool import TaskFailed, WorkerPool  # noqa: E402

PROCESS_PAGE = "crawler.core.pipeline:process_page"
PREPARE_WORKER = "crawler.workers.memory:prepare_worker"
URL = "https://news.example/2026/12/pathological/"
PARAGRAPH = (
    "The lab said its new model answers questions about court filings faster than the "
    "tools lawyers use today, and that it will publish the test set it used next month."
)


def _article(head: str = "", before: str = "", after: str = "") -> bytes:
    body = "".join(f"<p>{PARAGRAPH} ({n})</p>" for n in range(6))
    return (
        f'<!DOCTYPE html><html lang="en"><head><title>Model reads filings</title>{head}'
        f"</head><body>{before}<article><h1>Model reads filings</h1>{body}</article>"
        f"{after}</body></html>"
    ).encode()


# Case -> page: an article, then 30,000 keywords, 10,000 h1s, 100,000 <br> lines, 100,000
# links, 100,000 nested divs around it, a 5 MB line of words, 700,000 one-letter elements.
CASES: dict[str, Callable[[], bytes]] = {
    "plain": _article,
    "keywords": lambda: _article(
        head='<meta name="keywords" content="' + ",".join(f"k{n}" for n in range(30_000)) + '">'
    ),
    "h1s": lambda: _article(before="<h1>Section</h1>" * 10_000),
    "br-lines": lambda: _article(
        after="<div>" + "".join(f"line {n}<br>" for n in range(100_000)) + "</div>"
    ),
    "links": lambda: _article(
        after="".join(f'<a href="/l/{n}">link {n}</a> ' for n in range(100_000))
    ),
    "deep": lambda: b"<div>" * 100_000 + _article() + b"</div>" * 100_000,
    "one-line": lambda: _article(after="<p>" + "word " * 1_000_000 + "</p>"),
    "tiny-elements": lambda: _article(after="<div>x</div>" * 700_000),
}


def run_case(name: str, body: bytes, timeout: float, memory_limit_mb: int) -> dict:
    limit = memory_limit_mb * 2**20 if memory_limit_mb else None
    pool = WorkerPool(PROCESS_PAGE, 1, timeout, initializer=PREPARE_WORKER, memory_limit=limit)
    try:
        pool.submit(b"<html><body><p>warm</p></body></html>", URL, Hints(), Options()).result()
        (pid,) = pool.pids
        started = time.perf_counter()
        future = pool.submit(body, URL, Hints(), Options(), "text/html")
        peak = 0.0
        while not future.done():
            peak = max(peak, _peak_mb(pid) or 0.0)
            time.sleep(0.1)
        try:
            result = future.result().reason
        except TaskFailed as failed:
            result = failed.reason
        seconds = time.perf_counter() - started
        peak = max(peak, _peak_mb(pid) or 0.0)
    finally:
        pool.close()
    return {"case": name, "mb": len(body) / 2**20, "s": seconds, "peak": peak, "result": result}


def _peak_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:  # the worker is gone (killed at the timeout or the cap)
        return None
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timeout", type=float, default=30.0, help="EXTRACT_TIMEOUT, s")
    parser.add_argument("--memory-limit", type=int, default=1024, help="EXTRACT_MEMORY_LIMIT")
    parser.add_argument("--cases", default="", help="comma-separated names (default: all)")
    args = parser.parse_args()
    wanted = [name.strip() for name in args.cases.split(",") if name.strip()] or list(CASES)
    unknown = [name for name in wanted if name not in CASES]
    if unknown:
        parser.error(f"unknown cases {unknown}; known: {', '.join(CASES)}")
    print(f"EXTRACT_TIMEOUT {args.timeout:g} s, EXTRACT_MEMORY_LIMIT {args.memory_limit} MB\n")
    print("| page | MB | seconds | worker peak MB | outcome |")
    print("|---|---:|---:|---:|---|")
    for name in wanted:
        row = run_case(name, CASES[name](), args.timeout, args.memory_limit)
        cells = (name, f"{row['mb']:.1f}", f"{row['s']:.2f}", f"{row['peak']:.0f}", row["result"])
        print("| " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
