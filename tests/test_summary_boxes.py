"""crawler.core.summary_boxes: machine-written summary boxes above the article."""

from lxml import html as lxml_html

from crawler.core.summary_boxes import drop_ai_summaries

PARAGRAPH = (
    "About 48,000 pairs of smart glasses are being recalled because their batteries can "
    "overheat, the safety commission said Tuesday."
)


def _page(body: str):
    return lxml_html.fromstring(f"<html><body><article>{body}</article></body></html>")


def test_a_box_labelled_as_an_ai_summary_goes_with_its_bullets():
    box = (
        '<div class="kp"><div class="kp_hd"><span>Key Points</span><span>AI-assisted summary'
        "</span></div><ul><li>About 48,000 pairs are recalled.</li><li>Owners get a refund."
        "</li></ul></div>"
    )
    page = _page(f"{box}<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>")
    assert drop_ai_summaries(page) == 1
    text = page.text_content()
    assert "Key Points" not in text and "refund" not in text
    assert text.count(PARAGRAPH) == 2
    lower = _page(
        '<div><p class="label">ai-generated key points</p><ul><li>One.</li></ul></div>'
        f"<p>{PARAGRAPH}</p>"
    )
    assert drop_ai_summaries(lower) == 1  # the label's case does not matter


def test_takeaways_credited_to_a_newsrooms_model_go():
    for label in ("Takeaways by Bloomberg AI", "Takeaways are generated using AI"):
        page = _page(
            f'<section class="tk"><h2>{label}</h2><ul><li>A sale is explored.</li>'
            f"<li>Funds have approached.</li></ul></section><p>{PARAGRAPH}</p>"
        )
        assert drop_ai_summaries(page) == 1, label
        assert page.text_content() == PARAGRAPH
    # A heading about AI is no credit: the model must end the label.
    news = _page(
        f"<div><h2>Takeaways from the AI summit</h2><ul><li>One.</li></ul></div><p>{PARAGRAPH}</p>"
    )
    assert drop_ai_summaries(news) == 0


def test_an_article_about_ai_summaries_and_a_human_key_points_box_stay():
    story = _page(
        "<h2>Why an AI-generated summary can mislead</h2>"
        f"<p>{PARAGRAPH}</p><ul><li>One point.</li></ul><p>{PARAGRAPH}</p>" * 3
    )
    assert drop_ai_summaries(story) == 0  # the label's box would be the whole article
    human = _page(f"<div><h3>Key points</h3><ul><li>One.</li></ul></div><p>{PARAGRAPH}</p>")
    assert drop_ai_summaries(human) == 0


def test_a_digest_of_the_readers_comments_goes_with_its_disclaimer():
    digest = (
        '<div class="readers"><h3>What readers are saying</h3><p>Commenters largely doubted'
        " that the recall would reach every owner.</p><p class='note'>This summary is"
        " AI-generated. AI can make mistakes.</p></div>"
    )
    page = _page(f"<p>{PARAGRAPH}</p>{digest}")
    assert drop_ai_summaries(page) == 1
    assert page.text_content() == PARAGRAPH
    # The disclaimer alone in the article's own paragraphs takes nothing else with it.
    story = _page(f"<p>{PARAGRAPH}</p><p>The summary was AI-generated, the firm said.</p>")
    assert drop_ai_summaries(story) == 0
