"""robots.txt and feed validators kept in both state stores, for later runs and other workers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crawler.state.store import CachedRobots, open_store
from tests.redis_server import REDIS

ORIGIN = "https://news.test:8443"


@pytest.fixture(params=["sqlite", "redis"])
def store(request, tmp_path):
    if request.param == "sqlite":
        opened = open_store(str(tmp_path / "state.sqlite3"))
        yield opened
        opened.close()
        return
    if REDIS is None:
        pytest.skip("no redis-server binary (apt-get install redis-server); CI installs it")
    server = request.getfixturevalue("redis_server")
    opened = open_store(server.url)
    yield opened
    opened.close()


def test_robots_txt_round_trips_with_its_expiry(store):
    assert store.robots(ORIGIN) is None
    now = datetime.now(UTC).replace(microsecond=0)
    kept = CachedRobots(ORIGIN, b"User-agent: *\nDisallow: /private/\n", now,
                        now + timedelta(hours=6))  # fmt: skip
    store.save_robots(kept)
    assert store.robots(ORIGIN) == kept
    assert store.robots("http://news.test:8443") is None  # another scheme, another file
    newer = CachedRobots(ORIGIN, b"", now + timedelta(hours=7), now + timedelta(hours=31))
    store.save_robots(newer)
    assert store.robots(ORIGIN) == newer


def test_validators_round_trip_and_none_given_forgets_them(store):
    """A document whose pages did not all settle keeps no validators, so the next run reads
    it whole (spiders/base.py closed())."""
    store.save_validators("https://news.test/feed", '"v1"', None)
    assert store.validators("https://news.test/feed").etag == '"v1"'
    store.save_validators("https://news.test/feed", None, None)
    assert store.validators("https://news.test/feed") is None
