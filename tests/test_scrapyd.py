"""Deploy the project to a real scrapyd as an egg, schedule a crawl of the demo, read its output."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from crawler.demo.runner import PROJECT_ROOT

SCRAPYD = Path(sys.executable).with_name("scrapyd")
DEPLOY = Path(sys.executable).with_name("scrapyd-deploy")
pytestmark = pytest.mark.skipif(not SCRAPYD.exists(), reason="scrapyd is not installed")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build_egg(tmp_path: Path) -> Path:
    """`scrapyd-deploy --build-egg` on a clean copy of the project (no build/ in the repo)."""
    source = tmp_path / "project"
    shutil.copytree(
        PROJECT_ROOT,
        source,
        ignore=shutil.ignore_patterns(".venv", ".git", "output", "bench", "tests", "__pycache__",
                                      "*.egg-info", "build", ".ruff_cache", ".pytest_cache"),
    )  # fmt: skip
    egg = tmp_path / "ainews.egg"
    subprocess.run([str(DEPLOY), "--build-egg", str(egg)], cwd=source, check=True,
                   capture_output=True, timeout=120)  # fmt: skip
    return egg


@pytest.fixture
def scrapyd(tmp_path):
    port = free_port()
    home = tmp_path / "scrapyd"
    home.mkdir()
    (home / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = eggs\n"
        "logs_dir = logs\nitems_dir =\ndbs_dir = dbs\nmax_proc = 1\npoll_interval = 0.5\n"
    )
    process = subprocess.Popen([str(SCRAPYD)], cwd=home, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{url}/daemonstatus.json", timeout=1).ok:
                break
        except requests.ConnectionError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("scrapyd did not start")
    yield url, home
    process.terminate()
    process.wait(10)


def wait_for(url: str, job: dict) -> None:
    assert job["status"] == "ok", job
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        jobs = requests.get(f"{url}/listjobs.json", params={"project": "ainews"}, timeout=10)
        if any(j["id"] == job["jobid"] for j in jobs.json()["finished"]):
            return
        time.sleep(0.5)
    pytest.fail("the scheduled crawl did not finish")


def test_deploy_schedule_and_crawl_the_demo(scrapyd, demo_web, demo_catalogue, tmp_path):
    url, home = scrapyd
    egg = build_egg(tmp_path)
    with egg.open("rb") as data:
        added = requests.post(
            f"{url}/addversion.json",
            data={"project": "ainews", "version": "1"},
            files={"egg": data},
            timeout=60,
        ).json()
    assert added["status"] == "ok", added
    out = tmp_path / "out"
    settings = [
        f"OUTPUT_DIR={out}",
        f"SOURCES_FILE={demo_catalogue}",
        "ALLOWED_PRIVATE_HOSTS=127.0.0.1,localhost",
        "DOWNLOAD_DELAY=0",
        "AUTOTHROTTLE_ENABLED=0",
        "EXTRACT_WORKERS=0",
    ]
    job = requests.post(
        f"{url}/schedule.json",
        data={"project": "ainews", "spider": "site", "setting": settings},
        timeout=30,
    ).json()
    wait_for(url, job)
    runs = sorted(p for p in out.glob("site/2*/run.json"))
    logs = "\n".join(p.read_text()[-3000:] for p in home.glob("logs/**/*.log"))
    assert runs, logs
    summary = json.loads(runs[-1].read_text())
    assert summary["counts"]["accepted"] == 14, logs
    assert summary["counts"]["unaccounted"] == 0
    # As the README schedules it: no SOURCES_FILE, so the catalogue inside the egg (a zip)
    # is read (it was "cannot read catalogue: Not a directory" on every job).
    page = demo_web.url("neuralledger", "/news/2026/11/relay-agent-framework-1-0.html")
    job = requests.post(
        f"{url}/schedule.json",
        data={"project": "ainews", "spider": "urls", "url": page,
              "setting": [f"OUTPUT_DIR={out}-urls", *settings[2:]]},
        timeout=30,
    ).json()  # fmt: skip
    wait_for(url, job)
    runs = sorted(Path(f"{out}-urls").glob("urls/2*/run.json"))
    logs = "\n".join(p.read_text()[-3000:] for p in home.glob("logs/**/*.log"))
    assert runs, logs
    assert json.loads(runs[-1].read_text())["counts"]["accepted"] == 1, logs
