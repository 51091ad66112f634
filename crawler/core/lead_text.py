"""A paragraph laid out as a container's own leading text, before its first <br>.

Bodies laid out with <br><br> between paragraphs ("Lead sentence.<br><br>Next one.<br><br>")
hold the first paragraph as the container's text and the rest as tails of the <br>s.
trafilatura keeps the tails, but keeps the container's own text only when it treats
divs as paragraphs, which it stops doing once the page has <p> text anywhere (a teaser
list's summaries will do; its test searches the whole document): the lead paragraph
was lost in every mode, so the recall run could not give it back. A <br> put before it
makes the lead one more tail, read as the other paragraphs are. (A <p> around it would
add <p> text to that whole-document test and change how every div of the page is read.)
"""

from __future__ import annotations

from lxml import etree

from crawler.core.prose import PROSE_LINE_WORDS

CONTAINERS = frozenset({"div", "section", "article", "main", "td"})


def wrap_lead_text(tree) -> int:
    """Put a <br> before a br-laid container's prose lead text; how many there were."""
    # The run ends at the container's first child, a <br>; text followed by an inline
    # element goes on.
    containers = [
        br.getparent()
        for br in tree.iter("br")
        if br.getprevious() is None
        and br.getparent() is not None
        and br.getparent().tag in CONTAINERS
        and len((br.getparent().text or "").split()) >= PROSE_LINE_WORDS
    ]
    for element in containers:
        lead = etree.Element("br")
        lead.tail, element.text = element.text, None
        element.insert(0, lead)
    return len(containers)
