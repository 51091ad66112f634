"""The shipped scheduling wrapper runs a real crawl and refuses to overlap itself."""

from __future__ import annotations

import fcntl
import json
import subprocess
from pathlib import Path

from crawler.demo.runner import LOOPBACK_SETTINGS, PROJECT_ROOT

WRAPPER = PROJECT_ROOT / "deploy" / "crawl.sh"


def settings_args(out: Path) -> list[str]:
    args = []
    for key, value in {**LOOPBACK_SETTINGS, "OUTPUT_DIR": str(out)}.items():
        args += ["-s", f"{key}={value}"]
    return args


def test_wrapper_runs_a_crawl_and_points_latest(demo_web, tmp_path):
    url = demo_web.url("neuralledger", "/news/2026/11/relay-agent-framework-1-0.html")
    done = subprocess.run(
        [str(WRAPPER), "urls", "-a", f"url={url}", *settings_args(tmp_path)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    summary = json.loads((tmp_path / "urls" / "latest" / "run.json").read_text())
    assert summary["counts"]["accepted"] == 1


def test_wrapper_skips_when_previous_run_is_active(tmp_path):
    lock = tmp_path / ".crawl-urls.lock"
    with lock.open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        done = subprocess.run(
            [str(WRAPPER), "urls", "-a", "url=http://127.0.0.1:9/x"],
            capture_output=True, text=True, timeout=60, check=False,
            env={"PATH": "/usr/bin:/bin", "CRAWL_LOCK_DIR": str(tmp_path)},
        )  # fmt: skip
    assert done.returncode == 0
    assert "previous run still active" in done.stderr


def test_systemd_units_name_the_wrapper():
    service = (PROJECT_ROOT / "deploy/systemd/ainews-crawl@.service").read_text()
    timer = (PROJECT_ROOT / "deploy/systemd/ainews-crawl@.timer").read_text()
    assert "deploy/crawl.sh %i" in service and "OnCalendar=hourly" in timer
