"""One state store per crawl, shared by spiders and pipelines, closed when the spider closes."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from pathlib import Path

from scrapy import signals
from scrapy.utils.defer import deferred_from_coro

from crawler.core.canonical import without_password
from crawler.state.recovery import recover
from crawler.state.store import StateStore, StoreTooNew, open_store
from crawler.state.write_behind import is_locked

logger = logging.getLogger(__name__)
_ATTRIBUTE = "_ainews_state_store"
_checked: set[str] = set()  # stores whose integrity this process has checked


class StateUnavailable(RuntimeError):
    """The state store named by STATE_URI (or REDIS_URL) cannot be opened; one line."""


def _open(uri: str, check: bool = False) -> StateStore:
    try:
        store = open_store(uri)
        if check:
            try:
                store.check_integrity()
            except Exception:
                store.close()
                raise
        return store
    except StoreTooNew as error:
        raise StateUnavailable(str(error)) from None
    except Exception as error:  # sqlite3, OSError, redis: all mean the same to an operator
        raise StateUnavailable(
            f"cannot open the state store {uri}: {type(error).__name__}: {error} "
            "(set STATE_URI to another path, or STATE_URI= to crawl without state)"
        ) from None


def check_state(settings) -> None:
    """Open and close the crawl's state store, so a broken one stops the crawl before it
    starts rather than at its first page."""
    uri = state_uri(settings)
    if uri is not None:
        _open(uri, check=True).close()
        _checked.add(uri)


def state_uri(settings) -> str | None:
    """STATE_URI; by default REDIS_URL in distributed mode, else OUTPUT_DIR/state.sqlite3.
    An empty string turns state off, and so does RUN_OUTPUT off (the inspection commands)."""
    if not settings.getbool("RUN_OUTPUT", True):
        return None
    uri = settings.get("STATE_URI")
    if uri is None:
        if settings.get("REDIS_URL"):
            return settings.get("REDIS_URL")
        return str(Path(settings.get("OUTPUT_DIR", "output")) / "state.sqlite3")
    return uri or None


def state_for(crawler) -> StateStore | None:
    store = getattr(crawler, _ATTRIBUTE, None)
    if store is None:
        uri = state_uri(crawler.settings)
        if uri is None:
            return None
        # Checked here too: scrapyd and `scrapy runspider` do not run our crawl command.
        store = _open(uri, check=uri not in _checked)
        _checked.add(uri)
        logger.info("State store: %s", store_location(store, uri))
        _recover(store, uri, Path(crawler.settings.get("OUTPUT_DIR", "output")))
        store = StoppingStore(store, crawler, uri)
        setattr(crawler, _ATTRIBUTE, store)
        crawler.signals.connect(lambda: store.close(), signal=signals.engine_stopped, weak=False)
    return store


def store_location(store: StateStore, uri: str) -> str:
    """Where the store is, for the start log: a SQLite file's absolute path, since
    `sqlite:///tmp/x.db` is `tmp/x.db` under the working directory (SQLAlchemy's reading:
    `sqlite:////tmp/x.db` is /tmp/x.db); a Redis URL without its password."""
    path = getattr(store, "path", None)
    if path is None:
        return without_password(uri)
    where = f"SQLite {Path(path).resolve()}"
    if uri.lower().startswith("sqlite:///") and not Path(path).is_absolute():
        where += f" (STATE_URI={uri}: relative to {Path.cwd()}; four slashes for an absolute path)"
    return where


def _recover(store: StateStore, uri: str, output_dir: Path) -> None:
    """Replay killed runs into the store (crawler.state.recovery). A store or run directory
    that refuses the writes (a full disk, a killed run another user left) stops the start
    as a store that does not open does: it was a traceback, at every start."""
    try:
        recover(store, output_dir)
    except (OSError, sqlite3.Error) as error:
        store.close()
        raise StateUnavailable(
            f"cannot replay earlier runs in {output_dir} into the state store {uri}: "
            f"{type(error).__name__}: {error} (free space or fix the permissions: the next "
            "start replays them)"
        ) from None


STATE_ERROR_STAT = "state/error"  # the first failure's message, for run.json's alerts
STATE_FAILURES_STAT = "state/failed_calls"


class StoppingStore:
    """The crawl's store, which stops the crawl at the first call the database refuses
    ("database or disk is full", a file another user owns), as a failed output does: exit
    3, `finish_reason: output_error`. Each page had become an `internal_error` with its
    whole body in the log, and the run exited 0. The refused call returns None (a read
    finds nothing); the run is marked unsaved (pipelines.write), so the next start replays
    its records into the store (crawler.state.recovery). A lock is not a failure: the
    store's writes wait for it (crawler.state.write_behind)."""

    def __init__(self, store: StateStore, crawler, uri: str):
        self._store, self._crawler, self._uri = store, crawler, uri

    def __getattr__(self, name: str):
        attribute = getattr(self._store, name)
        if not callable(attribute) or name == "close":
            return attribute

        def call(*args, **kwargs):
            try:
                return attribute(*args, **kwargs)
            except sqlite3.Error as error:
                if isinstance(error, sqlite3.OperationalError) and is_locked(error):
                    raise  # another process's lock: the page's outcome, as before
                self._failed(name, error)
                return None

        return call

    def _failed(self, call: str, error: sqlite3.Error) -> None:
        stats = self._crawler.stats
        stats.inc_value(STATE_FAILURES_STAT)
        if stats.get_value(STATE_ERROR_STAT):
            return
        message = f"state store {self._uri}: {call} failed: {type(error).__name__}: {error}"
        logger.error("%s; stopping the crawl", message)
        stats.set_value(STATE_ERROR_STAT, message)
        stats.set_value("output/error", message)  # exit code 3 (crawler.integration.commands)
        engine = self._crawler.engine
        if engine is not None and engine.spider is not None:
            deferred_from_coro(_stop(engine))


async def _stop(engine) -> None:
    # RuntimeError: closed meanwhile (a failure in a close handler), nothing to stop.
    with contextlib.suppress(RuntimeError):
        await engine.close_spider_async(reason="output_error")
