"""A sitemap `<lastmod>` (a feed's `<updated>`) newer than the last fetch of a page fetches
it again, however old the article: past REFRESH_WINDOW an edit used to be missed until
`-a refresh=1`. A sitemap that stamps every entry with one date (when it was generated)
says nothing about any page, and refetches none. Real crawls of a loopback site, run after
run into one OUTPUT_DIR."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta

from crawler.core.dates import edit_dates
from crawler.demo.runner import run_crawl
from tests.bulk_site import article
from tests.discovery_sites import HTML, XML, DiscoverySite

PAGES = (1, 2, 3)
OLD = {1: "2026-11-02T08:00:00Z", 2: "2026-11-03T08:00:00Z", 3: "2026-11-04T08:00:00Z"}


def sitemap(origin: str, lastmods: dict[int, str]) -> bytes:
    urls = "".join(
        f"<url><loc>{origin}/a/{n}.html</loc><lastmod>{lastmods[n]}</lastmod></url>" for n in PAGES
    )
    return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode()


def old_site(origin: str) -> dict:
    """Three articles published in November, their sitemap's lastmods as old."""
    pages = {f"/a/{n}.html": (200, HTML, article(n)[1].encode()) for n in PAGES}
    return {"/sitemap.xml": (200, XML, sitemap(origin, OLD)), **pages}


def crawl(site: DiscoverySite, out):
    result = run_crawl("sitemap", out, {"sitemap": site.origin + "/sitemap.xml"})
    assert result.returncode == 0, result.log[-3000:]
    return result


def fetched(site: DiscoverySite) -> list[str]:
    return [path for path in site.hits if path.startswith("/a/")]


def just_now() -> str:
    return datetime.now(UTC).isoformat()


def test_an_entry_whose_lastmod_moved_past_its_last_fetch_is_fetched_again(tmp_path):
    with DiscoverySite(old_site) as site:
        crawl(site, tmp_path)
        assert sorted(fetched(site)) == [f"/a/{n}.html" for n in PAGES]
        correction = "<p>Correction: the figures were revised after the lab published its data.</p>"
        edited = article(2)[1].replace("</article>", correction + "</article>")
        site.add("/a/2.html", 200, HTML, edited.encode())
        site.add("/sitemap.xml", 200, XML, sitemap(site.origin, {**OLD, 2: just_now()}))
        second = crawl(site, tmp_path)
        assert fetched(site).count("/a/2.html") == 2
        assert fetched(site).count("/a/1.html") == fetched(site).count("/a/3.html") == 1
        (record,) = second.lines("articles.jsonl")
        assert record["url"].endswith("/a/2.html") and "updated" in record["flags"]
        assert second.summary["not_requested"]["already_seen"] == 2
        # Requested, so part of `requests`; not a link left unrequested (audit 19).
        assert second.summary["refetched"] == {"changed_since_seen": 1}
        assert "changed_since_seen" not in second.summary["not_requested"]
        crawl(site, tmp_path)  # fetched after its lastmod now: known again
        assert fetched(site).count("/a/2.html") == 2


def test_a_lastmod_still_ahead_fetches_nothing_again(tmp_path):
    """A zone mislabelled puts a lastmod hours ahead: read as an edit, it would fetch the page
    again every run until the time passed."""
    with DiscoverySite(old_site) as site:
        crawl(site, tmp_path)
        ahead = (datetime.now(UTC) + timedelta(hours=5)).isoformat()
        site.add("/sitemap.xml", 200, XML, sitemap(site.origin, {**OLD, 2: ahead}))
        crawl(site, tmp_path)
        assert len(fetched(site)) == len(PAGES)


def test_a_sitemap_stamped_with_one_date_throughout_fetches_nothing_again(tmp_path):
    with DiscoverySite(old_site) as site:
        crawl(site, tmp_path)
        stamp = just_now()
        site.add("/sitemap.xml", 200, XML, sitemap(site.origin, dict.fromkeys(PAGES, stamp)))
        second = crawl(site, tmp_path)
        assert len(fetched(site)) == len(PAGES)
        assert second.summary["not_requested"]["already_seen"] == len(PAGES)


def test_edit_dates_ignore_one_date_shared_by_every_entry():
    assert edit_dates(["2026-11-02", None, "2026-11-03"])[0] == datetime(2026, 11, 2, tzinfo=UTC)
    assert edit_dates(["2026-11-02", "2026-11-02T00:00:00Z", None]) == [None, None, None]
    assert edit_dates(["2026-11-02"]) == [datetime(2026, 11, 2, tzinfo=UTC)]
    assert edit_dates(["not a date", "2030-01-01"]) == [None, None]  # 2030: past tomorrow


def atom(origin: str, updated: dict[int, str]) -> bytes:
    entries = "".join(
        f"<entry><title>{article(n)[0]}</title><link href='{origin}/a/{n}.html'/>"
        f"<id>{origin}/a/{n}.html</id><updated>{updated[n]}</updated></entry>"
        for n in PAGES
    )
    return f"<feed xmlns='http://www.w3.org/2005/Atom'>{entries}</feed>".encode()


def test_a_feed_entry_updated_after_its_last_fetch_is_fetched_again(tmp_path):
    def old_feed(origin: str) -> dict:
        pages = {f"/a/{n}.html": (200, HTML, article(n)[1].encode()) for n in PAGES}
        return {"/atom.xml": (200, "application/atom+xml", atom(origin, OLD)), **pages}

    with DiscoverySite(old_feed) as site:
        args = {"feed": site.origin + "/atom.xml"}
        assert run_crawl("feeds", tmp_path, args).returncode == 0
        edited = atom(site.origin, {**OLD, 3: just_now()})
        site.add("/atom.xml", 200, "application/atom+xml", edited)
        second = run_crawl("feeds", tmp_path, args)
        assert second.returncode == 0, second.log[-3000:]
        assert fetched(site).count("/a/3.html") == 2 and len(fetched(site)) == len(PAGES) + 1


def test_a_rejected_page_whose_lastmod_moved_past_the_reject_is_fetched_again(tmp_path):
    """Audit 22: a developing story's stub (too short) or a 410 that came back was counted
    already seen once REFRESH_WINDOW had passed, and never read again."""
    stub = b"<html><body><article><h1>Lab fire</h1><p>This story is developing.</p></article>"

    def stubbed(origin: str) -> dict:
        return {**old_site(origin), "/a/2.html": (200, HTML, stub), "/a/3.html": (410, HTML, b"")}

    settings = {"REFRESH_WINDOW": "1"}  # past the window at once: the reject is old
    with DiscoverySite(stubbed) as site:
        first = run_crawl("sitemap", tmp_path, {"sitemap": site.origin + "/sitemap.xml"}, settings)
        rejects = {
            line["url"].rsplit("/", 1)[1]: line["reason"] for line in first.lines("rejects.jsonl")
        }
        assert rejects == {"2.html": "too_short", "3.html": "http_410"}
        time.sleep(1.5)
        second = run_crawl("sitemap", tmp_path, {"sitemap": site.origin + "/sitemap.xml"}, settings)
        assert second.summary["not_requested"]["already_rejected"] == 2  # nothing says it changed
        for n in (2, 3):
            site.add(f"/a/{n}.html", 200, HTML, article(n)[1].encode())
        site.add(
            "/sitemap.xml", 200, XML, sitemap(site.origin, {**OLD, 2: just_now(), 3: just_now()})
        )
        third = run_crawl("sitemap", tmp_path, {"sitemap": site.origin + "/sitemap.xml"}, settings)
        emitted = sorted(line["url"].rsplit("/", 1)[1] for line in third.lines("articles.jsonl"))
        assert emitted == ["2.html", "3.html"]
        assert third.summary["refetched"] == {"changed_since_seen": 2}
