"""Appending a record to a JOBDIR file whole or not at all.

Scrapy's JOBDIR files (queuelib's disk queue, the dupefilter's requests.seen) are written
through buffered files: on a full disk a write left part of a record in the file and the
rest in the buffer, and every later write, flush or close raised again (docs/upstream.md).
Here the file is unbuffered, and a write that fails is cut off it again, so the file holds
whole records only and the next write starts clean.
"""

from __future__ import annotations

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
