"""crawler.core.standfirst: the dek near the headline, never a box after the body."""

from lxml import html as lxml_html

from crawler.core.metadata import read_page_meta
from crawler.core.standfirst import find_standfirst

DEK = "The boats charge at both piers during the ten-minute turnaround."
BODY = "<p>" + " ".join(["The county ferry operator has ordered two battery-electric boats."] * 2)


def _standfirst(body: str):
    tree = lxml_html.fromstring(
        f'<html><head><meta name="description" content="{DEK}"></head><body>{body}</body></html>'
    )
    return find_standfirst(tree, read_page_meta(tree))


def test_a_dek_in_a_box_after_the_headlines_box_is_found():
    hero = f"<header><div><h1>Ferry orders</h1></div><div>By Lena Moss</div><p>{DEK}</p></header>"
    assert _standfirst(hero + BODY + "</p>") == ("Ferry orders", DEK)


def test_a_takeaway_box_after_the_body_is_not_the_dek():
    takeaway = f'<aside class="takeaway"><h3>Key takeaway</h3><p>{DEK}</p></aside>'
    assert _standfirst(f"<h1>Ferry orders</h1>{BODY}</p><div>{takeaway}</div>") is None
    # nor after the body's first paragraph when it is not in an aside
    assert _standfirst(f"<h1>Ferry orders</h1>{BODY}</p><p>{DEK}</p>") is None


def test_an_element_classed_a_dek_is_the_dek_when_the_description_is_the_body():
    dek = "Banks and hospitals can run the models without the public cloud"
    hero = f'<h1>Ferry orders</h1><p class="release-subtitle">{dek}</p>'
    assert _standfirst(hero + BODY + "</p>") == ("Ferry orders", dek)
    # A type scale's class, a share bar, a box of bullet points: none is a dek.
    for box in (
        f'<div class="subtitle-2">{dek}</div>',
        '<div class="dek"><a href="/f">Share on Facebook</a> <a href="/x">Share on X</a></div>',
        f'<div class="article-dek"><ul><li>{dek}</li><li>{dek}</li></ul></div>',
    ):
        assert _standfirst(f"<h1>Ferry orders</h1>{box}{BODY}</p>") is None


def test_a_key_points_box_whose_first_bullet_is_the_description_is_no_dek():
    # Business Insider and CNBC print the key points under the headline, and the first is
    # often the description: the box's text ran its bullets together as the dek, before
    # the same bullets again as the article's list.
    points = f"<ul><li>{DEK}</li><li>Crews can swap a battery pack in under an hour.</li></ul>"
    boxed = f'<h1>Ferry orders</h1><div class="key-points">{points}</div>'
    assert _standfirst(boxed + BODY + "</p>") is None
    # A dek wrapped in a box of its own is still found, at its paragraph.
    wrapped = f'<h1>Ferry orders</h1><div class="summary"><p>{DEK}</p></div>'
    assert _standfirst(wrapped + BODY + "</p>") == ("Ferry orders", DEK)
