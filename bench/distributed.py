"""Distributed mode on this machine: 1 vs 2 worker processes, Redis operations per page,
and Redis memory per seen URL.

    python bench/distributed.py [--pages 2000]

Starts its own redis-server (Debian's package) on a free loopback port and a loopback site
of distinct article pages; each round enqueues every URL and runs N `scrapy crawl urls`
workers against the shared frontier until they close.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import redis  # noqa: E402

from crawler.demo.runner import LOOPBACK_SETTINGS  # noqa: E402
from tests.bulk_site import BulkSite  # noqa: E402
from tests.test_distributed import RedisServer  # noqa: E402


def run_round(workers: int, urls: list[str], server: RedisServer, tmp: Path) -> dict:
    client = redis.Redis.from_url(server.url)
    client.flushall()
    client.config_resetstat()
    client.rpush("urls:seeds", *(f'{{"url": "{u}"}}' for u in urls))
    settings = {
        **LOOPBACK_SETTINGS,
        "REDIS_URL": server.url,
        "IDLE_CLOSE_AFTER": "2",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "32",
        "CONCURRENT_REQUESTS": "32",
        "LOG_LEVEL": "WARNING",
        "PROGRESS_INTERVAL": "0",
        "ROBOTSTXT_OBEY": "0",
    }
    started = time.perf_counter()
    processes = []
    for n in range(workers):
        command = [sys.executable, "-m", "scrapy", "crawl", "urls"]
        for key, value in {**settings, "OUTPUT_DIR": str(tmp / f"r{workers}w{n}")}.items():
            command += ["-s", f"{key}={value}"]
        processes.append(subprocess.Popen(command, cwd=REPO, stderr=subprocess.DEVNULL))
    for process in processes:
        process.wait()
    elapsed = time.perf_counter() - started - 2  # less the idle wait before closing
    calls = sum(v["calls"] for v in client.info("commandstats").values())
    return {"workers": workers, "seconds": elapsed, "pages_per_s": len(urls) / elapsed,
            "redis_calls_per_page": calls / len(urls),
            "memory_bytes": client.info("memory")["used_memory"]}  # fmt: skip


def memory_per_million(server: RedisServer, count: int = 20_000) -> float:
    """Bytes of Redis memory per seen URL (state store + dupefilter), times one million."""
    from crawler.core.model import content_hash, record_id
    from crawler.state.redis_store import RedisStateStore

    client = redis.Redis.from_url(server.url)
    client.flushall()
    before = client.info("memory")["used_memory"]
    store = RedisStateStore(server.url)
    for n in range(count):
        url = f"https://news-{n % 300}.example/2026/11/{n:07d}-some-article-slug-words/"
        record = {"id": record_id(url), "content_hash": content_hash(url), "source": "s",
                  "published_at": "2026-11-20T10:00:00+00:00"}  # fmt: skip
        store.remember(url, record, (n * 2654435761) % 2**64, aliases=(url + "?amp",))
        client.sadd("urls:dupefilter", f"{n:040x}")  # one request fingerprint per URL
    return (client.info("memory")["used_memory"] - before) / count * 1_000_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    pages = parser.parse_args().pages
    if not shutil.which("redis-server"):
        raise SystemExit("needs redis-server (apt-get install redis-server)")
    with tempfile.TemporaryDirectory() as tmp, BulkSite() as site:
        server = RedisServer(Path(tmp))
        server.start()
        try:
            rounds = [run_round(n, site.urls(pages), server, Path(tmp)) for n in (1, 2)]
            per_million = memory_per_million(server)
        finally:
            server.stop()
    print(f"{pages} pages on loopback, this machine ({__import__('os').cpu_count()} cores)")
    print("| workers | seconds | pages/s | Redis calls/page |")
    print("|---:|---:|---:|---:|")
    for r in rounds:
        print(f"| {r['workers']} | {r['seconds']:.1f} | {r['pages_per_s']:.1f} | "
              f"{r['redis_calls_per_page']:.1f} |")  # fmt: skip
    print(f"2 workers / 1 worker: {rounds[1]['pages_per_s'] / rounds[0]['pages_per_s']:.2f}x")
    print(f"Redis memory per million seen URLs: {per_million / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
