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


PLAYED_CARD = (
    "<div class='c-video'><button>Click to play video: 'Grid queues for AI'</button>"
    "<p class='c-video__title'>Grid queues for AI</p><p class='c-video__description'>"
    "Utilities say the wait for a large connection now runs past five years. Dana Whitlock"
    " reports.</p></div>"
)


def _played_card_page(head: str = "") -> str:
    return (
        f"<html><head><title>Utility delays data center hookups</title>{head}</head><body>"
        f"<article><h1>Utility delays data center hookups</h1><div class='body'><p>{PARAGRAPH}"
        f"</p>{PLAYED_CARD}<p>{PARAGRAPH.replace('The chip', 'A rival chip')}</p></div>"
        "</article></body></html>"
    )


def test_a_card_with_a_play_control_goes_without_a_duration_and_with_its_description():
    outcome = process_page(
        _played_card_page().encode(), "https://news.example/grid", options=Options(min_words=1)
    )
    assert outcome.record is not None, outcome.reason
    text = outcome.record.text
    assert "Grid queues for AI" not in text and "Dana Whitlock reports" not in text
    assert "A rival chip designer said" in text


def test_a_video_pages_own_description_stays_beside_its_play_control():
    for head in (
        "<meta property='og:type' content='video.other'>",
        '<script type="application/ld+json">{"@type": "VideoObject", "name": "Grid queues"}'
        "</script>",
    ):
        outcome = process_page(
            _played_card_page(head).encode(),
            "https://news.example/grid",
            options=Options(min_words=1),
        )
        assert outcome.record is not None, outcome.reason
        assert "Dana Whitlock reports" in outcome.record.text, head


def test_a_play_icon_marks_a_card_and_a_player_class_alone_does_not():
    icon = "<div class='video-embed'><span class='vjs-big-play-button'></span><h3>Clip</h3></div>"
    player = "<div class='video-player'><h3>Clip</h3><span class='playlist'>Next</span></div>"
    for body, cards in ((icon, 1), (player, 0)):
        page = lxml_html.fromstring(f"<html><body><article>{body}</article></body></html>")
        assert drop_video_cards(page) == cards, body
