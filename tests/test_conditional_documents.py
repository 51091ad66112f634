"""A feed or sitemap that answers 304 hides its entries from the run: so its validators are
saved only when every page it listed was fetched in a run that finished. Real crawls of a
loopback site that honours If-None-Match, run after run into one OUTPUT_DIR."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from crawler.core.validators import kept_last_modified
from crawler.demo.runner import run_crawl
from tests.bulk_site import article
from tests.discovery_sites import HTML, DiscoverySite

ETAG = '"feed-v1"'
PAGES = (1, 2, 3)


def one_feed(origin: str) -> dict:
    """A feed with an ETag, listing three articles at /a/<n>.html."""
    items = "".join(
        f"<item><title>{article(n)[0]}</title><link>{origin}/a/{n}.html</link></item>"
        for n in PAGES
    )
    feed = f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()
    pages = {f"/a/{n}.html": (200, HTML, article(n)[1].encode()) for n in PAGES}
    return {"/feed.xml": (200, "application/rss+xml", feed, {"ETag": ETAG}), **pages}


def pages_fetched(site: DiscoverySite) -> list[str]:
    return [path for path in site.hits if path.startswith("/a/")]


def crawl(site: DiscoverySite, out, **args):
    result = run_crawl("feeds", out, {"feed": site.origin + "/feed.xml", **args},
                       {"RETRY_TIMES": "0"})  # fmt: skip
    assert result.returncode == 0, result.log[-3000:]
    return result


def test_a_page_that_failed_is_fetched_again_next_run_through_its_feed(tmp_path):
    """The feed's validators were saved as it arrived: the next run got a 304, and the page
    that had failed with a 500 ("retried next run") was never asked for again."""
    with DiscoverySite(one_feed) as site:
        site.add("/a/2.html", 500, HTML, b"busy")
        first = crawl(site, tmp_path)
        assert first.summary["rejected_by_reason"] == {"http_500": 1}
        site.add("/a/2.html", 200, HTML, article(2)[1].encode())
        second = crawl(site, tmp_path)
        assert [line["url"] for line in second.lines("articles.jsonl")] == [
            site.origin + "/a/2.html"
        ]
        third = crawl(site, tmp_path)  # every page settled: now the 304 is safe
        assert third.summary["skipped_by_reason"] == {"not_modified": 1}
        assert third.summary["counts"]["requests"] == 1


def test_refresh_asks_for_the_feed_unconditionally(tmp_path):
    with DiscoverySite(one_feed) as site:
        crawl(site, tmp_path)
        again = crawl(site, tmp_path, refresh="1")
        assert "not_modified" not in again.summary["skipped_by_reason"]
        assert pages_fetched(site).count("/a/1.html") == 2  # fetched again, as refresh=1 says


def test_a_run_stopped_early_leaves_its_feed_to_be_read_again(tmp_path):
    """A run that ended before its queue did (here CLOSESPIDER_PAGECOUNT; SIGTERM and kill -9
    alike): the pages it never fetched were hidden behind the next run's 304."""
    with DiscoverySite(one_feed) as site:
        stopped = run_crawl("feeds", tmp_path, {"feed": site.origin + "/feed.xml"},
                            {"CLOSESPIDER_PAGECOUNT": "2", "CONCURRENT_REQUESTS": "1"})  # fmt: skip
        assert stopped.summary["finish_reason"] == "closespider_pagecount"
        assert len(set(pages_fetched(site))) < len(PAGES)
        # The pages it had listed and not sent are counted, and named, not unaccounted.
        assert stopped.summary["counts"]["unaccounted"] == 0, stopped.summary["counts"]
        # Requests it had made are `stopped` and named; entries the feed's callback read after
        # the limit (robots.txt and the feed were its two pages) never became requests:
        # counted under not_requested.
        left = stopped.summary["stopped_before_fetch"]
        assert stopped.summary["skipped_by_reason"].get("stopped", 0) == len(left)
        assert left or stopped.summary["not_requested"].get("stopped")
        assert {url.removeprefix(site.origin) for url in left}.isdisjoint(pages_fetched(site))
        crawl(site, tmp_path)
        assert set(pages_fetched(site)) == {f"/a/{n}.html" for n in PAGES}


def test_a_feed_moved_by_a_redirect_is_asked_for_conditionally(tmp_path):
    """Audit 22: its validators were saved under the URL it moved to and looked up under
    the URL given, so every run downloaded it whole."""

    def moved(origin: str) -> dict:
        return {**one_feed(origin), "/old-feed.xml": (301, HTML, b"", {"Location": "/feed.xml"})}

    with DiscoverySite(moved) as site:
        args = {"feed": site.origin + "/old-feed.xml"}
        first = run_crawl("feeds", tmp_path, args, {"RETRY_TIMES": "0"})
        assert len(first.lines("articles.jsonl")) == len(PAGES)
        second = run_crawl("feeds", tmp_path, args, {"RETRY_TIMES": "0"})
        assert second.summary["skipped_by_reason"] == {"not_modified": 1}


def test_pages_skipped_or_rejected_for_this_run_only_leave_their_feed_to_be_read_again(tmp_path):
    """Audit 25: a listed page skipped because robots.txt answered 503, or rejected for a
    reason that is tried again (here too_long under a lower MAX_WORDS; extract_timeout and
    internal_error alike), was hidden for good by the next run's 304."""
    with DiscoverySite(one_feed) as pages, DiscoverySite(lambda origin: {}) as site:
        # The feed on one host lists the pages of another, whose robots.txt is down.
        feed, _, body, headers = one_feed(pages.origin)["/feed.xml"]
        site.add("/feed.xml", feed, "application/rss+xml", body, **headers)
        pages.add("/robots.txt", 503, "text/plain", b"busy")
        first = crawl(site, tmp_path)
        assert first.summary["skipped_by_reason"].get("robots") == len(PAGES), first.summary
        pages.add("/robots.txt", 200, "text/plain", b"User-agent: *\nAllow: /\n")
        second = crawl(site, tmp_path)
        assert second.summary["counts"]["accepted"] == len(PAGES), second.summary
    with DiscoverySite(one_feed) as site:
        out = tmp_path / "too_long"
        result = run_crawl("feeds", out, {"feed": site.origin + "/feed.xml"},
                           {"RETRY_TIMES": "0", "MAX_WORDS": "120", "MIN_WORDS": "20"})  # fmt: skip
        assert result.summary["rejected_by_reason"] == {"too_long": len(PAGES)}, result.summary
        again = crawl(site, out)
        assert again.summary["counts"]["accepted"] == len(PAGES), again.summary
        assert crawl(site, out).summary["skipped_by_reason"] == {"not_modified": 1}


def test_a_last_modified_in_the_future_is_not_sent_back(tmp_path):
    """Audit 36: a feed stamped 2099 was saved and sent back as If-Modified-Since, and an
    honest server answered 304 to every later copy: its new entries were never read."""

    def feed_of(origin: str, pages: tuple[int, ...], stamp: str) -> dict:
        routes = one_feed(origin)
        items = "".join(f"<item><link>{origin}/a/{n}.html</link></item>" for n in pages)
        body = f'<rss version="2.0"><channel><title>t</title>{items}</channel></rss>'.encode()
        routes["/feed.xml"] = (200, "application/rss+xml", body, {"Last-Modified": stamp})
        return routes

    with DiscoverySite(
        lambda origin: feed_of(origin, (1,), "Thu, 01 Jan 2099 00:00:00 GMT")
    ) as site:
        crawl(site, tmp_path)
        now = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
        site.server.routes.update(feed_of(site.origin, (1, 2), now))
        crawl(site, tmp_path)
        assert "/a/2.html" in pages_fetched(site)


def test_only_a_last_modified_past_now_and_the_slack_is_dropped():
    now = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    assert kept_last_modified("Mon, 07 Dec 2026 12:30:00 GMT", now)  # a clock running ahead
    assert kept_last_modified("Mon, 07 Dec 2026 13:30:00 GMT", now) is None
    assert kept_last_modified("Sun, 06 Dec 2026 12:00:00 GMT", now)
    assert kept_last_modified(None, now) is None


@pytest.mark.parametrize("value", ["yesterday", "0", "2026-12-07", "Mon, 99 Foo 2026 xx GMT"])
def test_a_last_modified_that_is_no_http_date_is_not_kept(value):
    """Hostile audit 4: an unparseable Last-Modified was saved and sent back as
    If-Modified-Since, a value no server can compare with its copy's date."""
    assert kept_last_modified(value, datetime(2026, 12, 7, 12, 0, tzinfo=UTC)) is None


def index_and_child(origin: str, pages: tuple[int, ...] = (1, 2), version: str = "v1") -> dict:
    """A sitemap index (with its own ETag) naming one child sitemap that lists `pages`."""
    urls = "".join(f"<url><loc>{origin}/a/{n}.html</loc></url>" for n in pages)
    child = f"<urlset xmlns='{SITEMAPS_NS}'>{urls}</urlset>".encode()
    index = (
        f"<sitemapindex xmlns='{SITEMAPS_NS}'><sitemap><loc>{origin}/child.xml</loc></sitemap>"
        "</sitemapindex>"
    ).encode()
    articles = {f"/a/{n}.html": (200, HTML, article(n)[1].encode()) for n in (1, 2, 3)}
    return {
        "/index.xml": (200, "application/xml", index, {"ETag": '"index-v1"'}),
        "/child.xml": (200, "application/xml", child, {"ETag": f'"child-{version}"'}),
        **articles,
    }


SITEMAPS_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def test_a_sitemap_index_unchanged_still_leads_to_its_changed_children(tmp_path):
    """Operator audit: the index answered 304 and its children were never asked for, so an
    article added to a child sitemap alone was hidden until `refresh=1`."""
    with DiscoverySite(index_and_child) as site:
        args = {"sitemap": site.origin + "/index.xml"}
        first = run_crawl("sitemap", tmp_path, args, {"RETRY_TIMES": "0"})
        assert len(first.lines("articles.jsonl")) == 2, first.summary
        site.server.routes.update(index_and_child(site.origin, (1, 2, 3), "v2"))
        second = run_crawl("sitemap", tmp_path, args, {"RETRY_TIMES": "0"})
        assert [line["url"] for line in second.lines("articles.jsonl")] == [
            site.origin + "/a/3.html"
        ]
        # Unchanged, the child costs one 304; the index, read whole, no page request.
        third = run_crawl("sitemap", tmp_path, args, {"RETRY_TIMES": "0"})
        assert third.summary["skipped_by_reason"] == {"sitemap": 1, "not_modified": 1}
        assert third.summary["counts"]["requests"] == 2


EDIT = "<p>Update: the lab confirmed the release date and answered our questions.</p>"


def recent_feed(origin: str, edited: tuple[int, ...] = ()) -> dict:
    """one_feed's site, its articles published an hour ago; those in `edited` with a line
    added to their text."""
    hour_ago = (datetime.now(UTC) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    routes = one_feed(origin)
    for n in PAGES:
        html = re.sub(r"\d{4}-\d\d-\d\dT08:00:00Z", hour_ago, article(n)[1])
        if n in edited:
            html = html.replace("</h1>", "</h1>" + EDIT)
        routes[f"/a/{n}.html"] = (200, HTML, html.encode())
    return routes


def test_an_unchanged_feed_still_leads_to_its_articles_within_the_refresh_window(tmp_path):
    """Operator audit: REFRESH_WINDOW promises a seen article is fetched again for 48 h, to
    catch an edit; but the feed answered 304 and its articles were never asked for."""
    with DiscoverySite(recent_feed) as site:
        assert len(crawl(site, tmp_path).lines("articles.jsonl")) == len(PAGES)
        site.server.routes.update(recent_feed(site.origin, edited=(2,)))
        second = crawl(site, tmp_path)
        edited = second.lines("articles.jsonl")
        assert [r["url"] for r in edited] == [site.origin + "/a/2.html"], second.summary
        assert "updated" in edited[0]["flags"]
