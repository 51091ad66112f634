"""Pages a feed or sitemap lists: home, category, author and collection pages are counted
skips `not_article`, never records; articles are kept even where their URL or type is
unusual. Real `feeds` and `sitemap` crawls of one loopback site listing both kinds."""

from __future__ import annotations

import json

import pytest

from crawler.core.page_kind import listed_page_is_article
from crawler.demo.runner import run_crawl
from tests.bulk_site import article
from tests.discovery_sites import HTML, RSS, XML, DiscoverySite, _rss, _urlset


def listing(title: str, head: str = "") -> bytes:
    """An archive page as CMSs make them: a heading, then teasers with long excerpts, so
    that extraction finds plenty of prose in it (enough for a record, were it emitted)."""
    teasers = "".join(
        f"<article class='teaser'><h2><a href='/2026/11/story-{n}-about-models/'>"
        f"{article(600 + n)[0]}</a></h2><p>{article(600 + n)[1].split('<p>')[1][:400]}</p>"
        "</article>"
        for n in range(6)
    )
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>{head}</head>"
        f"<body><main><h1>{title}</h1>{teasers}</main></body></html>"
    ).encode()


COLLECTION = json.dumps({"@context": "https://schema.org", "@type": "CollectionPage"})
# Listed, not articles: the home page, WordPress-style archives, a section page that says
# what it is only in JSON-LD (its URL could be anything).
NOT_ARTICLES = {
    "/": listing("Circuit Ledger"),
    "/category/models/": listing("分类：Models"),
    "/author/ada-nwosu/": listing("作者 Ada Nwosu"),
    "/ai/": listing("AI coverage", f'<script type="application/ld+json">{COLLECTION}</script>'),
}
# Listed articles: a dated slug, one under an /archive/ path that declares og:type=article,
# one at a short path with no type at all (many sites declare none).
ARTICLES = {
    "/2026/11/open-weights-model-tops-board/": article(500)[1],
    "/archive/2019/05/chip-startup-raises-round/": article(501)[1],
    "/posts/sora": article(502)[1].replace("<meta property='og:type' content='article'>", ""),
}


def listing_site(origin: str) -> dict:
    routes = {path: (200, HTML, body) for path, body in NOT_ARTICLES.items()}
    routes |= {path: (200, HTML, body.encode()) for path, body in ARTICLES.items()}
    listed = [*NOT_ARTICLES, *ARTICLES]
    routes["/sitemap.xml"] = (200, XML, _urlset(origin, listed))
    routes["/feed/"] = (200, RSS, _rss(origin, [(f"Entry {n}", p) for n, p in enumerate(listed)]))
    return routes


@pytest.mark.parametrize("spider, document", [("sitemap", "/sitemap.xml"), ("feeds", "/feed/")])
def test_listed_home_and_category_pages_are_skipped_not_recorded(spider, document, tmp_path):
    with DiscoverySite(listing_site) as site:
        argument = "sitemap" if spider == "sitemap" else "feed"
        result = run_crawl(spider, tmp_path, {argument: site.origin + document})
        origin = site.origin
    assert result.returncode == 0, result.log[-3000:]
    records = sorted(r["url"] for r in result.lines("articles.jsonl"))
    assert records == sorted(origin + path for path in ARTICLES)
    assert result.summary["skipped_by_reason"]["not_article"] == len(NOT_ARTICLES)
    assert result.summary["counts"]["unaccounted"] == 0


def test_a_listed_page_is_judged_by_its_strongest_evidence():
    article_ld = ['{"@type": "NewsArticle"}']
    assert not listed_page_is_article("https://n.test/", "article", article_ld)  # a home page
    assert listed_page_is_article("https://n.test/topics/ai/", None, article_ld)
    assert not listed_page_is_article("https://n.test/ai/", "article", [COLLECTION])
    assert listed_page_is_article("https://n.test/archive/2019/05/x/", "article", [])
    assert not listed_page_is_article("https://n.test/archive/2019/05/x/", "website", [])
    assert listed_page_is_article("https://n.test/posts/sora", None, [])
