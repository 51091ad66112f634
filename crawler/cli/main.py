"""Operator helpers: schema, extract, report, discover; enqueue and merge for distributed crawls."""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from crawler.cli.cluster import enqueue, merge, read_urls_file, seeds_for
from crawler.cli.discover import add_arguments as add_discover_arguments
from crawler.cli.discover import discover_command
from crawler.cli.errors import CommandError
from crawler.core.canonical import url_problem
from crawler.core.config import languages as config_languages
from crawler.core.gzipped import GzipError, gunzip
from crawler.core.model import FAILURE_DETAIL_CHARS, ArticleRecord
from crawler.core.operator_files import open_for_reading
from crawler.core.pipeline import Options, process_page
from crawler.core.sources import DEFAULT_SOURCES_PATH, SourceCatalogueError
from crawler.runs.report import RunFileError, load_run, render
from crawler.settings import DOWNLOAD_MAXSIZE


def schema_json() -> str:
    return json.dumps(ArticleRecord.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


def page_files(paths: list[str]) -> Iterator[Path]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.name.endswith((".html", ".htm", ".html.gz"))
            )
        else:
            yield path


# What the crawl downloads at most (settings.DOWNLOAD_MAXSIZE): a saved page is read as
# the crawl would have read it. A whole read of /dev/zero grew to 24 GB (audit 22).
MAX_PAGE_BYTES = DOWNLOAD_MAXSIZE or 64 * 1024 * 1024  # 0 is Scrapy's "no limit"


class PageTooLarge(ValueError):
    pass


# `extract -` reads the page piped in, as Unix tools read "-" (a file named so is given by
# its absolute path: Path("./-") is Path("-")).
STDIN = Path("-")


def read_page(path: Path, max_bytes: int = MAX_PAGE_BYTES) -> bytes:
    """The page's bytes, at most `max_bytes` of them, or of its gunzipped content for a
    `.gz` (standard input: gzip's magic number); PageTooLarge past that (a gzip bomb
    included), OSError or GzipError otherwise."""
    if path == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        gzipped = data.startswith(b"\x1f\x8b")
    else:
        with open_for_reading(path) as file:  # a FIFO nobody writes to: NoWriter, no hang
            data = file.read(max_bytes + 1)
        gzipped = path.name.endswith(".gz")
    if len(data) > max_bytes:
        raise PageTooLarge(f"over {max_bytes} bytes")
    if not gzipped:
        return data
    try:
        return gunzip(data, max_bytes)
    except GzipError as error:
        if error.kind == "too_large":
            raise PageTooLarge(str(error)) from None
        raise


def extract_command(paths: list[str], url: str | None, languages: list[str]) -> int:
    options = Options(languages=tuple(languages))
    failures = 0
    files = list(page_files(paths))
    if not files:
        print(f"error: no .html, .htm or .html.gz files in {' '.join(paths)}", file=sys.stderr)
        return 1
    for path in files:
        try:
            body = read_page(path)
        except PageTooLarge as error:  # a page, rejected as the crawl rejects it
            line = {"path": str(path), "reject": {"reason": "too_large", "detail": str(error)}}
        except (OSError, GzipError) as error:
            line = {"path": str(path), "reject": {"reason": "unreadable", "detail": str(error)}}
            failures += 1
        else:
            # Records need an http(s) URL; without --url, a placeholder names the file.
            name = "stdin" if path == STDIN else quote(path.name)
            page_url = url or f"https://saved-page.invalid/{name}"
            try:
                outcome = process_page(body, page_url, options=options)
            except Exception:  # noqa: BLE001 - a bug on one page: reported as the crawl does
                # The crawl's reject for it (`extract_error`); the files after it are read.
                detail = traceback.format_exc()[-FAILURE_DETAIL_CHARS:]
                reject = {"reason": "extract_error", "detail": detail}
                print(json.dumps({"path": str(path), "reject": reject}))
                failures += 1
                continue
            line = {"path": str(path)}
            if outcome.record is not None:
                line["record"] = outcome.record.to_json_dict()
            else:
                line["reject"] = {"reason": outcome.reason, "detail": outcome.detail}
                if outcome.rejected_record:
                    line["reject"]["record"] = outcome.rejected_record
        print(json.dumps(line, ensure_ascii=False))
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m crawler", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("schema", help="print the record's JSON Schema")
    extract = commands.add_parser("extract", help="run the pure pipeline on saved pages")
    extract.add_argument("paths", nargs="+", help=".html or .html.gz files, folders, - (stdin)")
    extract.add_argument("--url", help="the URL the page was fetched from")
    extract.add_argument("--languages", default="en", help="comma list; empty keeps all")
    seeding = commands.add_parser("enqueue", help="push seeds for distributed workers")
    seeding.add_argument("spider", help="urls, feeds, sitemap or site")
    seeding.add_argument("--urls-file", type=Path)
    seeding.add_argument("--url", action="append", default=[])
    seeding.add_argument("--source", help="a catalogue source name")
    seeding.add_argument("--sources-file", type=Path, default=DEFAULT_SOURCES_PATH)
    seeding.add_argument("--redis-url", help="default: the REDIS_URL environment variable")
    merging = commands.add_parser("merge", help="one deduplicated articles.jsonl from run dirs")
    merging.add_argument("run_dirs", nargs="+", type=Path)
    merging.add_argument("-o", "--output", type=Path, help="folder (default output/merged/<UTC>)")
    report = commands.add_parser("report", help="a run's counts and source health as a table")
    report.add_argument("run_dir", help="a run directory (or output/<spider>/latest)")
    finder = commands.add_parser("discover", help="a catalogue entry for a site: feeds, sitemaps")
    add_discover_arguments(finder)
    args = parser.parse_args(argv)
    try:
        return run_command(args)
    except (CommandError, RunFileError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def run_command(args: argparse.Namespace) -> int:
    if args.command == "schema":
        sys.stdout.write(schema_json())
        return 0
    if args.command == "discover":
        return discover_command(args)
    if args.command == "report":
        print(render(load_run(Path(args.run_dir))))
        return 0
    if args.command == "enqueue":
        try:
            urls = args.url + (read_urls_file(args.urls_file) if args.urls_file else [])
            seeds = seeds_for(args.spider, urls, args.source, args.sources_file)
        except (OSError, UnicodeDecodeError, SourceCatalogueError) as error:
            raise CommandError(str(error)) from None
        print(f"enqueued {enqueue(args.spider, seeds, args.redis_url)} seeds for {args.spider}")
        return 0
    if args.command == "merge":
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        out = args.output or Path("output") / "merged" / stamp
        summary = merge(args.run_dirs, out)
        print(f"{summary['records']} records ({summary['duplicates_dropped']} duplicates "
              f"dropped) -> {out / 'articles.jsonl'}")  # fmt: skip
        for run_dir in summary["unfinished_runs"]:
            print(f"warning: {run_dir} has no run.json (a worker killed mid-run?): its "
                  "records are merged, its counts are not", file=sys.stderr)  # fmt: skip
        return 0
    try:
        languages = config_languages(args.languages)
    except ValueError as error:
        raise CommandError(f"--languages {args.languages}: {error}") from None
    problem = url_problem(args.url) if args.url is not None else None
    if problem:
        raise CommandError(f"--url: {problem[1]}")
    return extract_command(args.paths, args.url, languages)


if __name__ == "__main__":
    sys.exit(main())
