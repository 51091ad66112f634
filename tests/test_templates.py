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
