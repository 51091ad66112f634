"""The outlet an aggregator credits by a link in its chrome, and the link as the original URL."""

from __future__ import annotations

from lxml import html as lxml_html

from crawler.core.model import Hints
from crawler.core.original_credit import credited_original
from crawler.core.pipeline import process_page

ORIGINAL = "https://osquarterly.example/2026/02/26/assistants-study"


def _credit(fragment: str) -> tuple[str | None, str | None]:
    tree = lxml_html.fromstring(f"<div>{fragment}</div>")
    links = [(a, a.get("href"), " ".join(a.text_content().split())) for a in tree.iter("a")]
    return credited_original(links)


def test_a_link_after_a_credit_or_naming_the_outlet_is_the_original():
    for fragment in (
        f'<span>Curated from <a href="{ORIGINAL}">Open Source Quarterly</a></span> · Feb 27',
        f'<p>It was originally published in <a href="{ORIGINAL}">Open Source Quarterly</a>.</p>',
        f'<p><a href="{ORIGINAL}">Read the original at Open Source Quarterly →</a></p>',
        f'<p><a href="{ORIGINAL}">View the full story on Open Source Quarterly</a></p>',
    ):
        assert _credit(fragment) == (ORIGINAL, "Open Source Quarterly"), fragment


def test_links_that_credit_no_outlet_are_not_taken():
    for fragment in (
        f'<p>Photo: <a href="{ORIGINAL}">Jane Doe</a></p>',  # a photo credit
        f'<p>Read more from <a href="{ORIGINAL}">our archive</a></p>',
        f'<p><a href="{ORIGINAL}">Read the original</a></p>',  # no outlet named
        # A sentence of the story that happens to say "source": not a credit line.
        f'<p>The company said its source code is at <a href="{ORIGINAL}">GitHub</a>.</p>',
        f'<p>Reprinted from <a href="{ORIGINAL}">{"word " * 12}</a></p>',  # too long for a name
        f'<p>Source: <a href="{ORIGINAL}">World Bank</a></p>',  # a chart's data
        f'<p>Adapted from <a href="{ORIGINAL}">The Chip War</a>, a book</p>',
    ):
        assert _credit(fragment) == (None, None), fragment


def test_an_aggregators_record_names_the_outlet_it_curates_from():
    paragraphs = "".join(
        f"<p>In the study's {part} part, experienced developers took longer to finish real"
        " tasks with an AI assistant than without one, although the developers themselves"
        " believed the tools had made them faster, the researchers said.</p>"
        for part in ("first", "second", "third", "last")
    )
    page = (
        "<html><head><title>AI assistants slowed experienced developers | AI Digest</title>"
        "<meta property='og:site_name' content='AI Digest'></head><body>"
        f"<div class='meta'>Curated from <a href='{ORIGINAL}'>Open Source Quarterly</a>"
        " · Feb 27, 2026</div><article><h1>AI assistants slowed experienced developers</h1>"
        f"{paragraphs}</article></body></html>"
    ).encode()
    outcome = process_page(page, "https://aidigest.example/briefs/assistants", Hints())
    record = outcome.record
    assert record is not None, outcome.reason
    assert record.original_publisher == "Open Source Quarterly"
    assert str(record.original_url) == ORIGINAL
