"""Hostile feeds, sitemaps and link traps: real `feeds`, `sitemap` and `site` crawls."""

from __future__ import annotations

import json

import pytest

from spiders.site import MAX_LINKS_PER_PAGE
from spiders.sitemap import MAX_INDEX_DEPTH
from tests.hostile.crawl import assert_accounted, crawl, places
from tests.hostile.documents import (
    BIG_SITEMAP_URLS,
    BROKEN_LINKS,
    RECENT_IN_BIG,
    UNFETCHABLE_LINKS,
)
from tests.hostile.pages import article_html
from tests.hostile.server import TRAP_LINKS, HostileWeb

PASSWD_MARKERS = ("root:x:0:0", "/bin/bash", "/usr/sbin/nologin")
FEEDS = ("billion-laughs", "external-entity", "bad-dates", "html", "no-urls", "json")
SITEMAPS = ("index.xml", "big.xml", "html.xml", "bomb.xml.gz", "bad-offsets.xml", "urls.txt",
            "declared-utf16.xml", "cross-host.xml", "cross-host-index.xml",
            "billion-laughs.xml", "nested.xml")  # fmt: skip
CALENDAR = "/trap/calendar/2026/11/23/?page="
DEPTH, MAX_PAGES = 4, 30


@pytest.fixture(scope="module")
def web():
    with HostileWeb() as hostile:
        yield hostile


@pytest.fixture(scope="module")
def feeds_crawl(web, tmp_path_factory):
    feeds = ",".join(web.url(f"/feeds/{name}.{'json' if name == 'json' else 'xml'}")
                     for name in FEEDS)  # fmt: skip
    return crawl("feeds", tmp_path_factory.mktemp("feeds"), {"feed": feeds})


@pytest.fixture(scope="module")
def sitemap_crawl(web, tmp_path_factory):
    sitemaps = ",".join(web.url(f"/sitemaps/{name}") for name in SITEMAPS)
    args = {"sitemap": sitemaps, "since": "2026-11-01"}
    return crawl("sitemap", tmp_path_factory.mktemp("sitemaps"), args)


@pytest.fixture(scope="module")
def site_crawl(web, tmp_path_factory):
    starts = [f"{CALENDAR}1", "/trap/links/", "/trap/session/", "/trap/schemes/"]
    args = {
        "start": ",".join(web.url(path) for path in starts),
        "depth": str(DEPTH),
        "max_pages": str(MAX_PAGES),
    }
    return crawl("site", tmp_path_factory.mktemp("site"), args)


def reject_reason(result, url: str) -> str:
    ((kind, line),) = places(result, url)
    assert kind == "reject", line
    return line["reason"]


def test_billion_laughs_feed_is_refused_not_expanded(feeds_crawl, web):
    url = web.url("/feeds/billion-laughs.xml")
    assert reject_reason(feeds_crawl, url) == "bad_feed"
    ((_, line),) = places(feeds_crawl, url)
    assert "amplification" in line["detail"]
    assert web.hits["/feeds/article/laughs"] == 0


def test_external_entity_is_never_read(feeds_crawl, web):
    record = places(feeds_crawl, web.url("/feeds/article/xxe"))[0][1]
    outputs = json.dumps(feeds_crawl.lines("articles.jsonl") + feeds_crawl.lines("rejects.jsonl"))
    assert not [marker for marker in PASSWD_MARKERS if marker in outputs + feeds_crawl.log]
    assert "&xxe;" not in json.dumps(record)  # the unexpanded reference is dropped, not kept


def test_feed_with_invalid_dates_still_yields_its_articles(feeds_crawl, web):
    for n in range(1, 7):
        ((kind, record),) = places(feeds_crawl, web.url(f"/feeds/article/date-{n}"))
        assert kind == "record"
        assert record["published_at"] == "2026-11-20T09:00:00Z"  # the page's own date


def test_html_served_as_a_feed_is_a_bad_feed(feeds_crawl, web):
    assert reject_reason(feeds_crawl, web.url("/feeds/html.xml")) == "bad_feed"


def test_feed_entries_that_name_no_page_are_counted(feeds_crawl, web):
    """An item with an id for a guid and no link was dropped without a trace."""
    assert feeds_crawl.summary["not_requested"]["no_url"] == 2
    assert places(feeds_crawl, web.url("/feeds/article/beside-no-urls"))[0][0] == "record"


def test_a_json_feed_is_read(feeds_crawl, web):
    """It was a `bad_feed` ("no XML root element"), and its articles were never requested."""
    (kind, line), *_ = places(feeds_crawl, web.url("/feeds/article/from-a-json-feed"))
    assert kind == "record" and line["authors"] == ["Ida Lind"]


def test_feeds_crawl_balances(feeds_crawl):
    summary = assert_accounted(feeds_crawl)
    assert summary["skipped_by_reason"] == {"feed": 4}  # all but the two bad ones


def test_sitemap_index_including_itself_is_read_once(sitemap_crawl, web):
    assert web.hits["/sitemaps/index.xml"] == 1
    assert web.hits["/sitemaps/child.xml"] == 1
    assert sitemap_crawl.summary["not_requested"]["duplicate"] >= 2
    for n in (1, 2):
        assert places(sitemap_crawl, web.url(f"/sitemaps/article/child-{n}"))[0][0] == "record"


def test_big_sitemap_is_read_and_filtered_without_fetching_it_all(sitemap_crawl, web):
    recent = [web.url(f"/sitemaps/article/big-{n}") for n in range(RECENT_IN_BIG)]
    assert all(places(sitemap_crawl, url)[0][0] == "record" for url in recent)
    filtered = sitemap_crawl.summary["not_requested"]["filtered_by_since"]
    assert filtered == BIG_SITEMAP_URLS - RECENT_IN_BIG
    assert not [path for path in web.hits if path.startswith("/sitemaps/article/old-")]


def test_html_and_gzip_bomb_sitemaps_are_bad_sitemaps(sitemap_crawl, web):
    assert reject_reason(sitemap_crawl, web.url("/sitemaps/html.xml")) == "bad_sitemap"
    assert reject_reason(sitemap_crawl, web.url("/sitemaps/bomb.xml.gz")) == "bad_sitemap"


def test_a_sitemap_past_a_parser_limit_is_refused_whole(sitemap_crawl, web):
    """An entity bomb or nesting past 256 levels stops libxml2's streamed reader. It was a
    skip `sitemap` listing what came before, and the entries after it were lost unseen."""
    for name in ("billion-laughs.xml", "nested.xml"):
        assert reject_reason(sitemap_crawl, web.url(f"/sitemaps/{name}")) == "bad_sitemap"
    listed = tuple(f"/sitemaps/article/{name}" for name in ("laughs-", "after-", "before-"))
    assert not [path for path in web.hits if path.startswith(listed)]


def test_sitemap_crawl_balances(sitemap_crawl):
    summary = assert_accounted(sitemap_crawl)
    # index, child, big, bad-offsets, urls.txt, declared-utf16, cross-host, cross-host-index
    assert summary["skipped_by_reason"] == {"sitemap": 8}


def test_a_text_sitemap_is_read_line_by_line(sitemap_crawl, web):
    for n in (1, 2):
        ((kind, _),) = places(sitemap_crawl, web.url(f"/sitemaps/article/text-{n}"))
        assert kind == "record"
    # Counted as any sitemap entry no request can be made from (`file:`, `javascript:`): the
    # relative first line and "not a url".
    assert sitemap_crawl.summary["not_requested"]["unfetchable"] == 2
    assert "/sitemaps/article/relative" not in web.hits


def test_sitemap_entries_on_another_host_are_counted_not_followed(sitemap_crawl, web):
    """sitemaps.org: a sitemap lists its own host. An article and a child sitemap on
    another host were fetched: a hostile sitemap could send the crawl anywhere."""
    assert places(sitemap_crawl, web.url("/sitemaps/article/same-host"))[0][0] == "record"
    assert sitemap_crawl.summary["not_requested"]["out_of_scope"] == 2
    ledger = sitemap_crawl.lines("articles.jsonl") + sitemap_crawl.lines("rejects.jsonl")
    assert not [line["url"] for line in ledger if "localhost" in line["url"]]


def test_a_sitemap_entry_with_no_loc_is_counted(sitemap_crawl):
    assert sitemap_crawl.summary["not_requested"]["no_url"] == 1


def test_a_utf8_sitemap_declaring_utf16_is_read_as_utf8(sitemap_crawl, web):
    ((kind, record),) = places(sitemap_crawl, web.url("/sitemaps/article/declared-utf16-caf%C3%A9"))
    assert kind == "record"


def test_dates_with_impossible_zone_offsets_lose_no_entry(sitemap_crawl, web):
    for n in (1, 2, 3):
        ((kind, _),) = places(sitemap_crawl, web.url(f"/sitemaps/article/offset-{n}"))
        assert kind == "record"


def test_an_endless_chain_of_sitemap_indexes_ends_at_the_nesting_limit(web, tmp_path):
    result = crawl("sitemap", tmp_path, {"sitemap": web.url("/sitemaps/chain.xml?n=0")})
    chain = sorted(path for path in web.hits if path.startswith("/sitemaps/chain.xml"))
    assert len(chain) == MAX_INDEX_DEPTH + 1  # the index given, and three nested below it
    summary = assert_accounted(result)
    assert summary["not_requested"]["too_deep"] == 1
    assert summary["skipped_by_reason"] == {"sitemap": MAX_INDEX_DEPTH + 1}


def test_infinite_calendar_ends_at_the_depth_limit(site_crawl, web):
    fetched = sorted(int(path.rsplit("=", 1)[1]) for path in web.hits if path.startswith(CALENDAR))
    assert fetched == list(range(1, DEPTH + 2))  # the start page and DEPTH links deep


def test_page_of_many_links_ends_at_the_page_limit(site_crawl, web):
    items = [path for path in web.hits if path.startswith("/trap/links/") and path[12:].isdigit()]
    assert len(items) == MAX_PAGES - 1  # the start page counts
    # Only the first MAX_LINKS_PER_PAGE anchors of a page are read at all.
    considered = min(TRAP_LINKS, MAX_LINKS_PER_PAGE)
    assert site_crawl.summary["not_requested"]["over_max_pages"] == considered - len(items)
    # The anchors past them are counted, not lost silently (hostile audit 8).
    over = site_crawl.summary["not_requested"].get("links_over_limit")
    assert over == TRAP_LINKS - MAX_LINKS_PER_PAGE


def test_max_pages_counts_every_request_redirect_hops_included(web, tmp_path):
    """An endless calendar whose links redirect: the site is asked for max_pages pages,
    not one more (each hop is a request), and not fewer while pages remain."""
    result = crawl("site", tmp_path, {"start": web.url("/trap/moved/0/"), "max_pages": "20",
                                      "depth": "100"})  # fmt: skip
    asked = [path for path in web.hits if path.startswith("/trap/moved/")]
    assert sum(web.hits[path] for path in asked) == 20
    summary = assert_accounted(result)
    assert summary["skipped_by_reason"]["over_max_pages"] >= 1  # a hop the budget refused


def test_session_ids_canonicalize_to_one_request(site_crawl, web):
    assert sum(n for path, n in web.hits.items() if path.startswith("/trap/story")) == 1
    assert site_crawl.summary["not_requested"]["duplicate"] >= 149  # 150 spellings, 1 fetch


def test_javascript_data_file_mailto_links_are_never_requested(site_crawl, web):
    assert not [path for path in web.hits if "passwd" in path or "alert" in path]
    assert not [path for path in web.hits if "long-long" in path]
    not_requested = site_crawl.summary["not_requested"]
    assert not_requested["unfetchable"] == len(UNFETCHABLE_LINKS)
    assert not_requested["bad_url"] == len(BROKEN_LINKS)  # counted, not rejects
    lines = site_crawl.lines("articles.jsonl") + site_crawl.lines("rejects.jsonl")
    assert all(line["url"].startswith("http://127.0.0.1:") for line in lines)
    assert "root:x:0:0" not in site_crawl.log


def test_site_crawl_balances(site_crawl):
    assert_accounted(site_crawl)


def test_a_start_page_moved_to_another_site_is_crawled_there_and_redirectors_stay_in(tmp_path):
    """The start page redirected to another host, and every link there was out of scope:
    nothing crawled, exit 0. A link on the site that a redirector sends off it ("/go?u=")
    was followed, and the other site's page emitted. A link to a file went uncounted."""
    story = article_html("Chip export rules tighten again")
    with HostileWeb() as own:

        def moved(handler) -> None:
            handler.send(301, b"", Location=handler.other_origin + "/home/")

        def home(handler) -> None:
            links = '<a href="/home/2026/11/chip-rules">Chip rules</a>'
            links += '<a href="/files/report.pdf">The report (PDF)</a>'
            links += f'<a href="/go?u={handler.origin}/away/2026/11/story">Elsewhere</a>'
            handler.send(200, f"<html><body>{links}</body></html>".encode())

        def redirector(handler) -> None:
            handler.send(302, b"", Location=handler.origin + "/away/2026/11/story")

        own.server.routes.update({
            "/moved/": moved, "/home/": home, "/go": redirector,
            "/home/2026/11/chip-rules": lambda h: h.send(200, story.encode()),
            "/away/2026/11/story": lambda h: h.send(200, story.encode()),
        })  # fmt: skip
        result = crawl("site", tmp_path, {"start": own.url("/moved/")},
                       {"ALLOWED_PRIVATE_HOSTS": "127.0.0.1,localhost"})  # fmt: skip
        assert own.hits["/away/2026/11/story"] == 0
    summary = assert_accounted(result)
    assert [line["url"] for line in result.lines("articles.jsonl")] == [
        own.url("/home/2026/11/chip-rules", host="localhost")
    ]
    assert summary["skipped_by_reason"]["out_of_scope"] == 1
    assert summary["not_requested"]["file_link"] == 1  # a file: not requested, but counted


def test_the_page_budget_is_spent_breadth_first(tmp_path):
    """Scrapy's queue is last in, first out: a chain of ever deeper links met first spent
    max_pages before the sections' articles were asked for."""
    story = article_html("Chip export rules tighten again").encode()
    with HostileWeb() as own:

        def home(handler) -> None:
            links = "".join(f'<a href="/list/{n}/">Section {n}</a>' for n in range(4))
            handler.send(
                200, f"<html><body>{links}<a href='/deep/0/'>More</a></body></html>".encode()
            )

        def section(handler) -> None:
            n = handler.path.strip("/").split("/")[1]
            links = "".join(f'<a href="/2026/11/s{n}-story-{k}">Story</a>' for k in range(3))
            handler.send(200, f"<html><body>{links}</body></html>".encode())

        def deeper(handler) -> None:
            level = int(handler.path.strip("/").split("/")[1])
            handler.send(
                200, f"<html><body><a href='/deep/{level + 1}/'>More</a></body></html>".encode()
            )

        own.server.routes["/home/"] = home
        own.server.prefixes.update({"/list/": section, "/deep/": deeper,
                                    "/2026/11/": lambda h: h.send(200, story)})  # fmt: skip
        result = crawl("site", tmp_path, {"start": own.url("/home/"), "max_pages": "20",
                                          "depth": "50"}, {"CONCURRENT_REQUESTS": "1"})  # fmt: skip
    assert_accounted(result)
    assert len(result.lines("articles.jsonl")) == 12  # every section's stories
