"""crawler.core.link_lists: a label over a list of links goes with the list."""

from lxml import html as lxml_html

from crawler.core.link_lists import drop_link_list_labels

PARAGRAPH = (
    "The chip designer said revenue from data center customers doubled from a year earlier, "
    "helped by demand for accelerators."
)
LINKS = (
    "<li><a href='/a'>Rival says demand is insane</a></li>"
    "<li><a href='/b'>A $80 billion plan</a></li>"
)


def _page(body: str):
    return lxml_html.fromstring(
        f"<html><body><article><p>{PARAGRAPH}</p>{body}</article></body></html>"
    )


def test_a_bold_label_or_a_heading_over_a_list_of_links_goes_with_it():
    for label in ("<p><strong>Read more tech news</strong></p>", "<h2>Key events</h2>"):
        page = _page(f"{label}<ul class='related'>{LINKS}</ul><p>{PARAGRAPH}</p>")
        assert drop_link_list_labels(page) == 1, label
        assert page.text_content() == PARAGRAPH * 2


def test_the_articles_own_lists_and_headings_stay():
    kept = (
        # items with words of their own beside the link
        "<h2>Sources</h2><ul><li><a href='/r'>The report</a>, published in May</li>"
        "<li><a href='/d'>The data</a>, from the agency</li></ul>",
        # a list without links under its heading
        "<h3>What changes</h3><ul><li>Fees rise in May.</li><li>Rebates end.</li></ul>",
        # one link is a pointer, not a list of other pages
        "<h3>Read the filing</h3><ul><li><a href='/f'>The filing</a></li></ul>",
        # a label that is a sentence of the article, with a link in it
        f"<p><strong>See <a href='/x'>our guide</a></strong></p><ul>{LINKS}</ul>",
    )
    for body in kept:
        page = _page(body)
        before = page.text_content()
        assert drop_link_list_labels(page) == 0, body
        assert page.text_content() == before


def test_the_label_does_not_stand_alone_in_the_record():
    from crawler.core.pipeline import Options, process_page

    body = (
        f"<p>{PARAGRAPH}</p><p><strong>Read more tech news</strong></p><ul>{LINKS}</ul>"
        f"<p>{PARAGRAPH.replace('The chip', 'A rival chip')}</p>"
    )
    html = (
        "<html><head><title>Chip designer's revenue doubles</title></head><body><article>"
        f"<h1>Chip designer's revenue doubles</h1><div class='body'>{body}</div></article>"
        "</body></html>"
    )
    outcome = process_page(
        html.encode(), "https://news.example/chips", options=Options(min_words=1)
    )
    assert outcome.record is not None, outcome.reason
    assert "Read more tech news" not in outcome.record.text
    assert "A rival chip designer said" in outcome.record.text
