"""`<template>` content a browser shows (crawler.core.templates)."""

from __future__ import annotations

from crawler.core.pipeline import process_page

PARAGRAPHS = [
    "Orbitel said it would cut the monthly price of its standard plan by about a quarter in "
    "most of its markets, as rival constellations begin offering service.",
    "From next month the standard plan will cost $75 a month in the United States, down from "
    "$99, and the dish will cost $249 for new customers on a contract.",
    "The move comes weeks after a competing service began selling subscriptions in North "
    "America, and as a subsidy programme directs more money toward fibre.",
    "Orbitel said it had more than three million subscribers and that new satellites had "
    "improved average download speeds by about thirty per cent this year.",
]
CLOSING = "The company will report its quarterly results in February, a spokesperson said."
HEAD = (
    "<html><head><title>Orbitel cuts satellite broadband prices</title></head><body>"
    "<main><h1>Orbitel cuts satellite broadband prices</h1>"
)


def _text(html: str) -> str:
    outcome = process_page(html.encode(), "https://spacewire.example/orbitel-prices")
    assert outcome.reason == "ok", outcome.detail
    return outcome.record.text


def test_a_declarative_shadow_roots_paragraphs_are_the_text():
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    html = (
        f"{HEAD}<sw-article-body><template shadowrootmode='open'><style>p{{margin:0}}</style>"
        f"{body}</template></sw-article-body></main></body></html>"
    )
    lines = _text(html).split("\n")
    assert all(p in lines for p in PARAGRAPHS)


def test_a_streamed_segment_fills_its_boundary_in_place():
    # Next.js's App Router: the last paragraphs come at the end, hidden, and React's $RC
    # moves them into the boundary's <template>.
    first = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])
    later = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
    html = (
        f"{HEAD}<article><div class='prose'>{first}<!--$?--><template id='B:0'></template>"
        f"<div class='skeleton'></div><!--/$--></div><p>{CLOSING}</p></article>"
        f"</main><footer>© SpaceWire</footer><div hidden id='S:0'>{later}</div>"
        "<script>$RC('B:0','S:0')</script></body></html>"
    )
    lines = _text(html).split("\n")
    assert all(p in lines for p in PARAGRAPHS)
    assert lines.index(PARAGRAPHS[3]) < lines.index(CLOSING)
    # A hidden element with no boundary to fill stays hidden.
    stray = html.replace("<template id='B:0'></template>", "")
    assert PARAGRAPHS[2] not in _text(stray)


def test_an_app_shells_story_in_a_template_is_the_text_and_an_articles_template_is_not():
    # Audit 43: a script clones the template into an empty container; the page prints a
    # dek and a footer line of its own.
    story = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    shell = (
        f"{HEAD}<p class='dek'>Rival constellations are pushing prices down across rural "
        "markets.</p>"
        f"<div id='article-body'></div><template id='article-body-tpl'>{story}</template>"
        "</main><footer><p>© 2026 SpaceWire. All rights reserved. Reproduction of this page in "
        "any form is prohibited.</p></footer></body></html>"
    )
    lines = _text(shell).split("\n")
    assert all(p in lines for p in PARAGRAPHS)
    # An article that prints its story keeps a template of comment cards inert.
    comment = (
        "<template id='comment-tpl'><p>This is the text of a reader comment that the script "
        "fills in for each reply in the thread below the story.</p><p>A second line of the "
        "comment card, with the reader's name and the time it was posted.</p></template>"
    )
    article = f"{HEAD}<article>{story}{comment}</article></main></body></html>"
    assert "reader comment" not in _text(article)
