"""The section label over the headline (crawler.core.kickers)."""

from __future__ import annotations

from lxml import html as lxml_html

from crawler.core.kickers import drop_kickers
from crawler.core.model import Hints
from crawler.core.pipeline import process_page

BODY = (
    "<p class='byline'>By Jo Smith</p>"
    "<p>The city council met on Tuesday to discuss the new transit budget, which includes money"
    " for electric buses and better bike lanes across the downtown area.</p>"
    "<p>Officials said the plan would be paid for with a mix of federal grants and local bonds,"
    " and that construction could begin as early as next spring if it is approved.</p>"
    "<p>Residents who spoke at the meeting were mostly supportive, although several business"
    " owners raised concerns about losing parking spaces on Main Street.</p>"
)


def _first_line(label: str) -> str:
    html = (
        "<html><head><title>Council weighs transit budget</title></head><body><article>"
        f"{label}<h1>Council weighs transit budget</h1>{BODY}</article></body></html>"
    )
    outcome = process_page(html.encode(), "https://news.example/transit", Hints())
    assert outcome.record is not None, outcome.reason
    return outcome.record.text.split("\n")[0]


def test_a_section_label_over_the_headline_is_not_the_first_line():
    for label in (
        "<p class='kicker'>Feature</p>",
        "<span class='label'>In Brief</span>",
        "<p class='article-eyebrow'>Explainer</p>",
    ):
        assert _first_line(label).startswith("The city council met"), label


def test_only_a_short_labelled_element_right_before_the_headline_goes():
    tree = lxml_html.fromstring(
        "<div><p class='kicker'>Feature</p><h1>Headline</h1>"
        "<p class='label'>Explainer</p><p>Text.</p>"
        "<p class='label'>A label of many more words than a kicker</p><h1>Second</h1>"
        "<p class='intro'>Intro</p><h1>Third</h1></div>"
    )
    assert drop_kickers(tree) == 1
    assert [p.text for p in tree.iter("p")] == [
        "Explainer",
        "Text.",
        "A label of many more words than a kicker",
        "Intro",
    ]


def test_a_label_over_an_aria_headline_goes_too():
    # React Native Web draws every element as a div: the headline is role="heading".
    tree = lxml_html.fromstring(
        "<div><div class='r-kicker'>ROBOTICS</div>"
        "<div role='heading' aria-level='1'>A robot hand folds laundry</div><p>Text.</p></div>"
    )
    assert drop_kickers(tree) == 1
    assert "ROBOTICS" not in tree.text_content()
