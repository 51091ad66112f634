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
# The run ends at the first child: a <br>. Text followed by an inline element goes on.
_LAID_OUT_WITH_BREAKS = etree.XPath("//body//*[*[1][self::br]][normalize-space(text())]")


def wrap_lead_text(tree) -> int:
    """Put a <br> before a br-laid container's prose lead text; how many there were."""
    wrapped = 0
    for element in _LAID_OUT_WITH_BREAKS(tree):
        text = element.text or ""
        if element.tag not in CONTAINERS or len(text.split()) < PROSE_LINE_WORDS:
            continue
        lead = etree.Element("br")
        lead.tail, element.text = text, None
        element.insert(0, lead)
        wrapped += 1
    return wrapped
