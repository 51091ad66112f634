"""Site-learned boilerplate: a line that recurs on several pages of one site is template.

Pure model, no Scrapy. For each site (the canonical URL's host) it counts, per
normalized line hash, the distinct pages that carried the line. A line seen on at
least `min_pages` distinct pages of the site is template ("Related on ...", a
newsletter pitch, an author bio footer, an aggregator's "Editorial summary ... by X")
and is stripped:

- a short template line (at most `MAX_CHROME_WORDS` words) anywhere in the text;
- a longer one (a bio, a pitch) only in the leading or trailing run of template lines,
  so a sentence from the middle of an article is never removed.

Counts live behind `BoilerplateStore`, a two-method protocol, so they can persist
across runs (the state store); `MemoryBoilerplateStore` keeps them for one process.
Counting is per distinct page id (the pipeline passes the content hash), so a page
fetched again, or the same text under another URL, never counts twice toward its own
lines. A page whose text would be more than half template is left alone: that is a
copy of another page (dedup's business), not a page wrapped in a template.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

from crawler.core.clean import MAX_CHROME_WORDS
from crawler.core.sections import kept_headings

MIN_LINE_CHARS = 12  # shorter lines ("Photos", "Share") carry too little to identify a template
MAX_PAGES_KEPT = 32  # page ids kept per line: enough to decide, bounded memory
MAX_TEMPLATE_SHARE = 0.5  # more of the text than this "template": a copy of another page


class BoilerplateStore(Protocol):
    """Where line counts live. Both methods work on one site at a time.

    `add_page` records that `page_id` carried each of `line_hashes` (idempotent: a
    page adds at most one to a hash, however often it is added). `pages_with` returns,
    for each of `line_hashes`, how many distinct pages of the site carried it (hashes
    never seen may be left out). A SQLite implementation is a table
    (site, line_hash, page_id) with that primary key, and a grouped count.
    """

    def add_page(self, site: str, page_id: str, line_hashes: Collection[str]) -> None: ...

    def pages_with(self, site: str, line_hashes: Collection[str]) -> dict[str, int]: ...


class MemoryBoilerplateStore:
    """Counts for one process: forgotten when the crawl ends."""

    def __init__(self) -> None:
        self._pages: dict[tuple[str, str], set[str]] = {}

    def add_page(self, site: str, page_id: str, line_hashes: Collection[str]) -> None:
        for line_hash in line_hashes:
            pages = self._pages.setdefault((site, line_hash), set())
            if len(pages) < MAX_PAGES_KEPT:
                pages.add(page_id)

    def pages_with(self, site: str, line_hashes: Collection[str]) -> dict[str, int]:
        return {h: len(self._pages.get((site, h), ())) for h in line_hashes}


@dataclass(frozen=True)
class Stripped:
    text: str
    removed: int  # template lines removed


def site_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def line_key(line: str) -> str:
    """Hash of a line with case, punctuation, spacing and digits normalized away
    ("© 2025 Example" and "© 2026 Example" are the same template line)."""
    text = unicodedata.normalize("NFKC", line).casefold()
    text = re.sub(r"\d", "0", text)
    text = " ".join(re.sub(r"[^\w]+", " ", text).split())
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


class SiteBoilerplate:
    """Learns each site's template lines from the pages it sees and strips them."""

    def __init__(self, store: BoilerplateStore, min_pages: int = 3):
        self.store, self.min_pages = store, min_pages

    def learn_and_strip(
        self, url: str, page_id: str, text: str, headings: Collection[str] = ()
    ) -> Stripped:
        """Count this page's lines, then strip the ones now known to be template.

        The page counts first, so the Nth page carrying a line is already cleaned of it;
        pages seen before the line reached N keep it (see README). A heading the site uses
        on every page ("Background") stays while its section keeps lines of this page.
        """
        site, lines = site_of(url), text.split("\n")
        keys = [line_key(line) if len(line.strip()) >= MIN_LINE_CHARS else None for line in lines]
        distinct = {key for key in keys if key}
        if not site or not distinct:
            return Stripped(text, 0)
        self.store.add_page(site, page_id, distinct)
        counts = self.store.pages_with(site, distinct)
        template = [bool(key) and counts.get(key, 0) >= self.min_pages for key in keys]
        removed = kept_headings(lines, _removals(lines, template), headings)
        kept = [line for line, gone in zip(lines, removed, strict=True) if not gone]
        if sum(map(_words, kept)) < (1 - MAX_TEMPLATE_SHARE) * sum(map(_words, lines)):
            # Mostly "template": the same article under other URLs (syndication, mirrors,
            # near-duplicates), which dedup handles; a site template is a small part of a page.
            return Stripped(text, 0)
        return Stripped("\n".join(kept), len(lines) - len(kept))


def _words(line: str) -> int:
    return len(line.split())


def _removals(lines: list[str], template: list[bool]) -> list[bool]:
    """Which lines go: the leading and trailing runs of template lines, and short template
    lines in between."""
    start, end = 0, len(lines)
    while start < end and template[start]:
        start += 1
    while end > start and template[end - 1]:
        end -= 1
    return [
        is_template and (not start <= index < end or _words(line) <= MAX_CHROME_WORDS)
        for index, (line, is_template) in enumerate(zip(lines, template, strict=True))
    ]
