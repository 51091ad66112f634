"""The box around an anchor element (a sign-up form, a sponsored link): the largest
ancestor a test still calls small, up to the article; and the removal of such boxes, each
once, outermost first (crawler.core.signup_boxes, crawler.core.product_boxes)."""

from __future__ import annotations

from collections.abc import Callable

STOP_TAGS = frozenset({"body", "html", "main", "article"})
SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})  # headings below the headline's


def largest_box(anchor, is_small: Callable) -> object:
    """`anchor`, or its largest ancestor below STOP_TAGS whose whole chain up from the
    anchor passes `is_small`."""
    box, parent = anchor, anchor.getparent()
    while parent is not None and parent.tag not in STOP_TAGS and is_small(parent):
        box, parent = parent, parent.getparent()
    return box


def add_box(boxes: list, box) -> None:
    """Add `box` unless one of `boxes` holds it already."""
    if not any(box is other or contains(other, box) for other in boxes):
        boxes.append(box)


def drop_boxes(boxes: list) -> int:
    """Remove the boxes (their tails stay); how many there were."""
    for box in boxes:
        if box.getparent() is not None:
            box.drop_tree()
    return len(boxes)


def first_child(element):
    """The first element child (not a comment or a processing instruction), or None."""
    return next((child for child in element if isinstance(child.tag, str)), None)


def previous_element(element):
    """The nearest preceding sibling that is an element (not a comment), or None."""
    return next((s for s in element.itersiblings(preceding=True) if isinstance(s.tag, str)), None)


def next_element(element):
    """The nearest following sibling that is an element (not a comment), or None."""
    return next((s for s in element.itersiblings() if isinstance(s.tag, str)), None)


def contains(ancestor, element) -> bool:
    return any(parent is ancestor for parent in element.iterancestors())
