"""A newsletter's sponsor section (crawler.core.sponsor_sections): the slot its label opens
goes whole, as a box or as a run of blocks between dividers; headings that start with the
same words, a sponsored post's own disclosure and a story's sentence stay."""

from __future__ import annotations

import pytest
from lxml import html

from crawler.core.sponsor_sections import drop_sponsor_sections, is_sponsor_label

STORY = (
    "The county's transit office said on Tuesday that its new routing model cut the average "
    "wait for a paratransit pickup from forty minutes to twenty-six across the spring trial."
)
OTHER = (
    "A hospital group in Leeds published the first shared review of its speech-to-notes "
    "software, finding that one note in fifteen missed a medication the patient mentioned."
)
AD_HEADING = "Ship evals before you ship prompts"
AD_COPY = (
    "Northwind Evals runs your test set on every pull request and flags regressions before "
    "they reach users. Teams set it up in an afternoon. Book a demo today."
)


def _wrapped(inner: str) -> str:
    # beehiiv wraps every block of a post in a padded div
    return f'<div style="padding:0px;">{inner}</div>'


def _issue(middle: str) -> html.HtmlElement:
    return html.fromstring(
        "<html><body><main><div id='content-blocks'>"
        f"{_wrapped('<h3>Transit</h3>')}{_wrapped(f'<p>{STORY}</p>')}"
        f"{_wrapped('<hr class=content_break>')}{middle}{_wrapped('<hr class=content_break>')}"
        f"{_wrapped('<h3>Hospitals</h3>')}{_wrapped(f'<p>{OTHER}</p>')}"
        f"{_wrapped(f'<p>{STORY}</p>')}</div></main></body></html>"
    )


def _box(label: str) -> str:
    return (
        '<div class="section" style="background-color:#FFF7E6;">'
        f"{_wrapped(f'<p><span style=font-size:0.8rem>{label}</span></p>')}"
        f"{_wrapped(f'<h3>{AD_HEADING}</h3>')}"
        f"{_wrapped(f'<p>{AD_COPY} <a href=https://northwind.example/>Try it</a></p>')}"
        "</div>"
    )


@pytest.mark.parametrize(
    "label",
    [
        "TOGETHER WITH NORTHWIND",
        "Together with Northwind Evals",
        "PRESENTED BY NORTHWIND",
        "In partnership with Northwind",
        "Sponsored by Northwind",
        "A MESSAGE FROM NORTHWIND",
        "Brought to you by Northwind",
        "Today's sponsor",
    ],
)
def test_the_box_a_sponsor_label_opens_goes_whole(label):
    tree = _issue(_box(label))
    assert drop_sponsor_sections(tree) == 1
    text = tree.text_content()
    assert "Northwind" not in text and AD_HEADING not in text and "Book a demo" not in text
    assert text.count(STORY) == 2 and OTHER in text and "Hospitals" in text


def test_a_flat_sponsor_slot_between_dividers_goes():
    # A Ghost-style issue: label, heading and copy are siblings between two dividers.
    tree = html.fromstring(
        f"<html><body><article><h1>Issue 41</h1><p>{STORY}</p><hr>"
        f"<p><strong>SPONSORED BY NORTHWIND</strong></p><h3>{AD_HEADING}</h3><p>{AD_COPY}</p>"
        f"<hr><p>{OTHER}</p><p>{STORY}</p></article></body></html>"
    )
    assert drop_sponsor_sections(tree) == 3  # the label's block and its two siblings
    text = tree.text_content()
    assert "Northwind" not in text and AD_HEADING not in text
    assert text.count(STORY) == 2 and OTHER in text


def test_without_a_closing_divider_a_flat_label_takes_nothing():
    # A sponsored post's own disclosure over its body: where an ad would end is unknown.
    tree = html.fromstring(
        f"<html><body><article><h1>Issue 41</h1><hr><p>Sponsored by Northwind</p>"
        f"<p>{STORY}</p><p>{OTHER}</p></article></body></html>"
    )
    assert drop_sponsor_sections(tree) == 0
    assert STORY in tree.text_content()


def test_a_sponsored_posts_label_over_the_whole_article_takes_nothing():
    body = f"<p>{STORY}</p>" * 3 + f"<p>{OTHER}</p>" * 3
    tree = html.fromstring(
        f"<html><body><article><h1>Headline</h1><div class='post-body'>"
        f"<p>PRESENTED BY NORTHWIND</p>{body}</div></article></body></html>"
    )
    assert drop_sponsor_sections(tree) == 0
    assert tree.text_content().count(STORY) == 3


@pytest.mark.parametrize(
    "heading",
    [
        "Together with the community",
        "In partnership with our readers",
        "A message from our founder",
        "Together with",
    ],
)
def test_a_section_heading_that_starts_the_same_way_stays(heading):
    section = f"<div class='callout'><h3>{heading}</h3><p>{OTHER}</p></div>"
    tree = _issue(section)
    assert drop_sponsor_sections(tree) == 0
    assert heading in tree.text_content() and OTHER in tree.text_content()


@pytest.mark.parametrize(
    "line",
    [
        "Presented by the county's transit office, the plan was approved on Tuesday.",
        "Together with Northwind, the lab built a test set of 4,000 questions.",
        "Sponsored content is labelled as such on every page of the site and in the app.",
    ],
)
def test_a_storys_sentence_is_no_label(line):
    assert not is_sponsor_label(line)
    tree = _issue(f"<div class='box'><p>{line}</p><p>{OTHER}</p></div>")
    assert drop_sponsor_sections(tree) == 0


def test_the_ads_copy_does_not_reach_the_record():
    from crawler.core.pipeline import Options, process_page

    page = (
        "<html><head><title>Transit and hospitals</title></head><body>"
        "<h1>Transit and hospitals</h1>"
        + html.tostring(_issue(_box("TOGETHER WITH NORTHWIND")).find(".//main"), encoding=str)
        + "</body></html>"
    )
    outcome = process_page(page.encode(), "https://news.example/p/x", options=Options(min_words=1))
    assert outcome.record is not None, outcome.reason
    text = outcome.record.text
    assert "Northwind Evals runs" not in text and AD_HEADING not in text
    assert STORY in text and OTHER in text
