"""Text beside a block element is a line of its own (crawler.core.anonymous_blocks)."""

from __future__ import annotations

from lxml import html as lxml_html

from crawler.core.anonymous_blocks import quote_paragraphs, separate_block_runs
from crawler.core.model import Hints
from crawler.core.pipeline import process_page
from tests.stock_trafilatura import stock_output

SENTENCES = {
    "Alpha": "Alpha: the council met on Tuesday to discuss the transit budget, which pays for"
    " electric buses and new bike lanes downtown.",
    "Bravo": "Bravo: officials said the plan would be paid for with federal grants and local"
    " bonds, and that building could start next spring.",
    "Xray": "Xray: the project will publish open test suites that check whether agents follow"
    " permission limits and stop when told.",
    "Mike": "Mike: this middle block is ordinary article prose set in a plain div element by"
    " the site's editor, and it belongs to the story.",
    "Yankee": "Yankee: the first suites are due in September, and any company may contribute"
    " tests to the shared repository, the group said.",
    "Charlie": "Charlie: residents who spoke at the meeting were mostly supportive, though"
    " several shop owners worried about losing parking.",
}


def _page(body: str) -> str:
    paragraphs = "".join(f"<p>{SENTENCES[word]}</p>" for word in ("Alpha", "Bravo"))
    return (
        "<html><head><title>Council weighs transit budget</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        "<h1>Council weighs transit budget</h1><p class='byline'>By Jo Smith</p>"
        f"<div class='body'>{paragraphs}{body}<p>{SENTENCES['Charlie']}</p></div>"
        "</article><footer>Copyright 2026 Example News</footer></body></html>"
    )


MIXED = f"<div>{SENTENCES['Xray']}<div>{SENTENCES['Mike']}</div>{SENTENCES['Yankee']}</div>"
BOXED = (
    f"<div class='entry'><span>{SENTENCES['Xray']}</span>"
    f"<div class='ad-slot'><span>Advertisement</span></div><span>{SENTENCES['Yankee']}</span></div>"
)
STOCK = """
import sys, trafilatura
text = trafilatura.extract(open(sys.argv[1]).read(), include_comments=False)
print(any("told.Mike" in line or "told.Yankee" in line for line in text.split("\\n")))
"""


def test_upstream_runs_text_beside_a_div_into_one_line_with_no_space(tmp_path):
    # docs/upstream.md: "Xray…told.<div>Mike…</div>Yankee…" read "…told.Mike…stay.Yankee"
    # (its default mode; precision mode dropped the three), and with the ad slot between
    # them gone, "…told.Yankee…".
    for name, body in (("mixed", MIXED), ("boxed", BOXED)):
        page = tmp_path / f"{name}.html"
        page.write_text(_page(body))
        assert stock_output(STOCK, page) == ["True"], name


def _lines(body: str) -> list[str]:
    outcome = process_page(_page(body).encode(), "https://news.example/transit", Hints())
    assert outcome.record is not None, outcome.reason
    return [line.split(":")[0] for line in outcome.record.text.split("\n")]


def test_text_beside_a_kept_div_reads_as_lines_of_their_own():
    assert _lines(MIXED) == ["Alpha", "Bravo", "Xray", "Mike", "Yankee", "Charlie"]


def test_text_either_side_of_a_removed_box_stays_two_lines():
    # The ad slot goes; its neighbours ran together as "…when told.Yankee: the first…".
    assert _lines(BOXED) == ["Alpha", "Bravo", "Xray", "Yankee", "Charlie"]


def _separated(markup: str) -> str:
    tree = lxml_html.fromstring(markup)
    separate_block_runs(tree)
    return lxml_html.tostring(tree, encoding="unicode")


def test_only_prose_runs_are_set_apart_from_a_block():
    prose = SENTENCES["Xray"]
    assert _separated(f"<div>{prose}<div>box</div>{prose}</div>") == (
        f"<div>{prose}<br><div>box</div><br>{prose}</div>"
    )
    # A card's linked title over its summary, a label beside a box: left as they are.
    card = '<div><a href="/s">Robotaxis log ten million km</a><p>Summary of the story.</p></div>'
    assert _separated(card) == card
    label = "<div>Sponsored<div>box</div>More</div>"
    assert _separated(label) == label
    # A run already ended by a <br> needs nothing more.
    ended = f"<div>{prose}<br><div>box</div></div>"
    assert _separated(ended) == ended
    # A paragraph holding a box is one line with an aside, not two paragraphs.
    inside = f"<p>{prose}<span>box</span>{prose}</p>"
    assert _separated(inside) == inside


QUOTE = (
    "<blockquote><div>We will publish every test, the group said in its statement.</div>"
    "<div>Any company may contribute to the shared repository.</div></blockquote>"
)
STOCK_QUOTE = """
import sys, trafilatura
text = trafilatura.extract(open(sys.argv[1]).read(), include_comments=False)
print(any("statement.Any" in line for line in text.split("\\n")))
"""


def test_upstream_joins_a_quotations_divs_with_no_space(tmp_path):
    # docs/upstream.md: "<blockquote><div>A.</div><div>B.</div></blockquote>" read "A.B.".
    page = tmp_path / "quote.html"
    page.write_text(_page(QUOTE))
    assert stock_output(STOCK_QUOTE, page) == ["True"]


def test_a_quotations_divs_are_its_paragraphs():
    assert _lines(QUOTE) == [
        "Alpha",
        "Bravo",
        "We will publish every test, the group said in its statement.",
        "Any company may contribute to the shared repository.",
        "Charlie",
    ]
    # Only a div of inline content is a paragraph; one holding blocks stays a div.
    tree = lxml_html.fromstring(
        "<blockquote><div>One.</div><div><div>Two.</div><table><tr><td>x</td></tr></table>"
        "</div></blockquote>"
    )
    assert quote_paragraphs(tree) == 2
    assert [element.tag for element in tree.iter("p", "div")] == ["p", "div", "p"]
