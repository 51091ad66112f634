"""A transcript's seek links (crawler.compat.trafilatura.seek_links): every turn is kept."""

from __future__ import annotations

import trafilatura
from lxml import html as lxml_html

from crawler.compat.trafilatura.seek_links import unlink_seek_times
from crawler.core.pipeline import process_page

TURNS = [
    (
        "Secretary Alvarez",
        "00:02",
        "Good afternoon. Today we are issuing the first fourteen "
        "licenses under the export framework we announced in March, after audits of each site.",
    ),
    ("Reporter 1", "01:15", "Madam Secretary, can you name the companies?"),
    (
        "Secretary Alvarez",
        "01:19",
        "We will publish the list this evening. It includes companies from seven countries.",
    ),
    ("Reporter 2", "01:31", "Critics say the process has been too slow. Why six months?"),
    (
        "Secretary Alvarez",
        "01:36",
        "Because we wanted to get it right. Every application "
        "involved an inspection on site, and I would rather be late than regret a license.",
    ),
    ("Reporter 1", "02:02", "Will there be a second round?"),
    ("Secretary Alvarez", "02:05", "Yes, before the end of the year. Thank you all."),
]


def _page() -> str:
    turns = "".join(
        f'<div class="transcript-line"><p class="speaker"><span class="name">{name}</span> '
        f'<a class="timestamp" href="#t=({time})">({time})</a></p><p>{said}</p></div>'
        for name, time, said in TURNS
    )
    return (
        "<html><head><title>Transcript: Commerce Secretary briefs reporters</title></head>"
        "<body><main><article><h1>Transcript: Commerce Secretary briefs reporters</h1>"
        "<p>The secretary held a briefing on the first licenses under the new export rules."
        f"</p><h2>Transcript</h2>{turns}</article></main></body></html>"
    )


def test_upstream_drops_the_turns_after_a_short_linked_speaker_line():
    text = trafilatura.extract(_page(), favor_precision=True)
    assert TURNS[-1][2] not in text


def test_every_turn_of_a_transcript_with_seek_links_is_kept():
    # Audit 41: everything after the third speaker was lost; the time stays in the line.
    outcome = process_page(_page().encode(), "https://transcripts.example/briefing")
    assert outcome.reason == "ok", outcome.detail
    lines = outcome.record.text.split("\n")
    for name, time, said in TURNS:
        assert said in lines and f"{name} ({time})" in lines


def test_a_live_posts_permalink_time_is_no_seek_link():
    # The review: "<a href='#block-1'>14:05</a>" over each live post stays a link (and its
    # line goes, as before).
    page = lxml_html.fromstring(
        "<html><body><p class='block-time'><a href='#block-1'>14:05</a></p>"
        "<p><a href='?t=75'>(01:15)</a> Reporter 1</p></body></html>"
    )
    assert unlink_seek_times(page) == 1
    assert page.find(".//p[@class='block-time']/a") is not None
