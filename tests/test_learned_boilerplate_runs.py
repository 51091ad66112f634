"""A site's template line learned halfway through run 1 is no edit in run 2. Real crawls
of a loopback site, run after run into one OUTPUT_DIR (and so one state store)."""

from __future__ import annotations

from crawler.demo.runner import run_crawl
from tests.bulk_site import article
from tests.discovery_sites import HTML, DiscoverySite

PAGES = range(1, 6)
CLOSING = (
    "<p>Bulk News is an independent newsroom covering research, industry and policy; "
    "write to the desk with tips, corrections and questions about this story.</p>"
)


def templated_site(origin: str) -> dict:
    """Five articles that all end with the same closing paragraph (the site's template)."""
    return {
        f"/a/{n}.html": (
            200,
            HTML,
            article(n)[1].replace("</article>", CLOSING + "</article>").encode(),
        )
        for n in PAGES
    }


def test_an_unchanged_site_emits_nothing_once_its_template_is_learned(tmp_path):
    """Operator audit: run 1 wrote its first pages with the closing line (not yet learned as
    template); run 2 removed it from all, so their text hashes differed and they were
    emitted again as `updated`, on an unchanged site."""
    with DiscoverySite(templated_site) as site:
        args = {"url": ",".join(f"{site.origin}/a/{n}.html" for n in PAGES)}
        settings = {"RETRY_TIMES": "0", "CONCURRENT_REQUESTS": "1"}
        first = run_crawl("urls", tmp_path, args, settings)
        assert first.returncode == 0, first.log[-3000:]
        records = first.lines("articles.jsonl")
        assert len(records) == len(PAGES)
        assert any("site_boilerplate" in r["cleaning"] for r in records)  # learned mid-run
        assert any("site_boilerplate" not in r["cleaning"] for r in records)
        second = run_crawl("urls", tmp_path, {**args, "refresh": "1"}, settings)
        assert second.returncode == 0, second.log[-3000:]
        assert second.lines("articles.jsonl") == []
        assert second.summary["skipped_by_reason"] == {"unchanged": len(PAGES)}
        # An edit is still one, on a page emitted with the template line as on one without.
        for n in (1, 5):
            path, (status, ctype, body) = f"/a/{n}.html", site.server.routes[f"/a/{n}.html"]
            site.add(
                path,
                status,
                ctype,
                body.replace(
                    b"</h1>",
                    b"</h1><p>Update: the lab "
                    b"answered our questions on Monday and confirmed the release date.</p>",
                ),
            )
        third = run_crawl("urls", tmp_path, {**args, "refresh": "1"}, settings)
        edited = third.lines("articles.jsonl")
        assert [r["url"].removeprefix(site.origin) for r in edited] == ["/a/1.html", "/a/5.html"]
        assert all("updated" in r["flags"] for r in edited)
