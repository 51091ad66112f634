"""The byline an article prints in its own body, which small sites add by hand where the
theme's byline names the account that posted the story ("VDB Online", "Guest Contributor",
"TSW Staff"):

1. a leading paragraph whose first line is "By Name", often with the writer's role on the
   line under it: `<p><strong>By MARIA LOURDES SANTOS</strong><br><em>Correspondent</em>
   </p>`, the first paragraph of a WordPress post's `entry-content` (audit 48);
2. failing that, a closing note about the writer, set apart in italics or under a rule:
   `<p><em>Dilani Perera is a freelance journalist based in Kandy …</em></p>`.

Either is a paragraph of the story's body: its sibling paragraphs hold the story's prose,
the leading one before any of them, the closing one after all of them. A sentence that
opens with "By" ("By Tuesday the council had …") is no byline: the name is two to four
capitalized words that end the line, and the paragraph holds little else.
"""

from __future__ import annotations

import re
from copy import deepcopy

from crawler.core.bylines import may_hold_byline, opens_with_byline

# The labels such a paragraph opens with; a cheap test on its first text before the rest.
_LABELS = ("By ", "BY ", "by ", "By: ", "BY: ", "Written by ", "Words by ", "Story by ")
PROSE_WORDS = 12  # a paragraph of the story, not a caption, a label or a byline
MIN_PROSE = 2  # the story's paragraphs on the other side of the byline
MAX_BYLINE_CHARS = 100
MAX_ROLE_WORDS = 6  # the lines under the name: "Correspondent", "Senior Reporter, Cebu"
MAX_NOTE_WORDS = 60
# "Dilani Perera is a freelance journalist based in Kandy …": a name, then what the writer
# is, a role word among the first few words after "is a".
_NOTE = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|da|van|von|bin|al|del|la)){1,3})"
    r"\s+is\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,5}?"
    r"(?:journalist|writer|reporter|correspondent|editor|author|contributor|columnist"
    r"|freelancer|photojournalist|blogger)s?\b"
)
_ITALIC = frozenset({"em", "i"})


def body_byline(tree) -> tuple[str, ...]:
    """The byline line of the body's leading "By" paragraph, else the name its closing note
    about the writer gives, else nothing."""
    note = None
    for paragraph in tree.iter("p"):
        first = _first_text(paragraph)
        if first.startswith(_LABELS):
            line = _leading_byline(paragraph)
            if line:
                return (line,)
        elif note is None and first[:1].isupper() and _set_apart(paragraph):
            note = _closing_note(paragraph)
    return (note,) if note else ()


def _first_text(paragraph) -> str:
    """The paragraph's first words, in it or in its first child (`<strong>By …`)."""
    text = (paragraph.text or "").lstrip()
    if not text and len(paragraph):
        text = (paragraph[0].text or "").lstrip()
    return text


def _leading_byline(paragraph) -> str | None:
    lines = _lines(paragraph)
    if not lines or len(lines[0]) > MAX_BYLINE_CHARS or not opens_with_byline(lines[0]):
        return None
    if sum(len(line.split()) for line in lines[1:]) > MAX_ROLE_WORDS:
        return None  # the story's first sentence after the name: not a byline paragraph
    before = _prose_siblings(paragraph.itersiblings("p", preceding=True), 1)
    after = _prose_siblings(paragraph.itersiblings("p"), MIN_PROSE)
    if before or after < MIN_PROSE or not may_hold_byline(paragraph):
        return None
    return lines[0]


def _closing_note(paragraph) -> str | None:
    text = " ".join(paragraph.text_content().split())
    match = _NOTE.match(text)
    if not match or len(text.split()) > MAX_NOTE_WORDS:
        return None
    after = _prose_siblings(paragraph.itersiblings("p"), 1)
    before = _prose_siblings(paragraph.itersiblings("p", preceding=True), MIN_PROSE)
    if after or before < MIN_PROSE or not may_hold_byline(paragraph):
        return None
    return match["name"]


def _set_apart(paragraph) -> bool:
    """The paragraph is all in italics (`<p><em>…</em></p>`) or follows a rule (`<hr>`)."""
    previous = paragraph.getprevious()
    if previous is not None and previous.tag == "hr":
        return True
    children = [child for child in paragraph if isinstance(child.tag, str)]
    return (
        len(children) == 1
        and children[0].tag in _ITALIC
        and not (paragraph.text or "").strip()
        and not (children[0].tail or "").strip()
    )


def _prose_siblings(siblings, enough: int) -> int:
    """How many of `siblings` (paragraphs) are the story's prose, counted up to `enough`."""
    count = 0
    for sibling in siblings:
        if len(sibling.text_content().split()) >= PROSE_WORDS:
            count += 1
            if count >= enough:
                break
    return count


def _lines(paragraph) -> list[str]:
    """The paragraph's lines, split at its <br>s, spaces collapsed, empty ones left out."""
    copy = deepcopy(paragraph)
    for br in copy.iter("br"):
        br.tail = "\n" + (br.tail or "")
    copy.tail = None
    lines = (" ".join(line.split()) for line in copy.text_content().split("\n"))
    return [line for line in lines if line]
