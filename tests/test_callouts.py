"""A callout's text among the body's paragraphs is kept (crawler.core.callouts, through
crawler.core.lead_text); boxes of text alone that are not callouts are left to trafilatura."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html

from crawler.core.extract import extract_article
from crawler.core.lead_text import wrap_lead_text
from tests.stock_trafilatura import stock_output

PAGES = Path(__file__).parent / "pages"
GHOST = PAGES / "q_ghost_callout_card.html"
NOTE = "Harrowgate is a composite. The people in this piece work at three different"
STOCK = """
import sys, trafilatura
body = open(sys.argv[1], "rb").read()
for mode in ({"favor_precision": True}, {}, {"favor_recall": True}):
    text = trafilatura.extract(body, include_comments=False, **mode)
    print("The alarm that is always wrong" in text, %r in text)
"""


def test_upstream_drops_a_callout_cards_text_in_every_mode():
    # The article around it is found (its next subheading is kept); the note is not.
    assert stock_output(STOCK % NOTE, GHOST) == ["True", "False"] * 3


def test_a_ghost_callout_card_keeps_its_text():
    text = extract_article(GHOST.read_bytes(), "https://www.coldstoreletters.com/x/").text
    lines = text.split("\n")
    note = next(i for i, line in enumerate(lines) if line.startswith(NOTE))
    assert lines[note - 1].startswith("Nobody visits at night.")
    assert lines[note + 1] == "The alarm that is always wrong"
    assert "📌" not in text


PROSE = "The company said the new line would shorten delivery times for its customers abroad."
PARAGRAPH = f"<p>{PROSE} {PROSE}</p>"


def _wrapped(box: str) -> int:
    tree = lxml_html.fromstring(f"<html><body><article>{PARAGRAPH}{box}{PARAGRAPH}</article>")
    return wrap_lead_text(tree)


def test_a_callout_is_an_icon_beside_text_or_a_box_named_so():
    callouts = (
        # Ghost, with and without its emoji
        f'<div class="kg-card kg-callout-card"><div class="kg-callout-emoji">💡</div>'
        f'<div class="kg-callout-text">{PROSE}</div></div>',
        f'<div class="kg-card kg-callout-card"><div class="kg-callout-text">{PROSE}</div></div>',
        # react-notion-x: the icon a span in a div
        '<div class="notion-callout notion-gray_background_co"><div class="notion-page-icon-'
        'inline"><span class="notion-page-icon" role="img" aria-label="⚠️">⚠️</span></div>'
        f'<div class="notion-callout-text">{PROSE}</div></div>',
        # a theme's box with an svg icon and no class naming it
        f'<div class="note-box"><svg viewBox="0 0 8 8"><path d="M0 0h8"/></svg><div>{PROSE}</div>'
        "</div>",
        # a symbol drawn by the style sheet: an empty element beside a named box's text
        f'<div class="callout"><span class="callout-icon"></span><div>{PROSE}</div></div>',
    )
    for box in callouts:
        assert _wrapped(box) == 1, box


def test_boxes_that_are_not_callouts_are_left_alone():
    left_alone = (
        # a bio: the writer's name beside the text
        f'<div class="author-card"><div class="name">Mira Osei</div><div>{PROSE}</div></div>',
        # a sign-up box: a button's words beside it
        f'<div class="callout"><div>{PROSE}</div><button>Subscribe</button></div>',
        # a box of text alone, neither named a callout nor beside an icon
        f'<div class="intro-box"><div>{PROSE}</div></div>',
        # a callout of a few words: a label, not prose
        '<div class="kg-callout-card"><div class="kg-callout-emoji">💡</div>'
        '<div class="kg-callout-text">Members only</div></div>',
        # a promotion in a callout's dress: a call to listen, subscribe, sign up, download
        '<div class="callout callout--audio"><svg viewBox="0 0 8 8"><path d="M0 0h8"/></svg>'
        "<div>Listen to this story read aloud by our narrators; the recording runs for about"
        " six minutes.</div></div>",
        '<div class="callout"><span>📩</span><div>Sign up for the Morning Ledger and get the'
        " day's five biggest stories in your inbox before breakfast.</div></div>",
    )
    for box in left_alone:
        assert _wrapped(box) == 0, box
    # A callout-shaped box in a sidebar, with no paragraph beside it or its box: chrome.
    sidebar = lxml_html.fromstring(
        f"<html><body><aside><div><div class='callout'><div>{PROSE}</div></div></div>"
        "<nav>Menu</nav></aside></body></html>"
    )
    assert wrap_lead_text(sidebar) == 0
