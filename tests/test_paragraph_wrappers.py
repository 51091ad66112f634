"""A story whose every paragraph has a wrapper of its own (Arc XP's `article-body` divs)."""

from __future__ import annotations

from lxml import html as lxml_html

from crawler.core.model import Hints
from crawler.core.paragraph_wrappers import unwrap_paragraph_wrappers
from crawler.core.pipeline import process_page
from tests.stock_trafilatura import stock_output

WORDS = ("Alpha", "Bravo", "Charlie", "Delta")
PARAGRAPH = (
    "<p>{} paragraph of the story, with enough words in it to count as a real paragraph of"
    " the article's body, as the panel's report described it on Thursday.</p>"
)


def _page() -> str:
    wrapped = [f"<div class='article-body'>{PARAGRAPH.format(word)}</div>" for word in WORDS]
    subhead = "<div class='article-body'><h3>What happens next</h3></div>"
    return (
        "<html><head><title>Panel urges disclosure of AI notes</title></head><body><article>"
        "<h1>Panel urges disclosure of AI notes</h1><h2>The first guidance of its kind</h2>"
        "<div class='byline'>By Jo Smith</div>"
        f"{''.join(wrapped[:2])}{subhead}{''.join(wrapped[2:])}</article></body></html>"
    )


STOCK = """
import sys, trafilatura
text = trafilatura.extract(open(sys.argv[1]).read(), include_comments=False, favor_precision=True)
print(" ".join(line.split()[0] for line in text.split("\\n")))
"""


def test_upstream_puts_the_headline_after_the_first_wrapped_paragraph(tmp_path):
    # docs/upstream.md: the first body XPath keeps one paragraph, the next the whole article.
    page = tmp_path / "arc.html"
    page.write_text(_page())
    assert stock_output(STOCK, page)[:3] == ["Alpha", "Panel", "The"]


def test_the_wrappers_are_unwrapped_and_the_story_reads_in_order():
    tree = lxml_html.fromstring(_page())
    assert unwrap_paragraph_wrappers(tree) == 5
    assert not tree.xpath("//div[@class='article-body']")
    outcome = process_page(_page().encode(), "https://news.example/2026/panel", Hints())
    assert outcome.record is not None, outcome.reason
    lines = outcome.record.text.split("\n")
    body = [line for line in lines if line.split()[0] in WORDS]
    assert [line.split()[0] for line in body] == list(WORDS)
    assert "Panel urges disclosure of AI notes" not in lines and "By Jo Smith" not in lines
    assert lines.index("What happens next") == lines.index(body[2]) - 1


def test_a_wrapper_that_is_not_one_of_a_run_stays():
    page = f"<div><div class='note'>{PARAGRAPH.format('Echo')}</div><p>Other text.</p></div>"
    tree = lxml_html.fromstring(page)
    assert unwrap_paragraph_wrappers(tree) == 0
    assert tree.xpath("//div[@class='note']")
