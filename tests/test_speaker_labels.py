"""A transcript's speaker labels set beside each turn's paragraph stay with their turn
(crawler.core.speaker_labels); names over comments, captions' labels and bylines do not
move."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html

from crawler.core.pipeline import process_page
from crawler.core.speaker_labels import join_speaker_labels
from tests.stock_trafilatura import stock_output

PAGE = Path(__file__).parent / "pages" / "q_podcast_transcript_cite_labels.html"
URL = "https://nightcount.fm/episodes/18-counting-bats"
STOCK = """
import sys, trafilatura
body = open(sys.argv[1], "rb").read()
for mode in ({"favor_precision": True}, {}, {"favor_recall": True}):
    text = trafilatura.extract(body, include_comments=False, **mode)
    print("So what do you do with four hundred passes?" in text, "Hana Whitcombe:" in text)
"""


def test_upstream_drops_speaker_labels_set_beside_the_paragraph():
    # The turns are kept, the names of who speaks them are not, in every mode.
    assert stock_output(STOCK, PAGE) == ["True", "False"] * 3


def test_each_turn_keeps_its_speaker():
    text = process_page(PAGE.read_bytes(), URL).record.text
    lines = text.split("\n")
    assert "Oren Castell: So what do you do with four hundred passes?" in lines
    assert sum(line.startswith("Hana Whitcombe: ") for line in lines) == 3
    assert sum(line.startswith("Oren Castell: ") for line in lines) == 4
    assert "[00:02:31]" not in text and "00:02:31" not in text


def test_the_show_credits_roll_goes():
    text = process_page(PAGE.read_bytes(), URL).record.text
    assert "produced by Lior Bednarz" not in text
    assert "Hana Whitcombe spends most of her summer nights" in text


SAID = [
    ("Ada Brun", "We began with the river gauges, because they were the only records we had."),
    ("Tomas Ek", "And how far back did those records go, once you had them all together?"),
    ("Ada Brun", "About ninety years, with a gap during the war that nobody could explain."),
    ("Tomas Ek", "Did the gap matter for what you were trying to measure in the end?"),
]


def _joined(turn) -> list[str]:
    body = "".join(turn(name, said) for name, said in SAID)
    tree = lxml_html.fromstring(f"<html><body><article><h1>Talk</h1>{body}</article></body>")
    join_speaker_labels(tree)
    return [" ".join(p.text_content().split()) for p in tree.iter("p")]


def test_labels_in_their_own_element_beside_the_paragraph_join_it():
    shapes = (
        lambda n, s: (
            f"<div class='line'><cite>{n}:</cite> <time>[00:01:02]</time> <p>{s}</p></div>"
        ),
        lambda n, s: (
            f"<div class='seg'><span class='who'>{n}</span>"
            f"<span class='ts'>00:14</span><p>{s}</p></div>"
        ),
        lambda n, s: f"<div><strong>{n}:</strong><p>{s}</p></div>",
        lambda n, s: f"<span class='speaker'>{n}:</span> <p>{s}</p>",  # siblings, no wrapper
        lambda n, s: f"<div class='turn'><div class='name'>{n}:</div><p>{s}</p></div>",
    )
    for shape in shapes:
        assert _joined(shape) == [f"{name}: {said}" for name, said in SAID], shape(*SAID[0])
    # A name in capitals, as broadcasters print it, is a name too.
    capitals = _joined(lambda n, s: f"<div><b>{n.upper()}:</b><p>{s}</p></div>")
    assert capitals[0] == f"ADA BRUN: {SAID[0][1]}"


def test_names_that_are_no_transcript_labels_stay_where_they_are():
    untouched = (
        # a comment thread: commenters' names over their comments, no colon, no time
        lambda n, s: f"<div class='comment'><span class='author'>{n}</span><p>{s}</p></div>",
        # labels as paragraphs of their own: trafilatura keeps them already
        lambda n, s: f"<p class='speaker'>{n}:</p><p>{s}</p>",
        # a live blog: each entry's reporter and its clock time, no colon
        lambda n, s: f"<span class='author'>{n}</span> <time>14:02</time><p>{s}</p>",
        lambda n, s: f"<div class='entry'><b>{n}</b><span>9:45</span><p>{s}</p></div>",
        # one speaker only: a column of notes signed by one name
        lambda n, s: f"<div><strong>Ada Brun:</strong><p>{s}</p></div>",
    )
    for shape in untouched:
        body = "".join(shape(name, said) for name, said in SAID)
        tree = lxml_html.fromstring(f"<html><body><article>{body}</article></body></html>")
        assert join_speaker_labels(tree) == 0, shape(*SAID[0])


def test_labels_scattered_through_a_story_or_too_few_turns_stay():
    story = (
        "<p>The council met on Tuesday.</p>"
        "<figure><img src='a.jpg'><div class='cap'><span>Caption:</span><p>The old bridge.</p>"
        "</div></figure><p>It voted to repair the bridge.</p>"
        "<figure><img src='b.jpg'><div class='cap'><span>Credits:</span><p>Ann Lee.</p></div>"
        "</figure><p>Work starts in May.</p>"
        "<figure><img src='c.jpg'><div class='cap'><span>Caption:</span><p>The river.</p></div>"
        "</figure>"
    )
    two_turns = "".join(f"<div><b>{n}:</b><p>{s}</p></div>" for n, s in SAID[:2])
    byline = f"<div class='byline'>Ada Brun</div><p>{SAID[0][1]}</p><p>{SAID[1][1]}</p>"
    for body in (story, two_turns, byline):
        tree = lxml_html.fromstring(f"<html><body><article>{body}</article></body></html>")
        assert join_speaker_labels(tree) == 0, body
