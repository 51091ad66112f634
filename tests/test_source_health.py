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


def test_a_failing_store_costs_the_comparison_not_the_run(tmp_path):
    """A store that fails at the finish (Redis gone, a damaged file): the exception left the
    spider_closed handler, and run.json was never written."""
    store = open_store(str(tmp_path / "state.sqlite3"))
    store.db.execute("DROP TABLE source_runs")  # every read and write of history fails
    (alert,) = compare_and_record(store, "r1", {"lab": GOOD})
    assert alert.startswith("source history not read or saved (OperationalError: no such table")
    store.close()


def test_a_locked_store_compares_and_saves_the_run_once_free(tmp_path):
    """Another process holds the SQLite lock at the finish: the history is read (WAL), the
    run's entry waits in memory and is saved when the store closes after the lock."""
    path = tmp_path / "state.sqlite3"
    store = open_store(str(path))
    compare_and_record(store, "r1", {"lab": GOOD})
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert compare_and_record(store, "r2", {"lab": BAD})  # compared: an alert
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    store.close()
    reopened = open_store(str(path))
    assert len(reopened.source_history("lab", limit=10)) == 2
    reopened.close()
