"""Writes that find the SQLite store locked by another process wait in memory, in order.

A `sqlite3` shell holding a transaction, a backup or a VACUUM locks the whole file. Each
write then waited out SQLite's busy timeout on the reactor thread, stalling every download,
and failed: its page became an `internal_error`. Here a write that finds the file locked is
kept, every later write joins it (order kept), and the queue is tried again after a pause
that doubles up to RETRY_MAX: the crawl goes on at full speed, and the store catches up
when the lock is gone. Reads are not affected (WAL: a writer never blocks readers).
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections import deque
from collections.abc import Callable

logger = logging.getLogger(__name__)
RETRY_FIRST, RETRY_MAX = 2.0, 30.0  # seconds between tries while the file stays locked


def is_locked(error: sqlite3.OperationalError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(error) or "busy" in str(error)


class WriteBehind:
    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self.pending: deque[Callable[[], None]] = deque()
        self.pause = RETRY_FIRST
        self.retry_at = 0.0

    def run(self, write: Callable[[], None]) -> None:
        if self.pending:
            self.pending.append(write)
            if self.clock() >= self.retry_at:
                self.flush()
            return
        try:
            write()
        except sqlite3.OperationalError as error:
            if not is_locked(error):
                raise
            self.pending.append(write)
            logger.warning(
                "State store locked by another process (%s): its writes are kept in memory "
                "and tried again every few seconds",
                error,
            )
            self._wait_longer()

    def flush(self) -> bool:
        """Run the kept writes in order; False when the file is still locked."""
        done = 0
        while self.pending:
            try:
                self.pending[0]()
            except sqlite3.OperationalError as error:
                if is_locked(error):
                    self._wait_longer()
                    return False
                logger.exception("A kept state store write failed; it is dropped")
            self.pending.popleft()
            done += 1
        if done:
            logger.info("State store writable again: %d kept writes saved", done)
        self.pause = RETRY_FIRST
        return True

    def _wait_longer(self) -> None:
        self.retry_at = self.clock() + self.pause
        self.pause = min(self.pause * 2, RETRY_MAX)
