"""A body split into blocks of one class: every block is the text, not the first."""

from __future__ import annotations

import trafilatura

from crawler.core.extract import parse_tree
from crawler.core.pipeline import process_page
from crawler.core.prose import prose_nodes
from crawler.core.split_bodies import posing_as, split_body

POSTS = [
    (
        "16:45",
        "That is all from us today",
        "We are pausing our coverage of the summit for today. Thank you for following along "
        "with us through a long day of speeches and side meetings.",
        "Here is a short recap: twenty-eight countries signed a declaration to test the most "
        "capable models before release, and the host announced money for a testing lab.",
    ),
    (
        "15:20",
        "Developers broadly welcome the agreement",
        "Several of the largest model developers issued statements welcoming the declaration, "
        "though most of them stopped short of endorsing any binding rules.",
        "One company said it backed a shared framework for testing and would publish the results "
        "of its own evaluations, subject to security constraints.",
    ),
    (
        "13:02",
        "Campaigners say the declaration lacks teeth",
        "Civil society groups gathered outside the venue argued that the agreement was voluntary "
        "and contained no mechanism to enforce any of its promises.",
        "A promise to test is not the same as a duty to stop, said a spokesperson for a coalition "
        "of digital rights organisations that had asked for a seat at the table.",
    ),
    (
        "09:15",
        "Welcome to our live coverage",
        "Good morning and welcome to our live coverage of the international model safety summit, "
        "which is taking place at a conference centre outside the capital.",
        "Leaders and officials from around thirty countries are expected to attend, alongside "
        "executives from the major technology firms and a handful of researchers.",
    ),
]


def _live_page(block_class: str = "post-content", cards: str | None = None) -> str:
    cards = cards or "".join(
        f'<div class="card"><div class="card-head"><span>{time}</span></div>'
        f'<div class="{block_class}"><h3>{heading}</h3><p>{first}</p><p>{second}</p></div></div>'
        for time, heading, first, second in POSTS
    )
    return (
        "<html><head><title>Summit live: leaders sign a testing declaration</title>"
        '<meta property="article:published_time" content="2025-05-20T08:10:00+01:00"></head>'
        '<body><nav><a href="/">Home</a> <a href="/tech">Tech</a></nav>'
        "<h1>Summit live: leaders sign a testing declaration</h1>"
        f'<div class="live-feed">{cards}</div>'
        "<footer><p>About us</p><p>Contact</p></footer></body></html>"
    )


def test_upstream_keeps_only_the_first_block_in_its_focused_modes():
    # trafilatura's content XPath takes the first `post-content` it finds.
    for precise in (True, False):
        text = trafilatura.extract(
            _live_page(), favor_precision=precise, favor_recall=not precise, fast=True
        )
        assert POSTS[0][2] in text and POSTS[1][2] not in text


def _assert_every_post_is_the_text(page: str) -> None:
    outcome = process_page(page.encode(), "https://news.test/live/summit")
    assert outcome.reason == "ok", outcome.detail
    for _, _, first, second in POSTS:
        assert first in outcome.record.text and second in outcome.record.text
    assert "About us" not in outcome.record.text


def test_every_post_of_a_live_page_is_the_text():
    _assert_every_post_is_the_text(_live_page())


def test_the_blocks_container_poses_as_a_block_for_one_run():
    tree = parse_tree(_live_page())
    kept = {" ".join(POSTS[0][2].split()), " ".join(POSTS[0][3].split())}
    found = split_body(tree, prose_nodes(tree), kept)
    assert found is not None
    container, mark = found
    assert container.get("class") == "live-feed" and mark == "post-content"
    twin = posing_as(tree, container, mark)
    assert twin.xpath("//*[@class='post-content']")[0].get("class") == "post-content"
    assert len(twin.xpath("//div[@class='live-feed']")) == 0
    assert container.get("class") == "live-feed"  # the page itself as it was
    # Blocks of one class whose nearest common container is the page itself (a story's
    # body and a sidebar's card) are no split body.
    page = (
        _live_page()
        .replace('<div class="live-feed">', "")
        .replace("</div></div><footer", "</div><footer")
    )
    tree = parse_tree(page)
    assert split_body(tree, prose_nodes(tree), kept) is None


def _article_posts_page() -> str:
    # CNN's and the Guardian's live pages: each post an <article> of its own.
    posts = "".join(
        f'<article class="live-post"><header><span>{time}</span><h2>{heading}</h2></header>'
        f'<div class="live-post__content"><p>{first}</p><p>{second}</p></div></article>'
        for time, heading, first, second in POSTS
    )
    return _live_page(cards=posts)


def test_upstream_takes_the_first_article_of_a_live_page_whatever_its_class():
    text = trafilatura.extract(_article_posts_page(), favor_precision=True, fast=True)
    assert POSTS[0][2] in text and POSTS[1][2] not in text


def test_every_article_post_of_a_live_page_is_the_text():
    # Posing the container with the blocks' class was not enough: trafilatura's
    # "(//article)[1]" took the first post (audit 41); in the copy the posts are <div>s.
    _assert_every_post_is_the_text(_article_posts_page())
