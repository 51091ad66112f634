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

from collections import Counter
from datetime import timedelta

from crawler.core.dates import EditStamps, parse_date
from crawler.core.domains import url_domain
from crawler.core.model import Hints
from crawler.core.sitemaps import SitemapEntry, parse_sitemap, stream_sitemap
from crawler.core.sources import Source
from crawler.core.values import date, http_url, url_list
from crawler.core.xmlsafe import NotXml
from spiders.backlog import Listing, pack
from spiders.base import LISTED_BY, ArticleSpider, content_type_of, finishes_request, source_name
from spiders.site_discovery import SiteDiscovery

SCOPE = "sitemap_scope"  # meta: the registrable domains an index's children may list

# Sitemap indexes nested deeper than this are a generated chain (`?n=N+1` forever), not a
# site's layout: the protocol allows no nesting at all, and real sites nest once or twice.
MAX_INDEX_DEPTH = 3


class SitemapSpider(SiteDiscovery, ArticleSpider):
    name = "sitemap"
    ARGUMENTS = {"sitemap": url_list, "source": source_name, "since": date, "site": http_url}
    ONE_OF = ("sitemap", "source", "site")
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
        depth = response.meta.get("index_depth", 0)
        counts, stamps = Counter(), EditStamps()
        try:
            is_index, entries = stream_sitemap(
                response.body, response.url, content_type_of(response)
            )
            depth += is_index
            if is_index:
                self.keep_no_validators(response.url)
            if is_index and depth > MAX_INDEX_DEPTH:
                entries = self._too_deep(entries, counts)
            scope = self._scope(response, source)
            blocks = pack(self._wanted_entries(entries, is_index, scope, source, counts, stamps))
        except NotXml as error:  # nothing it listed is counted: the document is a reject
            yield self.not_a_document(response, "bad_sitemap", error)
            return
        self.skip("sitemap")
        for reason, n in counts.items():
            self.count(f"discovered/{reason}", n)
        kind = "index" if is_index else "sitemap"
        listing = Listing(response.url, kind, source, stamps.edits, depth, tuple(sorted(scope)))
        self.wait_listed(listing, blocks)

    @staticmethod
    def _too_deep(entries, counts: Counter):
        for entry in entries:
            counts["too_deep" if entry else "no_url"] += 1
        return ()

    def _wanted_entries(self, entries, is_index, scope, source, counts, stamps):
        """The entries to request, as backlog tuples; the others counted in `counts`."""
        for entry in entries:
            if entry is None:  # a <url> with no <loc>: nothing to request, but counted
                counts["no_url"] += 1
                continue
            stamps.add(entry.lastmod)
            # A line that is no URL has no domain, and a broken URL stays what it is: both
            # are filed by request() (unfetchable, bad_url), wherever they point.
            domain = url_domain(entry.url)
            if domain and domain not in scope and not self.link_problem(entry.url):
                counts["out_of_scope"] += 1
            elif is_index:
                yield (entry.url,)
            elif reason := self._unwanted(entry, source):
                counts[reason] += 1
            else:
                yield (entry.url, entry.lastmod, entry.news_title, entry.news_publication_date)

    def from_backlog(self, listing: Listing, entry: tuple):
        if listing.kind == "index":
            return self.discovery_request(
                entry[0], self.parse_sitemap, source=listing.source, index_depth=listing.depth,
                **{SCOPE: list(listing.scope), LISTED_BY: listing.url},
            )  # fmt: skip
        entry = SitemapEntry(*entry)
        changed = parse_date(entry.lastmod) if listing.edits else None
        hints = self._hints(entry, listing.source)
        return self.article_request(entry.url, hints, listed_by=listing.url, changed=changed)

    def read_document(self, response):
        return parse_sitemap(response.body, response.url, content_type_of(response))

    parse_document = parse_sitemap  # what -a site crawls a found sitemap with

    def _scope(self, response, source: Source | None) -> set[str]:
        """The sites this sitemap may list (module docstring)."""
        urls = [response.url, *response.meta.get("redirect_urls", [])[:1]]
        urls += [str(source.homepage)] if source else []
        urls += [self.args["site"]] if self.args.get("site") else []
        return {url_domain(url) for url in urls} | set(response.meta.get(SCOPE, ()))

    def _unwanted(self, entry, source: Source | None) -> str | None:
        """Why an entry is not requested (`filtered_by_source`, `filtered_by_since`)."""
        if source is not None and not source.allows(entry.url):
            return "filtered_by_source"
        newest = entry.newest_date() if self.since else None
        if newest and newest < self.since:
            return "filtered_by_since"
        return None

    def _hints(self, entry, source: Source | None) -> Hints:
        return Hints(
            title=entry.news_title,
            published=entry.news_publication_date,
            updated=entry.lastmod,
            source=source.name if source else None,
            ai_only=source.ai_only if source else False,
            discovered_via="sitemap",
        )
