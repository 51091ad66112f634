"""The state store on Redis, for many workers sharing one memory of what was seen.

Same interface as crawler.state.sqlite.SqliteStateStore. Imported only when STATE_URI
(or REDIS_URL) is a redis:// URL, so a single-machine install never needs redis.

Keys (prefix `ainews:`): `article:<canonical_url>` hash; `alias:<url>` string;
`hash:<content_hash>` string (first record id); `hash_urls:<content_hash>` hash canonical
URL -> record id (every record with that text; absent from stores written before it);
`band:<n>:<value>` hash record id -> simhash; `rejected:<url>`; `validators:<url>` hash;
`cursors` hash; `runs:<source>` list of JSON summaries (newest first, capped);
`robots:<origin>` hash
(body, fetched, expires; the key itself lives ROBOTS_KEEP past its expiry, for when the
host is unreachable); `claim:<url>`, the worker about to emit that article (expires after
CLAIM_TTL_MS); `schema_version`, the layout of these keys (SCHEMA_VERSION; a store
written before it was kept has none and is version 1, the same layout).
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import redis
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

from crawler.state.store import (
    CachedRobots,
    SeenArticle,
    StoreTooNew,
    Validators,
    simhash_bands,
)

PREFIX = "ainews:"
RUN_HISTORY = 50
# Bump with every change of the key layout above, and migrate in `_migrate`.
# 1 -> 2: `robots:<origin>` keys added (nothing to convert).
# 2 -> 3: `claim:<url>` keys added (nothing to convert).
SCHEMA_VERSION = 3
# An article's claim (crawler.state.claims) lives this long at most: a worker killed between
# its claim and its write holds the story no longer than this.
CLAIM_TTL_MS = 10 * 60 * 1000
# A robots.txt past its expiry is still the best guess while the host cannot be reached
# (RFC 9309 2.4); kept this long after it expires.
ROBOTS_KEEP = timedelta(days=30)


def _dt(value: bytes | str | None) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(value.decode() if isinstance(value, bytes) else value)


class RedisStateStore:
    def __init__(self, url: str):
        # A restart of Redis (seconds) is waited out, not turned into lost pages: each
        # command is retried with backoff for up to about 20 s before it raises.
        self.db = redis.Redis.from_url(
            url,
            socket_timeout=30,
            health_check_interval=10,
            retry=Retry(ExponentialBackoff(cap=1.0, base=0.05), retries=25),
            retry_on_error=[RedisConnectionError, RedisTimeoutError],
        )
        self.db.ping()
        self._migrate()
        self._claimant = uuid.uuid4().hex.encode()  # this store's claims: this worker's

    def _migrate(self) -> None:
        key = self._key("schema_version")
        stored = self.db.get(key)
        version = int(stored) if stored else None
        if version is not None and version > SCHEMA_VERSION:
            raise StoreTooNew(
                f"Redis state store has schema version {version}; this release reads up to "
                f"{SCHEMA_VERSION}: upgrade the crawler or set STATE_URI to another store"
            )
        if version is None:  # new, or written before versions were kept: the same layout
            self.db.setnx(key, SCHEMA_VERSION)
        elif version < SCHEMA_VERSION:  # every step so far only added keys
            self.db.set(key, SCHEMA_VERSION)

    @property
    def schema_version(self) -> int:
        return int(self.db.get(self._key("schema_version")))

    def _key(self, *parts: object) -> str:
        return PREFIX + ":".join(str(p) for p in parts)

    def seen(self, url: str) -> SeenArticle | None:
        alias = self.db.get(self._key("alias", url))
        canonical = alias.decode() if alias else url
        row = self.db.hgetall(self._key("article", canonical))
        if not row:
            return None
        return SeenArticle(
            canonical,
            row[b"record_id"].decode(),
            row[b"content_hash"].decode(),
            _dt(row.get(b"published_at")),
            _dt(row[b"first_seen"]),
            _dt(row[b"last_seen"]),
            int(row[b"simhash"]) if row.get(b"simhash") else None,
        )

    def remember(
        self, canonical_url: str, record: dict, simhash: int, aliases: tuple[str, ...] = ()
    ) -> None:
        now = datetime.now(UTC).isoformat()
        pipe = self.db.pipeline(transaction=True)  # MULTI/EXEC: all or nothing
        key = self._key("article", canonical_url)
        pipe.hsetnx(key, "first_seen", now)
        fields = {
            "record_id": record["id"],
            "content_hash": record["content_hash"],
            "simhash": str(simhash),
            "last_seen": now,
        }
        if record.get("published_at"):
            fields["published_at"] = record["published_at"]
        pipe.hset(key, mapping=fields)
        for alias in aliases:
            if alias != canonical_url:
                pipe.set(self._key("alias", alias), canonical_url)
        pipe.setnx(self._key("hash", record["content_hash"]), record["id"])
        pipe.hsetnx(self._key("hash_urls", record["content_hash"]), canonical_url, record["id"])
        for band, value in simhash_bands(simhash):
            pipe.hset(self._key("band", band, value), record["id"], str(simhash))
        pipe.execute()
        self.release((canonical_url, *aliases))

    def claim(self, keys: tuple[str, ...]) -> str | None:
        """As crawler.state.claims.FileClaims.claim, with `claim:<url>` keys that expire."""
        taken: list[str] = []
        for key in sorted(set(keys)):
            name = self._key("claim", key)
            for _ in range(2):  # a claim that expired between the two calls: once more
                if self.db.set(name, self._claimant, nx=True, px=CLAIM_TTL_MS):
                    taken.append(key)
                    break
                holder = self.db.get(name)
                if holder == self._claimant:
                    break
                if holder is not None:
                    self.release(taken)  # not those held before: another record's, pending
                    return f"worker claim {holder.decode()}"
        return None

    def release(self, keys: tuple[str, ...]) -> None:
        for key in set(keys):
            name = self._key("claim", key)
            if self.db.get(name) == self._claimant:
                self.db.delete(name)

    def touch(self, canonical_url: str) -> None:
        key = self._key("article", canonical_url)
        if self.db.exists(key):
            self.db.hset(key, "last_seen", datetime.now(UTC).isoformat())

    def remember_reject(self, url: str, reason: str) -> None:
        value = json.dumps({"reason": reason, "at": datetime.now(UTC).isoformat()})
        self.db.set(self._key("rejected", url), value)

    def rejected_at(self, url: str) -> datetime | None:
        value = self.db.get(self._key("rejected", url))
        return _dt(json.loads(value)["at"]) if value else None

    def records_with_hash(self, content_hash: str) -> list[tuple[str, str]]:
        first, urls = self.db.get(self._key("hash", content_hash)), {}
        if first:
            urls = self.db.hgetall(self._key("hash_urls", content_hash))
        found = [(record_id.decode(), url.decode()) for url, record_id in urls.items()]
        found.sort(key=lambda pair: pair[0] != first.decode())  # the first record first
        if first and not found:  # a store written before hash_urls: the URL is not known
            found = [(first.decode(), "")]
        return found

    def add_alias(self, url: str, canonical_url: str) -> None:
        if url != canonical_url:
            self.db.set(self._key("alias", url), canonical_url)

    def simhash_candidates(self, simhash: int) -> list[tuple[str, int]]:
        pipe = self.db.pipeline(transaction=False)
        for band, value in simhash_bands(simhash):
            pipe.hgetall(self._key("band", band, value))
        found: dict[str, int] = {}
        for rows in pipe.execute():
            found.update({k.decode(): int(v) for k, v in rows.items()})
        return list(found.items())

    def validators(self, url: str) -> Validators | None:
        row = self.db.hgetall(self._key("validators", url))
        if not row:
            return None
        etag, modified = row.get(b"etag"), row.get(b"last_modified")
        return Validators(etag.decode() if etag else None, modified.decode() if modified else None)

    def save_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        fields = {k: v for k, v in (("etag", etag), ("last_modified", last_modified)) if v}
        key = self._key("validators", url)
        if not fields:  # none to keep: forget the old ones too
            self.db.delete(key)
            return
        self.db.pipeline(transaction=True).delete(key).hset(key, mapping=fields).execute()

    def robots(self, origin: str) -> CachedRobots | None:
        row = self.db.hgetall(self._key("robots", origin))
        if not row:
            return None
        return CachedRobots(origin, row[b"body"], _dt(row[b"fetched"]), _dt(row[b"expires"]))

    def save_robots(self, robots: CachedRobots) -> None:
        key = self._key("robots", robots.origin)
        fields = {"body": robots.body, "fetched": robots.fetched.isoformat(),
                  "expires": robots.expires.isoformat()}  # fmt: skip
        keep = robots.expires + ROBOTS_KEEP - datetime.now(UTC)
        pipe = self.db.pipeline(transaction=True).delete(key).hset(key, mapping=fields)
        pipe.expire(key, max(1, int(keep.total_seconds()))).execute()

    def cursor(self, source: str) -> datetime | None:
        return _dt(self.db.hget(self._key("cursors"), source))

    def advance_cursor(self, source: str, published: datetime) -> None:
        current = self.cursor(source)
        if current is None or published > current:
            self.db.hset(self._key("cursors"), source, published.isoformat())

    def add_source_run(self, source: str, run_id: str, stats: dict) -> None:
        key = self._key("runs", source)
        self.db.pipeline(transaction=True).lpush(key, json.dumps(stats)).ltrim(
            key, 0, RUN_HISTORY - 1
        ).execute()

    def source_history(self, source: str, limit: int) -> list[dict]:
        # The newest entry may be this run's own, pushed by another worker first: that is
        # fine, alerts compare this run with any earlier ones.
        return [json.loads(v) for v in self.db.lrange(self._key("runs", source), 0, limit - 1)]

    # --- site-learned boilerplate, shared by every worker ------------------------------------
    def add_page(self, site: str, page_id: str, line_hashes) -> None:
        pipe = self.db.pipeline(transaction=False)
        for line_hash in line_hashes:
            pipe.sadd(self._key("boilerplate", site, line_hash), page_id)
        pipe.execute()

    def pages_with(self, site: str, line_hashes) -> dict[str, int]:
        hashes = list(line_hashes)
        pipe = self.db.pipeline(transaction=False)
        for line_hash in hashes:
            pipe.scard(self._key("boilerplate", site, line_hash))
        return dict(zip(hashes, pipe.execute(), strict=True))

    def count_articles(self) -> int:
        return sum(1 for _ in self.db.scan_iter(self._key("article", "*"), count=1000))

    def check_integrity(self) -> None:
        """Nothing to check: Redis keeps its own data whole, and answers or does not."""

    def close(self) -> None:
        self.db.close()
