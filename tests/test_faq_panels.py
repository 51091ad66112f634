"""An FAQ accordion's questions and collapsed answers (crawler.core.faq_panels)."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from crawler.core.collapsed_text import hidden_with_paragraphs
from crawler.core.faq_panels import show_faq_answers
from crawler.core.model import Hints
from crawler.core.pipeline import Options, process_page

STORY = (
    "<p>A regional grid operator said on Thursday that it would start testing home batteries"
    " as a reserve for hot summer evenings, when demand peaks after sunset.</p>"
    "<p>Households that sign up will be paid for each hour their battery feeds the grid, and"
    " the operator can draw on no more than half of a battery's charge.</p>"
    "<p>The trial starts in June with two thousand homes in three towns, the operator said,"
    " and could grow to the whole region if it keeps the lights on.</p>"
)
QUESTION = "How much will a household be paid?"
ANSWER = (
    "Each household gets a fixed fee for every hour its battery supplies the grid, set each"
    " season, and nothing is charged when the battery is not used."
)
HIDES = ("hidden", "aria-hidden='true' style='display:none'", "style='display: none'")


def _text(faq: str) -> str:
    html = (
        "<html><head><title>Grid operator to test home batteries</title></head><body>"
        "<article><h1>Grid operator to test home batteries</h1>"
        f"<div class='article-body'>{STORY}<h2>FAQs</h2>{faq}</div></article></body></html>"
    )
    outcome = process_page(html.encode(), "https://news.example/batteries", Hints(), Options())
    assert outcome.record is not None, outcome.reason
    return outcome.record.text


@pytest.mark.parametrize("hide", HIDES)
def test_a_question_buttons_hidden_answer_is_read_with_its_question(hide):
    faq = (
        f"<div class='faq-item'><button aria-expanded='false'>{QUESTION}</button>"
        f"<div class='faq-answer' {hide}><p>{ANSWER}</p></div></div>"
    )
    text = _text(faq)
    assert QUESTION in text and ANSWER in text
    assert text.index(QUESTION) < text.index(ANSWER)


def test_a_question_in_a_paragraph_or_a_heading_and_a_shown_answer_are_read():
    in_paragraph = f"<div><p class='q'>{QUESTION}</p><div hidden><p>{ANSWER}</p></div></div>"
    in_heading = (
        f"<h3><button aria-expanded='true'>{QUESTION}</button></h3><div><p>{ANSWER}</p></div>"
    )
    for faq in (in_paragraph, in_heading):
        text = _text(faq)
        assert QUESTION in text and ANSWER in text, faq


def test_a_menu_toggle_and_a_cookie_category_stay_hidden():
    page = lxml_html.fromstring(
        "<html><body><button aria-expanded='false'>Menu</button><div hidden><p>Home News Sport"
        " Business Technology Science Health Culture Travel Weather Video Audio</p></div>"
        "<button aria-expanded='false'>Strictly necessary cookies</button><div hidden><p>These"
        " cookies are needed for the website to work and cannot be switched off.</p></div>"
        f"<button aria-expanded='false'>{QUESTION}</button><div hidden><a href='/a'>Fees</a>"
        "</div></body></html>"
    )
    assert show_faq_answers(page, hidden_with_paragraphs(page)) == 0  # no question or answer
    assert len(page.xpath("//*[@hidden]")) == 3


def test_a_heading_set_inside_the_question_button_is_read():
    # Bootstrap's accordion with schema.org's Question: "<button><h3>…?</h3></button>"
    # before a collapsed answer kept the answer and lost the question (audit 30).
    faq = (
        "<div class='accordion-item'><button class='accordion-button collapsed'"
        f" aria-expanded='false'><h3 itemprop='name'>{QUESTION}</h3></button>"
        f"<div class='accordion-collapse collapse'><div class='accordion-body'><p>{ANSWER}</p>"
        "</div></div></div>"
    )
    text = _text(faq)
    assert QUESTION in text and ANSWER in text
    assert text.index(QUESTION) < text.index(ANSWER)


def test_a_toggles_hidden_icon_is_no_part_of_the_question():
    # Vox's accordion (audit 41): "<button>Question?<span aria-hidden='true'>+</span>";
    # "Question?+" was no question, and every answer was lost.
    faq = (
        f"<div class='c-faq__item'><h3><button aria-expanded='false' aria-controls='faq-0'>"
        f"{QUESTION}<span class='c-faq__icon' aria-hidden='true'>+</span></button></h3>"
        f"<div id='faq-0' hidden><p>{ANSWER}</p></div></div>"
    )
    lines = _text(faq).split("\n")
    assert QUESTION in lines and ANSWER in lines
    assert f"{QUESTION}+" not in _text(faq)
