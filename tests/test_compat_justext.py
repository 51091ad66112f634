"""jusText's paragraphs with and without crawler.compat.justext's inline spaces."""

from __future__ import annotations

import pytest
from justext.core import ParagraphMaker
from lxml import html as lxml_html
from trafilatura.external import try_justext

from crawler.compat.justext import keep_inline_spaces

PAGE = (
    "<html><body><div><span>LIVE</span> <span>Tessa Moreno</span> · <span>10:42</span></div>"
    "<p>The <a href='/a'>OpenAI</a> <a href='/b'>GPT-4</a> model<br> <br>was tested.</p>"
    "</body></html>"
)


def _paragraphs() -> list[str]:
    return [p.text for p in ParagraphMaker.make_paragraphs(lxml_html.fromstring(PAGE))]


@pytest.fixture
def stock_justext():
    keep_inline_spaces(False)
    yield
    keep_inline_spaces()


def test_stock_justext_glues_words_split_by_inline_elements(stock_justext):
    # the upstream behaviour: a whitespace-only text node between two elements is skipped
    assert _paragraphs()[0] == "LIVETessa Moreno · 10:42"
    assert _paragraphs()[1] == "The OpenAIGPT-4 model"


def test_the_space_between_inline_elements_is_kept():
    keep_inline_spaces()
    assert _paragraphs() == ["LIVE Tessa Moreno · 10:42", "The OpenAI GPT-4 model", "was tested."]


def test_trafilaturas_justext_fallback_keeps_the_spaces():
    # what trafilatura runs when its own text is short or unclean (external.justext_rescue)
    keep_inline_spaces()
    meta = "<span>LIVE</span> <span>Tessa Moreno</span> · <span>Last updated 10:42 PT</span>"
    paragraph = (
        "<p>The <a href='/m'>Acme</a> <a href='/l'>Labs</a> model scored well on the new test,"
        " and the researchers who wrote it said that they had not expected it to do so well on"
        " the problems that were kept out of its training data, which is where most of the"
        " other systems that they tried had failed.</p>"
    )
    page = f"<html><body><div>{meta}</div>{paragraph * 4}</body></html>"
    body = try_justext(lxml_html.fromstring(page), None, "en")
    text = " ".join(body.itertext())
    assert "Acme Labs model" in text and "AcmeLabs" not in text
