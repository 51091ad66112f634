"""The shipped scheduling wrapper runs a real crawl and refuses to overlap itself."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from crawler.demo.runner import LOOPBACK_SETTINGS, PROJECT_ROOT

WRAPPER = PROJECT_ROOT / "deploy" / "crawl.sh"
# The interpreter running the tests: the wrapper never builds a venv (no pip, no network).
VENV = {"CRAWL_VENV": sys.prefix}


def wrapper(*args: str, env: dict | None = None, timeout: float = 120):
    return subprocess.run(
        [str(WRAPPER), *args], capture_output=True, text=True, timeout=timeout, check=False,
        env={**(env or os.environ), **VENV},
    )  # fmt: skip


def settings_args(out: Path) -> list[str]:
    args = []
    for key, value in {**LOOPBACK_SETTINGS, "OUTPUT_DIR": str(out)}.items():
        args += ["-s", f"{key}={value}"]
    return args


def test_wrapper_runs_a_crawl_and_points_latest(demo_web, tmp_path):
    url = demo_web.url("neuralledger", "/news/2026/11/relay-agent-framework-1-0.html")
    done = wrapper("urls", "-a", f"url={url}", *settings_args(tmp_path))
    assert done.returncode == 0, done.stderr[-2000:]
    summary = json.loads((tmp_path / "urls" / "latest" / "run.json").read_text())
    assert summary["counts"]["accepted"] == 1


def test_wrapper_skips_when_the_same_job_is_active(tmp_path):
    """One lock per command line (spider and arguments): the same job due again is skipped,
    another job of the same spider (another source, say) runs beside it."""
    job = ("urls", "-a", "url=http://127.0.0.1:9/x")
    key = hashlib.sha1("".join(f"{part}\0" for part in job).encode()).hexdigest()[:12]
    env = {"PATH": "/usr/bin:/bin", "CRAWL_LOCK_DIR": str(tmp_path)}
    with (tmp_path / f".crawl-urls-{key}.lock").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        done = wrapper(*job, env=env, timeout=60)
        assert done.returncode == 0
        assert "previous run still active" in done.stderr
        other = wrapper("urls", "-a", "url=http://127.0.0.1:9/y", "-s", f"OUTPUT_DIR={tmp_path}",
                        env=env, timeout=120)  # fmt: skip
        assert "previous run still active" not in other.stderr
        assert other.returncode == 2, other.stderr[-2000:]  # it ran: nothing listens on :9


def test_wrapper_passes_on_the_crawl_exit_status(tmp_path):
    refused = wrapper("urls", "-a", "bogus=1", *settings_args(tmp_path))
    assert refused.returncode == 1 and "unknown argument -a bogus" in refused.stderr
    failed = wrapper("urls", "-a", "url=http://127.0.0.1:9/x", "-s", "ROBOTSTXT_OBEY=0",
                     "-s", "RETRY_TIMES=0", *settings_args(tmp_path))  # fmt: skip
    assert failed.returncode == 2, failed.stderr[-2000:]


def test_wrapper_never_builds_a_named_venv(tmp_path):
    env = {**os.environ, "CRAWL_VENV": str(tmp_path / "nope")}
    done = subprocess.run(
        [str(WRAPPER), "urls"], capture_output=True, text=True, timeout=30, check=False, env=env
    )
    assert done.returncode == 1 and "has no bin/scrapy" in done.stderr


def test_systemd_units_name_the_wrapper():
    service = (PROJECT_ROOT / "deploy/systemd/ainews-crawl@.service").read_text()
    timer = (PROJECT_ROOT / "deploy/systemd/ainews-crawl@.timer").read_text()
    assert "deploy/crawl.sh %i" in service and "OnCalendar=hourly" in timer
