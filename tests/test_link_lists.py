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


LOOSE = (
    "<li class='my-2'><a href='/blog/2024/tide-gauges/'>Reading tide gauges with a "
    "phone</a></li>\n<li class='my-2'><a href='/blog/2023/first-year/'>What my first "
    "year taught me</a></li>"
)


def test_a_heading_and_its_lead_in_over_items_no_list_holds_go_with_them():
    # al-folio's related posts: an empty list, the heading, the lead-in, then bare items.
    page = _page(
        "<br><hr><br><ul class='list-disc pl-8'></ul><h2>Enjoy Reading This Article?</h2>"
        "<p class='mb-2'>Here are some more articles you might like to read next:</p>"
        f"{LOOSE}<div id='giscus_thread'></div>"
    )
    assert drop_link_list_labels(page) == 1
    assert page.text_content().strip() == PARAGRAPH
    # The same lead-in under a heading, over a list.
    page = _page(f"<h3>Further reading</h3><p>From the archive:</p><ul>{LINKS}</ul>")
    assert drop_link_list_labels(page) == 1
    assert page.text_content() == PARAGRAPH


def test_a_lead_in_alone_or_items_with_words_of_their_own_stay():
    kept = (
        # a lead-in with no label over it may be the article's own pointer to its sources
        f"<p>The filings cited in this story:</p><ul>{LINKS}</ul>",
        # bare items with a description beside each link
        "<h2>Papers</h2><p>Two papers to start with:</p><li><a href='/a'>Scaling laws</a>, "
        "the 2020 fit</li><li><a href='/b'>Chinchilla</a>, which refit it</li>",
        # a lead-in that links, or that is a sentence of the story
        f"<h3>Sources</h3><p>See <a href='/m'>the method</a> and:</p>{LOOSE}",
        "<h3>Sources</h3><p>The agency published the two reports below after the council "
        f"asked for them in March, and both are still online today:</p>{LOOSE}",
    )
    for body in kept:
        page = _page(body)
        before = page.text_content()
        assert drop_link_list_labels(page) == 0, body
        assert page.text_content() == before
