"""A question-and-answer accordion (an "FAQs" section) read whole: questions and answers.

Explainers and reviews end with FAQs set as an accordion: each question a `<button
aria-expanded="false">` (or a paragraph), each answer a panel right after it that the
script shows on a click, served `hidden`, `aria-hidden="true"` or `display:none`. We drop
hidden elements (crawler.core.hidden) and trafilatura drops the other two and every
`<button>`, so the section came out as its heading alone, or not at all.

A control whose whole text is one question (at most MAX_QUESTION_WORDS, ending in "?")
followed by a panel holding a prose paragraph is such a pair: the panel is shown and a
question button becomes a paragraph. The toggle's icon, hidden from screen readers
(`<span aria-hidden="true">+</span>`, Vox's, audit 41), is no part of the question: it made
"What is the AI Act?+" no question, and it goes with the button. A menu's or a cookie
dialog's toggle ("Menu", "Strictly necessary cookies") asks nothing, and stays as it was.
"""

from __future__ import annotations

from crawler.core.boxes import SUBHEADINGS, first_child, next_element, previous_element
from crawler.core.collapsed_text import unhide
from crawler.core.prose import PROSE_LINE_WORDS

MAX_QUESTION_WORDS = 25
_HOLDERS = frozenset({"h2", "h3", "h4", "h5", "h6", "dt", "div"})


def show_faq_answers(tree, hidden_panels) -> int:
    """Show each answer panel after a question, and keep the question's text; how many.
    `hidden_panels`: the hidden elements with paragraphs of their own
    (crawler.core.collapsed_text.hidden_with_paragraphs), found once for both."""
    shown = 0
    for panel in hidden_panels:
        control = previous_element(panel)
        if control is not None and control.tag in _HOLDERS:
            button = _only_button(control)
            control = control if button is None else button
        if control is None or _question(control) is None or not _answers(panel):
            continue
        for element in panel.iter():  # the panel first
            unhide(element)
        _keep_question(control)
        shown += 1
    # An answer shown already: trafilatura drops the question's button, and its text.
    for button in tree.iter("button"):
        question = _question(button)
        if question is None:
            continue
        panel = next_element(_question_holder(button, question))
        if panel is not None and _answers(panel):
            _keep_question(button)
    return shown


def _question(control) -> str | None:
    """The control's text, if it is one question."""
    text = _said(control) or " ".join(control.text_content().split())
    if text.endswith("?") and len(text.split()) <= MAX_QUESTION_WORDS:
        return text
    return None


def _only_button(holder):
    """The button a heading or div holds and nothing else: `<h3><button>…?</button></h3>`."""
    child = first_child(holder)
    if child is not None and child.tag == "button" and _question_holder(child, None) is holder:
        return child
    return None


def _question_holder(button, question: str | None):
    """The element the answer follows: the button, or the heading around it that holds
    nothing else."""
    parent = button.getparent()
    if (
        parent is not None
        and parent.tag in _HOLDERS
        and first_child(parent) is button
        and _said(parent) == (question or _said(button))
    ):
        return parent
    return button


def _said(element) -> str:
    """The element's text as a screen reader says it: without its aria-hidden icons."""
    parts = []
    for text in element.xpath(".//text()"):
        holder = text.getparent().getparent() if text.is_tail else text.getparent()
        if not _in_icon(holder, element):
            parts.append(text)
    return " ".join("".join(parts).split())


def _in_icon(node, within) -> bool:
    while node is not None and node is not within:
        if node.get("aria-hidden") == "true":
            return True
        node = node.getparent()
    return False


def _keep_question(control) -> None:
    if control.tag != "button":
        return
    for icon in [e for e in control.iter() if e.get("aria-hidden") == "true" and e is not control]:
        icon.drop_tree()  # its tail stays
    if any(child.tag in SUBHEADINGS for child in control):
        control.drop_tag()  # "<button><h3>…?</h3></button>": the heading is the question
        return
    # trafilatura drops buttons, and their text
    control.tag = "p" if _question_holder(control, None) is control else "span"


def _answers(panel) -> bool:
    """A prose paragraph, the panel's own or its text: not a list of links."""
    paragraphs = [panel] if panel.tag == "p" else panel.iter("p")
    return any(len(p.text_content().split()) >= PROSE_LINE_WORDS for p in paragraphs)
