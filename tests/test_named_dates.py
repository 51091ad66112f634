"""crawler.core.named_dates: the day printed in an element a builder's layer name or a test
id names as the date dates a page its markup leaves undated."""

from __future__ import annotations

from crawler.core.extract import parse_tree
from crawler.core.named_dates import named_publication_day
from crawler.core.pipeline import process_page

URL = "https://tallowmere.example/blog/sparse-retrieval"
BODY = """
<p class="framer-text">We replaced our dense retriever with a sparse one for support tickets
and the share of answers citing the right article rose from 71 to 83 percent in a month.</p>
<p class="framer-text">Tickets are full of product codes and error strings, which a sparse
index matches exactly and an embedding model blurs into whatever sounds most similar.</p>
<p class="framer-text">We kept the dense model for the long questions written in plain words,
and a small router now sends each ticket to one of the two indexes by its share of codes.</p>
"""


def _framer(date_layer: str = "Date", cards: str = "", header_day: str = "Feb 18, 2025") -> str:
    """A Framer blog post: hashed classes, the designer's layer names in data-framer-name,
    no JSON-LD, and a section of cards linking to other posts, each with its own date."""
    return (
        "<html><head><title>Why we went back to sparse retrieval | Tallowmere</title></head>"
        '<body><div id="main"><nav data-framer-name="Nav"><a href="/">Tallowmere</a>'
        '<a href="/blog">Blog</a></nav><main data-framer-name="Blog Post">'
        '<div class="framer-9dk2w1" data-framer-name="Header">'
        '<h1 class="framer-text">Why we went back to sparse retrieval</h1>'
        '<div class="framer-1kq0x9z" data-framer-name="Author"><p class="framer-text">'
        "Odile Ferrant</p></div>"
        f'<div class="framer-1bq4t9d" data-framer-name="{date_layer}"><p class="framer-text">'
        f"{header_day}</p></div></div>"
        f'<div class="framer-1fx2k0q" data-framer-name="Content">{BODY}</div></main>'
        f"{cards}</div></body></html>"
    )


CARDS = (
    '<section class="framer-2nq8vl" data-framer-name="More Posts"><h3 class="framer-text">'
    "More from the blog</h3>"
    '<a class="framer-1wq2lrs" data-framer-name="Card" href="/blog/router">'
    '<h4 class="framer-text">A router for two indexes</h4>'
    '<div data-framer-name="Date"><p class="framer-text">Jan 7, 2025</p></div></a>'
    '<a class="framer-1wq2lrs" data-framer-name="Card" href="/blog/codes">'
    '<h4 class="framer-text">Error codes are words too</h4>'
    '<div data-framer-name="Date"><p class="framer-text">Dec 2, 2024</p></div></a></section>'
)


def test_a_framer_posts_date_layer_dates_it_not_the_cards_of_other_posts():
    html = _framer(cards=CARDS)
    assert named_publication_day(parse_tree(html)) == "Feb 18, 2025"
    record = process_page(html.encode(), URL).record
    assert record.published_at.date().isoformat() == "2025-02-18"


def test_publication_names_and_test_ids_in_their_spellings_are_read():
    for name in ("Published", "Post Date", "PublishDate"):
        assert named_publication_day(parse_tree(_framer(date_layer=name))) == "Feb 18, 2025"
    for attribute in ('data-testid="published-date"', 'data-qa="display_date"'):
        html = (
            f"<html><body><article><h1>Sparse retrieval</h1><span {attribute}>"
            f"February 18, 2025</span>{BODY}</article></body></html>"
        )
        assert named_publication_day(parse_tree(html)) == "February 18, 2025", attribute


def test_another_dates_name_a_date_in_a_card_or_no_day_at_all_is_not_read():
    for name in ("Updated Date", "Event Date", "Meta", "Comment Timestamp"):
        assert named_publication_day(parse_tree(_framer(date_layer=name))) is None, name
    assert named_publication_day(parse_tree(_framer(header_day="3 days ago"))) is None
    # Only the cards of other posts name their dates: none is the post's.
    assert named_publication_day(parse_tree(_framer(date_layer="Meta", cards=CARDS))) is None
    unlinked = CARDS.replace("<a ", "<div ").replace("</a>", "</div>")
    assert named_publication_day(parse_tree(_framer(date_layer="Meta", cards=unlinked))) is None


def test_a_published_label_in_the_text_comes_before_a_named_date():
    html = _framer().replace("<h1", '<p class="framer-text">Published: February 20, 2025</p><h1', 1)
    record = process_page(html.encode(), URL).record
    assert record.published_at.date().isoformat() == "2025-02-20"


def _react_post(section: str, url_day: str = "Feb 18, 2025") -> str:
    return (
        "<html><body><main><article><h1>Sparse retrieval</h1>"
        f'<span data-testid="published-date">{url_day}</span>{BODY}</article>'
        f"{section}</main></body></html>"
    )


def test_a_named_date_in_a_comment_or_a_trending_box_is_not_the_posts():
    comments = (
        '<section class="css-c0mm" data-testid="comments-section"><div data-testid="comment">'
        '<span data-testid="date">Apr 9, 2025</span><p>Good overview.</p></div></section>'
    )
    trending = (
        '<section class="css-tr" data-testid="trending-stories"><div class="css-card">'
        '<span data-testid="publish-date">Jun 1, 2025</span></div></section>'
    )
    for section in (comments, trending, comments.replace("comment", "reply")):
        html = _react_post(section).replace(
            '<span data-testid="published-date">Feb 18, 2025</span>', ""
        )
        assert named_publication_day(parse_tree(html)) is None, section
    # The post's own named date before them is read.
    assert named_publication_day(parse_tree(_react_post(comments))) == "Feb 18, 2025"


def test_a_named_date_never_overrides_the_day_the_url_gives():
    html = _react_post("", url_day="Apr 9, 2025")
    tree = parse_tree(html)
    assert named_publication_day(tree, "https://news.example/2025/03/05/retrieval/") is None
    assert named_publication_day(tree, "https://news.example/2025/04/09/retrieval/") == (
        "Apr 9, 2025"
    )
    assert named_publication_day(tree, "https://news.example/blog/retrieval/") == "Apr 9, 2025"
    record = process_page(html.encode(), "https://news.example/2025/03/05/retrieval/").record
    assert record.published_at.date().isoformat() == "2025-03-05"
