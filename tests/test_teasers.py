"""crawler.core.teasers: other stories' cards (a linked headline over a blurb) in a list."""

from lxml import html as lxml_html

from crawler.core.prose import prose_nodes
from crawler.core.teasers import drop_teaser_cards, teaser_cards

BRIEF = (
    "A power outage at the county data center knocked several payment services offline "
    "on Tuesday afternoon, the operator said."
)
BLURB = (
    "Trustees pushed a final vote on the budget to next week after more than eighty "
    "parents and teachers signed up to speak about proposed cuts."
)


def _card(n: int) -> str:
    return (
        f'<div class="story-card"><a href="/news/story-{n}/"><h3>Other story number {n}</h3></a>'
        f'<p class="excerpt">{BLURB} ({n})</p></div>'
    )


def test_a_list_of_cards_is_teasers_and_the_article_is_not():
    page = lxml_html.fromstring(
        f'<html><body><article><h1>Outage</h1><div class="body"><p>{BRIEF}</p></div>'
        f'<div class="more">{_card(1)}{_card(2)}{_card(3)}</div></article></body></html>'
    )
    assert len(teaser_cards(page)) == 3
    assert drop_teaser_cards(page) == 3
    assert [node.key for node in prose_nodes(page)] == [BRIEF]
    assert page.find(".//div[@class='more']") is not None  # the list's box stays


def test_one_post_whose_title_links_to_itself_is_not_a_teaser():
    page = lxml_html.fromstring(
        '<html><body><div class="post"><h2><a href="/2026/11/outage/">Outage</a></h2>'
        f"<p>{BRIEF}</p></div></body></html>"
    )
    assert teaser_cards(page) == frozenset()


def _row(n: int) -> str:
    # A wire's "More from" row: a picture box beside a text box of a title link and a blurb.
    return (
        f'<div class="row_list"><div class="list_pic"><img src="/{n}.jpg"></div>'
        f'<div class="list_text"><a href="/page/{n}.shtml">Other story number {n} in the'
        f' region</a><p class="list_info">{BLURB}</p></div></div>'
    )


def test_title_links_over_blurbs_in_rows_are_teasers():
    page = lxml_html.fromstring(
        f'<html><body><div class="article"><p>{BRIEF}</p></div><div class="more">'
        f"{_row(1)}{_row(2)}{_row(3)}</div></body></html>"
    )
    assert drop_teaser_cards(page) == 3
    assert [node.key for node in prose_nodes(page)] == [BRIEF]


def test_paragraphs_opening_with_a_link_and_lists_under_spacer_headings_stay():
    linked = f'<p><a href="/report">The regulator’s full report on outages</a> says {BRIEF}</p>'
    spacer = '<h2><a href="/spacer.gif"><img src="/spacer.gif"></a></h2>'
    questions = "".join(f"<li>How do we win question number {n} this year?</li>" for n in "12")
    lists = f"<ul>{questions}<li>{spacer}</li></ul>" * 2
    page = lxml_html.fromstring(f"<html><body><div>{linked * 2}{lists}</div></body></html>")
    assert drop_teaser_cards(page) == 0


def _promo(href: str) -> str:
    # A card set alone between two paragraphs: headline, blurb and date in a named box.
    return (
        f'<div class="enhancement"><ps-promo class="promo promo-small"><div class="promo-content">'
        f'<h2 class="promo-title"><a href="{href}">Other story number 7 in the region</a></h2>'
        f'<p class="promo-description">{BLURB}</p><div class="promo-timestamp">Aug. 28, 2025'
        "</div></div></ps-promo></div>"
    )


def _article_with(card: str):
    return lxml_html.fromstring(
        '<html><head><link rel="canonical" href="https://news.example/2026/11/outage/"></head>'
        f"<body><article><p>{BRIEF}</p>{card}<p>{BRIEF} Again.</p></article></body></html>"
    )


def test_a_promotion_alone_between_paragraphs_is_a_teaser():
    page = _article_with(_promo("https://news.example/2025/08/grid/"))
    assert drop_teaser_cards(page) == 1
    assert [node.key for node in prose_nodes(page)] == [BRIEF, f"{BRIEF} Again."]


def test_a_card_alone_stays_when_unnamed_or_linking_to_the_page_itself():
    unnamed = _article_with(_promo("/2025/08/grid/").replace("promo", "box"))
    assert teaser_cards(unnamed) == frozenset()
    itself = _article_with(_promo("/2026/11/outage"))  # relative, no trailing slash
    assert teaser_cards(itself) == frozenset()
