"""Reader comments in a box headed by its label: "Community", "Comments (12)", "Join the
conversation".

trafilatura drops comments it recognises by class or id (`comments`, `disqus_thread`). A
Svelte or React template renders its thread in a box named by neither, under a heading
and over a "Sign up or log in to comment" line, and the comments came out as paragraphs
of the article. The box is the heading's parent, when the heading is its first element:
a comment section is a section of its own, not a subheading of the article.

A label that names comments picked from a thread ("Top Rated Comments") needs nothing
more. A label the article itself could use ("Community", "Responses") needs the box to say how
to comment; "Comments" needs only a word of commenting in the box. Neither takes a box
with the page's headline in it, nor the body or main element.
"""

from __future__ import annotations

import re

from crawler.core.boxes import first_child

_COUNT = r"(\s*\(?\d[\d,]*\)?)?"
COMMENTS_LABEL = re.compile(
    rf"^{_COUNT}\s*(reader |user )?comments?{_COUNT}$"
    r"|^(join|start) the (discussion|conversation)$"
    r"|^(leave|post|add|write) (a|your) (comment|reply|response)$",
    re.IGNORECASE,
)
# Comments picked from a thread ("Top Rated Comments" over "ThatGuy: Spring, they said last
# year too." and "Score: 42 Votes", audit 34): the label alone says what the box holds.
PICKED_LABEL = re.compile(
    r"^(top|best|featured|popular|most (popular|liked|recommended|upvoted|voted)"
    r"|(top|highest|highly)[- ]rated|editors?'?’?s?'? picks?|staff picks?) (reader )?comments?$",
    re.IGNORECASE,
)
SHARED_LABEL = re.compile(rf"^(community|responses|replies|discussion){_COUNT}$", re.IGNORECASE)
COMMENTING_WORD = re.compile(r"\bcomment|\brepl(y|ies)\b|\bconversation\b", re.IGNORECASE)
# How to comment: "Sign up or log in to comment", "Comments are closed", "Post a reply".
COMMENTING_CALL = re.compile(
    r"\b(log ?in|sign ?in|sign up|register|subscribe|account)\b[^.]{0,40}\bto"
    r" (comment|reply|join|post)\b"
    r"|\bcomments? (are|is) (closed|moderated|disabled)\b"
    r"|\b(post|leave|add|write) a (comment|reply)\b",
    re.IGNORECASE,
)
_NOT_A_SECTION = frozenset({"html", "body", "main", "article"})


def drop_comment_sections(tree) -> int:
    """Remove comment boxes headed by a comments label (their tails stay); how many."""
    boxes = []
    for heading in tree.iter("h2", "h3", "h4", "h5"):
        label = " ".join(heading.text_content().split())
        if len(label) > 40:
            continue
        box = heading.getparent()
        if box is None or box.tag in _NOT_A_SECTION or first_child(box) is not heading:
            continue
        if _is_comment_box(box, heading, label) and next(box.iter("h1"), None) is None:
            boxes.append(box)
    for box in boxes:
        if box.getparent() is not None:
            box.drop_tree()
    return len(boxes)


def _is_comment_box(box, heading, label: str) -> bool:
    if PICKED_LABEL.match(label):
        return True
    if COMMENTS_LABEL.match(label):
        evidence = COMMENTING_WORD
    elif SHARED_LABEL.match(label):
        evidence = COMMENTING_CALL
    else:
        return False
    rest = " ".join(
        text for child in box.iterchildren() if child is not heading for text in child.itertext()
    )
    return evidence.search(rest) is not None
