"""The run directory: articles.jsonl, rejects.jsonl and run.json.

Lines are written whole and flushed at once, so a killed crawl leaves only
valid lines behind. Counts kept here are the run's ledger: every request ends
as exactly one accepted record, reject line or counted skip.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from crawler.core.model import ArticleRecord, Reject


class OutputError(RuntimeError):
    """The run directory cannot be written; the message names the path."""


def new_run_dir(output_dir: str | Path, spider: str, now: datetime | None = None) -> Path:
    """OUTPUT_DIR/<spider>/<UTC timestamp>[-N]: sortable, and never reused."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    base = Path(output_dir) / spider
    for attempt in range(1000):
        candidate = base / (stamp if attempt == 0 else f"{stamp}-{attempt}")
        try:
            candidate.mkdir(parents=True, exist_ok=False)
            return candidate
        except FileExistsError:
            continue
        except OSError as error:
            raise OutputError(f"cannot create run directory {candidate}: {error}") from error
    raise OutputError(f"no free run directory name under {base}")


def point_latest(run_dir: Path) -> None:
    """`<spider>/latest` -> the newest run that wrote run.json (one a signal stopped
    included), replaced atomically."""
    link = run_dir.parent / "latest"
    tmp = run_dir.parent / f".latest-{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        tmp.symlink_to(run_dir.name, target_is_directory=True)
        os.replace(tmp, link)
    except OSError:
        pass  # no symlinks here (some filesystems): run.json is still the record of the run


class JsonlWriter:
    """Whole lines only: a write cut short (disk full, file size limit) is rolled back."""

    def __init__(self, path: Path):
        self.path = path
        try:
            self._file = path.open("ab", buffering=0)  # unbuffered: nothing left to flush later
            self._size = self._file.seek(0, os.SEEK_END)
        except OSError as error:
            raise OutputError(f"cannot open {path}: {error}") from error
        self.failed: OutputError | None = None

    def write(self, obj: dict[str, Any]) -> None:
        if self.failed is not None:
            raise self.failed
        line = (json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        try:
            self._write_all(line)
        except OSError as error:
            self._roll_back()
            self.failed = OutputError(f"cannot write {self.path}: {error}")
            raise self.failed from error
        self._size += len(line)

    def _write_all(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = self._file.write(view)
            if not written:
                raise OSError(errno.ENOSPC, "no progress writing")
            view = view[written:]

    def _roll_back(self) -> None:
        """Cut the file back to its last whole line (shrinking is allowed when growing is not)."""
        with contextlib.suppress(OSError):
            os.ftruncate(self._file.fileno(), self._size)
            self._file.seek(self._size)

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._file.close()


class RunOutput:
    def __init__(self, run_dir: Path, spider: str):
        self.run_dir, self.spider = run_dir, spider
        self.articles = JsonlWriter(run_dir / "articles.jsonl")
        self.rejects = JsonlWriter(run_dir / "rejects.jsonl")
        self.accepted = 0
        self.rejected: Counter[str] = Counter()
        self.started_at = datetime.now(UTC)

    def write_record(self, record: ArticleRecord) -> dict[str, Any]:
        data = record.to_json_dict()
        self.articles.write(data)
        self.accepted += 1
        return data

    def write_reject(self, reject: Reject) -> None:
        self.rejects.write(reject.model_dump(mode="json"))
        self.rejected[reject.reason] += 1

    def close(self) -> None:
        """The line files closed; again is harmless (a run whose run.json failed)."""
        self.articles.close()
        self.rejects.close()

    def finish(self, skipped: dict[str, int], requests: int, extra: dict[str, Any]) -> dict:
        """Write run.json atomically (temp file + rename) and return its content."""
        self.close()
        outcomes = self.accepted + sum(self.rejected.values()) + sum(skipped.values())
        summary = {
            "spider": self.spider,
            "run_dir": str(self.run_dir),
            "started_at": self.started_at.isoformat(),
            "finished_at": datetime.now(UTC).isoformat(),
            "counts": {
                "requests": requests,
                "accepted": self.accepted,
                "rejected": sum(self.rejected.values()),
                "skipped": sum(skipped.values()),
                "unaccounted": requests - outcomes,
            },
            "rejected_by_reason": dict(self.rejected.most_common()),
            "skipped_by_reason": dict(sorted(skipped.items())),
            "files": {
                "articles": str(self.articles.path),
                "rejects": str(self.rejects.path),
            },
            **extra,
        }
        path = self.run_dir / "run.json"
        tmp = path.with_suffix(".json.tmp")
        try:
            tmp.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", "utf-8")
            os.replace(tmp, path)
        except OSError as error:
            raise OutputError(f"cannot write {path}: {error}") from error
        return summary
