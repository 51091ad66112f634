"""crawler.core.hidden: elements marked `hidden` are not the article."""

from lxml import html as lxml_html

from crawler.core.hidden import drop_hidden

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
