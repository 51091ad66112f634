"""Photo captions set as paragraphs: `<p class="imageCaption">` beside the `<img>`.

trafilatura drops `<figcaption>`, but a theme that captions its photos with a classed `<p>`
or `<span>` next to the image gets the caption read as a paragraph of the article ("The
Kelpie S7 uses a front-facing camera to map rooms (stock image)"). A caption is an element
whose class says caption, holding no paragraph, at most MAX_CAPTION_WORDS, whose parent
is a small box (at most MAX_BOX_WORDS) that holds an image. Removed from the tree before
extraction; a page whose main container is classed "caption" is left alone by the size
limits.
"""

from __future__ import annotations

from lxml import etree

MAX_CAPTION_WORDS = 40
MAX_BOX_WORDS = 80
# libxml2 finds the elements classed "caption" in any case, so Python looks at a handful,
# not at every element of the page.
_CAPTIONED = etree.XPath(
    "//*[self::p or self::span or self::div]"
    "[contains(translate(@class, 'CAPTION', 'caption'), 'caption')]"
)


def drop_captions(tree) -> int:
    """Remove photo captions set as paragraphs (their tails stay); how many there were."""
    found = [element for element in _CAPTIONED(tree) if _is_caption(element)]
    for element in found:
        element.drop_tree()
    return len(found)


def _is_caption(element) -> bool:
    if element.find(".//p") is not None or _words(element) > MAX_CAPTION_WORDS:
        return False
    # The image may sit one level further out: CNN's `image__caption` is in an
    # `image__metadata` box beside the `image__container` that holds the `<img>`.
    box = element.getparent()
    for _ in range(2):
        if box is None or _words(box) > MAX_BOX_WORDS:
            return False
        if box.find(".//img") is not None:
            return True
        box = box.getparent()
    return False


def _words(element) -> int:
    return len(element.text_content().split())
