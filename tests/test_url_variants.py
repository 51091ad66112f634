"""One record per article when a site links it under URL variants and declares no canonical.

A template that prints no rel=canonical, and links one story as `/news/story`, `/news/story/`,
`/NEWS/Story` and `/news/story?s=12`, gave one record per spelling (the copies flagged
`near_duplicate`, and emitted again whenever a new spelling turned up). The same text under
another spelling of the URL (host and path alike but for a trailing slash and case) is a
counted skip, `url_variant`, and the URL becomes an alias of the article: the next run knows
it. Another path with the same text stays a flagged record.
"""

from __future__ import annotations

import pytest
from scrapy import signals
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from crawler.core.items import FetchedPage, ProcessedPage
from crawler.core.pipeline import process_page
from crawler.demo.runner import run_crawl
from crawler.state.store import open_store
from pipelines.dedup import DedupPipeline
from tests.bulk_site import article
from tests.discovery_sites import HTML, DiscoverySite
from tests.redis_server import needs_redis

STORY = "/news/story-one"
VARIANTS = [STORY + "/", "/NEWS/Story-One", STORY + "?s=12"]
OTHER = "/news/story-two"
STUB = "/news/story-three"  # another page serving the same text (a stub): a record of its own


def _site(origin: str) -> dict:
    paths = [STORY, *VARIANTS, OTHER, STUB]
    links = "".join(f'<li><a href="{path}">Story</a></li>' for path in paths)
    home = f"<html><head><title>Variant News</title></head><body><ul>{links}</ul></body></html>"
    story = (200, HTML, article(7)[1].encode())
    return {
        "/": (200, HTML, home.encode()),
        STORY: story,
        **{path: story for path in VARIANTS},
        OTHER: (200, HTML, article(8)[1].encode()),
        STUB: story,
    }


def test_url_variants_of_one_article_give_one_record_and_are_known_next_run(tmp_path):
    settings = {"STATE_URI": str(tmp_path / "state.sqlite3"), "REFRESH_WINDOW": "0"}
    with DiscoverySite(_site) as site:
        first = run_crawl("site", tmp_path / "a", {"start": site.origin + "/"}, settings)
        second = run_crawl("site", tmp_path / "b", {"start": site.origin + "/"}, settings)
        hits = site.hits
    assert first.returncode == 0, first.log[-3000:]
    records = {r["url"].removeprefix(site.origin): r for r in first.lines("articles.jsonl")}
    # One record for the story, under whichever spelling was fetched first.
    (story,) = [records[path] for path in records if path in [STORY, *VARIANTS]]
    assert sorted(records) == sorted([story["url"].removeprefix(site.origin), OTHER, STUB])
    # The stub and the story: whichever came second is flagged a copy of the first.
    copies = {story["duplicate_of"], records[STUB]["duplicate_of"]}
    assert copies in ({None, story["id"]}, {None, records[STUB]["id"]})
    assert "near_duplicate" not in records[OTHER]["flags"]
    assert first.summary["skipped_by_reason"]["url_variant"] == len(VARIANTS)
    assert first.summary["counts"]["unaccounted"] == 0
    # The next run fetches none of the spellings again: all are known.
    assert second.returncode == 0, second.log[-3000:]
    assert second.lines("articles.jsonl") == []
    assert second.summary["not_requested"]["already_seen"] == 3 + len(VARIANTS)
    story_hits = [hit for hit in hits if hit.casefold().startswith(STORY)]
    assert len(story_hits) == 1 + len(VARIANTS), hits


def _store_knows_variants(store) -> None:
    record = {"id": "abc123", "content_hash": "h1", "source": None, "published_at": None}
    store.remember("https://news.example/story", record, 12345, ())
    store.remember("https://news.example/copy", {**record, "id": "def456"}, 12345, ())
    assert store.records_with_hash("h1") == [
        ("abc123", "https://news.example/story"),
        ("def456", "https://news.example/copy"),
    ]
    assert store.records_with_hash("h2") == []
    store.add_alias("https://news.example/story/", "https://news.example/story")
    seen = store.seen("https://news.example/story/")
    assert seen is not None and seen.record_id == "abc123"


def test_the_sqlite_store_answers_whose_text_it_is_and_keeps_aliases(tmp_path):
    _store_knows_variants(open_store(str(tmp_path / "state.sqlite3")))


@needs_redis
def test_the_redis_store_answers_whose_text_it_is_and_keeps_aliases(redis_server):
    _store_knows_variants(open_store(redis_server.url))


def _passed(pipeline, url: str, html: str):
    outcome = process_page(html.encode(), url)
    assert outcome.accepted, outcome.detail
    return pipeline.process_item(ProcessedPage(url=url, outcome=outcome, spider="t"))


def test_a_spelling_is_a_variant_of_a_record_passed_but_not_yet_written(tmp_path):
    """Scrapy sends item_scraped from an asyncio task: another page's record can reach dedup
    between the first record's write and that signal. Two spellings of one story both
    came out when dedup learned of a record only from the signal."""
    crawler = get_crawler(settings_dict={"STATE_URI": str(tmp_path / "s.sqlite3"),
                                         "OUTPUT_DIR": str(tmp_path)})  # fmt: skip
    crawler.stats.open_spider()
    pipeline = DedupPipeline.from_crawler(crawler)
    html = article(7)[1]
    first = _passed(pipeline, "http://news.test/news/story-one", html)
    with pytest.raises(DropItem, match="url_variant"):
        _passed(pipeline, "http://news.test/news/story-one/", html)
    assert crawler.stats.get_value("outcomes/skipped/url_variant") == 1
    # A record whose write failed (dropped after dedup) was never emitted: a later spelling
    # of it is a record, not a variant of nothing.
    crawler.signals.send_catch_log(
        signals.item_dropped, item=FetchedPage(first.url, b"", 200, "t"), response=None,
        exception=DropItem("not written"), spider=None)  # fmt: skip
    again = _passed(pipeline, "http://news.test/NEWS/Story-One", html)
    assert again.outcome.record.text == first.outcome.record.text
