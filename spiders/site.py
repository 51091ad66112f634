"""`scrapy crawl site -a start=URL | -a source=NAME [-a max_pages=N] [-a depth=N]`.

Follows links inside the start site. Pages that look like articles are
emitted; index, tag and author pages are followed but counted as skips.
With no argument, every catalogue source's homepage.
"""

from __future__ import annotations

from urllib.parse import urldefrag

from scrapy import Request, signals
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.response import get_base_url

from crawler.core.canonical import canonicalize, is_fetchable, join_url, same_site
from crawler.core.model import Hints
from crawler.core.page_kind import is_article_page
from crawler.core.sources import Source
from crawler.core.values import url_list, whole_number
from crawler.runs.health import NO_SOURCE
from spiders.base import (
    ArticleSpider,
    finishes_request,
    page_type_signals,
    reads_as_markup,
    source_name,
)


class SiteSpider(ArticleSpider):
    name = "site"
    ARGUMENTS = {
        "start": url_list,
        "source": source_name,
        "max_pages": whole_number(minimum=1),
        "depth": whole_number(minimum=0),
    }

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._pages_per_site: dict[str, int] = {}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.redirect_scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(spider.request_dropped, signal=signals.request_dropped)
        return spider

    async def start(self):
        s, args = self.settings, self.args
        self.max_pages = args.get("max_pages") or s.getint("SITE_MAX_PAGES")
        self.max_depth = args["depth"] if "depth" in args else s.getint("SITE_MAX_DEPTH")
        source_arg = args.get("source")
        if args.get("start"):
            targets = [(url, None) for url in args["start"]]
        elif self.distributed and not source_arg:
            targets = []  # a worker: seeds come from Redis
        else:
            sources = [self.source_named(source_arg)] if source_arg else self.catalogue()
            targets = [(str(source.homepage), source) for source in sources]
        for url, source in targets:
            request = self._page_request(url, root=url, source=source, depth=0)
            if request is not None:
                yield request

    def _page_request(self, url: str, root: str, source: Source | None, depth: int):
        # An article an earlier run emitted, past REFRESH_WINDOW, is not fetched again, as
        # the feed and sitemap spiders do: an hourly crawl asked the site for every one.
        # Its links go unread; the start page and the sections that list new stories are
        # never records, so they are always read. The start page is always asked for. A link
        # this run requested already is a duplicate (request() counts it): no store lookup.
        known = depth > 0 and canonicalize(url) not in self._requested and self._known(url)
        if known:
            self.count(f"discovered/{known}")
            return None
        issued = self._pages_per_site.get(root, 0)
        if issued >= self.max_pages:
            self.count("discovered/over_max_pages")
            return None
        hints = Hints(
            source=source.name if source else None,
            ai_only=source.ai_only if source else False,
            discovered_via="site",
        )
        request = self.request(
            url, self.parse_page, hints, root=root, source=source, page_depth=depth
        )
        if request is not None:
            self._pages_per_site[root] = issued + 1
        if isinstance(request, Request):
            # Breadth first: Scrapy's queue is last-in first-out, so a chain of ever deeper
            # links (a trap) spent the page budget before the sections were read.
            request = request.replace(priority=-depth)
        return request

    def seed_request(self, seed: dict):
        source = self.source_named(seed["source"]) if seed.get("source") else None
        return self._page_request(seed["url"], root=seed["url"], source=source, depth=0)

    # --- the budget counts what the site is asked for ------------------------------------
    # Scrapy's redirect middlewares schedule each hop themselves, past the spider: without
    # this, 50 pages whose links all redirect cost the site 100 requests.
    def redirect_scheduled(self, request, spider) -> None:
        hop, root = request.meta.get("redirect_times"), request.meta.get("root")
        if not hop or root is None or request.meta.get("charged_hop") == hop:
            return
        # A link redirected off the site (a redirector, "/go?u=…") is out of scope as the
        # link itself would have been; the start page may move (crawled where it went).
        if request.meta.get("page_depth") and not same_site(request.url, root):
            self.skip("out_of_scope")
            raise IgnoreRequest(f"redirected off the site: {request.url}")
        if self._pages_per_site.get(root, 0) >= self.max_pages:
            self.skip("over_max_pages")  # the page's one place in the ledger
            raise IgnoreRequest(f"max_pages={self.max_pages} reached for {root}")
        self._pages_per_site[root] = self._pages_per_site.get(root, 0) + 1
        request.meta["charged_hop"] = hop
        self._requested.add(canonicalize(request.url))  # a later link to it is a duplicate

    def request_dropped(self, request, spider) -> None:
        """What the dupefilter drops (a page already fetched) is never sent: no charge."""
        hop, root = request.meta.get("redirect_times"), request.meta.get("root")
        charged = not hop or request.meta.get("charged_hop") == hop
        if root in self._pages_per_site and charged:  # not a start page's, moved since
            self._pages_per_site[root] -= 1

    @finishes_request
    def parse_page(self, response):
        meta = response.meta
        source: Source | None = meta.get("source")
        root = meta["root"]
        if meta["page_depth"] == 0 and not same_site(response.url, root):
            root = self._moved(root, response.url)
        if not reads_as_markup(response):  # an image, a PDF, JSON: nothing to follow
            yield self.fetched(response)
            return
        if is_article_page(response.url, *page_type_signals(response)) and (
            source is None or source.allows(response.url)
        ):
            self.count(f"source/{source.name if source else NO_SOURCE}/discovered")
            yield self.fetched(response)
        else:
            self.skip("not_article")
        yield from self._follow(response, root, source, meta["page_depth"])

    def _moved(self, root: str, moved_to: str) -> str:
        """The start page redirected to another site (example.com to news.example.org): its
        links are followed there, on the same page budget. Its own site's links were all
        out of scope, and the crawl found nothing."""
        self.logger.info("Start page %s moved to %s: crawling that site", root, moved_to)
        issued = self._pages_per_site.pop(root, 0)
        self._pages_per_site[moved_to] = self._pages_per_site.get(moved_to, 0) + issued
        return moved_to

    def _follow(self, response, root: str, source: Source | None, depth: int):
        if depth >= self.max_depth:
            return
        if self._pages_per_site.get(root, 0) >= self.max_pages:
            return  # the site's budget is spent: reading more links costs time for nothing
        if over := anchors_over_limit(response):
            self.count("discovered/links_over_limit", over)  # never read: counted, not lost
        for url in page_links(response):
            if is_file_link(url):
                self.count("discovered/file_link")  # an image, a PDF: no page to read
                continue
            problem = self.link_problem(url)
            if problem:
                self.count(f"discovered/{problem}")
                continue
            if not same_site(url, root):
                self.count("discovered/out_of_scope")
                continue
            request = self._page_request(url, root, source, depth + 1)
            if request is not None:
                yield request


MAX_LINKS_PER_PAGE = 5000  # a page with more is a link farm; the rest are not worth the reactor
SKIP_EXTENSIONS = (
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".pdf", ".zip", ".gz", ".mp3", ".mp4",
    ".mov", ".css", ".js", ".ico", ".xml", ".json",
)  # fmt: skip


def page_links(response) -> list[str]:
    """Absolute links of a page, in order, without fragments; links to obvious files and
    links that cannot be requested (javascript:, broken, too long) are kept for the spider
    to count.

    Cheaper than Scrapy's LinkExtractor on huge pages (10 s for 100,000 links), and
    bounded: only the first MAX_LINKS_PER_PAGE anchors are read.
    """
    hrefs = response.xpath(f"(//a[@href])[position() <= {MAX_LINKS_PER_PAGE}]/@href").getall()
    try:
        base = get_base_url(response)  # a <base href> in the head, as a browser resolves links
    except ValueError:  # a broken one ("http://[::1/"): the page's own URL
        base = response.url
    links, seen = [], set()
    for href in hrefs:
        if not href.strip() or href.strip().startswith("#"):
            continue  # the page itself
        url = join_url(base, href)
        if is_fetchable(url):
            url = urldefrag(url)[0]
        if url not in seen:
            seen.add(url)
            links.append(url)
    return links


def anchors_over_limit(response) -> int:
    """The anchors past the first MAX_LINKS_PER_PAGE, which page_links never reads (duplicates
    and links to files among them: they are not looked at). libxml2 counts them in C."""
    anchors = float(response.xpath("count(//a[@href])").get())  # XPath numbers are floats
    return max(0, int(anchors) - MAX_LINKS_PER_PAGE)


def is_file_link(url: str) -> bool:
    """A link to an obvious file (an image, a PDF, a script), by its path's extension."""
    return url.lower().split("?")[0].endswith(SKIP_EXTENSIONS)
