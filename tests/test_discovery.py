"""The pure parts of discovery: candidates in HTML and robots.txt, allow patterns, ai_only,
and the catalogue entry they become."""

from __future__ import annotations

import re

import pytest

from crawler.cli.catalogue_entry import append_entry, render_catalogue
from crawler.cli.discover import default_name
from crawler.core.discovery import (
    guessed_feeds,
    guessed_sitemaps,
    read_home_page,
    robots_sitemaps,
    suggest_allow,
    topic_verdict,
)
from crawler.core.sources import SourceCatalogueError, load_sources

WORDPRESS_HEAD = b"""<!DOCTYPE html><html><head><title>Home - Byte Lab</title>
<meta property="og:site_name" content="Byte  Lab">
<link rel="alternate" type="application/rss+xml" title="Byte Lab &raquo; Feed" href="/feed/">
<link rel="alternate" type="application/rss+xml" title="Byte Lab &raquo; Comments Feed"
 href="https://bytelab.test/comments/feed/">
<link rel="alternate" type="application/rss+xml" title="Broken" href="http://[::1/feed">
<link rel="alternate" type="application/atom+xml; charset=utf-8" href="/atom.xml">
<link rel="alternate" type="application/json+oembed" href="/oembed?url=x">
<link rel="alternate" type="application/json" href="/wp-json/wp/v2/pages/12">
<link rel="alternate" type="application/feed+json" title="JSON Feed" href="/feed.json">
<link rel="alternate" hreflang="de" href="/de/">
<link rel="stylesheet" type="text/css" href="/style.css">
</head><body></body></html>"""


def test_the_home_page_declares_its_feeds_and_title():
    page = read_home_page(WORDPRESS_HEAD, "https://bytelab.test/")
    assert page.feeds == (
        "https://bytelab.test/feed/",
        "https://bytelab.test/atom.xml",
        "https://bytelab.test/feed.json",  # JSON Feed's own type; WordPress' REST link is not one
    )
    assert page.title == "Byte Lab"
    assert read_home_page(b"\x00\x01 not html", "https://x.test/").feeds == ()


def test_guessed_feeds_try_the_section_before_the_root():
    guesses = guessed_feeds("https://news.test/ai/")
    assert guesses[0] == "https://news.test/ai/feed"
    assert guesses.index("https://news.test/ai/rss.xml") < guesses.index("https://news.test/feed")
    assert guessed_feeds("https://news.test/")[0] == "https://news.test/feed"
    assert guessed_sitemaps("https://news.test/ai/")[:2] == [
        "https://news.test/sitemap.xml",
        "https://news.test/sitemap_index.xml",
    ]


def test_robots_sitemap_lines_in_any_case_with_comments_and_relative_urls():
    text = (
        "User-agent: *\nDisallow: /admin/\n# Sitemap: https://old.test/ignored.xml\n"
        "SITEMAP: https://news.test/sitemap_index.xml # the index\n"
        "Sitemap: http://[::1/broken.xml\n"  # urljoin raises on it: skipped, not fatal
        "Sitemap:/news-sitemap.xml\nsitemap: javascript:alert(1)\n"
    )
    assert robots_sitemaps(text, "https://news.test/robots.txt") == [
        "https://news.test/sitemap_index.xml",
        "https://news.test/news-sitemap.xml",
    ]


ARTICLES = [
    "https://www.news.test/2026/11/20/chip-rules-explained/",
    "https://news.test/2026/11/21/open-model-release/",
    "https://news.test/2026/10/02/robot-arms/",
    "https://news.test/video/2026/11/20/keynote/",
    "https://news.test/podcast/episode-12",
    "https://news.test/podcast/episode-13",
]


def test_allow_patterns_are_the_shapes_the_urls_share():
    patterns = suggest_allow(ARTICLES)
    assert patterns[0] == r"news\.test/\d{4}/\d{2}/\d{2}/[^/?#]+"
    assert r"news\.test/podcast/[^/?#]+" in patterns
    assert not any("video" in p for p in patterns)  # one URL of that shape: not a pattern
    assert all(any(re.search(p, url) for url in ARTICLES) for p in patterns)
    assert not any(re.search(p, "https://news.test/about") for p in patterns)


def test_allow_patterns_from_one_or_two_urls_and_from_none():
    assert suggest_allow(["https://blog.test:8080/posts/first.html"]) == [
        r"blog\.test:8080/posts/[^/?#]+\.html"
    ]
    assert suggest_allow(["https://blog.test/", "mailto:x@y.test"]) == []


def _entry(title: str, summary: str = "", tags: tuple[str, ...] = ()):
    return (title, tags, summary)


def test_a_site_looks_ai_only_when_nearly_every_entry_is_on_topic():
    ai = [_entry(f"New language model number {n} tops the benchmark") for n in range(9)]
    general = [_entry("Council approves new bus lanes on the harbour road")]
    assert topic_verdict(ai + general, 0.2).ai_only  # 9 of 10
    mixed = ai[:6] + general * 4
    verdict = topic_verdict(mixed, 0.2)
    assert (verdict.judged, verdict.on_topic, verdict.ai_only) == (10, 6, False)
    assert not topic_verdict(ai[:3], 0.2).ai_only  # too few to judge a whole site


def test_summaries_are_read_without_their_markup():
    summary = "&lt;p&gt;The &lt;b&gt;chatbot&lt;/b&gt; and its machine learning model&lt;/p&gt;"
    verdict = topic_verdict([_entry("Quarterly results", summary)] * 5, 0.2)
    assert verdict.on_topic == 5


def test_default_names_are_catalogue_slugs():
    assert default_name("https://www.Example-News.co.uk/ai/") == "example-news-co-uk"
    assert default_name("http://127.0.0.1:8080/") == "127-0-0-1-8080"


ENTRY = {
    "name": "byte-lab",
    "title": "Byte Lab: notes on AI",
    "homepage": "https://bytelab.test/",
    "feeds": ["https://bytelab.test/feed/"],
    "sitemaps": [],
    "allow": [r"bytelab\.test/\d{4}/\d{2}/[^/?#]+", r"bytelab\.test/notes/{slug}"],
    "deny": [],
    "ai_only": True,
}


def test_the_printed_catalogue_loads_and_keeps_the_patterns(tmp_path):
    path = tmp_path / "one.yaml"
    path.write_text(render_catalogue(ENTRY, ["feed https://bytelab.test/feed/: 3 entries"]))
    (source,) = load_sources(path)
    assert source.allow == ENTRY["allow"] and source.ai_only
    assert path.read_text().startswith("# feed https://bytelab.test/feed/: 3 entries\n")


def test_append_follows_the_catalogues_indentation(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text(
        "# ours\nsources:\n    - name: first\n      title: First\n"
        "      homepage: https://first.test/\n      feeds:\n        - https://first.test/rss\n"
    )
    append_entry(path, ENTRY, ["found today"])
    assert [s.name for s in load_sources(path)] == ["first", "byte-lab"]
    assert "\n    # found today\n    - name: byte-lab\n" in path.read_text()


def test_append_refuses_a_catalogue_it_cannot_extend_and_leaves_it_alone(tmp_path):
    path = tmp_path / "flow.yaml"
    text = "sources: [{name: first, title: First, homepage: 'https://first.test/'}]\n"
    path.write_text(text)
    with pytest.raises(SourceCatalogueError, match="cannot append"):
        append_entry(path, ENTRY, [])
    assert path.read_text() == text
    assert [p.name for p in tmp_path.iterdir()] == ["flow.yaml"]  # no scratch file left
