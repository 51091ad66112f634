"""`make demo`: start the demo web on loopback, crawl it for real, print what came out."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from crawler.demo.runner import PROJECT_ROOT, run_crawl, write_catalogue
from crawler.demo.server import DemoWeb


def print_summary(summary: dict, elapsed: float) -> None:
    counts = summary["counts"]
    print(f"\nDemo crawl finished in {elapsed:.1f} s ({summary['finish_reason']})")
    print(f"  requests  {counts['requests']}")
    print(f"  accepted  {counts['accepted']} records")
    print(f"  rejected  {counts['rejected']}")
    for reason, count in summary["rejected_by_reason"].items():
        print(f"      {reason:<22} {count}")
    print(f"  skipped   {counts['skipped']}")
    for reason, count in summary["skipped_by_reason"].items():
        print(f"      {reason:<22} {count}")
    print(f"  unaccounted {counts['unaccounted']}")
    print("Files:")
    for name, path in summary["files"].items():
        print(f"  {name:<9} {path}")
    print(f"  run       {Path(summary['run_dir']) / 'run.json'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler.demo", description=__doc__)
    parser.add_argument("--spider", default="site", choices=["site", "feeds"])
    parser.add_argument("--output", default=str(PROJECT_ROOT / "output"))
    args = parser.parse_args(argv)
    started = time.monotonic()
    with DemoWeb() as web, tempfile.TemporaryDirectory() as tmp:
        print("Demo web:", ", ".join(f"{k}={v}" for k, v in web.origins.items()))
        catalogue = write_catalogue(web, Path(tmp) / "demo-sources.yaml")
        print(f"Running: scrapy crawl {args.spider} (catalogue: the three demo sites)")
        # A fresh state store each time: the demo shows the whole pipeline, not an
        # incremental run that (correctly) finds nothing new the second time.
        settings = {"SOURCES_FILE": catalogue, "STATE_URI": str(Path(tmp) / "state.sqlite3")}
        result = run_crawl(args.spider, Path(args.output), settings=settings)
    if result.returncode != 0 or result.run_dir is None:
        print(result.log[-4000:], file=sys.stderr)
        print(f"Demo crawl failed (exit {result.returncode})", file=sys.stderr)
        return 1
    print_summary(result.summary, time.monotonic() - started)
    return 0


if __name__ == "__main__":
    sys.exit(main())
