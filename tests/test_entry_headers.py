"""crawler.core.entry_headers: headings in headers nested in the article (live blogs)."""

from lxml import html as lxml_html

from crawler.core.entry_headers import keep_entry_headings

PARAGRAPH = "Shares of the company climbed in morning trading as the keynote ended."


def _entry(title: str, heading: str = "h2") -> str:
    return (
        f'<article class="block"><header><p class="time"><time>10:42 a.m.</time></p>'
        f'<{heading} class="block-title">{title}</{heading}><span class="byline">Ann Lee'
        f"</span></header><p>{PARAGRAPH}</p></article>"
    )


def test_entry_headers_become_their_headings_in_place():
    page = lxml_html.fromstring(
        f'<html><body><div class="live">{_entry("Shares jump")}{_entry("Deal confirmed", "h3")}'
        "</div></body></html>"
    )
    assert keep_entry_headings(page) == 2
    assert page.find(".//header") is None
    blocks = [(el.tag, el.text_content()) for el in page.iter("h2", "h3", "p")]
    assert blocks == [
        ("h2", "Shares jump"),
        ("p", PARAGRAPH),
        ("h3", "Deal confirmed"),
        ("p", PARAGRAPH),
    ]
    assert "10:42" not in page.text_content() and "Ann Lee" not in page.text_content()


def test_a_single_article_header_keeps_its_byline():
    page = lxml_html.fromstring(
        f"<html><body><h1>Headline</h1>{_entry('A dek in a heading')}</body></html>"
    )
    assert keep_entry_headings(page) == 0
    assert "Ann Lee" in page.text_content()


def test_teaser_cards_linked_headlines_and_the_h1_header_are_left_alone():
    card = (
        '<article><header><h3><a href="/other-story">Another story entirely</a></h3></header>'
        f"<p>{PARAGRAPH}</p></article>"
    )
    main = "<article><header><h1>Headline</h1><h2>Dek</h2></header></article>"
    page = lxml_html.fromstring(f"<html><body>{main}{card}{card}</body></html>")
    assert keep_entry_headings(page) == 0
    assert len(page.findall(".//header")) == 3
