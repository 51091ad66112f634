"""The rest of an article collapsed behind a "Read more" button.

News sites, mobile templates above all, print the first paragraphs of a story and put the
rest, in the same page, in a container hidden until the reader presses "Read the full
article" (`hidden`, `style="display:none"`, `aria-hidden="true"`, whichever the script
toggles). A crawler reads the page as served, so it saw the story cut after its third
paragraph: we drop `hidden` elements (crawler.core.hidden), for good; trafilatura drops the
other two, and only the recall run gave them back. Hidden text is the page's chrome as a
rule (a modal, a menu, a sign-up box's thanks), so only this shape is shown again: a
hidden container of two or more prose paragraphs, right after a prose paragraph of the
body, beside an expand control. The control goes.
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.core.boxes import previous_element
from crawler.core.prose import is_prose

MIN_HIDDEN_PARAGRAPHS = 2
# Found from the paragraphs up (0.17 ms a page; a test of every element for paragraph
# children cost 0.4): only a container with paragraphs of its own is looked at.
_HIDDEN = etree.XPath(
    "//body//p/parent::*[@hidden or @aria-hidden='true' or contains(@style, 'none')"
    " or contains(@style, 'height')]"
)
_EXPAND_WORDS = re.compile(
    r"^\W*((read|show|see|view|load) (the )?(full|more|rest|entire|whole)\b.{0,30}"
    r"|continue reading\b.{0,30}|(read|show|see) more|expand\b.{0,20}"
    # A mobile site's: "Tap to read full story ▾" (audit 43).
    r"|(tap|click) (here )?to (read|show|see|view) (the )?(full|more|rest|entire|whole)\b.{0,30})"
    r"\W*$",
    re.IGNORECASE,
)
_CONTROL_TAGS = frozenset({"button", "a", "span", "div", "label"})
NEAR = 2  # siblings either side of the container where its control sits


def hidden_with_paragraphs(tree) -> list:
    """Elements marked hidden that hold paragraphs of their own."""
    return [container for container in _HIDDEN(tree) if _marked_hidden(container)]


def reveal_collapsed_text(tree, hidden: list | None = None) -> int:
    """Show a collapsed rest of the body again, and remove its control; how many.
    `hidden`: hidden_with_paragraphs(tree), when the caller has it already."""
    shown = 0
    for container in hidden_with_paragraphs(tree) if hidden is None else hidden:
        control = _expand_control(container)
        if control is None or not _continues_body(container):
            continue
        if sum(is_prose(p) for p in container.iter("p")) < MIN_HIDDEN_PARAGRAPHS:
            continue
        for element in container.iter():  # the container first
            unhide(element)
        control.drop_tree()
        shown += 1
    return shown


def _marked_hidden(element) -> bool:
    style = "".join((element.get("style") or "").split()).lower()
    return (
        element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or any(_hides(rule) for rule in style.split(";"))
    )


def _hides(rule: str) -> bool:
    """A style rule, spaces removed and lower-cased, that hides its element: "display:
    none", or a height of nothing ("max-height:0;overflow:hidden", a mobile site's
    collapsed rest, which trafilatura drops; audit 43)."""
    return rule.startswith("display:none") or _NO_HEIGHT.fullmatch(rule) is not None


_NO_HEIGHT = re.compile(r"(max-)?height:0(px|em|rem|%)?(!important)?")


def _continues_body(container) -> bool:
    """The element before it is a prose paragraph, or ends with one; the control's wrapper
    and an empty fade between them are passed over (audit 27: `<p>…</p><div class="read-more-
    wrap"><div class="fade"></div><button>Read more</button></div><div hidden>…`)."""
    previous = previous_element(container)
    for _ in range(NEAR):
        if previous is None or previous.find(".//p") is not None or previous.tag == "p":
            break
        words = previous.text_content()
        if words.strip() and not _EXPAND_WORDS.match(words):
            break
        previous = previous_element(previous)
    if previous is None:
        return False
    last = previous if previous.tag == "p" else next(reversed(previous.findall(".//p")), None)
    return last is not None and is_prose(last)


def _expand_control(container):
    siblings = []
    before, after = container.getprevious(), container.getnext()
    for _ in range(NEAR):
        siblings += [element for element in (after, before) if element is not None]
        after = after.getnext() if after is not None else None
        before = before.getprevious() if before is not None else None
    for sibling in siblings:
        for element in (sibling, *sibling.iter(*_CONTROL_TAGS)):
            if element.tag in _CONTROL_TAGS and _EXPAND_WORDS.match(element.text_content()):
                return element
    return None


def unhide(element) -> None:
    if not isinstance(element.tag, str):
        return
    for name in ("hidden", "aria-hidden"):
        element.attrib.pop(name, None)
    style = element.get("style")
    if style and ("none" in style or "height" in style):
        # "display: none !important" too
        # And "overflow: hidden", which a zero height needs to hide, and which trafilatura
        # takes for hidden itself.
        kept = [
            rule
            for rule in style.split(";")
            if not _hides(flat := "".join(rule.split()).lower()) and flat != "overflow:hidden"
        ]
        element.set("style", ";".join(kept))
