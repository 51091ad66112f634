"""Machine-written summaries: "Key Points · AI-assisted summary" above the article, and a
digest of the readers' comments under it ("This summary is AI-generated").

Gannett's papers, Yahoo and others open stories with a box of bullets a model wrote from
the article. The box says so in its label, and its bullets restate the story in other
words: a reader copying the article does not copy them, and a summarizer fed the record
would summarize a summary. The box is the smallest element around the label that holds a
list, at most MAX_BOX_WORDS: never the article itself.
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.core.boxes import STOP_TAGS, SUBHEADINGS, contains

MAX_BOX_WORDS = 150
MAX_LABEL_CHARS = 60
# A label may be a sentence when it says "summar…": "This is AI generated summarization,
# which may have errors. For context, always refer to the full article." (audit 35)
MAX_NOTE_CHARS = 160
AI_SUMMARY_NOTE = re.compile(
    r"(this is |this )?(an )?(ai|machine)[- ](generated|assisted|written)"
    r" (summary|summari[sz]ation)\b",
    re.IGNORECASE,
)
_DIGEST = r"(summary|summaries|summari[sz]ations?|key points|takeaways|highlights)"
_AI = r"(ai|artificial intelligence)"
AI_SUMMARY_LABEL = re.compile(
    rf"\b(ai|machine)[- ](assisted|generated|powered|written) {_DIGEST}\b"
    rf"|\b{_DIGEST} (are |is |were |was )?(generated|written|created) (by|with|using) {_AI}\b"
    # "This summary is AI-generated. AI can make mistakes." under a digest of the comments.
    rf"|\b{_DIGEST} (are|is|were|was) {_AI}[- ](assisted|generated|powered|written)\b"
    rf"|\bsummari[sz]ed by {_AI}\b"
    # "Takeaways by Bloomberg AI": the digest credited to a newsroom's model.
    rf"|^{_DIGEST} (by|from) (\w+ ){{0,3}}{_AI}$",
    re.IGNORECASE,
)


def drop_ai_summaries(tree) -> int:
    """Remove boxes labelled as machine-written summaries (their tails stay); how many."""
    boxes = []
    for element in tree.iter(etree.Element):
        text = element.text
        if not text or len(text) > MAX_NOTE_CHARS:
            continue
        folded = text.casefold()  # a cheap test before the pattern, which most texts fail
        if not ("summar" in folded or "ai" in folded):
            continue
        if len(text) > MAX_LABEL_CHARS:
            # Longer, only the note that opens with the label: a story's paragraph about an
            # "AI-generated summary of the audit" is no label (the review).
            box = _box_of(element) if AI_SUMMARY_NOTE.match(text.strip()) else None
        elif AI_SUMMARY_LABEL.search(text):
            box = _box_of(element)
        elif AI_MARK.fullmatch(text.strip()):
            box = _box_of(element)
            box = box if box is not None and _titled_digest(box) else None
        else:
            continue
        if box is not None and not any(box is other for other in boxes):
            boxes.append(box)
    for box in boxes:
        if box.getparent() is not None:
            box.drop_tree()
    return len(boxes)


# The mark alone, under a box titled as a digest: the Straits Times' "SUMMARY" over two
# bullets, "AI generated" under them. Alone it may credit a picture.
AI_MARK = re.compile(rf"({_AI}[- ]generated|generated (by|with|using) {_AI})\W*", re.IGNORECASE)
_DIGEST_TITLE = re.compile(rf"\W*{_DIGEST}\W*", re.IGNORECASE)


def _titled_digest(box) -> bool:
    """An element of the box, a heading or a styled label, whose whole text names a digest."""
    return any(
        element.text and _DIGEST_TITLE.fullmatch(element.text_content())
        for element in box.iter(etree.Element)
    )


def _box_of(label):
    """The smallest box around the label that holds a list, or a paragraph besides the
    label's own: a digest of the readers' comments ("What readers are saying") is prose."""
    for box in label.iterancestors():
        if box.tag in STOP_TAGS or len(box.text_content().split()) > MAX_BOX_WORDS:
            return None
        if box.find(".//ul") is not None or box.find(".//ol") is not None:
            return box
        if _is_prose_box(box, label):
            return box
    return None


def _is_prose_box(box, label) -> bool:
    """A box of its own around the label: a heading ("What readers are saying") and a
    paragraph besides the label's, inside a parent that holds more than the box (a short
    article's body, with a sentence about AI summaries in it, is no box)."""
    if next(box.iter(*SUBHEADINGS), None) is None:
        return False
    if not any(p is not label and not contains(p, label) for p in box.iter("p")):
        return False
    parent = box.getparent()
    words = len(box.text_content().split())
    return parent is not None and len(parent.text_content().split()) >= 2 * words
