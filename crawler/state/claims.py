"""Claims on the articles a crawl is about to emit, seen by every crawl sharing its store.

Dedup looks an article up, and the store remembers it once written: two crawls that fetch
one story at the same moment (an hourly `feeds` job and a `sitemap` job listing the same
new stories) both found it unknown, and both emitted it. Each now claims the article's URLs
before it emits it; the store drops the claim when it remembers the record (or dedup when
the record is not written after all). A crawl that finds a live claim of another's leaves
the story to it.

Beside a SQLite store the claims are files, one per URL, holding their process's identity,
each written whole and then linked into place (a link fails where a file exists: atomic on
a local disk). Not a table: the store refuses writes exactly when a backup or a `sqlite3`
shell locks it, and then both runs' records wait in memory, unseen by the other. A claim
whose process has ended (killed between the claim and the write) is stale: taken over, as
a killed run's run.lock is.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from crawler.state.run_lock import process_alive, this_process


class FileClaims:
    def __init__(self, directory: Path):
        self.directory = directory
        self.me = this_process()

    def claim(self, keys: Iterable[str]) -> str | None:
        """Takes every key for this process; None when they are all its own now, else the
        holder of one (those taken by this call are given back). Keys are taken in sorted
        order, so two crawls claiming the same article meet on its first key. A directory
        that cannot be written (a full disk) claims nothing and refuses nothing: the crawl
        goes on as before claims, and the output's own failure says why."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            return self._claim_all(keys)
        except OSError:
            return None

    def _claim_all(self, keys: Iterable[str]) -> str | None:
        taken: list[str] = []
        for key in sorted(set(keys)):
            created, holder = self._take(key)
            if holder is not None:
                self.release(taken)  # not those held before: another record's, pending
                return f"pid {holder.get('pid')}" if isinstance(holder, dict) else str(holder)
            if created:
                taken.append(key)
        return None

    def sweep(self) -> int:
        """Removes the claims of processes that have ended (a run killed, or one whose store
        stayed locked past its end); how many. Run as the store opens."""
        removed = 0
        for path in self.directory.glob("[0-9a-f]*") if self.directory.is_dir() else ():
            holder = self._holder(path)
            if holder is None or not process_alive(holder):
                with contextlib.suppress(OSError):
                    path.unlink()
                    removed += 1
        return removed

    def release(self, keys: Iterable[str]) -> None:
        """Gives back this process's claims on `keys` (another's are left alone)."""
        for key in set(keys):
            path = self._path(key)
            if self._holder(path) == self.me:
                with contextlib.suppress(OSError):
                    path.unlink()

    def _take(self, key: str) -> tuple[bool, object]:
        """(whether this call created the claim, None) once this process holds `key`, else
        (False, the live holder's identity)."""
        path = self._path(key)
        for _ in range(2):  # a stale claim is removed, then taken once more
            if self._link_new_claim(path):
                return True, None
            holder = self._holder(path)
            if holder == self.me:
                return False, None
            if holder is not None and process_alive(holder):
                return False, holder
            with contextlib.suppress(FileNotFoundError):
                path.unlink()  # its process has ended: the claim is stale
        return False, self._holder(path) or "another crawl"

    def _link_new_claim(self, path: Path) -> bool:
        """Whether this call created the claim: written whole under a name of its own, then
        linked to `path`, which fails when `path` exists (so no one reads a half-written
        claim and takes it for a stale one)."""
        descriptor, draft = tempfile.mkstemp(dir=self.directory, prefix=".draft-")
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as file:
                file.write(json.dumps(self.me))
            os.link(draft, path)
        except FileExistsError:
            return False
        finally:
            os.unlink(draft)
        return True

    @staticmethod
    def _holder(path: Path):
        """The identity a claim file holds; None when it is gone (or damaged)."""
        try:
            return json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return None

    def _path(self, key: str) -> Path:
        return self.directory / hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
