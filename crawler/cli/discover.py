"""`python -m crawler discover URL [--name NAME] [--append FILE]`: a catalogue entry for a site.

Prints a catalogue holding one entry, valid as SOURCES_FILE on its own, with what was found
written above it as comments: each feed with its entry count and newest date, each
sitemap, the candidates that were not, the `allow` patterns suggested from the article URLs
seen, and whether the site looks `ai_only`. With `--append FILE` the entry is added to that
catalogue instead (a name already in it is refused). Exit 1 with one `error:` line when the
site cannot be reached or offers neither a feed nor a sitemap.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from crawler import settings
from crawler.cli.catalogue_entry import append_entry, checked_entry, render_catalogue
from crawler.cli.fetch import Fetcher, FetchError
from crawler.cli.site_check import Discoverer, Report, describe
from crawler.core import discovery
from crawler.core.addresses import AddressPolicy
from crawler.core.canonical import is_fetchable
from crawler.core.config import SETTINGS
from crawler.core.sources import SLUG, SourceCatalogueError
from crawler.core.values import string_list

MAX_MISSES_SHOWN = 8


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("url", help="the site's home page (or the section to crawl)")
    parser.add_argument("--name", help="the entry's name (default: from the host name)")
    parser.add_argument("--append", type=Path, metavar="FILE", help="add the entry to FILE")
    parser.add_argument(
        "--allow-private-hosts",
        default="",
        metavar="HOSTS",
        help="comma list of private hosts to allow (also ALLOWED_PRIVATE_HOSTS)",
    )
    parser.add_argument(
        "--delay",
        default=settings.DOWNLOAD_DELAY,
        help=f"seconds between requests to the site (default {settings.DOWNLOAD_DELAY})",
    )


def discover_command(args: argparse.Namespace) -> int:
    try:
        # Checked as the crawl's DOWNLOAD_DELAY: "inf" was an OverflowError traceback, "1e9"
        # waited for ever, "-5" and "nan" meant no delay at all.
        delay = SETTINGS["DOWNLOAD_DELAY"](args.delay)
    except ValueError as error:
        return _error(f"--delay {args.delay}: {error}")
    if not is_fetchable(args.url):
        return _error(f"{args.url!r} is not an http(s) URL")
    if args.name is not None and not SLUG.fullmatch(args.name):
        # Checked before the site is read: a four-line validation error came after every
        # request was made (operator audit 42).
        return _error(f"--name {args.name!r}: lower-case letters, digits and '-', as 'ai-wire'")
    try:
        finder = Discoverer(_fetcher(args, delay), settings.USER_AGENT, settings.CRAWL_DELAY_MAX)
        report = finder.run(args.url)
    except FetchError as error:
        return _error(error.naming(args.url))
    if not report.feeds and not report.sitemaps:
        return _error(f"no feed or sitemap found for {report.site}; tried {_misses(report)}")
    entry, notes = catalogue_entry(report, args.name or default_name(report.site))
    try:
        checked_entry(entry)
        if args.append:
            append_entry(args.append, entry, notes)
            print(f"appended source {entry['name']!r} to {args.append}")
        else:
            sys.stdout.write(render_catalogue(entry, notes))
    except SourceCatalogueError as error:
        return _error(str(error))
    return 0


def _fetcher(args: argparse.Namespace, delay: float) -> Fetcher:
    hosts = [
        *string_list(args.allow_private_hosts),
        *string_list(os.environ.get("ALLOWED_PRIVATE_HOSTS")),
        *settings.ALLOWED_PRIVATE_HOSTS,
    ]
    return Fetcher(
        AddressPolicy.from_hosts(hosts),
        settings.USER_AGENT,
        settings.DOWNLOAD_MAXSIZE,
        settings.DOWNLOAD_TIMEOUT,
        delay,
    )


def catalogue_entry(report: Report, name: str) -> tuple[dict, list[str]]:
    """The entry and the notes that explain it."""
    # Feeds list articles; sitemaps list every page, so they count only without a feed.
    articles: dict[str, tuple] = {}
    for found in report.feeds or report.sitemaps:
        articles = found.articles | articles
    urls = list(articles)
    allow = discovery.suggest_allow(urls)
    verdict = discovery.topic_verdict(articles.values(), settings.AI_RELEVANCE_THRESHOLD)
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    notes = [f"found by `python -m crawler discover {report.site}` at {stamp}"]
    notes += [describe(f, "feed") for f in report.feeds]
    notes += [describe(f, "sitemap") for f in report.sitemaps]
    notes += [f"not used: {miss}" for miss in report.misses[:MAX_MISSES_SHOWN]]
    matched = sum(any(re.search(p, url) for p in allow) for url in urls)
    notes.append(f"allow: from {len(urls)} article URLs seen; the patterns match {matched}")
    notes.append(_topic_note(verdict))
    entry = {
        "name": name,
        "title": report.title or urlsplit(report.site).netloc,
        "homepage": report.site,
        "feeds": [f.url for f in report.feeds],
        "sitemaps": [f.url for f in report.sitemaps],
        "allow": allow,
        "deny": [],
        "ai_only": verdict.ai_only,
    }
    return entry, notes


def _topic_note(verdict: discovery.TopicVerdict) -> str:
    threshold = settings.AI_RELEVANCE_THRESHOLD
    if verdict.judged < discovery.MIN_JUDGED:
        return f"ai_only: false: {verdict.judged} entries with a title, too few to judge"
    return (
        f"ai_only: {str(verdict.ai_only).lower()}: {verdict.on_topic} of {verdict.judged} "
        f"entries have ai_relevance >= {threshold} (true takes "
        f"{discovery.AI_ONLY_SHARE:.0%})"
    )


def default_name(site: str) -> str:
    """A catalogue name from the host: "www.example-news.com" -> "example-news-com"."""
    host = (urlsplit(site).netloc or "site").lower().removeprefix("www.")
    return "-".join(filter(None, re.split(r"[^a-z0-9]+", host)))


def _misses(report: Report) -> str:
    shown = report.misses[:MAX_MISSES_SHOWN]
    more = len(report.misses) - len(shown)
    return "; ".join(shown) + (f"; and {more} more" if more > 0 else "")


def _error(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1
