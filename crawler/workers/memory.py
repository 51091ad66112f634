"""Give a long-running extract worker's memory back: caches that grow with the crawl, and
freed heap that the C allocator keeps.

Measured over the corpus' 311 pages in one worker: trafilatura's, htmldate's and
courlan's caches held 19 MB, and glibc kept about 35 MB of freed heap (lxml trees of
large pages) until `malloc_trim`. The language step's word frequencies are fixed-size
tables built at warm-up (crawler.core.wordtables), so nothing of it grows with the crawl.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc

from trafilatura.meta import reset_caches

from crawler.core.language import release_caches, warm_up


def _malloc_trim():
    try:  # glibc only; elsewhere there is nothing to call and nothing is lost
        return ctypes.CDLL(ctypes.util.find_library("c") or None).malloc_trim
    except (OSError, AttributeError):
        return None


_TRIM = _malloc_trim()


def release_memory() -> None:
    reset_caches()  # trafilatura's and its libraries' LRU caches; it also runs gc.collect()
    release_caches()  # wordfreq's memo, and any list something loaded
    if _TRIM is not None:
        _TRIM(0)


def prepare_worker() -> None:
    """A worker's initializer: load what every page needs, then freeze it.

    gc.freeze() moves the loaded models, word lists and modules out of the collector's
    sight, so a full collection (the one in reset_caches, and the automatic ones) walks
    only what pages created: about 40 -> 6 ms each, 0.4 ms a page in all (corpus).
    """
    warm_up()
    gc.collect()
    gc.freeze()
