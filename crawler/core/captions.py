"""Photo captions set as paragraphs: `<p class="imageCaption">` beside the `<img>`.

trafilatura drops `<figcaption>`, but a theme that captions its photos with a classed `<p>`
or `<span>` next to the image gets the caption read as a paragraph of the article ("The
Kelpie S7 uses a front-facing camera to map rooms (stock image)"). A caption is an element
whose class says caption (or the image's source, as beehiiv's), holding at most one
paragraph, at most MAX_CAPTION_WORDS, whose parent is a small box (at most MAX_BOX_WORDS)
that holds an image. Removed from the tree before
extraction; a page whose main container is classed "caption" is left alone by the size
limits.

A caption with no such class is known by its end: the credit a caption ends with ("…
Guangdong Province, on May 5. Photo: VCG", "(Photo: Staff)"), in a text block that shares
a small box with the image. A credit alone on a line is crawler.core.clean's. And Markdown
blogs caption a figure with a paragraph all in italics right after the image's paragraph.

A page builder sets the caption as the first paragraph of the text module right after the
image module (Divi's `et_pb_image` then `et_pb_text`, Elementor's image widget then its
text editor, a Gutenberg image block then a paragraph): known by its credit too, which
opens a sentence of its own ("… at the workshop. Photo: Supplied", "PHOTO | Kevin Odit").

A table's `<caption>` goes too: trafilatura prints it as a first row of empty cells
("| Benchmark results … | | | |"), and golds leave captions out as they do photos'.
"""

from __future__ import annotations

import re

from crawler.core.boxes import add_box

MAX_CAPTION_WORDS = 40
MAX_BOX_WORDS = 80
_CREDIT = r"\b(photo|photograph|image|picture|pic)s?( credits?)?\s*:"
CREDIT_END = re.compile(_CREDIT + r"\s*[^.:;()]{1,40}\)?\s*$", re.IGNORECASE)
_CREDIT_CUE = re.compile(_CREDIT, re.IGNORECASE)  # anywhere in the image's box
TEXT_BLOCKS = ("p", "span", "div", "em", "i", "small")
# Words before the credit: a caption describes the photo. A credit alone ("(All photos:
# Atlas staff)") is a note of the article's, which Readability's gold keeps.
MIN_DESCRIBED = 3


def drop_captions(tree) -> int:
    """Remove photo captions set as paragraphs (their tails stay); how many there were."""
    found: list = []
    for element in _captioned(tree):  # in document order: a box before the caption in it
        if _is_caption(element):
            add_box(found, element)
    found += [e for e in _credited_captions(tree) if not any(e is f for f in found)]
    found += [e for e in _italic_captions(tree) if not any(e is f for f in found)]
    found += [e for e in _captions_after_images(tree) if not any(e is f for f in found)]
    found += [e for e in tree.iter("caption") if not any(e is f for f in found)]
    for element in found:
        if element.getparent() is not None:
            element.drop_tree()
    return len(found)


# beehiiv names its image's caption the image's source: `<div class="image__source"><span
# class="image__source_text"><p>Accuracy against model size …</p></span></div>`.
_SOURCE_CLASS = re.compile(r"(image|img|photo|picture|figure)[-_]*source", re.IGNORECASE)


def _captioned(tree) -> list:
    # A loop over the tag names, three times faster than an XPath with translate().
    found = []
    for element in tree.iter("p", "span", "div"):
        classes = element.get("class") or ""
        if "caption" in classes.lower() or ("ource" in classes and _SOURCE_CLASS.search(classes)):
            found.append(element)
    return found


def _credited_captions(tree) -> list:
    captions = []
    for image in tree.iter("img"):
        box = image.getparent()
        if box is None:
            continue
        text = box.text_content()
        if len(text.split()) > MAX_BOX_WORDS or not _CREDIT_CUE.search(text):
            continue
        for element in box.iter(*TEXT_BLOCKS):
            if element is box or element.find(".//img") is not None:
                continue
            text = element.text_content()
            credit = CREDIT_END.search(text)
            if credit and MIN_DESCRIBED <= len(text[: credit.start()].split()) <= MAX_CAPTION_WORDS:
                captions.append(element)
                break  # the outermost block holding it
    return captions


def _is_caption(element) -> bool:
    # Its text may sit in one paragraph of its own (a rich-text editor's); two paragraphs
    # are an article's, whatever their box is called.
    if len(element.findall(".//p")) > 1 or _words(element) > MAX_CAPTION_WORDS:
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


def _italic_captions(tree) -> list:
    """A paragraph all in italics right after a paragraph that is only an image: how
    Markdown blogs caption a figure (`![…](a.png)` then `*Caption.*`)."""
    captions = []
    for image in tree.iter("img"):
        holder = image.getparent()
        if holder is None or holder.tag != "p" or holder.text_content().strip():
            continue
        caption = holder.getnext()
        if caption is None or caption.tag != "p" or len(caption) != 1:
            continue
        italic = caption[0]
        if (
            italic.tag in ("em", "i")
            and not (caption.text or "").strip()
            and not (italic.tail or "").strip()
            and 0 < _words(caption) <= MAX_CAPTION_WORDS
        ):
            captions.append(caption)
    return captions


# The credit opening a sentence (or a bracket) at the paragraph's end, its label capitalised:
# "Photo: Supplied", "(Image: Getty Images)", "PHOTO | Kevin Odit", "Picture by Ann Lee",
# "Photo courtesy of the County". A story's sentence says "a photo of …" or "the image:" in
# lower case, mid-sentence.
_CREDIT_LABEL = r"(?:Photo(?:graph)?s?|PHOTOS?|Image|IMAGE|Picture|PICTURE|Pic|PIC)(?:\s+credits?)?"
# Whose: a name and nothing else to the block's end, capitalised words joined by of/the/and/via
# or a slash ("Supplied", "AFP via Getty Images", "Lee Ann / Reuters"). "… Photo: archive" ends
# a story's sentence as well, and so do "Photographs by Lee Miller fill the whole wing." and
# "Photo courtesy of the Archive was stamped on its back." (a lower-case verb after the name).
_NAME_WORD = r"[A-Z0-9][\w'’&-]*"
_CREDITED_NAME = (
    _NAME_WORD
    + r"(?:(?:\s+(?:(?:of|the|and|via|de|van|von|da|del)\s+)*|\s*/\s*)"
    + _NAME_WORD
    + r"){0,6}"
)
_OPENING_CREDIT = re.compile(
    r"(?:^|[.!?”\"]\s+|\(\s*|\s[-–—|]\s+)"
    + _CREDIT_LABEL
    + r"(?:\s*[:|/]\s*|\s+by\s+|\s+courtesy(?:\s+of)?\s+)(?:the\s+)?"
    + _CREDITED_NAME
    + r"\)?\.?\s*$"
)
# Any such credit on the page: most pages have none, and are spared the walk around images.
_ANY_CREDIT = re.compile(_CREDIT_LABEL + r"(?:\s*[:|/]|\s+by\s|\s+courtesy)")
MAX_HOLDER_LEVELS = 4  # how far out a textless wrapper of the image is looked for


def _captions_after_images(tree) -> list:
    """The first text block after the image's outermost textless wrapper, when it is a
    short description that ends in a credit."""
    captions = []
    if _ANY_CREDIT.search(tree.text_content()) is None:
        return captions
    for image in tree.iter("img"):
        holder = _textless_holder(image)
        if holder is None:
            continue
        block = _first_block(holder.getnext())
        if block is None or block.find(".//img") is not None:
            continue
        text = " ".join(block.text_content().split())
        credit = _OPENING_CREDIT.search(text)
        if credit and MIN_DESCRIBED <= len(text[: credit.start()].split()) <= MAX_CAPTION_WORDS:
            captions.append(block)
    return captions


def _textless_holder(image):
    """The outermost of up to MAX_HOLDER_LEVELS wrappers around `image` that hold no text;
    None when the image sits in text (an inline picture, or a box the in-box rule reads)."""
    holder = None
    for level, parent in enumerate(image.iterancestors()):
        if level == MAX_HOLDER_LEVELS or parent.text_content().strip():
            break
        holder = parent
    return holder


def _first_block(element):
    """`element`'s first text block: through wrappers that hold no text of their own to the
    first paragraph or element with text."""
    while element is not None and not isinstance(element.tag, str):
        element = element.getnext()  # a comment between the modules
    for _ in range(MAX_HOLDER_LEVELS + 2):
        if element is None or element.tag not in TEXT_BLOCKS:
            return None
        if element.tag == "p" or (element.text or "").strip() or len(element) == 0:
            return element
        element = element[0]
    return None
