"""What a site offers a crawler: its feeds and sitemaps, each fetched and read to check it.

Fetches the home page and robots.txt (crawler.cli.fetch: the crawl's address policy,
User-Agent and size limit), finds the candidates (crawler.core.discovery: declared ones
first, guessed paths only when none of those parses) and obeys robots.txt for them, as the
crawl would. For `python -m crawler discover` (crawler.cli.discover).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from protego import Protego

from crawler.cli.fetch import Fetched, Fetcher, FetchError
from crawler.core import discovery
from crawler.core.dates import parse_date
from crawler.core.feeds import parse_feed
from crawler.core.robots_policy import UNREACHABLE, RobotsAnswer, robots_answer
from crawler.core.sitemaps import parse_sitemap
from crawler.core.xmlsafe import NotXml

# No server took the request (the crawl's crawler.integration.robots.NO_SERVER): the paths
# will fail the same way, so no rules rather than "disallow all".
NO_SERVER = frozenset({"dns_error", "connection_refused", "blocked_address"})
NO_RULES = RobotsAnswer(b"", 0.0, "unavailable")


@dataclass
class Found:
    """A feed or sitemap that parsed."""

    url: str  # after redirects
    via: str  # "home page", "robots.txt", "guessed path"
    entries: int
    newest: datetime | None
    # URL -> (title, tags, summary) of the entries that are articles: every feed entry,
    # a sitemap's news entries (or, in a sitemap without any, every entry)
    articles: dict[str, tuple] = field(default_factory=dict)
    children: list[str] = field(default_factory=list)  # of a sitemap index
    detail: str = ""


@dataclass
class Report:
    site: str
    title: str | None
    feeds: list[Found] = field(default_factory=list)
    sitemaps: list[Found] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)  # "URL: why", for the error message


class Discoverer:
    def __init__(self, fetcher: Fetcher, user_agent: str, max_crawl_delay: float = 60.0):
        self.fetcher, self.user_agent = fetcher, user_agent
        self.max_crawl_delay = max_crawl_delay  # CRAWL_DELAY_MAX, as the crawl caps it
        self.robots = Protego.parse("")
        self.tried: set[str] = set()

    def run(self, url: str) -> Report:
        """FetchError when the home page cannot be fetched at all."""
        home = self.fetcher.get(url)
        page = discovery.read_home_page(home.body, home.url, home.content_type)
        report = Report(home.url, page.title)
        if not home.ok:
            report.misses.append(f"{home.url}: HTTP {home.status} (the home page)")
        robots_text = self._robots(discovery.robots_url(home.url), report)
        guessed = discovery.guessed_feeds(home.url)
        feeds = [("home page", page.feeds), ("guessed path", guessed)]
        report.feeds = self._check(report, feeds, self._read_feed)
        declared = discovery.robots_sitemaps(robots_text, discovery.robots_url(home.url))
        guessed = discovery.guessed_sitemaps(home.url)
        sitemaps = self._check(
            report, [("robots.txt", declared), ("guessed path", guessed)], self._read_sitemap
        )
        # a sitemap that a found index lists is crawled through the index
        listed = {child for found in sitemaps for child in found.children}
        report.sitemaps = [found for found in sitemaps if found.url not in listed]
        return report

    def _robots(self, url: str, report: Report) -> str:
        """Its rules, read as the crawl reads them (crawler.core.robots_policy): a 5xx, or a
        timeout once the server took the connection, disallows everything (RFC 9309)."""
        try:
            fetched = self.fetcher.get(url)
        except FetchError as error:
            answer, problem = (NO_RULES if error.reason in NO_SERVER else UNREACHABLE), str(error)
        else:
            answer = robots_answer(fetched.status, fetched.body, None, 0.0)
            problem = f"HTTP {fetched.status}"
        if answer.kind == "unreachable":
            report.misses.append(f"{url}: {problem}: unreachable, RFC 9309 disallows every path")
        elif answer is NO_RULES:
            report.misses.append(f"{url}: {problem}")
        text = answer.body.decode("utf-8", "replace")
        self.robots = Protego.parse(text)
        delay = self.robots.crawl_delay(self.user_agent)
        if delay:  # the site's Crawl-delay, as the crawl uses it
            self.fetcher.delay = max(self.fetcher.delay, min(float(delay), self.max_crawl_delay))
        return text

    def _check(self, report: Report, groups, read) -> list[Found]:
        """Every declared candidate; guessed ones only when none of those parsed, up to the
        first that does."""
        found: list[Found] = []
        for via, urls in groups:
            if via == "guessed path" and found:
                break
            for url in (u for u in urls if u not in self.tried):
                self.tried.add(url)
                result = self._candidate(url, via, read)
                if isinstance(result, Found):
                    found.append(result)
                    if via == "guessed path":
                        break
                else:
                    report.misses.append(result)
        return found

    def _candidate(self, url: str, via: str, read) -> Found | str:
        """The candidate read, or why it is not one ("URL: HTTP 404")."""
        fetched = self._fetch(url)
        if isinstance(fetched, str):
            return fetched
        try:
            return read(fetched, via)
        except NotXml as error:
            return f"{url}: not a feed or sitemap ({error})"

    def _fetch(self, url: str) -> Fetched | str:
        if not self.robots.can_fetch(url, self.user_agent):
            return f"{url}: disallowed by robots.txt"
        try:
            fetched = self.fetcher.get(url)
        except FetchError as error:
            return error.naming(url)
        return fetched if fetched.ok else f"{url}: HTTP {fetched.status}"

    def _read_feed(self, fetched: Fetched, via: str) -> Found:
        entries = parse_feed(fetched.body, fetched.url, fetched.content_type)
        dates = [e.published or e.updated for e in entries]
        articles = {e.url: (e.title, e.tags, e.description) for e in entries if e.url}
        return Found(fetched.url, via, len(entries), _newest(dates), articles)

    def _read_sitemap(self, fetched: Fetched, via: str) -> Found:
        sitemap = parse_sitemap(fetched.body, fetched.url, fetched.content_type)
        entries = sitemap.entries
        found = Found(fetched.url, via, len(entries), _newest([e.lastmod for e in entries]))
        if sitemap.is_index and entries:
            found.children = [e.url for e in entries]
            newest = max(entries, key=lambda e: e.newest_date() or _NEVER)
            found.detail = f"index of {len(entries)} sitemaps; {self._sample(newest.url, found)}"
        else:
            _take_urls(found, entries)
        return found

    def _sample(self, url: str, found: Found) -> str:
        """One child of an index (its newest), read for article URLs and dates."""
        result = self._fetch(url)
        if isinstance(result, str):
            return f"its newest, {result}"
        try:
            child = parse_sitemap(result.body, result.url, result.content_type)
        except NotXml as error:
            return f"its newest, {url}: not a sitemap ({error})"
        _take_urls(found, [] if child.is_index else child.entries)
        newest = _newest([e.news_publication_date or e.lastmod for e in child.entries])
        return f"its newest, {url}: {len(child.entries)} URLs, newest {_day(newest)}"


_NEVER = datetime.min.replace(tzinfo=UTC)


def _take_urls(found: Found, entries) -> None:
    news = [e for e in entries if e.news_title or e.news_publication_date]
    found.articles |= {e.url: (e.news_title, (), None) for e in news or entries}
    dates = [e.news_publication_date or e.lastmod for e in entries]
    found.newest = max(filter(None, (found.newest, _newest(dates))), default=None)


def _newest(raw_dates) -> datetime | None:
    dates = [d for d in (parse_date(x) for x in raw_dates if x) if d]
    return max(dates) if dates else None


def _day(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ") if value else "no dates"


def describe(found: Found, kind: str) -> str:
    what = found.detail or f"{found.entries} entries, newest {_day(found.newest)}"
    return f"{kind} {found.url} ({found.via}): {what}"
