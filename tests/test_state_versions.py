"""The state store knows its schema version and migrates older stores when it opens them."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from crawler.state.sqlite import SCHEMA_VERSION, SqliteStateStore
from crawler.state.store import StoreTooNew, open_store
from tests.redis_server import needs_redis

# Written by the release before versions were kept (user_version 0), with one of each row.
V0_STORE = Path(__file__).parent / "data" / "state-v0.sqlite3"
ARTICLE = "https://synthwire.example/2026/11/kestrel-9/"


@pytest.fixture
def v0_store(tmp_path) -> Path:
    path = tmp_path / "state.sqlite3"
    shutil.copy(V0_STORE, path)
    return path


def test_the_fixture_is_a_store_from_before_versions(v0_store):
    db = sqlite3.connect(v0_store)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1


def test_an_old_store_is_migrated_and_keeps_everything(v0_store):
    store = SqliteStateStore(v0_store)
    assert store.schema_version == SCHEMA_VERSION >= 1
    seen = store.seen("https://www.synthwire.example/2026/11/kestrel-9/?utm_source=x")
    assert seen is not None and seen.canonical_url == ARTICLE
    assert seen.record_id == "a1b2c3d4e5f6a1b2c3d4e5f6"
    assert store.rejected_at("https://synthwire.example/de/artikel/") is not None
    validators = store.validators("https://synthwire.example/feed/")
    assert validators is not None and validators.etag == '"etag-1"'
    assert store.cursor("synthwire").isoformat().startswith("2026-11-20T09:00")
    assert store.source_history("synthwire", 5)[0]["new"] == 1
    assert store.pages_with("synthwire.example", ["h1", "h2", "h3"]) == {"h1": 1, "h2": 1}
    assert ("a1b2c3d4e5f6a1b2c3d4e5f6", 0x0123456789ABCDEF) in store.simhash_candidates(
        0x0123456789ABCDEF
    )
    store.close()


def test_a_new_store_starts_at_the_current_version_and_reopens_unchanged(tmp_path):
    path = tmp_path / "new.sqlite3"
    open_store(str(path)).close()
    store = open_store(str(path))
    assert store.schema_version == SCHEMA_VERSION
    store.close()


def test_a_store_from_a_newer_release_is_refused_with_a_clear_error(tmp_path):
    path = tmp_path / "future.sqlite3"
    SqliteStateStore(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreTooNew, match="upgrade the crawler"):
        SqliteStateStore(path)


@needs_redis
def test_redis_store_keeps_a_version_key(redis_server):
    import redis

    from crawler.state.redis_store import PREFIX
    from crawler.state.redis_store import SCHEMA_VERSION as REDIS_VERSION

    store = open_store(redis_server.url)
    assert store.schema_version == REDIS_VERSION
    store.close()
    client = redis.Redis.from_url(redis_server.url)
    assert int(client.get(PREFIX + "schema_version")) == REDIS_VERSION
    client.set(PREFIX + "schema_version", REDIS_VERSION + 1)
    with pytest.raises(StoreTooNew):
        open_store(redis_server.url)
