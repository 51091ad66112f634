"""Text beside a block element is a block of its own, as a browser lays it out.

`<div>Told.<div class="ad-slot">…</div>Yankee…</div>` shows "Told." and "Yankee…" on lines
of their own (CSS's anonymous block boxes). When the box between them goes (our own chrome
removal, or trafilatura's), lxml's drop_tree and trafilatura's element deletion join the
text after it to the text before, with no space: "told.Yankee". A box kept in place was
no better: trafilatura read `Xray<div>Mike</div>Yankee` as one line, "Xray.Mike…stay.Yankee".
A <br> on each side of such a block keeps the boundary whatever happens to the block: the
text around it becomes a <br>'s tail, which trafilatura reads as a line of its own
(crawler.core.lead_text does the same for a container's lead text).

Inside a quotation trafilatura joins block children the same way:
`<blockquote><div>First.</div><div>Second.</div></blockquote>` read "First.Second.", where
<p>s read as two lines. A div of inline content there is the quotation's paragraph, and
becomes one.
"""

from __future__ import annotations

from lxml import etree

from crawler.core.prose import PROSE_LINE_WORDS

# Elements a browser lays out as blocks, where one sits among text in a body.
BLOCKS = frozenset(
    {"div", "section", "article", "main", "aside", "figure", "table", "ul", "ol", "dl"}
    | {"blockquote", "form", "fieldset", "details", "header", "footer", "nav", "center"}
    | {"address", "hgroup", "p", "pre", "h1", "h2", "h3", "h4", "h5", "h6"}
)
# Containers whose text runs are a body's lines; a paragraph or a list item holding a box
# is one line with an aside, not two paragraphs.
CONTAINERS = ("div", "section", "article", "main", "td", "blockquote")
BREAKS = frozenset({"br", "hr"})
UNSHOWN = frozenset({"script", "style", "noscript", "template"})


def separate_block_runs(tree) -> int:
    """Put a <br> between a block element and a prose run beside it; how many went in."""
    added = 0
    for container in list(tree.iter(*CONTAINERS)):
        if not _mixed(container):
            continue
        run = _Run(container.text)
        for child in list(container):
            if child.tag in BLOCKS:
                if run.prose():
                    added += _close(run)
                    child.addprevious(etree.Element("br"))
                    added += 1
                run = _Run(child.tail, after=child)
            elif child.tag in BREAKS:
                added += _close(run)
                run = _Run(child.tail)
            else:
                run.take(child)
        added += _close(run)
    return added


def _mixed(container) -> bool:
    """A block child, and text of its own or an element that is neither a block nor a
    break: most containers hold blocks only, and are passed over in one look at each child."""
    block = False
    run = bool(container.text) and not container.text.isspace()
    for child in container:
        tag = child.tag
        if tag in BLOCKS:
            block = True
        elif not run and isinstance(tag, str) and tag not in BREAKS and tag not in UNSHOWN:
            run = True
        if not run and child.tail and not child.tail.isspace():
            run = True
        if block and run:
            return True
    return False


class _Run:
    """Inline content between two blocks: its words, its linked words, and the block it
    follows, if any."""

    def __init__(self, text: str | None, after=None):
        self.words = len((text or "").split())
        self.linked = 0
        self.after = after

    def take(self, element) -> None:
        if not isinstance(element.tag, str) or element.tag in UNSHOWN:
            self.words += len((element.tail or "").split())  # only its tail shows
            return
        words = len(element.text_content().split())
        self.words += words + len((element.tail or "").split())
        if element.tag == "a":
            self.linked += words

    def prose(self) -> bool:
        # Only a run of prose is set apart: a card's linked title over its summary <p>, or a
        # label beside a box, is left as trafilatura reads it (made a line of its own, a
        # teaser list's titles read as a body's lines, and a whole page of cards was taken
        # for the article).
        return self.words >= PROSE_LINE_WORDS and self.linked * 2 < self.words


def _close(run: _Run) -> int:
    """After a block, a prose run starts on a line of its own: a <br> takes the block's
    tail, as the run's lead."""
    if run.after is None or not run.prose():
        return 0
    block = run.after
    br = etree.Element("br")
    br.tail, block.tail = block.tail, None
    block.addnext(br)
    return 1


def quote_paragraphs(tree) -> int:
    """Make each div of inline content inside a blockquote a <p>; how many there were."""
    divs = [
        div
        for quote in tree.iter("blockquote")
        for div in quote.iter("div")
        if not any(child.tag in BLOCKS for child in div) and _has_text(div)
    ]
    for div in divs:
        div.tag = "p"
    return len(divs)


def _has_text(element) -> bool:
    return bool("".join(element.itertext()).strip())
