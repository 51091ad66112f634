"""Shared plumbing: every request is counted, and every outcome lands in the ledger.

A request issued here ends as exactly one of: a FetchedPage (becomes a record
or a reject), a FetchFailed (a reject), or a counted skip
(`outcomes/skipped/<reason>`). Scrapy's dupefilter drops are added at close.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import scrapy
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Request, Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.defer import deferred_from_coro
from twisted.python.failure import Failure

from crawler.compat.scrapy import parsed, release_parsed
from crawler.core.canonical import (
    canonicalize,
    is_fetchable,
    length_problem,
    unescape_surrogates,
    url_problem,
    without_password,
)
from crawler.core.config import ConfigError
from crawler.core.items import FetchedPage, FetchFailed
from crawler.core.model import Hints
from crawler.core.page_kind import listed_page_is_article
from crawler.core.sources import Source, SourceCatalogueError, find_source, load_sources
from crawler.core.url_lists import MAX_LINE_CHARS
from crawler.core.validators import kept_last_modified
from crawler.core.values import flag
from crawler.core.xmlsafe import MAX_XML_BYTES
from crawler.integration.failures import classify_failure, failure_detail
from crawler.integration.rejected import PERMANENT_REJECTS, Rejected
from crawler.integration.robots import UNREACHABLE_STAT, request_origin
from crawler.integration.signals import crawl_stopping, request_finished
from crawler.integration.state_access import state_for
from crawler.integration.stop_promptly import TAKEN_BACK, TakenBack
from crawler.runs.health import NO_SOURCE
from spiders.backlog import Backlog, Listing

LISTED_BY = "listed_by"  # meta: the feed or sitemap whose entry a page request is
REFILL_STEP = 64  # requests made between two looks at the scheduler's length


def finishes_request(callback):
    """Tell listeners (distributed mode's leases) when a callback's output is complete;
    hand on waiting entries of feeds and sitemaps (refill) as part of that output."""

    @functools.wraps(callback)
    def wrapper(self, response_or_failure, *args, **kwargs):
        items = 0
        outputs = callback(self, response_or_failure, *args, **kwargs) or ()
        # Each response also makes room for a feed's or sitemap's waiting entries.
        for output in itertools.chain(outputs, self.refill()):
            items += not isinstance(output, Request)
            yield output
        release_parsed(response_or_failure)
        request = getattr(response_or_failure, "request", None)
        if request is not None:
            self.crawler.signals.send_catch_log(
                signal=request_finished, request=request, items=items
            )

    return wrapper


class ArticleSpider(scrapy.Spider):
    """Base for all spiders: checked arguments, counted requests, errbacks, article hand-off."""

    # `-a name=value` -> parser (crawler.core.values); each spider adds its own. Names that
    # start with "_" are scrapyd's (`_job`) and pass through to Scrapy.
    ARGUMENTS: dict = {"refresh": flag}
    # Alternatives of which one must be given, unless a distributed worker takes its seeds
    # from Redis; e.g. (("urls_file", "url"), "-a urls_file=PATH or -a url=U1,U2").
    REQUIRED: tuple[tuple[str, ...], str] | None = None
    # Arguments that each name what to crawl: given together, all but one were dropped
    # without a word (`-a feed=URL -a source=NAME` ran the feed as no source's, operator
    # audit 42).
    ONE_OF: tuple[str, ...] = ()
    # (Source field, argument): the documents `-a source` is crawled for.
    SOURCE_DOCUMENTS: tuple[str, str] | None = None

    def __init__(self, **kwargs):
        # Arguments are kept apart, not set as attributes as Scrapy does by default:
        # `-a start=URL` would otherwise replace the spider's start() method.
        scrapy_kwargs = {k: v for k, v in kwargs.items() if k.startswith("_") or k == "name"}
        given = {k: v for k, v in kwargs.items() if k not in scrapy_kwargs and v is not None}
        super().__init__(**scrapy_kwargs)
        # As typed, for run.json; a byte that is not UTF-8 as %XX, which JSON can hold.
        self.arguments = {
            k: unescape_surrogates(v) if isinstance(v, str) else v for k, v in given.items()
        }
        self.args = self.parse_arguments(given)
        self.refresh = bool(self.args.get("refresh"))
        self._requested: set[str] = set()
        self._validators: dict[str, tuple[str | None, str | None]] = {}  # closed() saves them
        self._asked_as: dict[str, str] = {}  # a document's URL -> the URL that redirected to it
        self._unsettled: set[str] = set()  # documents with a listed page that failed to fetch
        self._listed_in: dict[str, str] = {}  # a sitemap -> the index that listed it
        self._backlog = Backlog()  # entries of feeds and sitemaps not requested yet
        self._stopping = False

    @classmethod
    def parse_arguments(cls, given: dict) -> dict:
        """The spider's arguments parsed, or ConfigError naming the first that is wrong."""
        allowed = cls.all_arguments()
        parsed = {}
        for name, value in given.items():
            if name.startswith("_"):
                continue
            if name not in allowed:
                names = ", ".join(sorted(allowed))
                raise ConfigError(
                    f"unknown argument -a {name}={value!r} for spider {cls.name}: "
                    f"allowed are {names}"
                )
            try:
                parsed[name] = allowed[name](value)
            except ValueError as error:
                raise ConfigError(f"argument -a {name}={value!r}: {error}") from None
        return parsed

    @classmethod
    def all_arguments(cls) -> dict:
        merged: dict = {}
        for klass in reversed(cls.__mro__):
            merged.update(getattr(klass, "ARGUMENTS", {}) or {})
        return merged

    @classmethod
    def check_start(cls, given: dict, settings) -> None:
        """Everything a crawl needs before its first request: arguments, their combination,
        the catalogue and the sources named. ConfigError (one line) when something is off."""
        parsed = cls.parse_arguments(given)
        together = [f"-a {name}" for name in cls.ONE_OF if parsed.get(name)]
        if len(together) > 1:
            raise ConfigError(
                f"spider {cls.name} takes one of {', '.join(f'-a {n}' for n in cls.ONE_OF)}; "
                f"given {' and '.join(together)}"
            )
        if cls.REQUIRED and not settings.get("REDIS_URL"):
            names, usage = cls.REQUIRED
            if not any(parsed.get(name) for name in names):
                raise ConfigError(f"spider {cls.name} needs {usage}")
        try:
            catalogue = load_sources(Path(settings.get("SOURCES_FILE")))
        except SourceCatalogueError as error:
            raise ConfigError(str(error)) from None
        if parsed.get("source"):
            try:
                source = find_source(catalogue, parsed["source"])
            except SourceCatalogueError as error:
                raise ConfigError(f"argument -a source={parsed['source']!r}: {error}") from None
            cls._check_source_documents(source, parsed)

    @classmethod
    def _check_source_documents(cls, source: Source, parsed: dict) -> None:
        """A source crawled for documents it does not list (a `feeds` crawl of a source with
        sitemaps only) ran no request and exited 0, as if the site had nothing new."""
        if cls.SOURCE_DOCUMENTS is None or parsed.get("site"):
            return
        field, argument = cls.SOURCE_DOCUMENTS
        if not parsed.get(argument) and not getattr(source, field):
            raise ConfigError(
                f"argument -a source={source.name!r}: the catalogue lists no {field} for it; "
                f"give -a {argument}=URL or crawl it with another spider"
            )

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.distributed = bool(crawler.settings.get("REDIS_URL"))
        # Checked before anything is fetched: a bad argument or catalogue entry stops the
        # crawl here, with a message naming it (the crawl command checks it even earlier).
        cls.check_start(kwargs, crawler.settings)
        spider._catalogue = load_sources(Path(crawler.settings.get("SOURCES_FILE")))
        spider.refresh_window = crawler.settings.getfloat("REFRESH_WINDOW", 172800)
        spider.url_length_limit = crawler.settings.getint("URLLENGTH_LIMIT", 2083)  # 0: none
        spider.pending_max = crawler.settings.getint("BACKLOG_PENDING_MAX", 1000)
        crawler.signals.connect(spider._refill_when_idle, signal=scrapy.signals.spider_idle)
        crawler.signals.connect(spider._stop_reading, signal=crawl_stopping)
        crawler.signals.connect(spider._page_dropped, signal=scrapy.signals.item_dropped)
        crawler.signals.connect(spider._page_failed, signal=scrapy.signals.item_error)
        crawler.signals.connect(spider._page_emitted, signal=scrapy.signals.item_scraped)
        return spider

    # --- ledger -------------------------------------------------------------------------
    def count(self, key: str, n: int = 1) -> None:
        self.crawler.stats.inc_value(key, n)

    def skip(self, reason: str) -> None:
        """A response or failure that ends as a counted skip, not a record or reject."""
        self.count(f"outcomes/skipped/{reason}")

    def request(
        self, url: str, callback, hints: Hints | None = None, **meta
    ) -> Request | FetchFailed | None:
        """A counted request; None when the URL was already requested in this run or is not
        http(s); a `bad_url` reject (counted as a request) when it is a broken http(s) URL."""
        problem = url_problem(url) or self._length_problem(url)
        if problem and problem[0] == "unfetchable":
            self.count("discovered/unfetchable")
            return None
        key = canonicalize(url)
        if key in self._requested:
            self.count("discovered/duplicate")
            return None
        self._requested.add(key)
        self.count("outcomes/requests")
        meta["hints"] = hints = hints or Hints()
        if problem:
            return self.bad_url(url, problem[1], hints)
        try:
            return Request(url, callback=callback, errback=self.on_error, meta=meta)
        except (ValueError, TypeError) as error:  # what Scrapy refuses beyond our check
            return self.bad_url(url, f"{error}: {url[:200]!r}", hints)

    def _length_problem(self, url: str) -> tuple[str, str] | None:
        # Refused here, an over-long URL is a reject like any other that cannot be requested.
        return length_problem(url, self.url_length_limit)

    def link_problem(self, url: str) -> str | None:
        """Why a link found on a page is not requested (`unfetchable`, `bad_url`): counted
        under not_requested, not a reject, as nobody asked for it."""
        problem = url_problem(url) or self._length_problem(url)
        return problem[0] if problem else None

    def bad_url(self, url: str, detail: str, hints: Hints) -> FetchFailed:
        self.logger.info("Not requested, broken URL: %s", detail)
        self.count("outcomes/fetch_failed")  # a run of nothing else is not a success
        # A "URL" past MAX_LINE_CHARS is no URL: its start names it, as a URL list's
        # overlong line is named. A 5 MB <loc> was a 5 MB line of rejects.jsonl.
        if len(url) > MAX_LINE_CHARS:
            url = url[:200] + "\u2026"
        return FetchFailed(url=url, reason="bad_url", spider=self.name, detail=detail,
                           source=hints.source)  # fmt: skip

    def article_request(
        self,
        url: str,
        hints: Hints | None = None,
        listed_by: str | None = None,
        changed: datetime | None = None,
    ) -> Request | FetchFailed | None:
        """A request for a page to emit; `listed_by`: the feed or sitemap that named it, and
        the page is checked for being a home, category or author page (parse_listed_page);
        `changed`: when that document says the page last changed (crawler.core.dates.
        edit_dates), which fetches a page seen before that again, however old."""
        self.count(f"source/{(hints and hints.source) or NO_SOURCE}/discovered")
        if known := self._known(url, changed):
            self.count(f"discovered/{known}")
            return None
        if listed_by is None:
            return self.request(url, self.parse_article, hints)
        return self.request(url, self.parse_listed_page, hints, **{LISTED_BY: listed_by})

    @property
    def store(self):
        return state_for(self.crawler)

    def _known(self, url: str, changed: datetime | None = None) -> str | None:
        """ "already_seen" (an article) or "already_rejected" (a page rejected for what it
        is: language, length, gone) for a page an earlier run fetched, old enough not to be
        edited any more, and not changed since it was last fetched, as far as its sitemap or
        feed says; None to request it."""
        if self.store is None or self.refresh or not is_fetchable(url):
            return None
        key = canonicalize(url)
        seen = self.store.seen(key)
        if seen is None:
            # A stub that was too short, a 410 that came back: an edit dated after the
            # reject is read, as an article's is (audit 22: they were lost for good).
            rejected = self.store.rejected_at(key)
            if rejected is None or self._changed_since(rejected, changed):
                return None
            return "already_rejected" if self._older_than_window(rejected) else None
        if self._changed_since(seen.last_seen, changed):
            return None
        return (
            "already_seen"
            if self._older_than_window(seen.published_at or seen.first_seen)
            else None
        )

    def _changed_since(self, fetched: datetime, changed: datetime | None) -> bool:
        # A change date still ahead (a zone mislabelled) would refetch the page every run
        # until it passed: it counts once it has.
        if changed is not None and fetched < changed <= datetime.now(UTC):
            self.count("refetched/changed_since_seen")  # requested again: an edit to read
            return True
        return False

    def _older_than_window(self, reference: datetime) -> bool:
        if self.refresh_window <= 0:
            return True
        return (datetime.now(UTC) - reference).total_seconds() > self.refresh_window

    def discovery_request(
        self, url: str, callback, source: Source | None = None, **meta
    ) -> Request | FetchFailed | None:
        """A feed or sitemap request, conditional on the validators of the last fetch."""
        hints = Hints(source=source.name) if source else None  # failures count for the source
        request = self.request(url, callback, hints, source=source, **meta)
        if not isinstance(request, Request):
            return request
        request.meta["handle_httpstatus_list"] = [304]
        # The sitemaps protocol allows 50 MB (gzip's inflated size is bounded there too);
        # DOWNLOAD_MAXSIZE is an article's limit, and 50,000 URLs with images pass it.
        request.meta["download_maxsize"] = MAX_XML_BYTES
        # refresh=1 fetches every article again: the documents that list them too. A fleet
        # reads them whole every run (closed()).
        conditional = self.store is not None and not self.refresh and not self.distributed
        known = self.store.validators(url) if conditional else None
        if known and known.etag:
            request.headers[b"If-None-Match"] = known.etag
        if known and known.last_modified:
            request.headers[b"If-Modified-Since"] = known.last_modified
        return request

    def discovery_unchanged(self, response: Response) -> bool:
        """Count a 304 as a skip; keep the validators of a fresh copy for closed()."""
        if response.status == 304:
            self.skip("not_modified")
            return True
        if response.meta.get(LISTED_BY):  # a sitemap an index listed
            self._listed_in[response.url] = response.meta[LISTED_BY]
        etag = response.headers.get(b"ETag")
        modified = response.headers.get(b"Last-Modified")
        self._validators[response.url] = (
            etag.decode("latin-1") if etag else None,
            kept_last_modified(modified.decode("latin-1") if modified else None),
        )
        # Next run asks for the URL it was given, not where that redirected: a feed moved
        # by a 301 was looked up under one and saved under the other, and downloaded whole
        # every run (audit 22).
        asked = (response.meta.get("redirect_urls") or [response.url])[0]
        if asked != response.url:
            self._asked_as[response.url] = asked
        return False

    def keep_no_validators(self, url: str) -> None:
        """Read the document whole every run: closed() forgets its validators. For a sitemap
        index, whose child may change while the index does not (sitemaps.org): its 304 hid
        every child, and the articles added to them, until `refresh=1`. Its children keep
        their own validators, so an unchanged child still costs a 304 only."""
        if url in self._validators:
            self._validators[url] = (None, None)

    def closed(self, reason: str) -> None:
        """Save the validators of the feeds and sitemaps read this run, so that the next run
        may get a 304 and skip them: only once the run finished, and only for a document
        whose listed pages were all fetched. Saved on arrival, a run killed halfway, or an
        entry that failed with an HTTP error (retried next run), left pages that the next
        run's 304 hid for good; the others' validators are forgotten instead.

        Not in a fleet: the worker that read a document cannot know whether the pages it
        listed, fetched by other workers, all were (one that failed forgot the validators,
        and the reader, closing later, saved them again)."""
        self._drop_backlog()  # a stop without crawl_stopping (JOBDIR): counted here
        if self.store is None or self.distributed:
            return
        unsettled = set()
        for url in self._unsettled:  # an index whose sitemap is unsettled is unsettled too
            while url and url not in unsettled:
                unsettled.add(url)
                url = self._listed_in.get(url)
        for url, (etag, modified) in self._validators.items():
            settled = reason == "finished" and url not in unsettled
            for key in (url, self._asked_as.get(url)):
                if key is not None:
                    self.store.save_validators(
                        key, *((etag, modified) if settled else (None, None))
                    )

    # --- backlog: entries of feeds and sitemaps, requested as the scheduler has room -------
    def wait_listed(self, listing: Listing, blocks: list) -> None:
        """A document's wanted entries (backlog.pack), requested later by refill(); counted
        `not_requested.stopped` at once when the crawl is stopping."""
        self._backlog.extend(listing, blocks)
        if self._stopping:
            self._drop_backlog()

    def from_backlog(self, listing: Listing, entry: tuple) -> Request | FetchFailed | None:
        """The request for one waiting entry (the spider that made the listing knows)."""
        raise NotImplementedError

    def refill(self) -> Iterator[Request | FetchFailed]:
        """Requests (and bad_url rejects) for waiting entries, while fewer than
        BACKLOG_PENDING_MAX requests wait in the scheduler; nothing once the crawl stops."""
        while self._backlog and not self._stopping:
            # Distributed, every entry goes to the shared queue at once, as before the
            # backlog: a worker's memory is lost with the worker (and its lease on the
            # document with its callback), and counting the queue asks Redis, which may be
            # down. Redis holds the fleet's queue.
            if self.distributed:
                room = REFILL_STEP
            else:
                room = min(self.pending_max - self._pending(), REFILL_STEP)
            if room <= 0:
                return
            while room > 0 and (taken := self._backlog.take()) is not None:
                output = self.from_backlog(*taken)
                if isinstance(output, Request):
                    room -= 1
                    _refer_to(output, taken[0].url)
                if output is not None:
                    yield output

    def _pending(self) -> int:
        scheduler = self.crawler.engine.scheduler if self.crawler.engine else None
        if scheduler is None:
            return 0
        if hasattr(scheduler, "__len__"):
            return len(scheduler)
        # A scheduler that cannot count: more only once it is empty.
        return self.pending_max if scheduler.has_pending_requests() else 0

    def _refill_when_idle(self, spider=None) -> None:
        """Nothing left to download, entries still waiting (every response's refill was
        spent, or the requests it made were dropped): hand more on, and keep the crawl open."""
        outputs = list(self.refill())
        engine = self.crawler.engine
        for output in outputs:
            if isinstance(output, Request):
                engine.crawl(output)
            else:
                deferred_from_coro(engine.scraper.start_itemproc_async(output, response=None))
        if outputs or self._backlog and not self._stopping:
            raise DontCloseSpider

    def _stop_reading(self) -> None:
        self._stopping = True
        self._drop_backlog()

    def _drop_backlog(self) -> None:
        if dropped := self._backlog.clear():
            self.count("discovered/stopped", dropped)
            self.logger.info("Stopping: %d entries of feeds and sitemaps not requested", dropped)

    # --- callbacks ----------------------------------------------------------------------
    def seed_request(self, seed: dict) -> Request | FetchFailed | None:
        """A request for a seed pushed by `python -m crawler enqueue` (distributed mode)."""
        source = self.source_named(seed["source"]) if seed.get("source") else None
        hints = Hints(source=source.name, ai_only=source.ai_only) if source else None
        return self.article_request(seed["url"], hints)

    @finishes_request
    def parse_article(self, response: Response) -> Iterable[FetchedPage]:
        yield self.fetched(response)

    @finishes_request
    def parse_listed_page(self, response: Response) -> Iterable[FetchedPage]:
        """Sitemaps list home, category and author pages beside articles: those are counted
        skips (`not_article`), not records. What is not HTML goes on to be judged."""
        if reads_as_markup(response) and not listed_page_is_article(
            response.url, *page_type_signals(response)
        ):
            self.skip("not_article")
            return
        yield self.fetched(response)

    def fetched(self, response: Response) -> FetchedPage:
        hints = response.meta.get("hints") or Hints()
        self.count(f"source/{hints.source or NO_SOURCE}/fetched")
        return FetchedPage(
            url=response.url,
            body=response.body,
            status=response.status,
            spider=self.name,
            content_type=content_type_of(response),
            hints=hints,
            redirected_from=tuple(response.meta.get("redirect_urls", ())),
        )

    def not_a_document(self, response: Response, reason: str, error: Exception) -> FetchFailed:
        """A feed or sitemap that could not be read: a reject with the parser's message."""
        # A run of nothing else is no success: cron must see an unreadable sitemap (exit 2).
        self.count("outcomes/fetch_failed")
        return FetchFailed(
            url=response.url,
            reason=reason,
            spider=self.name,
            detail=str(error)[:1000],
            http_status=response.status,
        )

    @finishes_request
    def on_error(self, failure: Failure) -> Iterable[FetchFailed]:
        request = getattr(failure, "request", None)
        if isinstance(failure.value, TakenBack) or (request and request.meta.get(TAKEN_BACK)):
            # Back in the scheduler, which accounts for it at the close. Scrapy's scraper
            # may fail it again while closing (a KeyError from its set of active requests):
            # that is no fetch_error, or the page was filed twice (`unaccounted: -6`).
            return
        verdict = classify_failure(failure.value)
        if verdict.skip:
            self.skip(verdict.reason)
            if verdict.reason == "robots" and self._robots_unreachable(request):
                self._unsettle(request)  # skipped this run only (audit 25)
                # Not fetched because the host is down, not because it said no: a run of
                # nothing else is an outage, and exits 2 as a feed at 503 does.
                self.count("outcomes/robots_unreachable")
            return
        hints = request.meta.get("hints") or Hints()
        self._unsettle(request)
        if isinstance(failure.value, HttpError) and self._is_page_request(request):
            # A 404 or 500 came back for a page: fetched, and rejected. Left out, a source's
            # reject rate was its rejects over its good pages only (5 good, 5 gone: 100%).
            self.count(f"source/{hints.source or NO_SOURCE}/fetched")
        if verdict.reason == "blocked_address":  # the hint says how to allow it
            self.logger.warning("Not requested %s: %s", request.url, failure.getErrorMessage())
        else:
            self.logger.info("Failed %s: %s", request.url, verdict.reason)
        self.count("outcomes/fetch_failed")  # all requests failed: exit code 2
        yield FetchFailed(
            url=request.url,
            reason=verdict.reason,
            spider=self.name,
            detail=failure_detail(failure.value),
            http_status=verdict.http_status,
            source=hints.source,
        )

    def _unsettle(self, request) -> None:
        """A page its feed or sitemap listed did not end for good: the document must be read
        again next run, not hidden by a 304."""
        if request is not None and request.meta.get(LISTED_BY):
            self._unsettled.add(request.meta[LISTED_BY])

    def _robots_unreachable(self, request) -> bool:
        origin = request_origin(request)
        return self.crawler.stats.get_value(f"{UNREACHABLE_STAT}{origin}") is not None

    def _page_dropped(self, item, response, exception, spider=None) -> None:
        """A listed page the pipelines rejected for a reason that is tried again next run
        (every reason but PERMANENT_REJECTS: extract_timeout, too_long, soft_404, …): its
        document is read again too."""
        if isinstance(exception, Rejected) and exception.reason not in PERMANENT_REJECTS:
            self._unsettle(getattr(response, "request", None))
        record = getattr(getattr(item, "outcome", None), "record", None)
        if record is not None:  # unchanged (or a near-duplicate skipped): still in the window
            self._keep_reading_within_window(response, str(record.canonical_url),
                                             record.published_at)  # fmt: skip

    def _page_emitted(self, item, response, spider=None) -> None:
        if isinstance(item, dict) and item.get("canonical_url"):
            published = item.get("published_at")
            published = datetime.fromisoformat(published) if published else None
            self._keep_reading_within_window(response, item["canonical_url"], published)

    def _keep_reading_within_window(self, response, canonical_url: str, published) -> None:
        """A listed article the next run fetches again for its REFRESH_WINDOW (to catch an
        edit): its feed or sitemap must be read whole next run, not hidden by a 304, or the
        article is never asked for again while the document stays the same (operator
        audit: a feed's 304 passed over its recent articles, and their edits, silently)."""
        if self.refresh_window <= 0 or self.store is None:
            return
        seen = self.store.seen(canonical_url)
        reference = published or (seen.first_seen if seen else datetime.now(UTC))
        if not self._older_than_window(reference):
            self._unsettle(getattr(response, "request", None))

    def _page_failed(self, item, response, spider=None, failure=None) -> None:
        self._unsettle(getattr(response, "request", None))  # internal_error

    def _is_page_request(self, request) -> bool:
        """A request for a page that would be counted fetched, not for a feed or sitemap."""
        name = getattr(request.callback, "__name__", "")
        return name in ("parse_article", "parse_listed_page", "parse_page")

    # --- catalogue ----------------------------------------------------------------------
    def catalogue(self) -> list[Source]:
        return self._catalogue

    def source_named(self, name: str) -> Source:
        return find_source(self.catalogue(), name)


def _refer_to(request: Request, document: str) -> None:
    """The Referer a request yielded by its feed or sitemap's callback gets (Scrapy's
    default policy: none from https to http), not that of the response that refilled."""
    if document.startswith("https:") and not request.url.startswith("https:"):
        request.meta.setdefault("referrer_policy", "no-referrer")
    else:
        request.headers.setdefault(b"Referer", without_password(document))


def reads_as_markup(response) -> bool:
    """HTML or XML, which XPath can read. Not JSON: Scrapy makes a JsonResponse of
    application/json, and parsel reads a text body that parses as JSON as JSON; its selector
    raises on .xpath (a traceback in the callback, the page unaccounted)."""
    return isinstance(response, TextResponse) and parsed(response).type in ("html", "xml")


def page_type_signals(response) -> tuple[str | None, list[str]]:
    """What an HTML page declares itself to be: its og:type and its JSON-LD blocks."""
    og_type = response.xpath('//meta[@property="og:type"]/@content').get()
    return og_type, response.xpath('//script[@type="application/ld+json"]/text()').getall()


def source_name(value) -> str:
    """A catalogue source's name; whether the catalogue has it is checked in check_start."""
    name = str(value).strip()
    if not name:
        raise ValueError("must be a source name from the catalogue (SOURCES_FILE)")
    return name


def content_type_of(response: Response) -> str | None:
    """The Content-Type header as text: a feed's or page's charset may be named only there."""
    value = response.headers.get(b"Content-Type")
    return value.decode("latin-1") if value else None
