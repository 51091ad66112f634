"""`scrapy crawl sitemap -a sitemap=URL | -a source=NAME | -a site=URL [-a since=2026-11-01]`.

Sitemap indexes, url sets and Google News sitemaps, keeping news:title and
news:publication_date as hints. `since` drops entries whose newest known date
(publication date or lastmod) is older; entries with no date are kept. With `site`,
the sitemaps the site's robots.txt names, else the first guessed path
(spiders/site_discovery.py).

Entries on another site are counted (not_requested.out_of_scope), not followed: the
sitemaps.org protocol lets a sitemap list its own host only, so a hostile or hijacked one
cannot steer the crawl anywhere (trafilatura drops them too). "Its own" is generous, by
registrable domain: the sitemap's, the URL asked for before redirects, the index that listed
it, the catalogue source's homepage and the `-a site` URL.
"""

from __future__ import annotations

from datetime import timedelta

from crawler.core.dates import edit_dates
from crawler.core.domains import url_domain
from crawler.core.model import Hints
from crawler.core.sitemaps import parse_sitemap
from crawler.core.sources import Source
from crawler.core.values import date, http_url, url_list
from crawler.core.xmlsafe import NotXml
from spiders.base import LISTED_BY, ArticleSpider, finishes_request, source_name
from spiders.site_discovery import SiteDiscovery

SCOPE = "sitemap_scope"  # meta: the registrable domains an index's children may list

# Sitemap indexes nested deeper than this are a generated chain (`?n=N+1` forever), not a
# site's layout: the protocol allows no nesting at all, and real sites nest once or twice.
MAX_INDEX_DEPTH = 3


class SitemapSpider(SiteDiscovery, ArticleSpider):
    name = "sitemap"
    ARGUMENTS = {"sitemap": url_list, "source": source_name, "since": date, "site": http_url}
    SOURCE_DOCUMENTS = ("sitemaps", "sitemap")
    REQUIRED = (("sitemap", "source", "site"), "-a sitemap=URL, -a source=NAME or -a site=URL")
    SITE_DOCUMENTS = "sitemaps"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.since = self.args.get("since")

    async def start(self):
        if self.args.get("site"):
            targets = []
            for request in self.site_requests(self.args["site"]):
                yield request
        elif self.args.get("sitemap"):
            targets = [(url, None) for url in self.args["sitemap"]]
        elif not self.args.get("source"):
            targets = []  # a distributed worker: seeds come from Redis
        else:
            source = self.source_named(self.args["source"])
            targets = [(str(url), source) for url in source.sitemaps]
            self.since = self.since or self._since_cursor(source.name)
        for url, source in targets:
            request = self.discovery_request(url, self.parse_sitemap, source=source)
            if request is not None:
                yield request

    def _since_cursor(self, source: str):
        """Without `since`, skip entries older than the newest article already seen from this
        source, less REFRESH_WINDOW: big sitemaps list years of URLs we already know."""
        newest = self.store.cursor(source) if self.store is not None else None
        if newest is None or self.refresh:
            return None
        return newest - timedelta(seconds=self.refresh_window)

    def seed_request(self, seed: dict):
        source = self.source_named(seed["source"]) if seed.get("source") else None
        return self.discovery_request(seed["url"], self.parse_sitemap, source=source)

    @finishes_request
    def parse_sitemap(self, response):
        source: Source | None = response.meta.get("source")
        if self.discovery_unchanged(response):
            return
        try:
            sitemap = parse_sitemap(response.body, response.url)
        except NotXml as error:
            yield self.not_a_document(response, "bad_sitemap", error)
            return
        self.skip("sitemap")
        if sitemap.without_url:  # a <url> with no <loc>: nothing to request, but counted
            self.count("discovered/no_url", sitemap.without_url)
        depth = response.meta.get("index_depth", 0) + sitemap.is_index
        if sitemap.is_index and depth > MAX_INDEX_DEPTH:
            self.count("discovered/too_deep", len(sitemap.entries))
            return
        scope = self._scope(response, source)
        changed = edit_dates([entry.lastmod for entry in sitemap.entries])
        for entry, entry_changed in zip(sitemap.entries, changed, strict=True):
            # A line that is no URL has no domain, and a broken URL stays what it is: both
            # are filed by request() (unfetchable, bad_url), wherever they point.
            domain = url_domain(entry.url)
            if domain and domain not in scope and not self.link_problem(entry.url):
                self.count("discovered/out_of_scope")
                continue
            if sitemap.is_index:
                request = self.discovery_request(
                    entry.url, self.parse_sitemap, source=source, index_depth=depth,
                    **{SCOPE: sorted(scope), LISTED_BY: response.url},
                )  # fmt: skip
            elif self._wanted(entry, source):
                hints = self._hints(entry, source)
                request = self.article_request(
                    entry.url, hints, listed_by=response.url, changed=entry_changed
                )
            else:
                continue
            if request is not None:
                yield request

    def read_document(self, response):
        return parse_sitemap(response.body, response.url)

    parse_document = parse_sitemap  # what -a site crawls a found sitemap with

    def _scope(self, response, source: Source | None) -> set[str]:
        """The sites this sitemap may list (module docstring)."""
        urls = [response.url, *response.meta.get("redirect_urls", [])[:1]]
        urls += [str(source.homepage)] if source else []
        urls += [self.args["site"]] if self.args.get("site") else []
        return {url_domain(url) for url in urls} | set(response.meta.get(SCOPE, ()))

    def _wanted(self, entry, source: Source | None) -> bool:
        if source is not None and not source.allows(entry.url):
            self.count("discovered/filtered_by_source")
            return False
        newest = entry.newest_date()
        if self.since and newest and newest < self.since:
            self.count("discovered/filtered_by_since")
            return False
        return True

    def _hints(self, entry, source: Source | None) -> Hints:
        return Hints(
            title=entry.news_title,
            published=entry.news_publication_date,
            updated=entry.lastmod,
            source=source.name if source else None,
            ai_only=source.ai_only if source else False,
            discovered_via="sitemap",
        )
