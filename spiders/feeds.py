"""`scrapy crawl feeds [-a feed=URL | -a source=NAME | -a site=URL]`: RSS, Atom and JSON Feed.

With no argument, every catalogue source that has a feed; with `site`, the feeds that
site's home page declares, else the first guessed feed path (spiders/site_discovery.py).
Feed-level title, date, author and categories travel with each article request as hints.
"""

from __future__ import annotations

from crawler.core.dates import EditStamps, parse_date
from crawler.core.feeds import parse_feed
from crawler.core.model import Hints
from crawler.core.sources import Source
from crawler.core.values import http_url, url_list
from crawler.core.xmlsafe import NotXml
from spiders.backlog import Listing, pack
from spiders.base import ArticleSpider, content_type_of, finishes_request, source_name
from spiders.site_discovery import SiteDiscovery


class FeedsSpider(SiteDiscovery, ArticleSpider):
    name = "feeds"
    ARGUMENTS = {"feed": url_list, "source": source_name, "site": http_url}
    ONE_OF = ("feed", "source", "site")
    SOURCE_DOCUMENTS = ("feeds", "feed")

    def feed_targets(self) -> list[tuple[str, Source | None]]:
        feeds, source = self.args.get("feed"), self.args.get("source")
        if self.args.get("site") or (self.distributed and not (feeds or source)):
            return []  # -a site finds its own; a worker takes its seeds from Redis
        if feeds:
            return [(url, None) for url in feeds]
        sources = [self.source_named(source)] if source else self.catalogue()
        return [(str(url), source) for source in sources for url in source.feeds]

    async def start(self):
        for request in self.site_requests(self.args["site"]) if self.args.get("site") else ():
            yield request
        for url, source in self.feed_targets():
            request = self.discovery_request(url, self.parse_feed, source=source)
            if request is not None:
                yield request

    def seed_request(self, seed: dict):
        source = self.source_named(seed["source"]) if seed.get("source") else None
        return self.discovery_request(seed["url"], self.parse_feed, source=source)

    @finishes_request
    def parse_feed(self, response):
        source: Source | None = response.meta.get("source")
        if self.discovery_unchanged(response):
            return
        try:
            entries = parse_feed(response.body, response.url, content_type_of(response))
        except NotXml as error:
            yield self.not_a_document(response, "bad_feed", error)
            return
        self.skip("feed")
        stamps = EditStamps()
        for entry in entries:
            stamps.add(entry.updated)
        blocks = pack(self._wanted_entries(entries, source))
        del entries  # the rest waits as packed tuples (spiders.backlog)
        self.wait_listed(Listing(response.url, "feed", source, stamps.edits), blocks)

    def _wanted_entries(self, entries, source: Source | None):
        for entry in entries:
            if not entry.url:  # an entry that names no page: nothing to request
                self.count("discovered/no_url")
            elif source is not None and not source.allows(entry.url):
                self.count("discovered/filtered_by_source")
            else:
                yield (entry.url, entry.title, entry.published, entry.updated,
                       entry.authors, entry.tags)  # fmt: skip

    def from_backlog(self, listing: Listing, entry: tuple):
        url, title, published, updated, authors, tags = entry
        source = listing.source
        hints = Hints(
            title=title,
            published=published,
            updated=updated,
            authors=authors,
            tags=tags,
            source=source.name if source else None,
            ai_only=source.ai_only if source else False,
            discovered_via=f"feed:{listing.url}",
        )
        changed = parse_date(updated) if listing.edits else None
        return self.article_request(url, hints, listed_by=listing.url, changed=changed)

    def read_document(self, response):
        return parse_feed(response.body, response.url, content_type_of(response))

    parse_document = parse_feed  # what -a site crawls a found feed with
