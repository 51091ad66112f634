"""A stock's live price change inside its ticker link: "Salesforce (<a href="/quote/CRM">
CRM<span class="chg">-0.84%</span></a>)" reads "(CRM-0.84%)" as text.

Finance sites (Barron's, Yahoo Finance, MarketWatch) set each company's symbol as a chip
that carries the day's move. The move is the market's at the moment of the fetch, not the
writer's, and glued to the symbol it corrupts the sentence (audit 35). The move is removed,
the symbol stays: an element inside a link, after the link's own text, whose whole text is
a signed percentage.
"""

from __future__ import annotations

import re

from lxml import etree

_SIGNED_CHILDREN = etree.XPath(
    "//a[normalize-space(text())]/*[not(*)]"
    "[starts-with(normalize-space(.), '+') or starts-with(normalize-space(.), '-')"
    " or starts-with(normalize-space(.), '−')]"
)
_MOVE = re.compile(r"\s*[+\-−]\s?\d{1,4}(\.\d+)?\s?%\s*")


def drop_ticker_moves(tree) -> int:
    """Remove price moves set inside ticker links (their tails stay); how many."""
    moves = [element for element in _SIGNED_CHILDREN(tree) if _MOVE.fullmatch(element.text or "")]
    for element in moves:
        element.drop_tree()
    return len(moves)
