"""Distributed mode on this machine: 1 vs 2 worker processes, Redis operations per page
with and without shared politeness, and Redis memory per seen URL.

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
from tests.redis_server import RedisServer  # noqa: E402


def run_round(
    workers: int, urls: list[str], server: RedisServer, tmp: Path, shared: bool, per_host: int
) -> dict:
    client = redis.Redis.from_url(server.url)
    client.flushall()
    client.config_resetstat()
    client.rpush("urls:seeds", *(f'{{"url": "{u}"}}' for u in urls))
    settings = {
        **LOOPBACK_SETTINGS,
        "REDIS_URL": server.url,
        "IDLE_CLOSE_AFTER": "2",
        "CONCURRENT_REQUESTS_PER_DOMAIN": str(per_host),
        "CONCURRENT_REQUESTS": "32",
        "POLITENESS_SHARED": "1" if shared else "0",
        "LOG_LEVEL": "WARNING",
        "PROGRESS_INTERVAL": "0",
        "ROBOTSTXT_OBEY": "0",
    }
    started = time.perf_counter()
    processes = []
    for n in range(workers):
        command = [sys.executable, "-m", "scrapy", "crawl", "urls"]
        out = tmp / f"r{workers}-{shared}-{per_host}-w{n}"
        for key, value in {**settings, "OUTPUT_DIR": str(out)}.items():
            command += ["-s", f"{key}={value}"]
        processes.append(subprocess.Popen(command, cwd=REPO, stderr=subprocess.DEVNULL))
    for process in processes:
        process.wait()
    elapsed = time.perf_counter() - started - 2  # less the idle wait before closing
    stats = client.info("commandstats")
    # A script's own commands are counted too (Redis 7): the client's calls are the rest.
    inside = sum(v["calls"] for k, v in stats.items() if k.split("|")[0] in _SCRIPT_INNER)
    calls = sum(v["calls"] for v in stats.values()) - inside
    turns = stats.get("cmdstat_evalsha", {}).get("calls", 0) + stats.get(
        "cmdstat_eval", {}).get("calls", 0)  # fmt: skip
    return {"workers": workers, "shared": shared, "per_host": per_host, "seconds": elapsed,
            "pages_per_s": len(urls) / elapsed, "redis_calls_per_page": calls / len(urls),
            "scripts_per_page": turns / len(urls),
            "memory_bytes": client.info("memory")["used_memory"]}  # fmt: skip


# Commands that only the Lua scripts run (frontier pop-and-lease, politeness turns).
_SCRIPT_INNER = {"cmdstat_time", "cmdstat_zremrangebyscore", "cmdstat_pexpire", "cmdstat_zcard"}
ROUNDS = [(1, False, 32), (2, False, 32), (1, True, 32), (2, True, 32), (2, True, 2)]


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
            rounds = [run_round(n, site.urls(pages), server, Path(tmp), shared, per_host)
                      for n, shared, per_host in ROUNDS]  # fmt: skip
            per_million = memory_per_million(server)
        finally:
            server.stop()
    print(f"{pages} pages on loopback, this machine ({__import__('os').cpu_count()} cores)")
    print(
        "| workers | politeness | per host | seconds | pages/s | Redis calls/page | scripts/page |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|")
    for r in rounds:
        print(f"| {r['workers']} | {'shared' if r['shared'] else 'per worker'} | "
              f"{r['per_host']} | {r['seconds']:.1f} | {r['pages_per_s']:.1f} | "
              f"{r['redis_calls_per_page']:.1f} | {r['scripts_per_page']:.2f} |")  # fmt: skip
    print(f"2 workers / 1 worker: {rounds[1]['pages_per_s'] / rounds[0]['pages_per_s']:.2f}x")
    cost = rounds[2]["redis_calls_per_page"] - rounds[0]["redis_calls_per_page"]
    print(f"shared politeness, 1 worker: {cost:+.2f} Redis calls a page")
    print(f"Redis memory per million seen URLs: {per_million / 1e6:.0f} MB")


if __name__ == "__main__":
    main()
