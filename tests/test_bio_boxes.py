"""crawler.core.bio_boxes: author bio boxes the template names by class."""

from lxml import html as lxml_html

from crawler.core.bio_boxes import drop_bio_boxes

PARAGRAPH = "The agency fined the company for running deepfake adverts without a label."
BIO = (
    "Reporter covering technology regulation and digital rights. She joined the paper in"
    " 2019 after working at a news agency in Brussels."
)


def _article(body: str):
    return lxml_html.fromstring(f"<html><body><article>{body}</article></body></html>")


def test_boxes_classed_as_a_bio_go():
    for box in (
        f'<div class="a_bio"><a href="/author/n">Nerea Vidal</a><p class="a_bio_t">{BIO}</p></div>',
        f'<section class="author-bio card"><p>{BIO}</p></section>',
        f'<aside class="c-about-the-author"><p>{BIO}</p></aside>',
    ):
        page = _article(f"<p>{PARAGRAPH}</p>{box}")
        assert drop_bio_boxes(page) == 1, box
        assert page.find(".//article").text_content() == PARAGRAPH


def test_a_plain_bio_paragraph_a_biology_class_and_a_long_box_stay():
    kept = (
        f"<p>{PARAGRAPH}</p><p><em>Nerea Vidal is a reporter. {BIO}</em></p>",  # no class
        f'<div class="biology-news"><p>{PARAGRAPH}</p></div>',
        f'<div class="bio">{f"<p>{PARAGRAPH}</p>" * 20}</div>',  # a biography page's body
        f'<div class="bio"><h1>Nerea Vidal</h1><p>{BIO}</p></div>',
    )
    for body in kept:
        assert drop_bio_boxes(_article(body)) == 0, body


def test_the_writers_microdata_card_with_a_description_goes_and_a_marked_byline_stays():
    # WordPress's Simple Author Box (audit 30): no "bio" in its classes.
    card = (
        '<div class="saboxplugin-wrap" itemtype="http://schema.org/Person" itemscope'
        ' itemprop="author"><div class="saboxplugin-authorname"><a rel="author">Nerea Vidal'
        f'</a></div><div class="saboxplugin-desc"><div itemprop="description"><p>{BIO}</p>'
        "</div></div></div>"
    )
    page = _article(f"<p>{PARAGRAPH}</p>{card}")
    assert drop_bio_boxes(page) == 1
    assert page.find(".//article").text_content() == PARAGRAPH
    byline = (
        '<div itemprop="author" itemscope itemtype="https://schema.org/Person">'
        '<span itemprop="name">Nerea Vidal</span></div>'
    )
    page = _article(f"{byline}<p>{PARAGRAPH}</p>")
    assert drop_bio_boxes(page) == 0
