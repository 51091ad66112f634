"""The JOBDIR disk queue, written so that a full disk fails one push, not the queue.

With JOBDIR, Scrapy's scheduler keeps its pending requests in queuelib's LifoDiskQueue, a
file per host and priority under JOBDIR/requests.queue. That file is buffered: on a full
disk (or a file size limit) a push raised while flushing earlier pushes' bytes, left part
of a record in the file and the rest in the buffer, and every later push, pop and close
raised again as the buffer was flushed once more. Scrapy catches only ValueError from a
push, so a feeds crawl hung: its requests on disk could not be read back, and the engine
waited for them (docs/upstream.md).

Here each record (and a new file's header) is written unbuffered, whole or not at all
(crawler.compat.whole_writes): a write that fails is cut off the file again and raises, and
the queue is as it was before the push. The scheduler (crawler.integration.scheduler)
holds that request in memory.
"""

from __future__ import annotations

import os
import pickle
import struct
from pathlib import Path

from queuelib import queue
from scrapy import squeues

from crawler.compat.versions import supported
from crawler.compat.whole_writes import append_whole


def check_version() -> bool:
    return supported("queuelib", "1.6.0", "1.11")


class WholeRecordLifoDiskQueue(queue.LifoDiskQueue):
    """queuelib's LIFO disk queue (same file format), whose push writes a record whole or
    raises with the file unchanged. Outside the checked queuelib versions, queuelib's own."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        if not check_version():
            super().__init__(path)
            return
        self.path = str(path)
        if Path(path).exists():
            self.f = Path(path).open("rb+", buffering=0)  # noqa: SIM115 (closed by close())
            (self.size,) = struct.unpack(self.SIZE_FORMAT, self.f.read(self.SIZE_SIZE))
            return
        self.f = Path(path).open("wb+", buffering=0)  # noqa: SIM115
        self.size = 0
        try:
            append_whole(self.f, struct.pack(self.SIZE_FORMAT, 0))
        except OSError:
            # An empty file left behind would be read as a queue with no header next time.
            self.f.close()
            Path(path).unlink(missing_ok=True)
            raise

    def push(self, string: bytes) -> None:
        if not check_version():
            super().push(string)
            return
        if not isinstance(string, bytes):
            raise TypeError(f"Unsupported type: {type(string).__name__}")
        append_whole(self.f, string + struct.pack(self.SIZE_FORMAT, len(string)))
        self.size += 1


_FACTORIES = ("_scrapy_serialization_queue", "_serializable_queue", "_with_mkdir")


def _pickle_queue() -> type:
    """Scrapy's PickleLifoDiskQueue, built by its own (private) factories over the queue
    above; Scrapy's own where they are gone."""
    if not all(hasattr(squeues, name) for name in _FACTORIES):
        return squeues.PickleLifoDiskQueue
    whole = squeues._with_mkdir(WholeRecordLifoDiskQueue)
    pickled = squeues._serializable_queue(whole, squeues._pickle_serialize, pickle.loads)
    return squeues._scrapy_serialization_queue(pickled)


PickleLifoDiskQueue = _pickle_queue()  # the SCHEDULER_DISK_QUEUE setting
