"""`-a site=URL` for the feeds and sitemap spiders: find the site's documents, then crawl them.

The same discovery as `python -m crawler discover` (crawler.core.discovery), made of Scrapy
requests, so robots.txt, politeness and the address policy apply to every one:

- feeds: the home page's `<link rel="alternate">` feeds; without any, guessed paths
  (`/feed`, `/rss.xml`, ...) one after the other, up to the first that is a feed;
- sitemaps: robots.txt's `Sitemap:` lines; without any, guessed paths the same way.

In the ledger, the home page and robots.txt are counted skips `discovery`; a guessed path
that is not there (an HTTP error, or not a feed or sitemap) is a counted skip `probe_miss`,
not a reject: nothing was promised there. Declared documents are read as the spider reads
a catalogue's, so a broken one is a reject (`http_404`, `bad_feed`, ...).
"""

from __future__ import annotations

from collections.abc import Iterable

from scrapy.http import Request, Response
from twisted.python.failure import Failure

from crawler.core import discovery
from crawler.core.canonical import is_fetchable
from crawler.core.xmlsafe import NotXml
from crawler.integration.failures import classify_failure
from spiders.base import finishes_request

PROBES = "site_probes"  # meta: the guessed URLs to try after this one


class SiteDiscovery:
    """Mixin for an ArticleSpider that defines `read_document` and `parse_document`."""

    SITE_DOCUMENTS = "feeds"  # or "sitemaps"

    def read_document(self, response: Response):
        """Parse the response as the spider's kind of document, or raise NotXml."""
        raise NotImplementedError

    def site_requests(self, site: str) -> list:
        """The first request (or the `bad_url` reject of one: it is counted already)."""
        if self.SITE_DOCUMENTS == "feeds":
            first = self.request(site, self.parse_site_home)
        else:
            rest = discovery.guessed_sitemaps(site)
            first = self.request(discovery.robots_url(site), self.parse_site_robots)
            first = self._as_probe(first, rest)
        return [first] if first is not None else []

    @finishes_request
    def parse_site_home(self, response: Response) -> Iterable[Request]:
        self.skip("discovery")
        content_type = response.headers.get(b"Content-Type")
        ctype = content_type.decode("latin-1") if content_type else None
        feeds = discovery.read_home_page(response.body, response.url, ctype).feeds
        if feeds:
            yield from self._declared(list(feeds))
        else:
            yield from self._probe(discovery.guessed_feeds(response.url))

    @finishes_request
    def parse_site_robots(self, response: Response) -> Iterable[Request]:
        self.skip("discovery")
        text = response.body.decode("utf-8", "replace")
        declared = discovery.declared_sitemaps(text, response.url)
        sitemaps = [url for url in declared if is_fetchable(url)]
        if len(declared) > len(sitemaps):  # file:, gopher:, a broken host: never requested
            self.count("discovered/unfetchable", len(declared) - len(sitemaps))
        if sitemaps:
            yield from self._declared(sitemaps)
        else:
            yield from self._probe(response.meta[PROBES])

    def _declared(self, urls: list[str]) -> Iterable[Request]:
        for url in urls:
            request = self.discovery_request(url, self.parse_document)
            if request is not None:
                yield request

    def _probe(self, urls: list[str]) -> Iterable[Request]:
        """The request for the first guessed URL not yet requested; the rest ride along."""
        for index, url in enumerate(urls):
            request = self._as_probe(self.request(url, self.parse_probe), urls[index + 1 :])
            if request is not None:
                yield request
                return
        self.logger.warning("No %s found for -a site: no guessed path is one", self.SITE_DOCUMENTS)

    def _as_probe(self, request, rest: list[str]):
        if not isinstance(request, Request):
            return request
        request.meta[PROBES] = rest
        return request.replace(errback=self.on_probe_error)

    def parse_probe(self, response: Response) -> Iterable:
        """A guessed document that parses is read as a declared one; else the next guess."""
        try:
            self.read_document(response)
        except NotXml:
            return self._probe_missed(response, "probe_miss")
        return self.parse_document(response)

    def on_probe_error(self, failure: Failure) -> Iterable:
        verdict = classify_failure(failure.value)
        return self._probe_missed(failure, verdict.reason if verdict.skip else "probe_miss")

    @finishes_request
    def _probe_missed(self, response_or_failure, reason: str) -> Iterable[Request]:
        request = response_or_failure.request
        self.logger.info("Guessed %s missed: %s", self.SITE_DOCUMENTS, request.url)
        self.skip(reason)
        yield from self._probe(request.meta.get(PROBES, []))
