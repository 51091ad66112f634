"""LOG_FILE on a disk that is full, or fills up during the crawl.

Scrapy writes LOG_FILE through a plain `logging.FileHandler` (`scrapy.utils.log._get_handler`).
When the disk is full, Python's logging prints "--- Logging error ---" and a traceback to
stderr for every record it cannot write, and the handler's `close()` raises: Scrapy closes
the process's handler when it builds the crawler, so a crawl started with LOG_FILE on a full
disk (`/dev/full`) ended in a traceback, exit 1, before its first request (hostile round 6).
Here the handler says so once, on stderr, and the log goes on there; the crawl runs as
before. Read for Scrapy 2.19 (docs/upstream.md); outside it, Scrapy's handler is used.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys

import scrapy.utils.log as scrapy_log

from crawler.compat.versions import supported


class LogFileHandler(logging.FileHandler):
    """A FileHandler that, the first time the file takes no more (a full disk, a file size
    limit), says so in one line on stderr and sends this and every later record there."""

    _failed = False
    # Scrapy builds a new handler for each crawler it makes: a file that failed once is
    # not tried again, nor said again.
    _failed_paths: set[str] = set()

    def __init__(self, filename, mode: str = "a", encoding=None, delay: bool = False):
        failed = os.path.abspath(os.fspath(filename)) in self._failed_paths
        super().__init__(filename, mode, encoding, delay=delay or failed)
        self._failed = failed

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        error = sys.exc_info()[1]
        if not isinstance(error, OSError):
            super().handleError(record)
            return
        self._fail(error)
        self._on_stderr(record)

    def emit(self, record: logging.LogRecord) -> None:
        if not self._failed:
            super().emit(record)
            return
        try:
            self._on_stderr(record)
        except RecursionError:
            raise  # as logging's own emit
        except Exception:  # a record that cannot be formatted: logging's own report of it
            super().handleError(record)

    def close(self) -> None:
        try:
            super().close()
        except OSError as error:  # flushing what the full disk did not take
            self._fail(error)

    def _fail(self, error: OSError) -> None:
        if self._failed:
            return
        self._failed = True
        self._failed_paths.add(self.baseFilename)
        print(
            f"error: cannot write LOG_FILE {self.baseFilename} ({error.strerror or error}): "
            "the log goes on to stderr",
            file=sys.stderr,
        )
        stream, self.stream = self.stream, None
        with contextlib.suppress(OSError):  # what it still held is lost, and said above
            if stream is not None:
                stream.close()

    def _on_stderr(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(OSError, ValueError):  # stderr gone too: nowhere left
            sys.stderr.write(self.format(record) + "\n")


def _get_handler(settings) -> logging.Handler:
    handler = _scrapy_get_handler(settings)
    if type(handler) is not logging.FileHandler:
        return handler
    ours = LogFileHandler(handler.baseFilename, mode=handler.mode, encoding=handler.encoding)
    ours.setFormatter(handler.formatter)
    ours.setLevel(handler.level)
    for log_filter in handler.filters:
        ours.addFilter(log_filter)
    handler.close()  # its file was opened (and is empty of this run's lines): ours reopens it
    return ours


_scrapy_get_handler = scrapy_log._get_handler


def install() -> None:
    """Scrapy builds its root handler with ours from here on: call before the crawler
    process is made (crawler.integration.commands imports this at its own import)."""
    if supported("scrapy", "2.19.0", "2.20") and scrapy_log._get_handler is _scrapy_get_handler:
        scrapy_log._get_handler = _get_handler
