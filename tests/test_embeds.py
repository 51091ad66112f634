"""crawler.core.embeds: posts embedded from social networks are no part of the text."""

from lxml import html as lxml_html

from crawler.core.embeds import drop_social_embeds

PARAGRAPH = "The regulator said on Monday that it had opened an inquiry into the company."
TWEET = (
    '<blockquote class="twitter-tweet" data-dnt="true"><p lang="en" dir="ltr">We have opened'
    ' an inquiry into the company. <a href="https://t.co/x1">https://t.co/x1</a></p>&mdash;'
    ' Regulator (@regulator) <a href="https://twitter.com/x/status/1">September 15, 2025</a>'
    "</blockquote>"
)
INSTAGRAM = (
    '<blockquote class="instagram-media" data-instgrm-permalink="https://instagram.com/p/x">'
    "<div><p>A post shared by the lab (@lab)</p></div></blockquote>"
)


def _article(body: str):
    return lxml_html.fromstring(f"<html><body><article>{body}</article></body></html>")


def test_embedded_posts_go_and_their_tails_stay():
    page = _article(f"<p>{PARAGRAPH}</p>{TWEET}tail text{INSTAGRAM}<p>{PARAGRAPH}</p>")
    assert drop_social_embeds(page) == 2
    text = page.find(".//article").text_content()
    assert text == f"{PARAGRAPH}tail text{PARAGRAPH}"


def test_the_articles_own_quotations_stay():
    quote = "<blockquote><p>“We will comply with the inquiry,” the company said.</p></blockquote>"
    pull = '<blockquote class="wp-block-quote is-style-twitter"><p>A pull quote.</p></blockquote>'
    page = _article(f"<p>{PARAGRAPH}</p>{quote}{pull}")
    assert drop_social_embeds(page) == 0
