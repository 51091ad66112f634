"""Two tree steps before extraction that work around trafilatura (docs/upstream.md): a
br-laid body's lead text (crawler.core.lead_text) and headings' permalink anchors
(crawler.core.heading_anchors)."""

from pathlib import Path

from lxml import html as lxml_html

from crawler.core.heading_anchors import drop_heading_permalinks
from crawler.core.headline import visible_headings
from crawler.core.lead_text import wrap_lead_text
from tests.stock_trafilatura import stock_output

PAGES = Path(__file__).parent / "pages"
LEAD = "Fabless chip designer Dasol Semiconductor will invest 1.8 trillion won"
STOCK_LINES = """
import sys, trafilatura
body, wanted = open(sys.argv[1], "rb").read(), {wanted!r}
for mode in ({{"favor_precision": True}}, {{}}, {{"favor_recall": True}}):
    text = trafilatura.extract(body, include_comments=False, **mode)
    print(any(line.strip().startswith(wanted) for line in text.split("\\n")))
"""


def test_upstream_drops_a_br_laid_bodys_lead_text_in_every_mode():
    # The page has <p> text elsewhere (teaser summaries), so no div is read as a paragraph.
    script = STOCK_LINES.format(wanted=LEAD)
    assert stock_output(script, PAGES / "q_br_laid_body_byline_after.html") == ["False"] * 3


def test_upstream_precision_drops_headings_with_an_empty_permalink_anchor():
    script = STOCK_LINES.format(wanted="How the adaptive grid works")
    page = PAGES / "q_heading_permalink_anchors.html"
    assert stock_output(script, page) == ["False", "True", "True"]


def _tree(body: str):
    return lxml_html.fromstring(f"<html><body>{body}</body></html>")


PROSE = "The company said the new line would shorten delivery times for its customers abroad."


def test_a_lead_text_before_a_br_becomes_a_tail_of_its_own():
    tree = _tree(f"<div id='body'>{PROSE}<br><br>Second paragraph of the story.</div>")
    assert wrap_lead_text(tree) == 1
    body = tree.get_element_by_id("body")
    assert body.text is None and body[0].tag == "br" and body[0].tail == PROSE
    # Text running on into an inline element, and a short label, are left alone.
    for kept in (f"<div>{PROSE} <b>bold</b> more<br>next</div>", "<div>Updated today<br>x</div>"):
        assert wrap_lead_text(_tree(kept)) == 0


SPAN_LAID = PAGES / "q_span_laid_blocks_nextjs.html"


def test_upstream_drops_span_laid_blocks_where_the_page_has_paragraphs():
    # `<div><span>Text.</span><br><br><span>More.</span></div>` beside `<div><p>` blocks:
    # a one-span block and an update note in an <em> are lost outright; the recall mode,
    # which reads divs, keeps them.
    for wanted, expected in (
        ("Union organizers at two large distribution centers", ["False", "False", "True"]),
        ("This article has been updated to add", ["False", "False", "True"]),
    ):
        assert stock_output(STOCK_LINES.format(wanted=wanted), SPAN_LAID) == expected


def test_an_inline_led_block_among_paragraphs_becomes_a_tail():
    para = f"<div><p>{PROSE}</p></div>"
    tree = _tree(
        f"<article>{para}<div id='rich'><span>{PROSE}</span><br><br><span>More.</span></div>"
        f"<section><h2>View</h2><div id='one'><span>{PROSE}</span></div></section>"
        f"<div id='note'><em>{PROSE}</em></div></article>"
    )
    assert wrap_lead_text(tree) == 3
    for name in ("rich", "one", "note"):
        element = tree.get_element_by_id(name)
        assert element[0].tag == "br" and element[1].text == PROSE


def test_a_bare_div_of_prose_among_paragraphs_becomes_a_tail():
    """A CMS that sets some paragraphs as `<div>text</div>` between `<p>` siblings: every
    trafilatura mode drops such a div once the page has <p> text."""
    tree = _tree(f"<article><p>{PROSE}</p><div>{PROSE}</div><p>{PROSE}</p></article>")
    assert wrap_lead_text(tree) == 1
    (bare,) = tree.iter("div")
    assert bare[0].tag == "br" and bare[0].tail == PROSE
    left_alone = (
        f"<p>{PROSE}</p><div class='intro-box'>{PROSE}</div><p>{PROSE}</p>",  # named: a box
        f"<p>{PROSE}</p><div>Short label text</div><p>{PROSE}</p>",  # not prose
        f"<div><p>{PROSE}</p></div><div>{PROSE}</div>",  # no <p> beside it
    )
    for body in left_alone:
        assert wrap_lead_text(_tree(f"<article>{body}</article>")) == 0, body


def test_cards_datelines_link_runs_and_lone_boxes_are_not_made_tails():
    para = f"<p>{PROSE}</p>"
    left_alone = (
        # a related card: the block sits inside a link
        f"{para}<a href='/x'><div><span>Related</span><span>{PROSE}</span></div></a>",
        # a dateline led by <time>
        f"{para}<div>Published <time>Sep 16, 2025, 9:40am EDT</time> | Updated"
        f" <time>Sep 16, 2025, 11:02am EDT and later that afternoon again</time></div>",
        # mostly link text
        f"{para}<div><span>See also:</span> <a href='/y'>{PROSE}</a></div>",
        # no paragraph beside it or its parent, or a level or two below them: chrome
        f"<header><div><span>{PROSE}</span></div><nav>Menu</nav></header>"
        f"<main><div><div>{para}</div></div></main>",
    )
    for body in left_alone:
        assert wrap_lead_text(_tree(f"<div><div>{body}</div></div>")) == 0, body


def test_only_textless_self_links_leave_a_heading():
    tree = _tree(
        "<h2><a href='#setup'><svg viewBox='0 0 1 1'></svg></a>Setup</h2>"
        "<h3><a href='#faq'>¶</a> FAQ</h3><h2><a href='#why'>Why it matters</a></h2>"
        "<h2><a href='/other'></a>Other</h2>"
    )
    assert drop_heading_permalinks(tree) == 2
    assert [h.text_content().strip() for h in tree.iter("h2", "h3")] == [
        "Setup",
        "FAQ",
        "Why it matters",
        "Other",
    ]
    assert len(tree.findall(".//a")) == 2


def test_a_wikis_section_edit_link_leaves_its_heading():
    tree = _tree(
        "<h2><span class='mw-headline' id='Patterns'>Patterns</span><span class='mw-editsection'>"
        "<span class='mw-editsection-bracket'>[</span><a href='/w/index.php?action=edit'>edit</a>"
        "<span class='mw-editsection-bracket'>]</span></span></h2><h2>How to edit sections</h2>"
    )
    assert drop_heading_permalinks(tree) == 1
    assert [h.text_content() for h in tree.iter("h2")] == ["Patterns", "How to edit sections"]


def test_a_headline_read_for_the_title_leaves_its_permalink_glyph_out():
    # Sphinx: <h1>Title<a class="headerlink" href="#title">¶</a></h1>; the title read "Title¶".
    tree = _tree(
        "<h1>Configuring the cache<a class='headerlink' href='#configuring'>¶</a></h1>"
        "<h1>Release notes <a href='#notes'>#</a></h1><h1>Read <a href='#part-2'>part 2</a></h1>"
    )
    assert visible_headings(tree).texts == (
        "Configuring the cache",
        "Release notes",
        "Read part 2",
    )


def test_upstream_focused_modes_keep_one_chunk_of_a_body_marked_paywall():
    # docs/upstream.md: precision and recall keep the first chunk, the balanced mode all.
    script = STOCK_LINES.format(wanted="WIRED: Why not?")
    page = PAGES / "q_interview_chunks_marked_paywall.html"
    assert stock_output(script, page) == ["False", "True", "False"]
