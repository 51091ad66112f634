"""crawler.core.dropped_headings: subheadings put back between the paragraphs they divide."""

from lxml import html as lxml_html

from crawler.core.dropped_headings import restore_headings
from tests.stock_trafilatura import stock_output

P = [
    "Utilities say the largest new customers should pay for the lines built to serve them.",
    "Lawyers for the companies argued that the proposal singles out a single industry.",
    "The coalition has proposed a shorter commitment with a lower minimum payment instead.",
]
STOCK_MODES = """
import sys, trafilatura
paragraph = "<p>Sentence %d of the body, long enough to count as real prose for the extractor, "
paragraph += "and it goes on a little longer to look like a real paragraph.</p>"
body = "".join(paragraph % n for n in range(3)) + "<h2>What the companies say</h2>"
body += "".join(paragraph % n for n in range(3, 8))
page = f"<html><body><div class='kdhQV'>{body}</div></body></html>"
for mode in ({"favor_precision": True}, {}, {"favor_recall": True}):
    text = trafilatura.extract(page, include_comments=False, **mode)
    print("What the companies say" in text.split("\\n"))
"""


def test_upstream_drops_a_subheading_when_no_body_xpath_names_the_container():
    # docs/upstream.md: the wild-text fallback of precision and default modes takes no headings.
    assert stock_output(STOCK_MODES, __file__) == ["False", "False", "True"]


def _tree(body: str):
    return lxml_html.fromstring(f"<html><body><div class='x'>{body}</div></body></html>")


def test_a_heading_between_two_kept_paragraphs_is_put_back():
    card = "<div class='card'><a href='/other'>Another story</a></div>"
    tree = _tree(f"<p>{P[0]}</p>{card}<h2>WHAT THE COMPANIES SAY</h2><p>{P[1]}</p><p>{P[2]}</p>")
    text = restore_headings(tree, "\n".join(P))
    assert text.split("\n") == [P[0], "WHAT THE COMPANIES SAY", P[1], P[2]]


def test_a_heading_already_kept_or_not_between_kept_paragraphs_changes_nothing():
    kept = "\n".join([P[0], "Why it matters", P[1]])
    tree = _tree(f"<p>{P[0]}</p><h2>Why it matters</h2><p>{P[1]}</p>")
    assert restore_headings(tree, kept) == kept
    # Over a paragraph the text does not keep (a rail's teaser), no heading comes back.
    tree = _tree(f"<p>{P[0]}</p><h3>More stories</h3><p>A teaser the text dropped.</p>")
    assert restore_headings(tree, P[0]) == P[0]
    # After the last kept paragraph, nothing either.
    tree = _tree(f"<p>{P[0]}</p><p>{P[1]}</p><h2>Related</h2>")
    assert restore_headings(tree, "\n".join(P[:2])) == "\n".join(P[:2])


def _live_entry(time: str, heading: str, paragraph: str) -> str:
    return (
        f"<article class='entry'><header><time>{time}</time></header><h2>{heading}</h2>"
        f"<div class='entry-body'><p>{paragraph}</p></div>"
        "<div class='share'><a href='#'>Share this entry</a> <a href='#'>Copy link</a></div>"
        "</article>"
    )


def test_a_live_blogs_entry_titles_come_back_between_the_entries():
    # Each title opens its own <article>, the paragraphs are in a div after it, and the
    # entry before ends in a share bar: no paragraph is the heading's sibling.
    entries = "".join(_live_entry(f"10:{n}0", f"Update number {n}", P[n]) for n in range(len(P)))
    tree = _tree(entries)
    text = restore_headings(tree, "\n".join(["Update number 0", *P]))
    assert text.split("\n") == [
        "Update number 0",
        P[0],
        "Update number 1",
        P[1],
        "Update number 2",
        P[2],
    ]


def test_a_title_in_a_box_of_its_own_between_paragraphs_stays_out():
    # A video's or a related story's title: the body goes on outside the box.
    for box in (
        "<div class='video'><span>2:47</span><h4>How much power does AI use?</h4></div>",
        "<aside><a href='/r'>Related</a><h3>Robots at the warehouse</h3></aside>",
    ):
        tree = _tree(f"<p>{P[0]}</p>{box}<p>{P[1]}</p>")
        assert restore_headings(tree, "\n".join(P[:2])) == "\n".join(P[:2]), box
    # Nor a heading with more than a few words of other text around it (a links box).
    links = "".join(
        f"<li><a href='/s{n}'>Another story about the grid {n}</a></li>" for n in range(3)
    )
    tree = _tree(f"<p>{P[0]}</p><div><h3>More on this</h3><ul>{links}</ul><p>{P[1]}</p></div>")
    assert restore_headings(tree, "\n".join(P[:2])) == "\n".join(P[:2])
