"""Product boxes (crawler.core.product_boxes): a card around affiliate buttons goes, a
sponsored link inside a sentence of the article stays with its sentence; a sponsor's box
the template marks goes, a sponsored post does not."""

from __future__ import annotations

from lxml import html

from crawler.core.product_boxes import drop_product_boxes, drop_sponsor_boxes

PROSE = (
    "The lab said its new speech model runs on a single laptop and transcribes meetings in "
    "eleven languages with fewer errors than the cloud service it replaced this spring."
)
CARD = """
<div class="product-card"><div class="card-head"><img src="nas.png" alt="NAS">
<h3>Terramox T4 Pro</h3><span>8/10</span></div>
<p>A compact four-bay NAS with upgradable memory.</p>
<ul class="specs"><li><span>Brand</span><span>Terramox</span></li>
<li><span>Memory</span><span>8GB DDR4</span></li></ul>
<div class="pros"><span>Pros</span><ul><li>Quiet fans</li></ul></div>
<div class="buttons"><a rel="nofollow noopener sponsored" href="https://shop.example/t4">$549 at
Shop</a> <a rel="sponsored" href="https://maker.example/t4">$569 at Terramox</a></div></div>
"""


def page(middle: str):
    return html.fromstring(
        f"<html><body><article><h1>Headline</h1><p>{PROSE}</p>{middle}<p>{PROSE}</p>"
        "</article></body></html>"
    )


def test_a_product_card_around_affiliate_buttons_goes_and_the_article_stays():
    tree = page(CARD)
    assert drop_product_boxes(tree) == 1
    text = tree.text_content()
    assert "Terramox" not in text and "$549" not in text and "Quiet fans" not in text
    assert text.count(PROSE) == 2 and "Headline" in text


def test_a_lone_deal_line_goes():
    tree = page('<p><a rel="sponsored nofollow" href="https://shop.example/x">$99 at Shop</a></p>')
    assert drop_product_boxes(tree) == 1
    assert "$99" not in tree.text_content()


def test_a_sponsored_link_in_a_sentence_stays_with_it():
    sentence = (
        "<p>The company sells the recorder for $99, and it is <a rel='sponsored' "
        "href='https://shop.example/r'>available at Shop</a> and in its own stores, where "
        "staff will set it up for buyers who ask at the counter.</p>"
    )
    tree = page(sentence)
    assert drop_product_boxes(tree) == 0
    assert "available at Shop" in tree.text_content()
    assert drop_product_boxes(page("<p>A plain paragraph.</p>")) == 0


AD_COPY = "Discover how leading hospitals cut wait times with CloudCare Triage. Request a demo."


def test_a_sponsor_box_the_template_marks_goes_between_the_paragraphs():
    for mark in ('class="sponsored"', 'class="c-box c-box--Sponsored"', 'class="ADVERTORIAL"'):
        tree = page(f"<div {mark}><span>Sponsored</span><p>{AD_COPY}</p></div>")
        assert drop_sponsor_boxes(tree) == 1, mark
        assert "CloudCare" not in tree.text_content() and tree.text_content().count(PROSE) == 2


def test_a_sponsored_post_is_not_a_sponsor_box():
    # The post's own wrapper, marked sponsored, holds the article: it stays.
    tree = html.fromstring(
        f'<html><body><div class="post category-sponsored"><h2>Partner story</h2><p>{PROSE}</p>'
        f"<p>{PROSE}</p></div></body></html>"
    )
    assert drop_sponsor_boxes(tree) == 0
    # A class that only contains the letters ("unsponsoredish") is no mark.
    tree = page(f'<div class="unsponsoredish"><p>{AD_COPY}</p></div>')
    assert drop_sponsor_boxes(tree) == 0
