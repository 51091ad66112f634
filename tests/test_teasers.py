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
