"""crawler.core.short_paragraphs: one-line paragraphs between two kept paragraphs."""

from pathlib import Path

from lxml import html as lxml_html

from crawler.core.gaps import fill_gaps, find_gaps
from crawler.core.prose import prose_nodes
from tests.stock_trafilatura import stock_output

PARAGRAPHS = [
    "The ferry came in late that night, and the harbour master was already waiting on the quay.",
    "He walked the length of the boat, counting the crates and saying nothing to either of them.",
    "When he reached the last crate he tapped it twice and wrote something down in his ledger.",
]


def _body(between: str, after: str = "") -> lxml_html.HtmlElement:
    """A div per paragraph, `between` in the same shape between the first two."""
    block = '<div class="para"><span>{}</span></div>'
    first, second, third = (block.format(text) for text in PARAGRAPHS)
    return lxml_html.fromstring(
        f'<html><body><div class="chapter">{first}{between}{second}{third}{after}'
        "</div></body></html>"
    )


def _short_gaps(tree, text: str) -> list[str]:
    return [gap.key for gap in find_gaps(prose_nodes(tree), text) if gap.words < 12]


def test_a_short_sentence_between_kept_paragraphs_is_a_gap():
    tree = _body('<div class="para"><span>Nobody moved.</span></div>')
    assert _short_gaps(tree, "\n".join(PARAGRAPHS)) == ["Nobody moved."]


def test_quoted_speech_and_questions_are_sentences():
    tree = _body('<div class="para"><span>“Where is the rest of it?”</span></div>')
    assert _short_gaps(tree, "\n".join(PARAGRAPHS)) == ["“Where is the rest of it?”"]


def test_labels_links_asides_and_lines_after_the_text_are_not_gaps():
    between = (
        '<div class="para"><span>Advertisement</span></div>'
        '<div class="para"><span><a href="/next">Read the next chapter.</a></span></div>'
        '<div class="para"><span class="share">Share this chapter.</span></div>'
    )
    tree = _body(between, after='<div class="para"><span>The end.</span></div>')
    assert _short_gaps(tree, "\n".join(PARAGRAPHS)) == []


def test_a_short_line_of_another_shape_is_not_a_gap():
    tree = _body('<p class="credit">Illustration by the author.</p>')
    assert _short_gaps(tree, "\n".join(PARAGRAPHS)) == []


def test_a_short_gap_is_filled_only_by_a_whole_recall_line():
    tree = _body('<div class="para"><span>Nobody moved.</span></div>')
    precise = "\n".join(PARAGRAPHS)
    gaps = find_gaps(prose_nodes(tree), precise)
    # A longer recall line that merely contains the sentence does not carry it.
    recall = "\n".join([PARAGRAPHS[0], "Nobody moved. Then the lights went out.", *PARAGRAPHS[1:]])
    assert fill_gaps(precise, recall, gaps) == (precise, 0)
    recall = "\n".join([PARAGRAPHS[0], "Nobody moved.", *PARAGRAPHS[1:]])
    filled, added = fill_gaps(precise, recall, gaps)
    assert added == 1 and filled.split("\n") == [PARAGRAPHS[0], "Nobody moved.", *PARAGRAPHS[1:]]


SHORT_LINES_PAGE = Path(__file__).parent / "pages" / "q_short_paragraphs_div_layout.html"
STOCK_MODES = """
import sys, trafilatura
body = open(sys.argv[1], "rb").read()
for mode in ({"favor_precision": True}, {}, {"favor_recall": True}):
    text = trafilatura.extract(body, include_comments=False, **mode)
    print("Nobody moved." in [line.strip() for line in text.split("\\n")])
"""


def test_upstream_precision_and_default_drop_a_short_div_paragraph_recall_keeps_it():
    # docs/upstream.md: stock trafilatura, in a process that never imported crawler.core.
    assert stock_output(STOCK_MODES, SHORT_LINES_PAGE) == ["False", "False", "True"]
