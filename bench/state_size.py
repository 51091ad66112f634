"""State store size per 10,000 seen URLs (SQLite, as the crawl writes it).

    python bench/state_size.py [--urls 10000]

Writes N synthetic article identities (canonical URL, alias, hashes, SimHash bands), the
way the dedup pipeline remembers emitted records, and prints the file size per 10,000
URLs plus the time per insert and per lookup.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from crawler.core.model import content_hash, record_id  # noqa: E402
from crawler.state.sqlite import SqliteStateStore  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=10_000)
    count = parser.parse_args().urls
    rng = random.Random(0)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "state.sqlite3"
        store = SqliteStateStore(path)
        started = time.perf_counter()
        for n in range(count):
            url = f"https://news-{n % 300}.example/2026/11/{n:07d}-some-article-slug-words/"
            text = f"article {n} " + " ".join(str(rng.random()) for _ in range(5))
            record = {
                "id": record_id(url),
                "content_hash": content_hash(text),
                "source": f"source-{n % 30}",
                "published_at": "2026-11-20T10:00:00+00:00",
            }
            store.remember(url, record, rng.getrandbits(64), aliases=(url + "?amp",))
        insert = (time.perf_counter() - started) / count
        started = time.perf_counter()
        for n in range(0, count, max(1, count // 1000)):
            store.seen(f"https://news-{n % 300}.example/2026/11/{n:07d}-some-article-slug-words/")
        lookup = (time.perf_counter() - started) / len(range(0, count, max(1, count // 1000)))
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store.close()
        size = path.stat().st_size
    print(f"{count} URLs: {size / 1e6:.2f} MB on disk, {size / count * 10_000 / 1e6:.2f} MB "
          f"per 10,000 URLs; {insert * 1e3:.2f} ms per insert (own transaction), "
          f"{lookup * 1e3:.3f} ms per lookup")  # fmt: skip


if __name__ == "__main__":
    main()
