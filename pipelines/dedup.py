"""Dedup against what earlier runs (and this one) emitted, via the state store.

- same canonical URL, same text: a counted skip (`unchanged`); the same text but for
  site-learned boilerplate lines is the same text (ProcessedPage.unstripped_hash: a page
  emitted before its site's template was learned kept the template lines);
- same canonical URL, changed text: emitted again, flagged `updated`, with `previous_hash`;
- the same text under another spelling of its URL (a trailing slash, another case, a
  parameter the canonical URL keeps): a counted skip (`url_variant`), and an alias;
- another URL with the same or nearly the same text (SimHash within
  NEAR_DUPLICATE_DISTANCE bits): flagged `near_duplicate` with `duplicate_of`, or
  skipped (`near_duplicate`) when NEAR_DUPLICATE_ACTION is "skip".

A record is remembered in the store only after it has been written (item_scraped fires
after the write pipeline), so a kill in between leaves a record the store does not know,
which crawler.state.recovery replays at the next start: nothing is lost, nothing emitted
twice. This run's own lookups know it from the moment it passes here: Scrapy sends
item_scraped from an asyncio task, so another page's record can pass dedup between the
write and the signal, and two spellings of one story both came out.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

from crawler.core.canonical import canonicalize
from crawler.core.items import ProcessedPage
from crawler.core.model import ArticleRecord
from crawler.core.model import record_id as id_for
from crawler.core.simhash import distance, simhash
from crawler.integration.rejected import PERMANENT_REJECTS, Rejected
from crawler.integration.state_access import state_for
from crawler.runs.health import NO_SOURCE
from crawler.state.store import SeenArticle

# SimHash bits two texts of one article differ by at most, edits included: unrelated texts
# differ by about 32 of 64, a story's edits by a handful.
SIBLING_DISTANCE = 16


class DedupPipeline:
    def __init__(self, crawler: Crawler, store, action: str, max_distance: int):
        if action not in ("flag", "skip"):
            raise NotConfigured(f"NEAR_DUPLICATE_ACTION must be flag or skip, not {action!r}")
        self.crawler, self.store = crawler, store
        self.fingerprints: dict[str, int] = {}  # record id -> SimHash, until written
        # What this run emitted, looked up beside the store: a store locked by another
        # process keeps its writes in memory (crawler.state.write_behind), unseen by reads.
        self.emitted: dict[str, SeenArticle] = {}  # canonical URL or alias -> the record
        self.emitted_hashes: dict[str, list[tuple[str, str]]] = {}  # content hash -> (id, URL)s
        self.pending: dict[str, SeenArticle] = {}  # fetched URL -> its record, until written
        self.claimed: dict[str, tuple[str, ...]] = {}  # fetched URL -> its claim, until written
        self.action, self.max_distance = action, max_distance

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupPipeline:
        store = state_for(crawler)
        if store is None:
            raise NotConfigured(
                "no state store (STATE_URI empty, or RUN_OUTPUT off): no dedup across runs"
            )
        settings = crawler.settings
        pipeline = cls(
            crawler,
            store,
            settings.get("NEAR_DUPLICATE_ACTION", "flag"),
            settings.getint("NEAR_DUPLICATE_DISTANCE", 3),
        )
        crawler.signals.connect(pipeline.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(pipeline.item_error, signal=signals.item_error)
        return pipeline

    def process_item(self, item):
        if not isinstance(item, ProcessedPage) or item.outcome.record is None:
            return item
        record = item.outcome.record
        fingerprint = item.outcome.simhash
        if fingerprint is None:  # an Outcome built outside process_page
            fingerprint = simhash(record.text)
        canonical, own = str(record.canonical_url), canonicalize(item.url)
        seen = self._seen(canonical) or self._seen(own)
        if seen is not None and canonical != own and self._another_article(seen, fingerprint):
            record = _keyed_by(record, own)
            item.outcome = replace(item.outcome, record=record)
            seen = self._seen(own)
        hashes = {record.content_hash, item.unstripped_hash} - {None}
        moved = seen is None and self._moved_here_unchanged(item, hashes)
        if moved or (seen is not None and seen.content_hash in hashes):
            self.store.touch((seen or moved).canonical_url)
            self.crawler.stats.inc_value(f"source/{item.source or NO_SOURCE}/unchanged")
            self._skip("unchanged", item.url)
        if seen is not None:
            # The same URL, edited. Its id stays the one downstream already has, even when
            # the page now declares another canonical URL (a new id kept both versions).
            update = {"previous_hash": seen.content_hash, "flags": [*record.flags, "updated"],
                      "id": seen.record_id}  # fmt: skip
        else:
            update = self._near_duplicate_update(record, fingerprint, item.url)
        if update:
            record = ArticleRecord.model_validate({**record.model_dump(), **update})
            item.outcome = replace(item.outcome, record=record)
        self._claim(record, item)
        # Kept until the record is written, then stored with it (item_scraped, below).
        self.fingerprints[record.id] = fingerprint
        self._note_emitted(record, fingerprint, (item.url, *item.redirected_from))
        return item

    def _claim(self, record: ArticleRecord, item: ProcessedPage) -> None:
        """The article's URLs, claimed for this crawl until the store remembers the record
        (crawler.state.claims). Another crawl sharing the store that fetched the same story
        a moment ago holds them: it emits the story, this one leaves it (both found it
        unknown, and both emitted it)."""
        fetched = {canonicalize(url) for url in (item.url, *item.redirected_from)}
        keys = tuple(sorted({str(record.canonical_url), *fetched}))
        holder = self.store.claim(keys)
        if holder is not None:
            # Counted with the source's unchanged articles: it has news, emitted elsewhere
            # (as new it would be counted twice, and not at all it would read as a silence).
            self.crawler.stats.inc_value(f"source/{item.source or NO_SOURCE}/unchanged")
            self._skip("emitted_by_another_run", item.url)
        self.claimed[item.url] = keys

    def _note_emitted(self, record: ArticleRecord, fingerprint: int, fetched) -> None:
        """This run's lookups know the record as it leaves for the write pipeline."""
        canonical = str(record.canonical_url)
        aliases = {canonicalize(url) for url in fetched}
        now = datetime.now(UTC)
        emitted = SeenArticle(
            canonical, record.id, record.content_hash, None, now, now, fingerprint
        )
        for url in (canonical, *aliases):
            self.emitted[url] = emitted
        self.emitted_hashes.setdefault(record.content_hash, []).append((record.id, canonical))
        self.pending[fetched[0]] = emitted

    def _forget_unwritten(self, url: str) -> None:
        """A record dropped after dedup (its write failed) was never emitted."""
        if (keys := self.claimed.pop(url, None)) is not None:
            self.store.release(keys)
        emitted = self.pending.pop(url, None)
        if emitted is None:
            return
        for key in [key for key, seen in self.emitted.items() if seen is emitted]:
            del self.emitted[key]
        pairs = self.emitted_hashes.get(emitted.content_hash, [])
        pairs.remove((emitted.record_id, emitted.canonical_url))
        self.fingerprints.pop(emitted.record_id, None)

    @staticmethod
    def _another_article(seen: SeenArticle, fingerprint: int) -> bool:
        """The page's declared canonical names an article with another text: a template or
        a caching plugin that prints one story's canonical on others, or an author's page
        on a shared host naming another's. Taken at its word, each such page became an
        "update" of that article, every run re-emitted them all, and `merge` kept one text
        of several. An edit of the article, or the same text under another spelling of its
        URL, stays within SIBLING_DISTANCE. A claimant fetched before the article is known
        still takes its id: nothing says yet what the article's text is."""
        if seen.simhash is None:
            return False  # a store written before it kept the text's SimHash
        return distance(fingerprint, seen.simhash) > SIBLING_DISTANCE

    def _moved_here_unchanged(self, item: ProcessedPage, hashes: set[str]):
        """The article a redirect moved here (a 301 from a URL we emitted), when its text is
        the same: not a new record. An edited one stays new (flagged near_duplicate), since
        a removed story redirecting to a section page must not overwrite the story."""
        for url in item.redirected_from:
            seen = self._seen(canonicalize(url))
            if seen is not None and seen.content_hash in hashes:
                return seen
        return None

    def _near_duplicate_update(self, record: ArticleRecord, fingerprint: int, url: str) -> dict:
        same_text = self.store.records_with_hash(record.content_hash)
        # This run's records too: a store locked by another process keeps writes in memory.
        same_text += [
            pair
            for pair in self.emitted_hashes.get(record.content_hash, [])
            if pair not in same_text
        ]
        for record_id, record_url in same_text:
            if record_id != record.id and _spelled_alike(record_url, record.canonical_url):
                self._skip_url_variant(canonicalize(url), record_url)
        original = same_text[0][0] if same_text else None
        if original is None:
            near = [
                record_id
                for record_id, other in self.store.simhash_candidates(fingerprint)
                if distance(fingerprint, other) <= self.max_distance
            ]
            original = near[0] if near else None
        if original is None or original == record.id:
            return {}
        if self.action == "skip":
            self.fingerprints.pop(record.id, None)
            self._skip("near_duplicate", url)
        return {"duplicate_of": original, "flags": [*record.flags, "near_duplicate"]}

    def _skip_url_variant(self, url: str, original_url: str):
        """The text of an article this host already gave under another spelling of its URL
        (a trailing slash, another case, a parameter the canonical URL keeps): one record
        per article. The URL becomes the article's alias, so the next run knows it."""
        self.store.add_alias(url, original_url)
        original = self._seen(original_url)
        if original is not None:
            self.emitted[url] = original
        self._skip("url_variant", url)

    def _seen(self, url: str) -> SeenArticle | None:
        return self.emitted.get(url) or self.store.seen(url)

    def _skip(self, reason: str, url: str):
        self.crawler.stats.inc_value(f"outcomes/skipped/{reason}")
        raise DropItem(f"{reason}: {url}", log_level="DEBUG")

    def item_dropped(self, item, response, exception, spider) -> None:
        """Pages rejected for what they are (not for a transient error) are not refetched."""
        if isinstance(exception, Rejected) and exception.reason in PERMANENT_REJECTS:
            self.store.remember_reject(canonicalize(exception.url), exception.reason)
        self._forget_unwritten(getattr(item, "url", None))

    def item_error(self, item, response, spider, failure) -> None:
        self._forget_unwritten(getattr(item, "url", None))

    def item_scraped(self, item, response, spider) -> None:
        if not isinstance(item, dict) or "content_hash" not in item:
            return
        fetched = [response.url, *response.meta.get("redirect_urls", ())] if response else []
        aliases = tuple({canonicalize(url) for url in [item["url"], *fetched]})
        fingerprint = self.fingerprints.pop(item["id"], None)
        if fingerprint is None:
            fingerprint = simhash(item["text"])
        self.store.remember(item["canonical_url"], item, fingerprint, aliases)
        for url in (response.url if response else None, item["url"]):
            self.pending.pop(url, None)
            self.claimed.pop(url, None)  # given back by remember(), once it is stored
        self.crawler.stats.inc_value("state/remembered")
        published = item.get("published_at")
        if item.get("source") and published:
            self.store.advance_cursor(item["source"], datetime.fromisoformat(published))


def _keyed_by(record: ArticleRecord, url: str) -> ArticleRecord:
    """The record under its own canonical URL and the id that URL gives."""
    return ArticleRecord.model_validate(
        {**record.model_dump(), "canonical_url": url, "id": id_for(url)}
    )


def _spelled_alike(a: str, b) -> bool:
    """One host and one path but for a trailing slash and case, whatever the query: how one
    page is spelled in a template's links. Two paths are two pages, even with the same text
    (a paywall's or an error's stub), and another host is a syndication or a mirror."""
    if not a:
        return False
    a_parts, b_parts = urlsplit(a), urlsplit(str(b))
    return a_parts.netloc == b_parts.netloc and _loose_path(a_parts.path) == _loose_path(
        b_parts.path
    )


def _loose_path(path: str) -> str:
    return path.rstrip("/").casefold()
