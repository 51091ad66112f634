"""An article body split into blocks that share one class: a live page's posts
(`<div class="post-content">` in each post's card), a long read's parts between ads.

trafilatura's content XPaths take the first element they match, in every mode: one post
of five, and the cut article is a record too short to keep or a fifth of the story. Its
readability and justext comparison, which would see the rest, loses to the first block
when that block's paragraphs are dense enough. The blocks' nearest common container is
the body. In a copy of the page where it wears the blocks' class, it is what the XPath
finds first (a container comes before its descendants in document order), and the run
reads every block.
"""

from __future__ import annotations

from copy import deepcopy

from lxml import html as lxml_html

from crawler.core.prose import ProseNode

# How far above a kept paragraph the block that holds it may sit: the paragraph's parent,
# or a wrapper or two around it.
MAX_BLOCK_LEVELS = 3


def split_body(
    tree: lxml_html.HtmlElement, nodes: list[ProseNode], kept: set[str]
) -> tuple[lxml_html.HtmlElement, str] | None:
    """(container, class) of the blocks that hold the kept paragraphs (`kept`: their text
    keys) and, in others of the same tag and class, paragraphs the text left out; None when
    the text's paragraphs sit in no such block."""
    first = next((node for node in nodes if node.key in kept), None)
    if first is None:
        return None
    left_out = {id(a) for node in nodes if node.key not in kept for a in node.ancestors}
    for block in reversed(first.ancestors[-1 - MAX_BLOCK_LEVELS : -1]):
        mark = block.get("class")
        if not mark or block.tag in ("body", "html"):
            continue
        blocks = [e for e in tree.iter(block.tag) if e.get("class") == mark]
        if len(blocks) < 2 or not any(id(e) in left_out for e in blocks):
            continue
        container = _common_ancestor(blocks)
        if container is None or container.tag in ("body", "html"):
            return None  # the page itself: its chrome would come with the blocks
        return container, mark
    return None


def posing_as(
    tree: lxml_html.HtmlElement, container: lxml_html.HtmlElement, mark: str
) -> lxml_html.HtmlElement:
    """A copy of the page whose container wears the blocks' class. A copy: one parse serves
    all of a page's other runs and must stay as parsed (tests/test_extract.py).

    When the blocks are <article>s, or sit in them (a live page's posts: CNN's
    `<article class="live-story-post">`, the Guardian's `<article class="block">`),
    trafilatura's "(//article)[1]" takes the first post whatever the class: the container
    is the article in the copy, and the posts are <div>s (audit 41)."""
    twin = deepcopy(tree)
    posed = twin.xpath(tree.getroottree().getpath(container))[0]
    posed.set("class", mark)
    posts = list(posed.iterdescendants("article"))
    if posts:
        for post in posts:
            post.tag = "div"
        posed.tag = "article"
    return twin


def _common_ancestor(elements: list) -> lxml_html.HtmlElement | None:
    paths = [list(e.iterancestors())[::-1] for e in elements]
    common = None
    for level in zip(*paths, strict=False):
        if any(element is not level[0] for element in level):
            break
        common = level[0]
    return common
