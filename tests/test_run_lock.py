"""A killed run's lock names a process that is gone, even when its pid is in use again: in a
container every crawl is PID 1, and the run killed with kill -9 looked owned by the next one,
which then never replayed its records into the state store."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.demo.runner import PROJECT_ROOT
from crawler.state.recovery import recover
from crawler.state.run_lock import LOCK_NAME, owner_alive, process_start, write_lock
from crawler.state.store import open_store

RECORD = {
    "id": "a1",
    "url": "https://example.com/a",
    "canonical_url": "https://example.com/a",
    "text": "Words of a record the killed run wrote before the store remembered it.",
    "content_hash": "h1",
}


def killed_run(output_dir: Path) -> Path:
    """A run directory as kill -9 leaves it: a record, a lock, no run.json."""
    run_dir = output_dir / "urls" / "20260101T000000Z"
    run_dir.mkdir(parents=True)
    (run_dir / "articles.jsonl").write_text(json.dumps(RECORD) + "\n", "utf-8")
    return run_dir


def replayed(output_dir: Path) -> int:
    store = open_store(str(output_dir / "state.sqlite3"))
    try:
        return recover(store, output_dir)
    finally:
        store.close()


def test_the_lock_this_process_wrote_names_a_live_owner(tmp_path):
    run_dir = killed_run(tmp_path)
    write_lock(run_dir)
    assert owner_alive(run_dir)
    assert replayed(tmp_path) == 0  # a running crawl's directory is left alone


@pytest.mark.skipif(process_start("self") is None, reason="no /proc")
def test_this_pid_with_another_start_time_is_no_owner(tmp_path):
    run_dir = killed_run(tmp_path)
    write_lock(run_dir)
    lock = json.loads((run_dir / LOCK_NAME).read_text("utf-8"))
    boot, _, ticks = lock["started"].rpartition(":")
    lock["started"] = f"{boot}:{int(ticks) - 1}"  # the process before this one with our pid
    (run_dir / LOCK_NAME).write_text(json.dumps(lock), "utf-8")
    assert lock["pid"] == os.getpid() and not owner_alive(run_dir)
    assert replayed(tmp_path) == 1
    assert json.loads((run_dir / "recovered.json").read_text("utf-8"))["records_replayed"] == 1


def test_a_lock_an_older_release_wrote_is_read_by_its_pid(tmp_path):
    run_dir = killed_run(tmp_path)
    (run_dir / LOCK_NAME).write_text(str(os.getpid()), "utf-8")
    assert owner_alive(run_dir)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    (run_dir / LOCK_NAME).write_text(str(gone.pid), "utf-8")
    assert not owner_alive(run_dir)


def _unshare_works() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = ["unshare", "--pid", "--fork", "--mount-proc", "true"]
    return subprocess.run(probe, capture_output=True).returncode == 0


IN_A_CONTAINER = ["unshare", "--pid", "--fork", "--mount-proc", "--kill-child"]
WRITE_LOCK_AND_WAIT = (
    "import os, sys, time; from pathlib import Path;"
    "from crawler.state.run_lock import write_lock;"
    "write_lock(Path(sys.argv[1])); print(os.getpid(), flush=True); time.sleep(120)"
)
RECOVER = (
    "import os, sys; from pathlib import Path; from crawler.state.store import open_store;"
    "from crawler.state.recovery import recover; out = Path(sys.argv[1]);"
    "print(os.getpid(), recover(open_store(str(out / 'state.sqlite3')), out))"
)


@pytest.mark.skipif(not _unshare_works(), reason="needs unshare --pid (root, no seccomp)")
def test_a_run_killed_in_a_container_is_recovered_by_the_next_run_with_its_pid(tmp_path):
    """Each run is PID 1 of a fresh PID namespace, as in `docker run`."""
    run_dir = killed_run(tmp_path)
    first = subprocess.Popen(
        [*IN_A_CONTAINER, sys.executable, "-c", WRITE_LOCK_AND_WAIT, str(run_dir)],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    first_pid = first.stdout.readline().strip()
    first.kill()  # SIGKILL; --kill-child passes it to the crawl
    first.communicate(timeout=30)
    second = subprocess.run(
        [*IN_A_CONTAINER, sys.executable, "-c", RECOVER, str(tmp_path)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert second.returncode == 0, second.stderr
    second_pid, count = second.stdout.split()
    assert first_pid == second_pid == "1"  # the same pid, as the next run in a container
    assert count == "1" and (run_dir / "recovered.json").exists()
