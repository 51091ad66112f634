"""What the crawler remembers between runs: seen URLs, content hashes, HTTP validators,
per-source cursors and run history.

`StateStore` is the interface. crawler.state.sqlite is the embedded default (one file,
WAL mode, one transaction per write); crawler.state.redis_store implements the same
methods for distributed crawls. `open_store` picks one from `STATE_URI`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

BANDS = 4  # 64-bit simhash in 4 bands of 16 bits: distance <= 3 shares at least one band


@dataclass(frozen=True)
class SeenArticle:
    canonical_url: str
    record_id: str
    content_hash: str
    published_at: datetime | None
    first_seen: datetime
    last_seen: datetime
    simhash: int | None = None  # of its text, when the store has it


@dataclass(frozen=True)
class Validators:
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class CachedRobots:
    """A host's robots.txt as last fetched: what every worker obeys until `expires`."""

    origin: str  # scheme://host[:port]
    body: bytes  # b"" allows everything (a 4xx robots.txt)
    fetched: datetime
    expires: datetime


class StoreTooNew(RuntimeError):
    """The store was written by a newer release of the crawler than this one reads."""


class StateStore(Protocol):
    def seen(self, url: str) -> SeenArticle | None: ...
    def remember(
        self, canonical_url: str, record: dict, simhash: int, aliases: tuple[str, ...] = ()
    ) -> None: ...
    def touch(self, canonical_url: str) -> None: ...
    # An article about to be emitted, claimed by its URLs for this crawl (crawler.state.
    # claims): None, or who else holds one. remember() gives them back; so does release().
    def claim(self, keys: tuple[str, ...]) -> str | None: ...
    def release(self, keys: tuple[str, ...]) -> None: ...
    def remember_reject(self, url: str, reason: str) -> None: ...
    def rejected_at(self, url: str) -> datetime | None: ...
    # The records emitted with this text, (record id, canonical URL), the first one first.
    def records_with_hash(self, content_hash: str) -> list[tuple[str, str]]: ...
    # Another URL of a known article (a variant serving its text): seen() finds it.
    def add_alias(self, url: str, canonical_url: str) -> None: ...
    def simhash_candidates(self, simhash: int) -> list[tuple[str, int]]: ...
    def validators(self, url: str) -> Validators | None: ...
    # Neither etag nor last_modified given: the URL's validators are forgotten.
    def save_validators(self, url: str, etag: str | None, last_modified: str | None) -> None: ...
    def robots(self, origin: str) -> CachedRobots | None: ...
    def save_robots(self, robots: CachedRobots) -> None: ...
    def cursor(self, source: str) -> datetime | None: ...
    def advance_cursor(self, source: str, published: datetime) -> None: ...
    def add_source_run(self, source: str, run_id: str, stats: dict) -> None: ...
    def source_history(self, source: str, limit: int) -> list[dict]: ...
    def check_integrity(self) -> None: ...
    def close(self) -> None: ...


def simhash_bands(simhash: int) -> list[tuple[int, int]]:
    return [(band, (simhash >> (16 * band)) & 0xFFFF) for band in range(BANDS)]


def open_store(uri: str) -> StateStore:
    """`STATE_URI`: a file path, `sqlite:///path`, or `redis://host:port/db`. ValueError for
    another scheme: "reddis://host" would otherwise become a SQLite file of that name."""
    scheme = uri.partition("://")[0].lower() if "://" in uri else ""
    if scheme and scheme not in ("sqlite", "redis", "rediss", "unix"):
        raise ValueError(
            f"unknown scheme {scheme!r}: use a file path, sqlite:///path or redis://host:port/db"
        )
    if scheme in ("redis", "rediss", "unix"):
        from crawler.state.redis_store import RedisStateStore  # redis is only needed here

        return RedisStateStore(uri)
    from crawler.state.sqlite import SqliteStateStore

    if scheme == "sqlite":
        path = uri.partition("://")[2]
        if not path.startswith("/"):  # sqlite://rel.db: the form is sqlite:///path
            raise ValueError(f"{uri!r}: write sqlite:///path (three slashes, then the path)")
        return SqliteStateStore(path[1:])
    return SqliteStateStore(uri)
