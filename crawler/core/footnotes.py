"""Footnotes: the references in the body ("…the final run.<a href="#footnote-1">1</a> It
does…") and the notes they point to.

Substack, Ghost and Markdown renderers print a footnote's reference as a bare number linked
to the note further down the page. As text the number runs into the sentence ("run.1 It",
"a year of use.2"), where it reads as part of a figure: it is removed. A reference is a
link to a fragment of the page whose text is a number of at most three digits, set right
after a word or punctuation (pagination links "1 2 3" stand apart, and their links are not
to fragments). Wikipedia's "[1]" is left as it is.

The notes are the writer's own text, and every one of a page is kept, each a paragraph where
the page sets it. trafilatura kept some and dropped others, by their length and their box
(Substack's long first note stayed, the short second and third, beside their linked
numbers, went; Hugo's `div.footnotes` went whole; Vox's stayed; sidenotes in an `aside`
went, Tufte CSS's `span.sidenote` ran into its sentence, "late that yearThe records…"). A
note is the block (a list item, a div, an aside) a reference's link points to, below or
beside it, when it links back to that reference, as every footnote renderer prints it
(Goldmark, kramdown, markdown-it, Pandoc, Substack, WordPress's footnotes block): its links
back and its own number go, as the references do, and a note of text alone becomes a
paragraph. A sidenote (Tufte CSS's `span.sidenote` and `span.marginnote`, a theme's element
named so) becomes a paragraph after the one it sits in, its toggles and its number gone.
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.core.boxes import STOP_TAGS
from crawler.core.prose import text_before

_IN_PAGE_LINKS = etree.XPath(
    "//a[starts-with(normalize-space(@href), '#')][string-length(@href) > 1]"
)
_NUMBER = re.compile(r"\d{1,3}")


def tidy_footnotes(tree) -> tuple[int, int]:
    """Set the notes as paragraphs, then remove the references to them: (notes,
    references)."""
    notes = keep_notes(tree)
    return notes, drop_footnote_references(tree)


def drop_footnote_references(tree) -> int:
    """Remove bare footnote numbers (with a <sup> that holds only one); how many."""
    dropped = 0
    for link in _IN_PAGE_LINKS(tree):
        if len(link) or not _NUMBER.fullmatch((link.text or "").strip()):
            continue
        reference = _reference(link)
        if reference is not None:
            reference.drop_tree()  # its tail, the sentence after it, stays
            dropped += 1
    return dropped


def _reference(link):
    """The link, or the <sup> around it, when the text just before ends in a letter or a
    stop; None when something else precedes it (a space, nothing)."""
    element = link
    parent = link.getparent()
    if (
        parent is not None
        and parent.tag == "sup"
        and len(parent) == 1
        and not (parent.text or "").strip()
        and not (link.tail or "").strip()
    ):
        element = parent
    before = text_before(element)
    previous = element.getprevious()
    if previous is not None and not before:
        before = previous.text_content()  # "<b>run.</b><a>1</a>": the text is the sibling's
    return element if before and not before[-1].isspace() else None


# Blocks a note is set in; a target inside a paragraph's inline run ("<a id='fn-1'>1</a>")
# stands for the nearest of them around it.
NOTE_BLOCKS = frozenset({"li", "div", "p", "aside", "section", "dd", "td", "footer"})
MAX_NOTE_WORDS = 400  # a note runs to a paragraph or two; a target this long is a region
_SIDENOTES = etree.XPath(
    "//*[self::span or self::small or self::aside or self::div]"
    "[re:test(@class, 'side-?note|margin-?note', 'i')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)


def keep_notes(tree) -> int:
    """Set the notes the page's footnote references point to, and its sidenotes, as
    paragraphs of their own; how many there were."""
    links = [
        link
        for link in _IN_PAGE_LINKS(tree)
        if not len(link) and _NUMBER.fullmatch((link.text or "").strip())
    ]
    notes: list = []
    if links:
        order, targets = _index(tree)
        for link in links:
            note = _note(targets.get(link.get("href").strip()[1:]), link)
            # Below the reference or beside it: the note's own number links back up to
            # the reference, whose paragraph is no note.
            if note is None or order[note] < order[link]:
                continue
            if not any(note is other for other in notes):
                notes.append(note)
    references = {anchor for link in links for anchor in _anchors(link)}
    for note in notes:
        _plain_note(note, references)
    return len(notes) + _set_sidenotes_apart(tree)


def _index(tree) -> tuple[dict, dict]:
    """Each element's place in the page, and the element each fragment name points to
    (an id, or an old <a name>)."""
    order, targets = {}, {}
    for index, element in enumerate(tree.iter()):
        order[element] = index
        name = element.get("id") or (element.get("name") if element.tag == "a" else None)
        if name and name not in targets:
            targets[name] = element
    return order, targets


def _anchors(link) -> set[str]:
    """The fragments that lead to a reference: its link's id and that of the <sup> or
    <span> wrapping it (<sup id="fnref:1">). Not the ids of the paragraph or section it
    sits in: a note's link to "#methods" or "#post" points elsewhere, and stays."""
    wrapper = link.getparent()
    elements = (link, wrapper) if wrapper is not None and wrapper.tag in _WRAPPERS else (link,)
    return {f"#{e.get('id')}" for e in elements if e.get("id")}


_WRAPPERS = frozenset({"sup", "span"})


def _note(target, link):
    """The block the reference points to, when it links back to the reference and is no
    more than a note; else None."""
    note = target
    while note is not None and note.tag not in NOTE_BLOCKS:
        note = note.getparent()
    if note is None or note.tag in STOP_TAGS or any(a is note for a in link.iterancestors()):
        return None
    if len(note.text_content().split()) > MAX_NOTE_WORDS:
        return None
    backs = {(a.get("href") or "").strip() for a in note.iter("a")}
    return note if _anchors(link) & backs else None


def _plain_note(note, references: set[str]) -> None:
    """The note's links back up to a reference go (its number, a "↩"), and a note of text
    alone is a paragraph: a div or an aside of text trafilatura would drop."""
    for link in list(note.iter("a")):
        if (link.get("href") or "").strip() in references:
            link.drop_tree()
    if note.tag != "li" and not any(child.tag in NOTE_BLOCKS for child in note.iterdescendants()):
        note.tag = "p"


def _set_sidenotes_apart(tree) -> int:
    """Sidenotes and margin notes become paragraphs after the paragraph they sit in; the
    checkbox and label that toggle them on a narrow screen (Tufte CSS: `<label for="sn-1"
    class="margin-toggle">`, `<input id="sn-1">`, then the note), and their number, go."""
    notes = _SIDENOTES(tree)
    notes = [n for n in notes if not any(a in notes for a in n.iterancestors())]
    for note in notes:
        toggle = note.getprevious()
        if toggle is not None and toggle.tag == "input":
            for label in tree.xpath("//label[@for=$id]", id=toggle.get("id") or ""):
                label.drop_tree()
            toggle.drop_tree()
        for number in _own_numbers(note):
            number.drop_tree()
        paragraph = next(note.iterancestors("p"), None)
        if paragraph is None:
            note.tag = "p"
            continue
        note.drop_tree()  # its tail, the rest of the sentence, stays
        moved = etree.Element("p")
        moved.text = " ".join(note.text_content().split())
        paragraph.addnext(moved)
    return len(notes)


# A sidenote's number named so by its theme (<span class="Sidenote_number__y2">).
_NUMBER_CLASS = re.compile(r"number|marker|counter", re.IGNORECASE)


def _own_numbers(note) -> list:
    """The sidenote's own number: a child its class names so, or a number opening the note.
    Other numbers are its words ("fell from <b>41</b> to <b>29</b>", "table <a>7</a>")."""
    children = [e for e in note.iterdescendants() if isinstance(e.tag, str)]
    numbers = [e for e in children if _is_number(e) and _NUMBER_CLASS.search(e.get("class") or "")]
    opening = children[0] if children and not (note.text or "").strip() else None
    if opening is not None and _is_number(opening) and not any(opening is n for n in numbers):
        numbers.append(opening)
    return numbers


def _is_number(element) -> bool:
    return isinstance(element.tag, str) and bool(_NUMBER.fullmatch(element.text_content().strip()))
