"""crawler.core.photo_essays: a gallery whose captions are the story."""

from lxml import html as lxml_html

from crawler.core.photo_essays import gallery_captions, with_captions

CAPTION = (
    "Workers pour concrete for a new data hall on former soybean fields outside town, in April {}."
)


def _page(count: int, credit: str = "<span class='photo-credit'>Jo Lee / AP</span>") -> str:
    figures = "".join(
        f"<figure><img src='{n}.jpg'><figcaption>{CAPTION.format(n)} {credit}</figcaption></figure>"
        for n in range(count)
    )
    return f"<html><body><article><p>A short intro.</p>{figures}</article></body></html>"


def test_five_sentence_captions_are_an_essay_told_in_them_without_credits():
    captions = gallery_captions(lxml_html.fromstring(_page(5)))
    assert captions == [CAPTION.format(n) for n in range(5)]
    text = with_captions("A short intro.", captions)
    assert text.split("\n") == ["A short intro.", *captions]


def test_a_few_captions_or_a_long_article_leave_the_text_alone():
    assert gallery_captions(lxml_html.fromstring(_page(4))) == []
    captions = gallery_captions(lxml_html.fromstring(_page(5)))
    article = " ".join(["word"] * 500)
    assert with_captions(article, captions) == article


def test_a_slides_counter_is_no_part_of_its_caption():
    # USA Today's "<span class='gallery-count'>1 of 6</span>", the Guardian's "1/5" (audit
    # 41): read into the caption's sentence.
    for counter in ("{} of 6", "{}/6"):
        figures = "".join(
            f"<figure><img src='{n}.jpg'><figcaption><span class='count'>"
            f"{counter.format(n + 1)}</span><p>{CAPTION.format(n)}</p></figcaption></figure>"
            for n in range(5)
        )
        page = f"<html><body><article><p>A short intro.</p>{figures}</article></body></html>"
        assert gallery_captions(lxml_html.fromstring(page)) == [CAPTION.format(n) for n in range(5)]


def test_a_number_in_a_captions_words_is_no_slide_counter():
    # The review: "<a>9/11</a> memorial" in a caption.
    caption = (
        "Visitors leave flowers at the <a href='/t/911'>9/11</a> memorial in lower Manhattan {}."
    )
    figures = "".join(
        f"<figure><img src='{n}.jpg'><figcaption>{caption.format(n)}</figcaption></figure>"
        for n in range(5)
    )
    page = f"<html><body><article><p>A short intro.</p>{figures}</article></body></html>"
    assert all("9/11" in text for text in gallery_captions(lxml_html.fromstring(page)))
