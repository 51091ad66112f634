"""A paragraph held as a container's own leading text or inline elements, not in a <p>.

Bodies laid out with <br><br> between paragraphs ("Lead sentence.<br><br>Next one.<br><br>")
hold the first paragraph as the container's text and the rest as tails of the <br>s, and
React bodies often hold a paragraph as `<div><span>Text.</span><br><br><span>More.</span></div>`,
which trafilatura's span stripping turns into the same shape. trafilatura keeps the tails,
but keeps a container's own text only when it treats divs as paragraphs, which it stops
doing once the page has <p> text anywhere (a teaser list's summaries will do; its test
searches the whole document): the lead paragraph, or a block of one span, or an update
note in an <em>, was lost in every mode, so the recall run could not give it back. A <br>
put before it makes the lead one more tail, read as the other paragraphs are. (A <p>
around it would add <p> text to that whole-document test and change how every div of the
page is read.)

The inline-led kind is taken only where it is one block of a body: a sibling (or the
parent's) is or holds a paragraph, it is not inside a link (a card), and links are less
than half its words. A container of text alone is left to trafilatura: made a tail, such
texts (bios, intro boxes, embeds) cost more on the benchmarks than they gave. Two
exceptions: a bare <div> (no class, no id) of prose with two or more <p> siblings, a
paragraph a CMS set without its tag (Wccftech), which changes no page of the shared sets;
and a callout's text among the body's paragraphs (crawler.core.callouts).
"""

from __future__ import annotations

from lxml import etree

from crawler.core.callouts import is_callout_text
from crawler.core.prose import PROSE_LINE_WORDS

CONTAINERS = frozenset({"div", "section", "article", "main", "td"})
# What trafilatura strips or reads inside a paragraph. Not <time>: a container led by one
# is a dateline ("Published <time>…</time> | Updated <time>…</time>"), not prose.
INLINE = frozenset(
    {"span", "a", "em", "strong", "b", "i", "u", "small", "sup", "sub", "mark", "abbr"}
    | {"cite", "code", "q", "s", "font"}
)


def _lead_run(element):
    """Words of the container's text and of the inline elements (and their tails) before
    its first <br> or block child; and of those, the words in links."""
    words = len((element.text or "").split())
    linked = 0
    for child in element:
        tag = child.tag
        if tag == "br" or tag not in INLINE:
            return words, linked
        n = len(child.text_content().split())
        words += n
        if tag == "a":
            linked += n
        words += len((child.tail or "").split())
    return words, linked


def wrap_lead_text(tree) -> int:
    """Put a <br> before a container's prose lead text; how many there were."""
    containers = []
    for element in tree.iter(*CONTAINERS):
        if not len(element):
            # Its text alone: trafilatura's own div handling decides (see above), except
            # for a bare <div> (no class, no id) of prose among <p> siblings, a paragraph
            # its CMS set without the tag, and a callout's text: dropped in every mode.
            if _bare_paragraph_div(element) or (
                is_callout_text(element) and _among_paragraphs(element)
            ):
                containers.append(element)
            continue
        first = element[0].tag
        if first == "br":
            if len((element.text or "").split()) >= PROSE_LINE_WORDS:
                containers.append(element)
        elif first in INLINE and _inline_prose(element):
            containers.append(element)
    for element in containers:
        lead = etree.Element("br")
        lead.tail, element.text = element.text, None
        element.insert(0, lead)
    return len(containers)


def _inline_prose(element) -> bool:
    words, linked = _lead_run(element)
    return (
        words >= PROSE_LINE_WORDS
        and linked * 2 < words
        and _among_paragraphs(element)
        and next(element.iterancestors("a"), None) is None
    )


def _among_paragraphs(element) -> bool:
    """A sibling, or a sibling of the parent, is a paragraph or holds one a level or two
    down: the container is one block of a body, not a box of the page's chrome."""
    for level in (element, element.getparent()):
        parent = level.getparent() if level is not None else None
        if parent is None:
            return False
        for sibling in parent:
            if sibling is level or not isinstance(sibling.tag, str):
                continue
            if (
                sibling.tag == "p"
                or sibling.find("p") is not None
                or sibling.find("*/p") is not None
            ):
                return True
    return False


MIN_SIBLING_PARAGRAPHS = 2


def _bare_paragraph_div(element) -> bool:
    if element.tag != "div" or element.attrib:
        return False
    if len((element.text or "").split()) < PROSE_LINE_WORDS:
        return False
    parent = element.getparent()
    return parent is not None and sum(1 for s in parent if s.tag == "p") >= MIN_SIBLING_PARAGRAPHS
