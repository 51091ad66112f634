"""crawler.core.hidden: elements marked `hidden` are not the article."""

from lxml import html as lxml_html

from crawler.core.hidden import drop_hidden
from crawler.core.pipeline import process_page

PARAGRAPH = "The company told staff on Tuesday that a quarter of its workforce would go."


def test_hidden_elements_go_and_until_found_sections_stay():
    page = lxml_html.fromstring(
        f"<html><body><article><p>{PARAGRAPH}</p>"
        '<div class="register" hidden><p>Thank you for registering</p></div>'
        f'<section hidden="until-found"><p>{PARAGRAPH} More.</p></section>'
        "</article></body></html>"
    )
    assert drop_hidden(page) == 1
    text = page.text_content()
    assert "Thank you for registering" not in text and text.count(PARAGRAPH) == 2


def test_a_template_is_not_rendered_so_its_paragraphs_are_not_the_article():
    lead = (
        "Three chip makers said this week that they would ship accelerators built only for "
        "running trained models, as companies move their spending from training to serving."
    )
    rest = (
        "Analysts said serving models to users now costs large companies more each year than "
        "training them, and that the gap between the two budgets keeps growing every quarter."
    )
    share = "Share this story with your followers on every network you use, today and tomorrow."
    page = (
        '<!DOCTYPE html><html lang="en"><head><title>Chip makers build accelerators</title>'
        '</head><body><div class="content"><h1>Chip makers build accelerators</h1>'
        f'<p>{lead}</p><template id="share"><p>{share}</p></template><p>{rest}</p>'
        f"<p>{rest} {lead}</p></div></body></html>"
    )
    outcome = process_page(page.encode(), "https://news.example/2026/12/chips/")
    assert outcome.record is not None, outcome.reason
    assert lead in outcome.record.text and rest in outcome.record.text
    assert "Share this story" not in outcome.record.text
