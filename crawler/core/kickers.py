"""A section label set over the headline: `<p class="kicker">Feature</p><h1>…</h1>`.

Themes print the story's section or format ("Feature", "In Brief", "Explainer") just above
the headline, in an element whose class says what it is (kicker, eyebrow, label). The
headline goes from the text as a duplicate of the title, but the label stayed behind as the
record's first line. A `<div>` one was already dropped by trafilatura; a `<p>` or a `<span>`
one was not.
"""

from __future__ import annotations

from lxml import etree

from crawler.core.boxes import previous_element
from crawler.core.headline import LABEL_MARK

MAX_KICKER_WORDS = 4
# The headline: an h1, or an ARIA level-1 heading where every element is a div.
_HEADLINES = etree.XPath("//h1 | //@role[. = 'heading']/parent::*[@aria-level = '1']")


def drop_kickers(tree) -> int:
    """Remove short labelled elements right before the headline; how many there were."""
    kickers = []
    for h1 in _HEADLINES(tree):
        label = previous_element(h1)
        if label is not None and _is_kicker(label):
            kickers.append(label)
    for label in kickers:
        label.drop_tree()
    return len(kickers)


def _is_kicker(element) -> bool:
    words = element.text_content().split()
    return (
        0 < len(words) <= MAX_KICKER_WORDS
        and bool(LABEL_MARK.search(element.get("class") or ""))
        and element.find(".//h1") is None
    )
