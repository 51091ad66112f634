"""crawler.core.captions: photo captions set as classed paragraphs beside the image."""

from lxml import html as lxml_html

from crawler.core.captions import drop_captions

PARAGRAPH = (
    "A popular robot vacuum maker has been accused of using photographs captured inside "
    "customers' homes to train its software."
)


def test_a_caption_paragraph_beside_its_image_goes_and_the_article_stays():
    page = lxml_html.fromstring(
        '<html><body><div class="article-text"><div class="img-group"><img src="a.jpg">'
        '<span class="imageCredit">Getty Images</span><p class="imageCaption">The S7 maps'
        f" rooms with a front camera (stock image)</p></div><p>{PARAGRAPH}</p></div></body></html>"
    )
    assert drop_captions(page) == 1
    assert page.find(".//p").text == PARAGRAPH
    assert "Getty Images" in page.text_content()  # not classed a caption: credits are cleaning's


def test_a_caption_class_on_a_large_box_or_without_an_image_is_not_a_caption():
    body = "".join(f"<p>{PARAGRAPH}</p>" for _ in range(4))
    page = lxml_html.fromstring(
        f'<html><body><div class="caption-layout"><img src="a.jpg">{body}</div>'
        '<div><p class="caption">A pull quote styled like a caption, with no image.</p>'
        "</div></body></html>"
    )
    assert drop_captions(page) == 0


def test_a_caption_in_a_metadata_box_beside_the_image_container_goes():
    # CNN's shape: the caption's own box holds no image; its sibling box does.
    page = lxml_html.fromstring(
        '<html><body><div class="article"><div class="image"><div class="image__container">'
        '<img src="a.jpg"></div><div class="image__metadata"><div class="image__caption">'
        "<span>Members of parliament take part in a vote.</span></div></div></div>"
        f"<p>{PARAGRAPH}</p></div></body></html>"
    )
    assert drop_captions(page) == 1
    assert "Members of parliament" not in page.text_content()
    # Two levels out is the limit: a caption-classed line far from any image stays.
    far = lxml_html.fromstring(
        '<html><body><div><img src="a.jpg"><div><div><div class="caption">'
        "<span>A line styled as a caption.</span></div></div></div></div></body></html>"
    )
    assert drop_captions(far) == 0
