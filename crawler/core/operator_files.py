"""Files an operator names (a URL list, a catalogue, a saved page), opened so that reading
them can neither wait forever nor take the machine's memory.

A FIFO nobody writes to blocks a plain open() for ever, and ignores SIGTERM meanwhile; it is
opened without waiting, then its writer has WRITER_WAIT seconds to appear. A device such as
/dev/zero never ends: a whole read of one grew a process by 8 GB in 12 s, so whoever reads
here reads at most what it can use.
"""

from __future__ import annotations

import fcntl
import os
import select
from pathlib import Path
from typing import BinaryIO

WRITER_WAIT = 10.0  # seconds a FIFO's writer has to start


class NoWriter(OSError):
    """A FIFO (or pipe) that sent nothing, nor hung up, within WRITER_WAIT seconds."""


def open_for_reading(path: Path) -> BinaryIO:
    """`path` opened in binary mode; NoWriter for a FIFO whose writer never came, and the
    OSError of open() for a path that cannot be read."""
    if path.is_file():
        return path.open("rb")
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    poller = select.poll()
    poller.register(descriptor, select.POLLIN | select.POLLHUP)
    if not poller.poll(WRITER_WAIT * 1000):
        os.close(descriptor)
        raise NoWriter(f"nothing wrote to it within {WRITER_WAIT:g} s (a FIFO with no writer?)")
    flags = fcntl.fcntl(descriptor, fcntl.F_GETFL)
    fcntl.fcntl(descriptor, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
    return os.fdopen(descriptor, "rb")


class TooLarge(ValueError):
    pass


def read_at_most(path: Path, max_bytes: int) -> bytes:
    """The whole content of `path`; TooLarge when it holds more than `max_bytes`."""
    with open_for_reading(path) as file:
        data = file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLarge(f"over {max_bytes:,} bytes")
    return data
