"""trafilatura's metadata steps run only for fields the page does not declare, and give
trafilatura's own values when they run."""

from __future__ import annotations

from pathlib import Path

import pytest
from trafilatura.metadata import extract_catstags, extract_metadata
from trafilatura.settings import set_date_params

from crawler.compat.trafilatura.metadata import _catstags, fallback_metadata
from crawler.core.extract import decode_html, parse_tree
from crawler.core.metadata import read_page_meta

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

URL = "https://blog.example/2026/11/edge-robots/"
BODY = """
<body><header><a href="/">Edge Notes</a></header>
<article><h1>Small robots learn to sort parcels at the edge</h1>
<p class="meta">Posted <span class="date">November 12, 2026</span> by
<span class="posted-by">Ines Varga</span></p>
<p>A warehouse pilot ran vision models on the robots themselves instead of a server.</p>
<div class="entry-meta">Filed under <a href="/category/robotics/" rel="category">Robotics</a>,
<a href="/tag/edge-ai/" rel="tag">Edge AI</a></div></article></body></html>
"""
UNDECLARED = "<html><head><title>Small robots learn to sort parcels | Edge Notes</title></head>"
DECLARED = (
    "<html><head><title>Small robots learn to sort parcels | Edge Notes</title>"
    '<meta name="author" content="Ines Varga">'
    '<meta property="article:published_time" content="2026-11-12T08:00:00Z">'
    '<meta property="article:tag" content="robots"></head>'
)


def test_undeclared_fields_get_trafilaturas_own_values():
    tree = parse_tree(UNDECLARED + BODY)
    ours = fallback_metadata(tree, URL, read_page_meta(tree))
    theirs = extract_metadata(parse_tree(UNDECLARED + BODY), URL, set_date_params(False))
    assert ours.author == theirs.author and "Ines Varga" in (ours.author or "")
    assert ours.date == theirs.date and ours.date
    assert ours.categories == theirs.categories and ours.tags == theirs.tags
    assert ours.tags or ours.categories
    assert (ours.title, ours.sitename) == (theirs.title, theirs.sitename)


def test_declared_fields_skip_trafilaturas_search():
    tree = parse_tree(DECLARED + BODY)
    found = fallback_metadata(tree, URL, read_page_meta(tree))
    assert found.date is None  # the page dates itself
    assert not found.categories and found.tags == ["robots"]  # its own, not the links
    assert found.title  # cheap, and used to tell a blog's name from the headline


NO_TAG_LINKS = """
<body><article><h1>Small robots learn to sort parcels at the edge</h1>
<div class="entry-meta">Filed under <a href="/robotics/">Robotics</a></div>
<div class="tags"><a href="/topics/edge-ai">Edge AI</a></div>
<p>A warehouse pilot ran vision models on the robots themselves instead of a server.</p>
</article></body></html>
"""
SECTION = '<meta property="article:section" content="Robotics"></head>'


@pytest.mark.parametrize(
    "page",
    [UNDECLARED + BODY, UNDECLARED + NO_TAG_LINKS, UNDECLARED.replace("</head>", SECTION) + BODY,
     UNDECLARED.replace("</head>", SECTION) + NO_TAG_LINKS],
    ids=["tag-links", "no-tag-links", "section-and-links", "section-only"],
)  # fmt: skip
def test_categories_and_tags_are_trafilaturas_with_or_without_tag_links(page):
    tree = parse_tree(page)
    ours = fallback_metadata(tree, URL, read_page_meta(tree))
    theirs = extract_metadata(parse_tree(page), URL, set_date_params(False))
    assert (ours.categories, ours.tags) == (theirs.categories, theirs.tags)


@pytest.mark.corpus
@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS}")
def test_categories_and_tags_are_trafilaturas_on_the_corpus():
    for path in sorted((CORPUS / "pages").glob("*.html")):
        html = decode_html(path.read_bytes())
        tree = parse_tree(html)
        for kind in ("category", "tag"):
            expected = extract_catstags(kind, parse_tree(html))
            assert _catstags(kind, tree, read_page_meta(tree).link_hrefs) == expected, (
                path.name,
                kind,
            )
