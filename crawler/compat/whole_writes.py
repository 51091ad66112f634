"""Appending a record to a JOBDIR file whole or not at all.

Scrapy's JOBDIR files (queuelib's disk queue, the dupefilter's requests.seen) are written
through buffered files: on a full disk a write left part of a record in the file and the
rest in the buffer, and every later write, flush or close raised again (docs/upstream.md).
Here the file is unbuffered, and a write that fails is cut off it again, so the file holds
whole records only and the next write starts clean.
"""

from __future__ import annotations

import logging
import os
from typing import BinaryIO


def append_whole(file: BinaryIO, data: bytes) -> None:
    """Append `data` to an unbuffered `file`, or raise OSError with the file as it was."""
    end = file.seek(0, os.SEEK_END)
    rest = memoryview(data)
    try:
        while rest:  # an unbuffered write may take part of the bytes, then fail
            rest = rest[file.write(rest) :]
    except OSError:
        file.truncate(end)
        raise


def count_unsaved(
    stats, error_stat: str, count_stat: str, path, error: OSError, kept: str, log: logging.Logger
) -> None:
    """A record a JOBDIR file refused, counted in `count_stat`; the first failure is kept in
    `error_stat` ("cannot write <path>: <reason>", run.json's alert names it) and logged once,
    saying what the run keeps in memory instead (`kept`)."""
    if not stats.get_value(error_stat):
        message = f"cannot write {path}: {error.strerror or error}"
        stats.set_value(error_stat, message)
        log.warning("JOBDIR %s; %s", message, kept)
    stats.inc_value(count_stat)
