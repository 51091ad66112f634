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


def test_an_unclassed_caption_ending_in_a_photo_credit_beside_its_image_goes():
    captions = (
        # Global Times' shape: the caption a plain paragraph in a <center> with the photo
        "<center><img src='a.jpg'><p class='picture'>Vehicles pass a junction in Futian"
        " district on May 5, 2025. Photo: VCG</p></center>",
        # a newsletter's: the caption nested in a "source" box under the photo
        "<div class='image'><img src='b.jpg'><div class='image__source'><span><p>Labs will"
        " publish scores with the weights. (Photo: Lakeshore Tech Review)</p></span></div></div>",
    )
    for caption in captions:
        page = lxml_html.fromstring(
            f"<html><body><article>{caption}<p>{PARAGRAPH}</p></article></body></html>"
        )
        assert drop_captions(page) == 1, caption
        assert page.find(".//article").text_content() == PARAGRAPH


def test_a_credit_alone_or_prose_naming_a_photo_beside_an_image_stays():
    kept = (
        "<div><img src='a.jpg'><p>(All photos: Atlas staff)</p></div>",  # a note, no caption
        f"<div><img src='a.jpg'><p>{PARAGRAPH}</p></div>",  # no credit at its end
        # a credit ending text far from any image
        f"<div><img src='a.jpg'></div><p>{PARAGRAPH} The site posted it. Photo: archive</p>",
    )
    for body in kept:
        page = lxml_html.fromstring(f"<html><body><article>{body}</article></body></html>")
        assert drop_captions(page) == 0, body


def test_an_italic_paragraph_right_after_an_image_paragraph_is_its_caption():
    # Markdown's figure: `![…](grid.png)` then `*Caption.*`, as blog engines render it.
    figure = "<p align='center'><img src='grid.png'></p>"
    caption = "<p align='center'><em>Probes under a uniform grid (left) and ours (right).</em></p>"
    page = lxml_html.fromstring(
        f"<html><body><article><p>{PARAGRAPH}</p>{figure}{caption}</article></body></html>"
    )
    assert drop_captions(page) == 1
    assert page.find(".//article").text_content() == PARAGRAPH
    kept = (
        f"{figure}<p><em>Italic lead-in,</em> then the paragraph goes on in roman.</p>",
        f"<p>Text beside <img src='a.png'> the image.</p>{caption}",  # no image paragraph
        f"{figure}<p>{PARAGRAPH}</p>",
    )
    for body in kept:
        page = lxml_html.fromstring(f"<html><body><article>{body}</article></body></html>")
        assert drop_captions(page) == 0, body


def test_a_tables_caption_goes_and_its_rows_stay():
    page = lxml_html.fromstring(
        "<html><body><article><p>" + PARAGRAPH + "</p><table><caption>Benchmark results"
        " (higher is better)</caption><tr><th>Model</th><th>Score</th></tr>"
        "<tr><td>Kestrel</td><td>84.1</td></tr></table></article></body></html>"
    )
    assert drop_captions(page) == 1
    assert page.find(".//caption") is None and len(page.findall(".//tr")) == 2


def _after_image(image_module: str, text_module: str) -> str:
    return (
        f"<html><body><article><div class='et_pb_text'><p>{PARAGRAPH}</p></div>{image_module}"
        f"{text_module}</article></body></html>"
    )


LATER = "The company said the software would be retrained on staged rooms instead."


def test_a_builders_caption_paragraph_after_the_image_module_goes():
    """Audit 48: page builders caption a photo with the first paragraph of the text module
    after the image module, ending in its credit; the paragraphs after it are the story's."""
    modules = (
        # Divi
        (
            "<div class='et_pb_module et_pb_image'><span class='et_pb_image_wrap'>"
            "<img src='a.jpg'></span></div>",
            "<div class='et_pb_module et_pb_text'><div class='et_pb_text_inner'><p><em>The S7 "
            f"docks under a kitchen counter. Photo: Supplied</em></p><p>{LATER}</p></div></div>",
        ),
        # Elementor: the image widget, a comment, then the text editor widget
        (
            "<div class='elementor-widget-image'><div class='elementor-widget-container'>"
            "<img src='a.jpg'></div></div><!-- .elementor-widget-image -->",
            "<div class='elementor-widget-text-editor'><div class='elementor-widget-container'>"
            f"<p>A tester holds the vacuum's camera module. PHOTO | Kestrel Labs</p><p>{LATER}</p>"
            "</div></div>",
        ),
        # a Gutenberg image block, then a paragraph
        (
            "<figure class='wp-block-image size-large'><img src='a.jpg'></figure>",
            f"<p>The S7 on its charging base (Image: Brightwave Press)</p><p>{LATER}</p>",
        ),
        (
            "<div class='wpb_single_image'><figure><div class='vc_single_image-wrapper'>"
            "<img src='a.jpg'></div></figure></div>",
            "<div class='wpb_text_column'><div class='wpb_wrapper'><p>Staff at the company's"
            f" Leeds lab. Picture by Tom Ashdown.</p><p>{LATER}</p></div></div>",
        ),
        # a credit naming the photographer and the agency
        (
            "<figure class='wp-block-image'><img src='a.jpg'></figure>",
            f"<p>The S7 at a trade fair. Photo: Ada Quinn / AFP via Getty Images</p><p>{LATER}</p>",
        ),
    )
    for image_module, text_module in modules:
        page = lxml_html.fromstring(_after_image(image_module, text_module))
        assert drop_captions(page) == 1, text_module
        assert page.find(".//article").text_content() == PARAGRAPH + LATER


def test_a_story_paragraph_after_an_image_module_stays():
    image = "<div class='et_pb_image'><span><img src='a.jpg'></span></div>"
    kept = (
        f"<p>{LATER}</p>",  # no credit
        "<p>Photo: Supplied</p>",  # a credit alone, crawler.core.clean's
        # a lower-case "photo:" or "image:" in the story's own sentence
        f"<p>{LATER} The lawsuit attached one image: a child asleep on a sofa.</p>",
        f"<p>{LATER} It kept the photo: archive</p>",
        # the credit not at its end
        f"<p>A robot docks. Photo: Supplied. {LATER} {PARAGRAPH}</p>",
        # more than a caption's words
        f"<p>{PARAGRAPH} {LATER} {PARAGRAPH} Photo: Supplied</p>",
        # the label opens a sentence of the story: the name goes on into lower-case words
        "<p>The harbour exhibition opened on Monday. Photographs by Ada Quinn line the hall.</p>",
        "<p>The postcard dates from 1931. Photo courtesy of the Marsh Collection is inked on"
        " its back.</p>",
    )
    for text in kept:
        page = lxml_html.fromstring(_after_image(image, text))
        assert drop_captions(page) == 0, text
    # An image inside a paragraph's text has no textless holder of its own.
    inline = f"<p>The robot <img src='a.jpg'> docks.</p><p>{LATER} Photo: Supplied</p>"
    page = lxml_html.fromstring(f"<html><body><article>{inline}</article></body></html>")
    assert drop_captions(page) == 0


def test_a_caption_in_a_paragraph_of_its_own_or_named_the_images_source_goes():
    captions = (
        # a wire's figure: the caption's box wraps its text in one paragraph
        "<figure><img src='a.jpg'><div class='Figure-caption'><p>Volunteers sort donated"
        " laptops at the depot on Monday.</p></div></figure>",
        # beehiiv's: the caption is the image's "source", with no credit in it
        "<div class='image'><img src='b.jpg'><div class='image__source'><span"
        " class='image__source_text'><p>Error rate against model size on the authors'"
        " benchmark.</p></span></div></div>",
    )
    for caption in captions:
        page = lxml_html.fromstring(
            f"<html><body><article>{caption}<p>{PARAGRAPH}</p></article></body></html>"
        )
        assert drop_captions(page) == 1, caption
        assert page.find(".//article").text_content() == PARAGRAPH


def test_two_paragraphs_or_a_source_that_is_no_images_stay():
    kept = (
        # two paragraphs in a box classed as a caption are the article's
        "<div><img src='a.jpg'><div class='caption-text'><p>The depot opened in May.</p>"
        "<p>It employs nine people.</p></div></div>",
        # a table's or a story's source line, not an image's
        "<div><img src='a.jpg'><p class='data-source'>Source: county budget office</p></div>",
        "<div><img src='a.jpg'><p class='source'>Reporting from the county archive.</p></div>",
    )
    for body in kept:
        page = lxml_html.fromstring(f"<html><body><article>{body}</article></body></html>")
        assert drop_captions(page) == 0, body
