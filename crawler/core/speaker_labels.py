"""A transcript's speaker labels set beside each turn's paragraph, not in it.

Podcast and interview pages print a turn as `<div class="transcript-line"><cite>Maya
Collins:</cite> <time>[00:00:04]</time> <p>Welcome…</p></div>`, or the name in a
`<span class="speaker">` or a `<div>` of its own over the paragraph. The label is a short
run of text beside a block; trafilatura drops such a run once the page has <p> text (see
crawler.core.lead_text), so every turn lost its speaker (audit 47: thirteen labels), while
a label set inside the paragraph, `<p><strong>Maya Collins:</strong> Welcome…</p>`, is kept.

So a label is moved into its paragraph: "Maya Collins: Welcome…". A label is what stands
between a <p> and the block before it (or its container's start): a name of at most five
words, capitalised ("Dr. Rosalind Achebe", "MAYA COLLINS", "Speaker 2", "Q"), in inline
elements or a div of its own, beside nothing but a time of the recording ("[00:00:04]", a
<time>), which goes. A page holds a transcript only where MIN_TURNS turns or more follow
one another, their labels of one markup (the same tag and class), each with its colon or a
time of the recording (not a clock's: a live blog's reporters by their entries' times are no
speakers), naming two speakers or more. A comment thread's names over its comments (no colon,
no time), "Caption:" labels scattered through a story, a byline's name over the first
paragraph or a column signed by one name are left as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.core.boxes import next_element

MIN_TURNS = 3
MAX_LABEL_WORDS = 5
# Elements a label may be set in: inline ones, a <time>, or a div of its own.
LABEL_TAGS = frozenset(
    {"span", "cite", "strong", "b", "em", "i", "a", "small", "time", "div", "label", "mark"}
)
# A time beside a label, which goes with it: "[00:00:04]", "(01:15)", "12:04", "00:04 –".
_RECORDING_TIME = re.compile(r"[(\[]?\b\d{1,2}:\d{2}(?::\d{2})?\b[)\]]?\s*[-–—|]?")
# What marks a turn as timed: an offset into the recording ("[00:00:04]", "(01:15)",
# "00:12:31", "00:14", a <time datetime="PT4S">). A bare clock time ("<time>14:02</time>") is
# a live blog's entry stamp beside its reporter's name, no transcript's.
_RECORDING_OFFSET = re.compile(
    r"[(\[]\s*\d{1,2}:\d{2}(?::\d{2})?\s*[)\]]|\b\d{1,2}:\d{2}:\d{2}\b|\b00:\d{2}\b"
)
_WORD = r"(?:[A-ZÀ-Þ][\w.'’-]*|\d{1,2})"
_PARTICLE = r"(?:von|van|der|den|de|da|di|du|del|la|le|bin|ibn|al)"
# "Maya Collins:", "Dr. Rosalind Achebe", "Ursula von der Leyen", "Speaker 2", "Q:".
_SPEAKER = re.compile(rf"[A-ZÀ-Þ][\w.'’-]*(?: (?:{_WORD}|{_PARTICLE}))*")


@dataclass
class _Turn:
    paragraph: object
    name: str
    parts: list  # the elements the label and its time are set in, nearest first
    markup: tuple  # the label's tag and class
    marked: bool  # a colon after the name, or a time of the recording beside it

    @property
    def block(self):
        """The turn's block: the paragraph's wrapper when it holds the label and the
        paragraph alone, else the paragraph."""
        parent = self.paragraph.getparent()
        alone = all(child is self.paragraph or child in self.parts for child in parent)
        return parent if alone else self.paragraph

    @property
    def start(self):
        """Where the turn starts in the page: its wrapper, else its label."""
        block = self.block
        return self.parts[-1] if block is self.paragraph and self.parts else block


def join_speaker_labels(tree) -> int:
    """Move each transcript turn's label into its paragraph; how many were moved."""
    turns = [turn for turn in map(_turn, tree.iter("p")) if turn is not None]
    moved = 0
    for run in _runs(turns):
        if len(run) >= MIN_TURNS and len({turn.name for turn in run}) >= 2:
            for turn in run:
                _move(turn)
            moved += len(run)
    return moved


def _runs(turns: list[_Turn]):
    """Turns one right after the other, their labels of one markup, each with its colon or
    its time: a comment thread's names (no colon) and captions' labels scattered through a
    story (not one after another) are no transcript."""
    run: list[_Turn] = []
    for turn in turns:
        if run and not (
            turn.marked
            and turn.markup == run[-1].markup
            and next_element(run[-1].block) is turn.start
        ):
            yield run
            run = []
        if turn.marked:
            run.append(turn)
    yield run


def _turn(paragraph) -> _Turn | None:
    """The paragraph's turn, when the run between it and the block before it (or its
    container's start) is a name and a time at most."""
    parent = paragraph.getparent()
    if parent is None:
        return None
    parts, texts = [], []
    element = paragraph.getprevious()
    while element is not None and _label_part(element):
        parts.append(element)
        texts.append(element.tail or "")
        texts.append(element.text_content())
        element = element.getprevious()
    texts.append((element.tail if element is not None else parent.text) or "")
    run = " ".join(" ".join(reversed(texts)).split())
    label = " ".join(_RECORDING_TIME.sub(" ", run).split())
    name = label.removesuffix(":").strip()
    if not name or len(name.split()) > MAX_LABEL_WORDS or not _SPEAKER.fullmatch(name):
        return None
    timed = _RECORDING_OFFSET.search(run) is not None or any(
        part.tag == "time" and (part.get("datetime") or "").startswith("PT") for part in parts
    )
    named = [part for part in parts if part.tag != "time" and part.text_content().strip()]
    markup = (named[-1].tag, named[-1].get("class")) if named else ("text", parent.get("class"))
    return _Turn(paragraph, name, parts, markup, label.endswith(":") or timed)


def _label_part(element) -> bool:
    """An element a label or its time may be set in: no block inside, a few words."""
    if not isinstance(element.tag, str) or element.tag not in LABEL_TAGS:
        return False
    if any(child.tag not in LABEL_TAGS for child in element.iterdescendants()):
        return False
    return len(element.text_content().split()) <= MAX_LABEL_WORDS


def _move(turn: _Turn) -> None:
    """The name goes to the paragraph's start; the elements it was set in, its time and
    the run's text go from before the paragraph."""
    paragraph = turn.paragraph
    for part in turn.parts:
        part.getparent().remove(part)  # its tail, the run's text, goes with it
    before = paragraph.getprevious()
    if before is not None:
        before.tail = None
    else:
        paragraph.getparent().text = None
    paragraph.text = f"{turn.name}: {paragraph.text or ''}"
