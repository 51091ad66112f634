"""The embedded state store: one SQLite file in WAL mode, one transaction per write, so
kill -9 at any moment leaves a store that opens. Writes that find the file locked by
another process wait in memory and are tried again (crawler.state.write_behind)."""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from crawler.state.claims import FileClaims
from crawler.state.store import (
    CachedRobots,
    SeenArticle,
    StoreTooNew,
    Validators,
    simhash_bands,
)
from crawler.state.write_behind import WriteBehind, is_locked

logger = logging.getLogger(__name__)
# Milliseconds a write waits for another writer: another crawl's transactions take
# milliseconds; a longer lock is waited out by WriteBehind, not on the reactor thread.
BUSY_TIMEOUT = 1000
CLOSE_BUSY_TIMEOUT = 10000  # the wait as the crawl ends (settle)
LAST_TRY_BUSY_TIMEOUT = 200  # the store's close, on the reactor thread during shutdown

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    canonical_url TEXT PRIMARY KEY,
    record_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    simhash INTEGER NOT NULL,
    source TEXT,
    published_at TEXT,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_by_hash ON articles (content_hash);
CREATE TABLE IF NOT EXISTS aliases (
    url TEXT PRIMARY KEY, canonical_url TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS simhash_bands (
    band INTEGER NOT NULL, value INTEGER NOT NULL,
    record_id TEXT NOT NULL, simhash INTEGER NOT NULL,
    PRIMARY KEY (band, value, record_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS rejected (
    url TEXT PRIMARY KEY, reason TEXT NOT NULL, at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS validators (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, updated TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS cursors (source TEXT PRIMARY KEY, newest TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS source_runs (
    source TEXT NOT NULL, run_id TEXT NOT NULL, finished TEXT NOT NULL, stats TEXT NOT NULL,
    PRIMARY KEY (source, run_id)
);
CREATE TABLE IF NOT EXISTS boilerplate_pages (
    site TEXT NOT NULL, line_hash TEXT NOT NULL, page TEXT NOT NULL,
    PRIMARY KEY (site, line_hash, page)
) WITHOUT ROWID;
"""


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


# The store's schema version lives in SQLite's `PRAGMA user_version`. MIGRATIONS[n] takes a
# store from version n to n + 1, in one transaction, when the store is opened; a store
# written before versions were kept reads 0. Append a migration for every change of the
# tables, never edit one that has shipped (docs/upgrading.md).
MIGRATIONS = (
    SCHEMA,  # 0 -> 1: the tables of the first release (CREATE ... IF NOT EXISTS)
    # 1 -> 2: robots.txt per origin, so later runs (and the expiry) know it without a fetch
    "CREATE TABLE robots (origin TEXT PRIMARY KEY, body BLOB NOT NULL, fetched TEXT NOT NULL,"
    " expires TEXT NOT NULL)",
)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(db: sqlite3.Connection, path: Path) -> int:
    """Apply the migrations a store lacks; the version it started at."""
    started = _version(db)
    while True:
        db.execute("BEGIN IMMEDIATE")  # another process may be migrating the same file
        try:
            version = _version(db)
            if version > SCHEMA_VERSION:
                raise StoreTooNew(
                    f"state store {path} has schema version {version}; this release reads up "
                    f"to {SCHEMA_VERSION}: upgrade the crawler or set STATE_URI to another store"
                )
            if version == SCHEMA_VERSION:
                db.execute("COMMIT")
                return started
            # The statements hold no ';' inside a literal, so splitting on it is exact.
            for statement in MIGRATIONS[version].split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {version + 1}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")


def _version(db: sqlite3.Connection) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def _kept_while_locked(write):
    """A write method whose call waits in memory while the file is locked (WriteBehind)."""

    @functools.wraps(write)
    def wrapper(self, *args, **kwargs) -> None:
        self.kept.run(functools.partial(write, self, *args, **kwargs))

    return wrapper


class SqliteStateStore:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: explicit transactions only, each write commits at once.
        self.db = sqlite3.connect(str(self.path), isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable at checkpoints,
        # never corrupt; a kill -9 loses at most the last transactions, which recovery replays.
        self.db.execute("PRAGMA busy_timeout=5000")  # opening waits longer than a write
        migrate(self.db, self.path)
        self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT}")
        self.kept = WriteBehind()
        # Hidden, so that `rm state.sqlite3*` (README) removes the store's files and no folder.
        self.claims = FileClaims(self.path.with_name(f".{self.path.name}.claims"))
        with contextlib.suppress(OSError):  # a directory another user left: claims fail open
            self.claims.sweep()

    @property
    def schema_version(self) -> int:
        return _version(self.db)

    def check_integrity(self) -> None:
        """sqlite3.DatabaseError when the file is damaged past its header (a disk fault, a
        copy cut short): opening reads only the header and schema, so the damage would
        otherwise surface as a traceback at the first page. quick_check reads every page
        once, without checking index contents against tables: about a second per GB."""
        problems = self.db.execute("PRAGMA quick_check(3)").fetchall()
        if problems != [("ok",)]:
            found = " ".join(" ".join(str(row[0]).split()) for row in problems)
            raise sqlite3.DatabaseError(
                f"damaged ({found.removeprefix('*** in database main *** ')})"
            )
        # A file this process may read but not write (left by one run under sudo): SQLite
        # opens it read-only without a word, and every page's first write failed.
        try:
            with _Transaction(self.db):
                self.db.execute("DELETE FROM aliases WHERE 0")
        except sqlite3.OperationalError as error:
            if not is_locked(error):  # another crawl writing: writable, then
                raise

    def seen(self, url: str) -> SeenArticle | None:
        """The article known under this canonical URL or any alias (fetched, redirected)."""
        alias = self.db.execute(
            "SELECT canonical_url FROM aliases WHERE url = ?", (url,)
        ).fetchone()
        row = self.db.execute(
            "SELECT canonical_url, record_id, content_hash, published_at, first_seen, last_seen,"
            " simhash FROM articles WHERE canonical_url = ?",
            (alias[0] if alias else url,),
        ).fetchone()
        if row is None:
            return None
        url, record_id, content_hash, published, first, last, fingerprint = row
        return SeenArticle(
            url, record_id, content_hash, _dt(published), _dt(first), _dt(last),
            fingerprint & (2**64 - 1) if fingerprint is not None else None,
        )  # fmt: skip

    def claim(self, keys: tuple[str, ...]) -> str | None:
        return self.claims.claim(keys)

    def release(self, keys: tuple[str, ...]) -> None:
        self.claims.release(keys)

    @_kept_while_locked
    def remember(
        self, canonical_url: str, record: dict, simhash: int, aliases: tuple[str, ...] = ()
    ) -> None:
        """Store an emitted record's identity; one transaction, idempotent. Its claims go
        once it is stored (a write kept while locked keeps them meanwhile)."""
        now = _now()
        with self._transaction():
            self.db.executemany(
                "INSERT OR REPLACE INTO aliases VALUES (?, ?)",
                [(alias, canonical_url) for alias in aliases if alias != canonical_url],
            )
            self.db.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(canonical_url) DO UPDATE SET record_id=excluded.record_id,"
                " content_hash=excluded.content_hash, simhash=excluded.simhash,"
                " published_at=COALESCE(excluded.published_at, articles.published_at),"
                " last_seen=excluded.last_seen",
                (
                    canonical_url,
                    record["id"],
                    record["content_hash"],
                    _signed(simhash),
                    record.get("source"),
                    record.get("published_at"),
                    now,
                    now,
                ),
            )
            self.db.executemany(
                "INSERT OR IGNORE INTO simhash_bands VALUES (?, ?, ?, ?)",
                [
                    (band, value, record["id"], _signed(simhash))
                    for band, value in simhash_bands(simhash)
                ],
            )
        self.claims.release((canonical_url, *aliases))

    @_kept_while_locked
    def remember_reject(self, url: str, reason: str) -> None:
        with self._transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO rejected VALUES (?, ?, ?)", (url, reason, _now())
            )

    def rejected_at(self, url: str) -> datetime | None:
        row = self.db.execute("SELECT at FROM rejected WHERE url = ?", (url,)).fetchone()
        return _dt(row[0]) if row else None

    @_kept_while_locked
    def touch(self, canonical_url: str) -> None:
        with self._transaction():
            self.db.execute(
                "UPDATE articles SET last_seen = ? WHERE canonical_url = ?", (_now(), canonical_url)
            )

    def records_with_hash(self, content_hash: str) -> list[tuple[str, str]]:
        rows = self.db.execute(
            "SELECT record_id, canonical_url FROM articles WHERE content_hash = ?"
            " ORDER BY first_seen",
            (content_hash,),
        ).fetchall()
        return [(record_id, url) for record_id, url in rows]

    @_kept_while_locked
    def add_alias(self, url: str, canonical_url: str) -> None:
        if url != canonical_url:
            with self._transaction():
                self.db.execute(
                    "INSERT OR REPLACE INTO aliases VALUES (?, ?)", (url, canonical_url)
                )

    def simhash_candidates(self, simhash: int) -> list[tuple[str, int]]:
        rows = set()
        for band, value in simhash_bands(simhash):
            rows.update(
                self.db.execute(
                    "SELECT record_id, simhash FROM simhash_bands WHERE band = ? AND value = ?",
                    (band, value),
                ).fetchall()
            )
        return [(record_id, value & (2**64 - 1)) for record_id, value in rows]

    def validators(self, url: str) -> Validators | None:
        row = self.db.execute(
            "SELECT etag, last_modified FROM validators WHERE url = ?", (url,)
        ).fetchone()
        return Validators(*row) if row else None

    @_kept_while_locked
    def save_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        if not etag and not last_modified:  # none to keep: forget the old ones too
            with self._transaction():
                self.db.execute("DELETE FROM validators WHERE url = ?", (url,))
            return
        with self._transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO validators VALUES (?, ?, ?, ?)",
                (url, etag, last_modified, _now()),
            )

    def robots(self, origin: str) -> CachedRobots | None:
        row = self.db.execute(
            "SELECT body, fetched, expires FROM robots WHERE origin = ?", (origin,)
        ).fetchone()
        return CachedRobots(origin, bytes(row[0]), _dt(row[1]), _dt(row[2])) if row else None

    @_kept_while_locked
    def save_robots(self, robots: CachedRobots) -> None:
        with self._transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO robots VALUES (?, ?, ?, ?)",
                (robots.origin, robots.body, robots.fetched.isoformat(),
                 robots.expires.isoformat()),
            )  # fmt: skip

    def cursor(self, source: str) -> datetime | None:
        row = self.db.execute("SELECT newest FROM cursors WHERE source = ?", (source,)).fetchone()
        return _dt(row[0]) if row else None

    @_kept_while_locked
    def advance_cursor(self, source: str, published: datetime) -> None:
        current = self.cursor(source)
        if current is None or published > current:
            with self._transaction():
                self.db.execute(
                    "INSERT OR REPLACE INTO cursors VALUES (?, ?)", (source, published.isoformat())
                )

    @_kept_while_locked
    def add_source_run(self, source: str, run_id: str, stats: dict) -> None:
        with self._transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO source_runs VALUES (?, ?, ?, ?)",
                (source, run_id, _now(), json.dumps(stats)),
            )

    def source_history(self, source: str, limit: int) -> list[dict]:
        rows = self.db.execute(
            "SELECT stats FROM source_runs WHERE source = ? ORDER BY finished DESC LIMIT ?",
            (source, limit),
        ).fetchall()
        return [json.loads(row[0]) for row in rows]

    # --- site-learned boilerplate (crawler.core.boilerplate.BoilerplateStore) ------------------
    @_kept_while_locked
    def add_page(self, site: str, page_id: str, line_hashes) -> None:
        with self._transaction():
            self.db.executemany(
                "INSERT OR IGNORE INTO boilerplate_pages VALUES (?, ?, ?)",
                [(site, line_hash, page_id) for line_hash in line_hashes],
            )

    def pages_with(self, site: str, line_hashes) -> dict[str, int]:
        hashes = list(line_hashes)
        counts: dict[str, int] = {}
        for start in range(0, len(hashes), 500):  # SQLite's limit on bound parameters
            chunk = hashes[start : start + 500]
            marks = ",".join("?" * len(chunk))
            counts.update(
                self.db.execute(
                    "SELECT line_hash, COUNT(*) FROM boilerplate_pages"
                    f" WHERE site = ? AND line_hash IN ({marks}) GROUP BY line_hash",
                    (site, *chunk),
                ).fetchall()
            )
        return counts

    def count_articles(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def settle(self) -> int:
        """Save the writes kept while the file was locked, waiting up to CLOSE_BUSY_TIMEOUT
        for the lock; returns how many are still unsaved."""
        if self.kept.pending:
            self.db.execute(f"PRAGMA busy_timeout={CLOSE_BUSY_TIMEOUT}")
            self.kept.flush()
            self.db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT}")
        return len(self.kept.pending)

    def close(self) -> None:
        # One more try, waiting only for another crawl's transaction (milliseconds): settle()
        # waited for a longer lock as the run ended, and close runs on the reactor thread
        # while Scrapy shuts its connections down. Blocked for BUSY_TIMEOUT there, the
        # connection pool's close and its one-second timer fired one Deferred together (a
        # CRITICAL AlreadyCalledError traceback whenever a lock outlasted the crawl).
        self.db.execute(f"PRAGMA busy_timeout={LAST_TRY_BUSY_TIMEOUT}")
        if self.kept.pending and self.kept.flush() is False:
            logger.error(
                "State store still locked by another process: %d writes lost; the next run "
                "replays this run's records (its run directory is marked)",
                len(self.kept.pending),
            )
        self.db.close()

    def _transaction(self):
        return _Transaction(self.db)


class _Transaction:
    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, exc, tb):
        if exc_type:
            self._roll_back()
            return
        try:
            self.db.execute("COMMIT")
        except sqlite3.OperationalError:
            self._roll_back()  # or the next BEGIN fails inside this transaction
            raise

    def _roll_back(self) -> None:
        # A failed COMMIT ("database or disk is full") has rolled back already: a second
        # ROLLBACK raised "no transaction is active", which hid the cause.
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")


def _signed(value: int) -> int:
    """SQLite integers are signed 64-bit."""
    return value - 2**64 if value >= 2**63 else value
