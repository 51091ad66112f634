"""A feed's or sitemap's entries, waiting in the spider until the scheduler has room.

A sitemap of a million URLs made a million Requests at once (with their meta, hints and
headers): 3.3 GB in the scheduler, no article fetched for minutes, and a SIGTERM that waited
for the rest to be queued. Here a document's wanted entries are kept as plain tuples,
marshalled and compressed in blocks (about 15 bytes a URL), and the spider makes requests
from them only while fewer than BACKLOG_PENDING_MAX wait in the scheduler (spiders.base).
"""

from __future__ import annotations

import marshal
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from crawler.core.sources import Source

BLOCK = 1000  # entries a block holds


@dataclass(frozen=True)
class Listing:
    """The document entries came from, and what a request for one needs besides it."""

    url: str
    kind: str  # "sitemap", "index" (its entries are sitemaps) or "feed"
    source: Source | None = None
    edits: bool = True  # its dates are edits, not the time it was generated (edit_dates)
    depth: int = 0  # an index's nesting
    scope: tuple[str, ...] = field(default=())  # the domains an index's children may list


def pack(entries: Iterable[tuple]) -> list[tuple[bytes, int]]:
    """Entries (tuples of str, None and tuples of str) as compressed blocks and their sizes."""
    blocks, block = [], []
    for entry in entries:
        block.append(entry)
        if len(block) == BLOCK:
            blocks.append(_packed(block))
            block = []
    if block:
        blocks.append(_packed(block))
    return blocks


def _packed(block: list[tuple]) -> tuple[bytes, int]:
    return zlib.compress(marshal.dumps([_plain(entry) for entry in block]), 1), len(block)


def _plain(value):
    """marshal takes str itself only: an lxml "smart string" from .xpath() is refused."""
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    return str(value) if isinstance(value, str) else value


class Backlog:
    """Entries first in, first out, each with its Listing."""

    def __init__(self):
        self._blocks: deque[tuple[Listing, bytes, int]] = deque()
        self._current: Iterator[tuple] = iter(())
        self._listing: Listing | None = None
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def extend(self, listing: Listing, blocks: list[tuple[bytes, int]]) -> None:
        for data, size in blocks:
            self._blocks.append((listing, data, size))
            self._size += size

    def take(self) -> tuple[Listing, tuple] | None:
        """The next entry, or None when there is none."""
        if not self._size:
            return None
        entry = next(self._current, None)
        if entry is None:
            self._listing, data, _ = self._blocks.popleft()
            self._current = iter(marshal.loads(zlib.decompress(data)))
            entry = next(self._current)
        self._size -= 1
        return self._listing, entry

    def clear(self) -> int:
        """Drop every entry; how many there were."""
        dropped, self._size = self._size, 0
        self._blocks.clear()
        self._current = iter(())
        return dropped
