"""A newsletter's sponsor section, opened by its label: "TOGETHER WITH PROMPTLEDGER", then
the ad's heading and copy ("Know what every prompt costs you", "PromptLedger tracks spend …
Start free today.").

Newsletter platforms (beehiiv, Ghost, Morning Brew-style issues) set the sponsor's slot as a
box of its own between the stories, or as a run of blocks between two dividers, and mark it
with words, not a class: "TOGETHER WITH X", "PRESENTED BY X", "IN PARTNERSHIP WITH X",
"SPONSORED BY X", "BROUGHT TO YOU BY X", "A MESSAGE FROM X", "TODAY'S SPONSOR". The label
alone is taken by the line rules (or trafilatura), which left the ad's copy as a paragraph
of the issue. The whole slot goes: the largest element whose text opens with the label,
small (MAX_SECTION_WORDS, no headline, no time) and inside more text than its own; or,
where the blocks are flat, the label's block and its siblings up to the next divider
(`<hr>`), when one stands before it too.

A heading that merely starts the same way ("Together with the community", "A message from
our founder") is no label: after "together with", "in partnership with" and "a message
from" a name in capitals must follow (or the whole label be in capitals), and a label is a
few words with no sentence in it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from crawler.core.boxes import STOP_TAGS, add_box, drop_boxes, previous_element

MAX_LABEL_WORDS = 8
MAX_SECTION_WORDS = 150  # a heading, a paragraph or two of copy, a few bullets and a button
SURROUNDING_SHARE = 3  # the section's parent holds at least this many times its words

# Labels whose words say "sponsor" whatever follows them.
_PLAIN_LABEL = re.compile(
    r"^(?:(?:sponsored|presented|brought to you|underwritten) by\b.*"
    r"|(?:a (?:word|message|note) from )?(?:today['’]?s|this (?:week|issue|edition)['’]?s|our)"
    r" sponsors?\b.*"
    r"|sponsor(?:ed)?(?: (?:content|post|message|spotlight))?|paid partnership\b.*"
    r"|partner (?:content|message|spotlight))\W*$",
    re.IGNORECASE,
)
# Labels that are a heading's words too: a name in capitals must follow ("TOGETHER WITH
# PROMPTLEDGER", "In partnership with Northwind"), not "our partners" or "the community".
_NAMED_OPENING = r"^(?i:together with|in partnership with|in collaboration with|a message from)\s+"
_NAMED_LABEL = re.compile(
    _NAMED_OPENING + r"(?!(?i:our|the|your|my|their|his|her|its|this|these|those|a|an)\b)"
    r"[A-Z0-9][\w.&'’-]*(?:\s+[A-Z0-9&][\w.&'’-]*){0,4}\W*$"
)
# A label's first words as printed: a label opens a block, so with a capital ("Sponsored
# by", "TOGETHER WITH", "Brought To You By"); in a sentence they are in lower case. Found
# in the body's text at once (tostring() to text and one expression, 0.6 ms a page, where
# an XPath testing every text node for the words in their three cases cost 7 ms), then
# the text nodes holding them, in one walk, each judged whole in Python.
_OPENINGS = (
    "sponsor",
    "presented by",
    "brought to you by",
    "underwritten by",
    "together with",
    "in partnership with",
    "in collaboration with",
    "a message from",
    "a word from our sponsor",
    "a note from our sponsor",
    "today's sponsor",
    "today’s sponsor",
    "this week's sponsor",
    "this week’s sponsor",
    "our sponsor",
    "paid partnership",
    "partner content",
    "partner message",
    "partner spotlight",
)


def _printings(opening: str) -> set[str]:
    first, *rest = opening
    title = " ".join(word[:1].upper() + word[1:] for word in opening.split(" "))
    return {first.upper() + "".join(rest), opening.upper(), title}


_PRINTED_OPENING = re.compile(
    "|".join(re.escape(printed) for opening in _OPENINGS for printed in _printings(opening))
)


@lru_cache(maxsize=16)
def _holding(count: int) -> etree.XPath:
    """The elements whose own text nodes hold one of `count` strings ($w0, $w1, …): one walk
    over the text for all the openings a page prints."""
    tests = " or ".join(f"contains(., $w{i})" for i in range(count))
    return etree.XPath(f"//body//text()[{tests}]/..")


_HEADLINE_OR_TIME = etree.XPath("boolean(self::h1 | .//h1 | .//time)")


def drop_sponsor_sections(tree) -> int:
    """Remove the sponsor sections their labels open (their tails stay); how many."""
    body = tree.find("body")
    text = etree.tostring(body if body is not None else tree, method="text", encoding=str)
    openings = sorted(set(_PRINTED_OPENING.findall(text)))
    if not openings:
        return 0
    sections: list = []
    seen: set[int] = set()
    holders = _holding(len(openings))(tree, **{f"w{i}": word for i, word in enumerate(openings)})
    for element in holders:
        label = _label_block(element)
        if label is None or id(label) in seen:
            continue
        seen.add(id(label))
        for section in _section(label):
            add_box(sections, section)
    return drop_boxes(sections)


def is_sponsor_label(text: str) -> bool:
    """`text` (spaces normalised) is a sponsor's label over its slot."""
    if not text or len(text.split()) > MAX_LABEL_WORDS:
        return False
    if _PLAIN_LABEL.match(text):
        return True
    # A label all in capitals names its sponsor however it is spelt ("A MESSAGE FROM
    # NORTHWIND", "TOGETHER WITH THE ATLAS FUND").
    return bool(_NAMED_LABEL.match(text) or (text.isupper() and re.match(_NAMED_OPENING, text)))


def _text(element) -> str:
    return " ".join(element.text_content().split())


def _label_block(element):
    """The outermost element holding the label's text and nothing else, or None when the
    text there is no label."""
    text = _text(element)
    if not is_sponsor_label(text):
        return None
    block = element
    for parent in element.iterancestors():
        if parent.tag in STOP_TAGS or _text(parent) != text:
            break
        block = parent
    return block


def _section(label) -> list:
    """The elements of the slot `label` opens: one box, or its run of sibling blocks; none
    when it opens no small slot inside more text."""
    label_text = _text(label)
    box = label
    for parent in label.iterancestors():
        text = _text(parent)
        if parent.tag in STOP_TAGS or not text.startswith(label_text):
            break
        if len(text.split()) > MAX_SECTION_WORDS or _HEADLINE_OR_TIME(parent):
            break
        box = parent
    if box is not label:
        return [box] if _surrounded(box) else []
    return _run_between_dividers(label)


def _surrounded(box) -> bool:
    parent = box.getparent()
    words = len(_text(box).split())
    return parent is not None and len(_text(parent).split()) >= SURROUNDING_SHARE * words


def _run_between_dividers(label) -> list:
    """The label's block and its following siblings up to a divider, when a divider (or
    nothing but one) stands right before the label too: the slot of a flat layout."""
    before = previous_element(label)
    if before is None or not _is_divider(before):
        return []
    label_words = _text(label).split()
    run, words = [label], 0
    for sibling in label.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if _is_divider(sibling):
            break
        if _HEADLINE_OR_TIME(sibling):
            return []
        words += len(_text(sibling).split())
        if words > MAX_SECTION_WORDS:
            return []
        run.append(sibling)
    else:
        return []  # no divider closes it: where the ad ends is unknown
    parent_words = len(_text(label.getparent()).split())
    if len(run) == 1 or parent_words < SURROUNDING_SHARE * (words + len(label_words)):
        return []
    return run


def _is_divider(element) -> bool:
    """An `<hr>`, or a wrapper holding one and no text (beehiiv wraps every block)."""
    if element.tag == "hr":
        return True
    return not _text(element) and element.find(".//hr") is not None
