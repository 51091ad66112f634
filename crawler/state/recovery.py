"""Bring the state store up to date with run directories of crawls that were killed.

Records are written (and flushed) before the store remembers them, so a crawl
killed in between leaves records the store does not know. Replaying the
articles.jsonl of every unfinished run (no run.json, no live owner) makes the
store consistent again, so the next run does not emit those records twice.

A store deleted or emptied between runs is rebuilt the same way, from every finished run
in OUTPUT_DIR: it is noticed by the newest run's first record, unknown to the store.
"""

from __future__ import annotations

import json
import logging
import os
import socket
from pathlib import Path

from crawler.core.canonical import canonicalize
from crawler.core.simhash import simhash
from crawler.state.run_lock import owner_alive

logger = logging.getLogger(__name__)
UNSAVED_MARK = "state-unsaved.json"  # records to replay into the store (mark_unsaved)


def worker_id() -> str:
    """Who wrote a run directory: WORKER_ID from the environment, else host and pid."""
    return os.environ.get("WORKER_ID") or f"{socket.gethostname()}-{os.getpid()}"


def mark_unsaved(run_dir: Path, writes: int) -> None:
    """This finished run's records did not all reach the state store (locked by another
    process until the end): the next start replays them (recover)."""
    (run_dir / UNSAVED_MARK).write_text(json.dumps({"unsaved_writes": writes}) + "\n", "utf-8")


def unsaved_runs(output_dir: Path) -> list[Path]:
    return sorted(
        run_dir
        for run_dir in _run_dirs(output_dir)
        if (run_dir / UNSAVED_MARK).exists() and not owner_alive(run_dir)
    )


def unfinished_runs(output_dir: Path) -> list[Path]:
    return sorted(
        run_dir
        for run_dir in _run_dirs(output_dir)
        if (run_dir / "articles.jsonl").exists()
        and not (run_dir / "run.json").exists()
        and not (run_dir / "recovered.json").exists()
        and not owner_alive(run_dir)
    )


def _run_dirs(output_dir: Path):
    """OUTPUT_DIR/<spider>/<run>/, without the `latest` links."""
    if not output_dir.is_dir():
        return []
    return (d for d in output_dir.glob("*/*/") if not d.is_symlink())


def recover(store, output_dir: Path) -> int:
    """Replay killed runs into the store, and finished ones too when the store has forgotten
    them; returns how many records were replayed."""
    replayed = 0
    for run_dir in unfinished_runs(output_dir):
        count = _replay(store, run_dir)
        (run_dir / "recovered.json").write_text(
            json.dumps({"finish_reason": "killed", "records_replayed": count}) + "\n", "utf-8"
        )
        logger.warning("Recovered %d records from unfinished run %s", count, run_dir)
        replayed += count
    for run_dir in unsaved_runs(output_dir):
        count = _replay(store, run_dir)
        (run_dir / UNSAVED_MARK).unlink()
        logger.warning("Replayed %d records of %s, whose state store writes were lost to a "
                       "lock", count, run_dir)  # fmt: skip
        replayed += count
    forgotten = forgotten_runs(store, output_dir)
    if forgotten:
        count = sum(_replay(store, run_dir) for run_dir in forgotten)
        logger.warning(
            "The state store knew no record of the finished runs in %s (deleted, emptied or "
            "replaced since): replayed %d records from %d runs, so that they are not emitted "
            "again", output_dir, count, len(forgotten),
        )  # fmt: skip
        replayed += count
    return replayed


def forgotten_runs(store, output_dir: Path) -> list[Path]:
    """The finished runs with records, when the store knows none of the newest one's first
    record: a store deleted or emptied between runs started from nothing, and every article
    was emitted again with no word said. Else none (one lookup)."""
    finished = sorted(
        (d for d in _run_dirs(output_dir) if (d / "run.json").exists()),
        key=lambda d: (d / "run.json").stat().st_mtime,
    )
    with_records = [d for d in finished if (d / "articles.jsonl").is_file()]
    for run_dir in reversed(with_records):
        probe = next(_valid_lines(run_dir / "articles.jsonl"), None)
        if probe is not None:
            return [] if store.seen(probe["canonical_url"]) else with_records
    return []


def _replay(store, run_dir: Path) -> int:
    count = 0
    for record in _valid_lines(run_dir / "articles.jsonl"):
        aliases = (canonicalize(record["url"]),)
        store.remember(record["canonical_url"], record, simhash(record["text"]), aliases)
        count += 1
    return count


def _valid_lines(path: Path):
    with path.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                continue  # a half-written last line of a killed run
            if isinstance(record, dict) and {"canonical_url", "url", "text", "id"} <= set(record):
                yield record
