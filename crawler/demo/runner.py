"""Run a real `scrapy crawl` against the demo web: used by `make demo` and the crawl tests."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from crawler.demo.server import DemoWeb

PROJECT_ROOT = Path(__file__).resolve().parents[2]
MANIFEST = Path(__file__).with_name("manifest.json")
# The demo site is on loopback with nobody to be polite to: no delays, more concurrency.
LOOPBACK_SETTINGS = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "0",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
    "RETRY_TIMES": "1",
    "PROGRESS_INTERVAL": "5",
    "ALLOWED_PRIVATE_HOSTS": "127.0.0.1,localhost",
}


def load_manifest() -> dict:
    return json.loads(MANIFEST.read_text("utf-8"))


def demo_catalogue(web: DemoWeb) -> dict:
    """A sources.yaml for the running demo web: each site's home, feeds and sitemaps."""
    sources = []
    for site in load_manifest()["sites"]:
        origin = web.origins[site["site"]]
        kinds = {p["path"]: p["kind"] for p in site["paths"]}
        sources.append(
            {
                "name": site["site"],
                "title": site["name"],
                "homepage": origin + "/",
                "feeds": [origin + path for path, kind in kinds.items() if kind == "feed"],
                "sitemaps": [origin + "/sitemap.xml"] if "/sitemap.xml" in kinds else [],
                "ai_only": True,
            }
        )
    return {"sources": sources}


@dataclass
class CrawlResult:
    returncode: int
    run_dir: Path | None
    log: str

    @property
    def summary(self) -> dict:
        return json.loads((self.run_dir / "run.json").read_text("utf-8"))

    def lines(self, name: str) -> list[dict]:
        path = self.run_dir / name
        return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


def run_crawl(
    spider: str,
    output_dir: Path,
    args: dict[str, str] | None = None,
    settings: dict[str, str] | None = None,
    extra: list[str] | None = None,
    timeout: float = 300,
) -> CrawlResult:
    """`python -m scrapy crawl SPIDER` in a subprocess, as an operator would run it."""
    command = [sys.executable, "-m", "scrapy", "crawl", spider]
    for key, value in (args or {}).items():
        command += ["-a", f"{key}={value}"]
    for key, value in {
        **LOOPBACK_SETTINGS,
        "OUTPUT_DIR": str(output_dir),
        **(settings or {}),
    }.items():
        command += ["-s", f"{key}={value}"]
    command += extra or []
    done = subprocess.run(
        command, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )
    # The newest real run directory; `latest` is a symlink to one of them.
    spider_dir = output_dir / spider
    runs = sorted(p for p in spider_dir.glob("*/run.json") if not p.parent.is_symlink())
    return CrawlResult(done.returncode, runs[-1].parent if runs else None, done.stderr)


def write_catalogue(web: DemoWeb, path: Path) -> Path:
    path.write_text(yaml.safe_dump(demo_catalogue(web), sort_keys=False), "utf-8")
    return path
