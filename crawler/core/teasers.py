"""Teaser cards: other stories' headlines with a blurb, in a list around the article.

A "More Stories" grid prints each story as a linked headline over its opening sentences.
trafilatura reads the blurbs as paragraphs: precision mode keeps some of them beside the
article, and on a short brief they are more prose than the article itself, so the brief
looked cut short and the recall text, the brief plus four other stories, replaced it. So
the cards are removed from the tree before extraction.

A card is the smallest element around a linked <h2>-<h4>, or around a title link set
right over its blurb paragraph (`<a>Headline</a><p>blurb</p>`, as wires' "More from"
lists print it), that holds more than the headline, and no more than MAX_CARD_WORDS; it
is a teaser only when a sibling of the same tag and class is a card too (a list of them),
so a blog post whose title links to itself is not one. A card alone is one when its
template names it a promotion (class or id "promo", "teaser", "related", "recirc", "read
more", "see also", "more stories", on it or on one of the two elements around it) and its
headline links somewhere other than the page itself: the LA Times' `ps-promo` set between
two paragraphs, headline, blurb and date.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import islice
from urllib.parse import urlsplit

from lxml import etree

MAX_CARD_WORDS = 120  # a headline and a blurb of a few sentences
MIN_BLURB_WORDS = 5  # more than the headline by this many words: the card has a blurb
CLIMB = 3  # levels above the headline (or the link around it) a card may start

# A union of name tests, not //*[self::h2 or …]: libxml2 walks the tree once for each
# name and matches names without testing every element (0.48 -> 0.19 ms a page).
_LINKED_HEADINGS = etree.XPath(
    "(//h2 | //h3 | //h4)"
    "[ancestor::a[@href][not(starts-with(@href, '#'))]"
    " or descendant::a[@href][not(starts-with(@href, '#'))]]"
)


def teaser_cards(tree) -> frozenset:
    """The teaser cards in the tree (see the module's docstring). The elements themselves:
    lxml makes a new proxy object for a node no reference holds, so an id() would not last."""
    headings = _LINKED_HEADINGS(tree)
    cards = [_card(heading) for heading in [*headings, *_title_links(tree)]]
    found = _listed([card for card in cards if card is not None]) | _promotions(
        tree, headings, cards[: len(headings)]
    )
    # A card alone in its box (a picture beside it) is listed by the box: "row_list" rows.
    boxes = [card.getparent() for card in cards if card is not None and card not in found]
    boxes = [
        box
        for box in boxes
        if box is not None and box.tag not in LISTS and _words(box) <= MAX_CARD_WORDS
    ]
    return found | _listed(boxes)


def _listed(cards: list) -> frozenset:
    """The cards that have a sibling card of the same tag and class."""
    groups: dict[tuple, set] = defaultdict(set)  # a card with two linked headings is one
    for card in cards:
        groups[(card.getparent(), card.tag, card.get("class") or "")].add(card)
    return frozenset(card for same in groups.values() if len(same) >= 2 for card in same)


PROMOTION_MARK = re.compile(
    r"promo|teaser|related|recirc|read-?more|see-?also|more-?stories", re.IGNORECASE
)
_OWN_ADDRESSES = etree.XPath('//link[@rel="canonical"]/@href | //meta[@property="og:url"]/@content')


def _promotions(tree, headings: list, cards: list) -> frozenset:
    """Cards alone that the template names a promotion, headed by a link to another page."""
    own = {_address_key(address) for address in _OWN_ADDRESSES(tree)} - {None}
    found = []
    for heading, card in zip(headings, cards, strict=True):
        if card is None:
            continue
        marks = [card, *islice(card.iterancestors(), 2)]
        if not any(PROMOTION_MARK.search(_marks(element)) for element in marks):
            continue
        links = [*heading.iterancestors("a"), *heading.iter("a")]
        if not any(_address_key(link.get("href") or "") in own for link in links):
            found.append(card)
    return frozenset(found)


def _marks(element) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''}"


def _address_key(address: str) -> str | None:
    """The path: a headline's link is often relative, the canonical address never. A
    broken authority ("http://[::1") is no address: urlsplit raises on it (audit 29)."""
    try:
        return urlsplit(address.strip()).path.rstrip("/")
    except ValueError:
        return None


def _words(element) -> int:
    return len(element.text_content().split())


LISTS = frozenset({"ul", "ol", "li"})  # an article's own list is no box of one card
MIN_TITLE_WORDS = 4  # a title link is a headline, not "More" or a name


def _title_links(tree) -> list:
    """Links that are a headline over their blurb: the next element is a paragraph, and
    the link is no part of a paragraph itself."""
    return [
        link
        for link in tree.iter("a")
        if not (link.get("href") or "#").startswith("#")
        and link.getparent() is not None
        and link.getparent().tag != "p"
        and link.getnext() is not None
        and link.getnext().tag == "p"
        and len(link.text_content().split()) >= MIN_TITLE_WORDS
    ]


def _card(heading):
    top = heading
    link = next(heading.iterancestors("a"), None)
    if link is not None:
        top = link
    headline_words = len(heading.text_content().split())
    if not headline_words:
        return None  # a spacer image in a linked heading is no headline
    element = top.getparent()
    for _ in range(CLIMB):
        if element is None:
            return None
        words = len(element.text_content().split())
        if words > MAX_CARD_WORDS:
            return None
        if words >= headline_words + MIN_BLURB_WORDS:
            return element
        element = element.getparent()
    return None


def drop_teaser_cards(tree) -> int:
    """Remove the teaser cards from the tree (their tails stay); how many there were."""
    cards = teaser_cards(tree)
    for card in cards:
        card.drop_tree()
    return len(cards)
