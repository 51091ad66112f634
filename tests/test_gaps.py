"""crawler.core.gaps: paragraphs precision mode drops from inside the article container."""

from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from crawler.core import extract
from crawler.core.gaps import fill_gaps, find_gaps
from crawler.core.prose import prose_nodes
from tests.stock_trafilatura import stock_output

LEAD = (
    "The county opened its new flood barrier on Monday after three years of work on the river wall."
)
BODY = [
    "Engineers raised the wall by a metre along the old quay and added gates that shut alone.",
    "Residents who lost their homes in the last flood said the barrier came far too late for them.",
    "The county says the design was tested against the worst storm surge recorded last century.",
]
COMMENT = "I live by the quay and I still do not trust that the gates will close when they should."
BIO = "Ana Ruiz covers local government, planning and the environment for the county paper."


def _page(body_html: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(f"<html><body>{body_html}</body></html>")


def _article(extra_before: str = "", extra_after: str = "") -> lxml_html.HtmlElement:
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY)
    return _page(
        f'<div class="post-body"><div style="clear:both"></div>{LEAD}{extra_before}'
        f"{paragraphs}{extra_after}</div>"
    )


def test_a_dropped_lead_inside_the_container_is_a_gap():
    nodes = prose_nodes(_article())
    gaps = find_gaps(nodes, "\n".join(BODY))
    assert [gap.key for gap in gaps] == [LEAD]


def test_comments_captions_lists_and_text_after_the_body_are_not_gaps():
    before = (
        f'<div class="comment-body">{COMMENT}</div>'
        f'<p class="wp-caption-text">{COMMENT} (caption)</p>'
        f"<ul><li>{COMMENT} (highlight)</li></ul>"
        f'<a href="/elsewhere">{COMMENT} (link)</a>'
    )
    nodes = prose_nodes(_article(extra_before=before, extra_after=f"<p>{BIO}</p>"))
    gaps = find_gaps(nodes, "\n".join(BODY))
    assert [gap.key for gap in gaps] == [LEAD]  # the bio comes after the last kept paragraph


def test_a_last_paragraph_shaped_like_the_kept_ones_is_a_gap_and_a_bio_is_not():
    # Each paragraph in a wrapper of its own, as React themes do: precision mode drops the
    # last one when it holds a link (a short div with a link at the end of its parent).
    closing = (
        "Nobody wants to stand in the way of something that might help the residents, she said."
    )

    def wrapped(line: str) -> str:
        return f'<div class="text-block"><p class="para">{line}</p></div>'

    blocks = "".join(wrapped(line) for line in [*BODY, closing])
    tree = _page(f'<article class="story">{blocks}</article>')
    assert [gap.key for gap in find_gaps(prose_nodes(tree), "\n".join(BODY))] == [closing]
    blocks = "".join(wrapped(line) for line in [*BODY, BIO])
    tree = _page(f'<article class="story">{blocks}</article>')
    assert find_gaps(prose_nodes(tree), "\n".join(BODY)) == []


def test_prose_outside_the_container_is_not_a_gap():
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY)
    tree = _page(f'<div id="sidebar"><p>{BIO}</p></div><div class="post">{paragraphs}</div>')
    assert find_gaps(prose_nodes(tree), "\n".join(BODY)) == []


def test_recall_lines_fill_the_gaps_in_place_and_nothing_else():
    gaps = find_gaps(prose_nodes(_article()), "\n".join(BODY))
    recall = "\n".join(["Menu Home News Sport", LEAD, *BODY, BIO])
    filled, added = fill_gaps("\n".join(BODY), recall, gaps)
    assert added == 1 and filled.split("\n") == [LEAD, *BODY]


def test_a_paragraph_precision_kept_only_the_end_of_is_replaced_whole():
    # Precision mode kept the text after the inline <b> and dropped the text before it.
    head = "After months of delay, two public inquiries and a legal challenge from the"
    paragraphs = "".join(f"<p>{line}</p>" for line in BODY)
    tree = _page(f'<div class="post-body">{head} <b>harbour board</b> {LEAD}{paragraphs}</div>')
    precise = "\n".join([LEAD, *BODY])
    gaps = find_gaps(prose_nodes(tree), precise)
    assert [gap.key for gap in gaps] == [head]
    whole = f"{head} harbour board {LEAD}"
    filled, added = fill_gaps(precise, "\n".join([whole, *BODY]), gaps)
    assert added == 1 and filled.split("\n") == [whole, *BODY]


def test_prose_nodes_walk_deep_trees_without_recursion():
    root = etree.Element("html")
    element = etree.SubElement(root, "body")
    for _ in range(5000):
        element = etree.SubElement(element, "div")
    element.text = LEAD
    nodes = prose_nodes(root)
    assert [node.key for node in nodes] == [LEAD] and len(nodes[0].ancestors) == 5002


def test_a_clean_article_runs_trafilatura_once(monkeypatch):
    calls = []
    real = extract._trafilatura

    def counting(*args, **kwargs):
        calls.append(args[2])
        return real(*args, **kwargs)

    monkeypatch.setattr(extract, "_trafilatura", counting)
    paragraphs = "".join(f"<p>{line} {line}</p>" for line in [LEAD, *BODY])
    page = f"<html><head><title>Flood barrier opens</title></head><body><article>{paragraphs}"
    raw = extract.extract_article(f"{page}</article></body></html>".encode(), "https://a.test/x")
    assert calls == [True] and raw.method == "trafilatura"


def test_characters_that_print_nothing_do_not_hide_a_kept_or_recovered_paragraph():
    # trafilatura drops zero-width spaces and bidi marks from its text; the page keeps them.
    marked = [line.replace(" the ", " the\u200b ").replace(".", ".\u202c") for line in BODY]
    paragraphs = "".join(f"<p>{line}</p>" for line in marked)
    tree = _page(f'<div class="post-body"><div style="clear:both"></div>{LEAD}{paragraphs}</div>')
    gaps = find_gaps(prose_nodes(tree), "\n".join(BODY))
    assert [gap.key for gap in gaps] == [LEAD]  # the marked paragraphs count as kept
    head = LEAD.replace("flood", "flood\u200b")
    tree = _page(f'<div class="post-body"><div style="clear:both"></div>{head}{paragraphs}</div>')
    gaps = find_gaps(prose_nodes(tree), "\n".join(BODY))
    filled, added = fill_gaps("\n".join(BODY), "\n".join([LEAD, *BODY]), gaps)
    assert added == 1 and filled.split("\n") == [LEAD, *BODY]


LAST_LINKED_PAGE = Path(__file__).parent / "pages" / "q_last_paragraph_in_own_wrapper.html"
STOCK_MODES = """
import sys, trafilatura
body = open(sys.argv[1], "rb").read()
for mode in ({"favor_precision": True}, {}):
    text = trafilatura.extract(body, include_comments=False, **mode)
    print("The proof will be in the evaluation" in text)
"""


def test_upstream_precision_drops_a_last_paragraph_with_a_link_in_its_own_wrapper():
    # docs/upstream.md: stock trafilatura, in a process that never imported crawler.core.
    assert stock_output(STOCK_MODES, LAST_LINKED_PAGE) == ["False", "True"]
