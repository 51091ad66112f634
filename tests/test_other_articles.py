"""The next story a page carries (crawler.core.other_articles)."""

from __future__ import annotations

from crawler.core.extract import parse_tree
from crawler.core.metadata import read_page_meta
from crawler.core.other_articles import drop_other_articles

PROSE = "<p>" + "Officials said the work would continue through the winter months. " * 4 + "</p>"


def _page(body: str, title: str = "Council approves the transit plan") -> str:
    return (
        f'<html><head><meta property="og:title" content="{title}"></head>'
        f"<body><main>{body}</main></body></html>"
    )


def _drop(html: str) -> tuple[int, str]:
    tree = parse_tree(html)
    dropped = drop_other_articles(tree, read_page_meta(tree))
    return dropped, " ".join(tree.itertext())


def test_the_next_story_under_its_own_h1_is_taken_out():
    html = _page(
        f"<article><h1>Council approves the transit plan</h1>{PROSE}</article>"
        f"<article><h1>Harbor warehouse sale draws protest</h1>{PROSE}</article>"
    )
    dropped, text = _drop(html)
    assert dropped == 1
    assert "Council approves" in text and "Harbor warehouse" not in text


def test_nothing_goes_when_no_article_is_the_one_the_titles_name():
    html = _page(
        f"<article><h1>Bridge reopens after repairs</h1>{PROSE}</article>"
        f"<article><h1>Harbor warehouse sale draws protest</h1>{PROSE}</article>"
    )
    assert _drop(html)[0] == 0


def test_the_stories_own_parts_and_teasers_of_another_rank_stay():
    # Sections of the story nested in it, a teaser card under an h2, a comment (no
    # headline), and a section that opens with text: none is another story.
    html = _page(
        "<article><h1>Council approves the transit plan</h1>"
        f"<article><h1>What the plan changes</h1>{PROSE}</article>{PROSE}</article>"
        f"<article class='card'><h2>Bridge reopens after repairs</h2><p>Teaser.</p></article>"
        f"<article class='comment'>{PROSE}</article>"
        f"<article>{PROSE}<h1>A heading after text</h1></article>"
    )
    dropped, text = _drop(html)
    assert dropped == 0
    assert "What the plan changes" in text and "Bridge reopens" in text


def test_a_teaser_of_the_story_itself_does_not_stand_in_for_it():
    html = _page(
        "<article class='trending'><h2>Council approves the transit plan</h2></article>"
        "<article class='trending'><h2>Bridge reopens after repairs</h2></article>"
        f"<article><h1>Council approves the transit plan</h1>{PROSE}</article>"
    )
    dropped, text = _drop(html)
    assert dropped == 0 and "Bridge reopens" in text
