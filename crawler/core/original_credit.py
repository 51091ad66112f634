"""The outlet a page credits, by a link, for the story it summarizes or reprints.

An aggregator names the story's outlet in a link rather than in its text: "Curated from
<a href="…">Open Source Quarterly</a>", "Originally published in <a>…</a>", or a link that
says it, "Read the original at Open Source Quarterly →". Those lines sit in the wrapper's
chrome, outside the extracted text, where crawler.core.clean looks ("Originally published
in X" above the story). The link's href is the story's original URL.
"""

from __future__ import annotations

import re

from crawler.core.prose import text_before

# The words just before a link whose text is the outlet.
# Not "Source: <a>World Bank</a>" (a chart's data) nor "Adapted from <a>a book</a>".
_CREDIT_BEFORE_LINK = re.compile(
    r"\b((curated|reprinted|republished) from"
    r"|(originally|first) (published|appeared) (in|on|at|by))\s*:?\s*$",
    re.IGNORECASE,
)
# A link that names the outlet itself.
_LINK_NAMING_OUTLET = re.compile(
    r"^(read|view|see)( the)? (original|full)( (article|story|post|report))? (at|on|in) "
    r"(?P<outlet>.+?)[\s→»›>.]*$",
    re.IGNORECASE,
)
MAX_OUTLET_WORDS = 8
_TEXT_BEFORE_CHARS = 80


def credited_original(links) -> tuple[str | None, str | None]:
    """(the original's URL, the outlet's name) of the first link crediting a story's outlet;
    `links` are the page's (element, href, text) in document order."""
    for anchor, href, text in links:
        href = (href or "").strip()
        if not href:
            continue
        named = _LINK_NAMING_OUTLET.match(text) if text[:4].lower() in _LINK_STARTS else None
        if named:
            outlet = named.group("outlet")
        elif _ends_with_credit(_text_before(anchor)):
            outlet = text
        else:
            continue
        outlet = outlet.strip(" .:")
        if outlet and len(outlet.split()) <= MAX_OUTLET_WORDS and "://" not in outlet:
            return href, outlet
    return None, None


_LINK_STARTS = ("read", "view", "see ")
_CREDIT_LAST_WORDS = ("from", "in", "on", "at", "by")


def _ends_with_credit(before: str) -> bool:
    # The pattern only for text ending in one of its last words: most links have none.
    return before.rstrip(" :").lower().endswith(_CREDIT_LAST_WORDS) and bool(
        _CREDIT_BEFORE_LINK.search(before)
    )


def _text_before(anchor) -> str:
    return " ".join(text_before(anchor)[-_TEXT_BEFORE_CHARS:].split())
