"""Source health against earlier runs, and a state store that fails while it is recorded."""

from __future__ import annotations

import sqlite3

from crawler.runs.health import NO_SOURCE, compare_and_record
from crawler.state.store import open_store

GOOD = {"discovered": 10, "fetched": 10, "new": 8, "updated": 0, "unchanged": 0,
        "rejected": {"too_short": 2}}  # fmt: skip
BAD = {**GOOD, "new": 1, "rejected": {"too_short": 9}}


def test_a_jump_in_rejects_against_earlier_runs_is_an_alert(tmp_path):
    store = open_store(str(tmp_path / "state.sqlite3"))
    for run in ("r1", "r2"):
        assert compare_and_record(store, run, {"lab": GOOD, NO_SOURCE: BAD}) == []
    (alert,) = compare_and_record(store, "r3", {"lab": BAD})
    assert alert.startswith("lab: reject rate 90%")
    store.close()


def test_a_locked_store_costs_the_comparison_not_the_run(tmp_path):
    """Another process held the SQLite lock past the busy timeout: the exception left the
    spider_closed handler, and run.json was never written."""
    path = tmp_path / "state.sqlite3"
    store = open_store(str(path))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        (alert,) = compare_and_record(store, "r1", {"lab": GOOD})
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert alert.startswith("source history not read or saved (OperationalError: database is")
    store.close()
