"""Sitemap indexes, url sets and Google News sitemaps.

Scrapy's sitemap parser drops `news:publication_date` and `news:title`; they
are the best date and title hints a news site gives, so this parser keeps them.
It also reads the protocol's other form, which Scrapy's does not: a text file of one URL a
line (sitemaps.org, "Text file"), as robots.txt may name it (`Sitemap: /sitemap.txt`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from crawler.core.canonical import join_url
from crawler.core.charset import bytes_to_text
from crawler.core.dates import parse_date
from crawler.core.xmlsafe import NotXml, child_text, iter_children, local_name, maybe_gunzip


@dataclass(frozen=True)
class SitemapEntry:
    url: str
    lastmod: str | None = None
    news_title: str | None = None
    news_publication_date: str | None = None

    def newest_date(self) -> datetime | None:
        dates = [parse_date(v) for v in (self.news_publication_date, self.lastmod)]
        dates = [d for d in dates if d]
        return max(dates) if dates else None


@dataclass(frozen=True)
class Sitemap:
    is_index: bool
    entries: list[SitemapEntry]
    without_url: int = 0  # <url> or <sitemap> elements with no <loc>: counted, not requested


def parse_sitemap(body: bytes, base_url: str, content_type: str | None = None) -> Sitemap:
    is_index, entries = stream_sitemap(body, base_url, content_type)
    entries = list(entries)
    found = [e for e in entries if e]
    return Sitemap(is_index, found, len(entries) - len(found))


def stream_sitemap(
    body: bytes, base_url: str, content_type: str | None = None
) -> tuple[bool, Iterator[SitemapEntry | None]]:
    """Whether it is an index, and its entries one at a time (None for a `<url>` or
    `<sitemap>` with no `<loc>`), in memory one element at a time. NotXml when the body is
    no sitemap; also while iterating, at the end (xmlsafe.iter_children). `content_type`:
    the HTTP header, whose charset a sitemap that declares none is read in."""
    body = maybe_gunzip(body)  # once: parse_xml finds it inflated already
    if (lines := _text_lines(body, content_type)) is not None:
        return False, (SitemapEntry(url=line) for line in lines)
    elements = iter_children(body, content_type)
    kind = local_name(next(elements))
    if kind not in ("urlset", "sitemapindex"):
        raise NotXml(f"root element <{kind}> is not a sitemap")
    child_name = "sitemap" if kind == "sitemapindex" else "url"
    entries = (_entry(el, base_url) for el in elements if local_name(el) == child_name)
    return kind == "sitemapindex", entries


def _entry(element, base_url: str) -> SitemapEntry | None:
    loc = child_text(element, "loc")
    if not loc:
        return None
    news = next((el for el in element if local_name(el) == "news"), None)
    return SitemapEntry(
        url=join_url(base_url, loc),
        lastmod=child_text(element, "lastmod"),
        news_title=child_text(news, "title") if news is not None else None,
        news_publication_date=(child_text(news, "publication_date") if news is not None else None),
    )


def _text_lines(body: bytes, content_type: str | None) -> list[str] | None:
    """The lines of a text sitemap: a body that is no markup and has an http(s) URL for a
    line. Every other non-empty line is an entry too, as written (the protocol has full URLs
    only), so a line that is no URL, a relative path included, is counted where the spider
    counts any unfetchable entry (`/a/b` is no http(s) URL: not_requested.unfetchable).
    Before, a relative first line refused the whole file."""
    if body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):  # XML or HTML: parse_xml's
        return None
    text = bytes_to_text(body, content_type)  # UTF-8 by the protocol; a lying one as a page
    lines = (line.strip() for line in text.splitlines())
    lines = [line for line in lines if line]
    if not any(line.lower().startswith(("http://", "https://")) for line in lines):
        return None
    return lines
