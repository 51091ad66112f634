"""Where a site keeps its feeds and sitemaps, and what its articles look like.

Pure parts of `python -m crawler discover` and of `scrapy crawl feeds|sitemap -a site=URL`:
the fetching is theirs, the reading is here.

- Feeds: the home page's `<link rel="alternate">` RSS and Atom links (comment feeds left
  out), then guessed paths (`/feed`, `/rss.xml`, ...) under the page's own folder and at the
  site's root.
- Sitemaps: robots.txt `Sitemap:` lines, then guessed paths at the root.
- `allow` patterns: the shapes of the article URLs seen (`/news/\\d{4}/\\d{2}/[^/?#]+`).
- `ai_only`: whether nearly every entry is on topic by crawler.core.relevance.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from crawler.core.canonical import is_fetchable, join_url
from crawler.core.charset import bytes_to_text
from crawler.core.relevance import ai_relevance

FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
     "text/xml", "application/feed+json"}
)  # fmt: skip
_COMMENTS = re.compile(r"comment", re.IGNORECASE)  # WordPress' "Comments Feed"
# In the order they are tried: WordPress, generic, Hugo/Jekyll, Blogger.
FEED_PATHS = ("feed", "rss", "rss.xml", "atom.xml", "index.xml", "feed.xml",
              "feeds/posts/default")  # fmt: skip
SITEMAP_PATHS = ("/sitemap.xml", "/sitemap_index.xml", "/news-sitemap.xml", "/wp-sitemap.xml")


@dataclass(frozen=True)
class HomePage:
    title: str | None  # og:site_name, else the <title>
    feeds: tuple[str, ...]  # declared RSS/Atom/JSON feeds, absolute, comment feeds left out


def read_home_page(body: bytes, base_url: str, content_type: str | None = None) -> HomePage:
    try:
        tree = lxml_html.document_fromstring(bytes_to_text(body, content_type))
    except (etree.ParserError, ValueError):
        return HomePage(None, ())
    return HomePage(_site_title(tree), tuple(_feed_links(tree, base_url)))


def _site_title(tree) -> str | None:
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:site_name":
            name = " ".join((meta.get("content") or "").split())
            if name:
                return name
    title = tree.find(".//title")
    text = " ".join(title.text_content().split()) if title is not None else ""
    return text or None


def _feed_links(tree, base_url: str) -> list[str]:
    found: list[str] = []
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        href = (link.get("href") or "").strip()
        if "alternate" not in rel or kind not in FEED_TYPES or not href:
            continue
        if _COMMENTS.search(href) or _COMMENTS.search(link.get("title") or ""):
            continue
        url = join_url(base_url, href)
        if is_fetchable(url) and url not in found:
            found.append(url)
    return found


def guessed_feeds(site_url: str) -> list[str]:
    """Common feed paths under the URL's own folder (a section's feed first), then the root."""
    parts = urlsplit(site_url)
    root = f"{parts.scheme}://{parts.netloc}/"
    folder = parts.path if parts.path.endswith("/") else parts.path.rsplit("/", 1)[0] + "/"
    bases = [f"{parts.scheme}://{parts.netloc}{folder}"] if folder != "/" else []
    return [base + path for base in [*bases, root] for path in FEED_PATHS]


def robots_sitemaps(text: str, base_url: str) -> list[str]:
    """The `Sitemap:` lines of a robots.txt that name http(s) URLs, as absolute URLs."""
    return [url for url in declared_sitemaps(text, base_url) if is_fetchable(url)]


def declared_sitemaps(text: str, base_url: str) -> list[str]:
    """Every `Sitemap:` line's value, made absolute where it can be: the lines that name no
    http(s) URL (file:, gopher:, a broken host) are counted as links never requested."""
    found: list[str] = []
    for line in text.splitlines():
        key, _, value = line.split("#", 1)[0].partition(":")
        if key.strip().lower() != "sitemap" or not value.strip():
            continue
        url = join_url(base_url, value)
        if url not in found:
            found.append(url)
    return found


def guessed_sitemaps(site_url: str) -> list[str]:
    parts = urlsplit(site_url)
    return [f"{parts.scheme}://{parts.netloc}{path}" for path in SITEMAP_PATHS]


def robots_url(site_url: str) -> str:
    parts = urlsplit(site_url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


# --- allow patterns -------------------------------------------------------------------------
MAX_PATTERNS = 4
SLUG = r"[^/?#]+"


def suggest_allow(urls: Iterable[str]) -> list[str]:
    """Regexes (for a source's `allow`) of the shapes most article URLs share, most common
    first: a shape must cover two URLs, unless fewer than three were seen."""
    by_host: dict[str, list[list[str]]] = {}
    for url in dict.fromkeys(urls):
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises ValueError on a port out of range
        except ValueError:  # "http://[::1/x" in a feed: no shape to suggest (audit 29)
            continue
        segments = [s for s in parts.path.split("/") if s]
        if segments and parts.hostname:
            host = parts.netloc.lower().removeprefix("www.")
            by_host.setdefault(host, []).append(segments)
    shapes: Counter[str] = Counter()
    for host, paths in by_host.items():
        for path in paths:
            shapes[re.escape(host) + "/" + "/".join(_shape(path, paths))] += 1
    least = 2 if sum(shapes.values()) >= 3 else 1
    return [shape for shape, n in shapes.most_common(MAX_PATTERNS) if n >= least]


def _shape(path: list[str], paths: list[list[str]]) -> list[str]:
    """Each segment as a pattern: numbers by their length; before the last, a segment that
    most URLs of the same depth share as itself (a section); anything else as a slug."""
    peers = [p for p in paths if len(p) == len(path)]
    tokens = []
    for index, segment in enumerate(path):
        shared = sum(p[index] == segment for p in peers) * 2 > len(peers)
        if segment.isdigit():
            tokens.append(rf"\d{{{len(segment)}}}" if len(segment) in (2, 4) else r"\d+")
        elif shared and index < len(path) - 1:
            tokens.append(re.escape(segment))
        else:
            extension = re.search(r"\.(html?|php|aspx?)$", segment)
            tokens.append(SLUG + (re.escape(extension.group()) if extension else ""))
    return tokens


# --- ai_only ----------------------------------------------------------------------------------
AI_ONLY_SHARE = 0.8  # of entries on topic for a site to look AI-only
MIN_JUDGED = 5  # fewer entries say too little about a whole site
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class TopicVerdict:
    judged: int  # entries with a title or a summary
    on_topic: int  # of them, at or above the relevance threshold
    ai_only: bool


def topic_verdict(
    entries: Iterable[tuple[str | None, tuple[str, ...], str | None]], threshold: float
) -> TopicVerdict:
    """Entries are (title, tags, summary); summaries may hold escaped HTML, as feeds do."""
    judged = on_topic = 0
    for title, tags, summary in entries:
        text = html.unescape(_TAG.sub(" ", summary or ""))
        if not (title or text.strip()):
            continue
        judged += 1
        on_topic += ai_relevance(title or "", list(tags), text) >= threshold
    share_ok = judged >= MIN_JUDGED and on_topic >= AI_ONLY_SHARE * judged
    return TopicVerdict(judged, on_topic, share_ok)
