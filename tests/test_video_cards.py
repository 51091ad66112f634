"""crawler.core.video_cards: a video player's card between paragraphs goes."""

from lxml import html as lxml_html

from crawler.core.pipeline import Options, process_page
from crawler.core.video_cards import drop_video_cards

PARAGRAPH = (
    "The chip designer said revenue from data center customers doubled from a year earlier, "
    "helped by demand for accelerators."
)
CARD = (
    '<div class="InlineVideo-container"><div class="InlineVideo-footer"><span>watch now</span>'
    '</div><div class="VideoCard"><span class="VideoCard-label">VIDEO</span><span>2:4502:45'
    '</span><h3 class="VideoCard-title">Chip chief on demand for accelerators</h3>'
    '<span class="VideoCard-show">Morning Markets</span></div></div>'
)


def test_a_video_card_between_paragraphs_is_not_the_articles_text():
    html = (
        "<html><head><title>Chip designer's revenue doubles</title></head><body><article>"
        f"<h1>Chip designer's revenue doubles</h1><div class='body'><p>{PARAGRAPH}</p>{CARD}"
        f"<p>{PARAGRAPH.replace('The chip', 'A rival chip')}</p></div></article></body></html>"
    )
    outcome = process_page(
        html.encode(), "https://news.example/chips", options=Options(min_words=1)
    )
    assert outcome.record is not None, outcome.reason
    text = outcome.record.text
    assert "Chip chief on demand" not in text and "Morning Markets" not in text
    assert "A rival chip designer said" in text


def test_a_video_pages_description_and_a_video_section_without_a_duration_stay():
    described = (
        '<div class="video-player"><span>3:12</span><h2>How the fab works</h2>'
        f"<p>{PARAGRAPH}</p></div>"
    )
    titled = '<section class="videos-column"><h2>The story in pictures and sound</h2></section>'
    for body in (described, titled):
        page = lxml_html.fromstring(f"<html><body><article>{body}</article></body></html>")
        assert drop_video_cards(page) == 0, body


def test_a_page_of_many_cards_is_read_in_linear_time():
    # The outermost-card check compared every element with every card taken (4,000 cards:
    # 63 s; review). Counted, not timed: each card goes, once.
    cards = "".join(
        f'<div class="video-card"><span>{n % 9}:45</span><h3>Clip {n}</h3></div>'
        for n in range(3000)
    )
    page = lxml_html.fromstring(f"<html><body><main>{cards}</main></body></html>")
    assert drop_video_cards(page) == 3000
