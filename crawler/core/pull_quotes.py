"""Pull quotes: a sentence of the article set again, large, in a box beside the text.

Templates mark the box by class (`pullquote`, `pull-quote`, `PullQuote_root__x1`,
`n-content-pullquote`) and often hide it from screen readers, since it repeats what the
article already says. trafilatura reads it as one more paragraph or quotation, so the
record says the sentence twice, out of place. The text-level rule in `clean.py` catches a
pull quote only when an attribution line follows it; this one needs no attribution.

A box goes only when its quotation is found again in the page's body text: Medium styles
an author's own emphasised paragraph as `graf--pullquote`, said once, and that is text.

A click-to-tweet box is a pull quote by its mark too (Better Click To Tweet's
`bctt-click-to-tweet`, Social Warfare's `sw-click-to-tweet`, a theme's `tweetable` or
`tweet-this`): the story's sentence again as a link that opens a tweet, with a "Click To
Tweet" button. Said once, its sentence stays and only the button goes.
"""

from __future__ import annotations

import re

from lxml import etree

# Or a box named "Quote" as a BEM block (Brightspot's `<div class="Quote"><blockquote
# class="Quote-wrapper">`, audit 24): never a WordPress "wp-block-quote" or a "blockquote".
PULL_QUOTE_CLASS = re.compile(r"(?i:pull[-_ ]?quote)|(?:^|\s)[Qq]uote(?:$|\s|-)")
# Click-to-tweet boxes by their plugin's or theme's class (audit 48).
TWEET_BOX_CLASS = re.compile(r"(?i)click[-_ ]?to[-_ ]?tweet|\bbctt\b|tweetable|tweet[-_ ]?this")
# The box's button; a link or a label that says only this.
TWEET_BUTTON = re.compile(r"(?i)^(click|tap)?\s*to\s*tweet$|^tweet( this| it)?!?$")
MAX_PULL_QUOTE_WORDS = 60  # a box bigger than this is a section, not a repeated sentence
MIN_QUOTE_WORDS = 4  # "Yes." said twice is no evidence of a repeat
# /descendant:: steps, not //: one walk each (0.8 of the time).
_BODY_TEXT = etree.XPath(
    "/descendant::body/descendant::text()[not(ancestor::script or ancestor::style"
    " or ancestor::noscript or ancestor::template)]"
)
_NOT_WORD = re.compile(r"[^\w\s]")


def drop_pull_quotes(tree) -> int:
    """Remove pull-quote boxes whose quotation the page says elsewhere, and unmarked
    quotations that shorten a paragraph of the page; how many."""
    return _drop_marked(tree) + _drop_condensed(tree)


def _drop_marked(tree) -> int:
    boxes = [element for element in tree.iter(etree.Element) if _is_marked(element)]
    boxes = [box for box in boxes if not any(_is_marked(a) for a in box.iterancestors())]
    if not boxes:
        return 0
    body = _simplify(" ".join(_BODY_TEXT(tree)))
    dropped = 0
    for box in boxes:
        if len(box.text_content().split()) > MAX_PULL_QUOTE_WORDS:
            continue
        quote = max(box.itertext(), key=lambda piece: len(_simplify(piece)), default="")
        if _repeated(quote, body):
            box.drop_tree()
            dropped += 1
        elif _is_tweet_box(box):
            _drop_tweet_buttons(box)
    return dropped


def _drop_tweet_buttons(box) -> None:
    buttons = [
        element
        for element in box.iter("a", "span", "button", "div")
        if element is not box and TWEET_BUTTON.match(" ".join(element.text_content().split()))
    ]
    for button in buttons:
        if button.getparent() is not None:
            button.drop_tree()


# A quotation this long, every word of it in a paragraph before it in the same order and
# close together, is that paragraph again (a page builder's pull quote set as a plain
# <blockquote>, shortened: "What it does, surprisingly well, is stop us …" as "What it does
# is stop us …", audit 45). Shorter ones may be a phrase the story uses twice; a quoted
# document comes before the paragraph that paraphrases it, not after.
MIN_CONDENSED_WORDS = 8
# A page of more quotations than this is a thread of quoted replies, not an article with a
# pull quote: none is looked at (the search costs quotes x paragraphs).
MAX_QUOTES = 20
NEARBY_PARAGRAPHS = 20  # a pull quote sits near the paragraph it repeats
SPREAD = 1.5  # the quote's words span at most this many times its length in the paragraph


def _drop_condensed(tree) -> int:
    quotes = list(tree.iter("blockquote"))
    if not quotes or len(quotes) > MAX_QUOTES:
        return 0
    quotes = [quote for quote in quotes if _condensable(quote)]
    if not quotes:
        return 0
    # Paragraphs and quotations in document order: each quote is compared with the
    # paragraphs before it.
    before: list[list[str]] = []
    dropped = []
    for element in tree.iter("p", "blockquote"):
        if element.tag == "blockquote":
            if element in quotes:
                words = _quoted_words(element)
                if any(_condensed_from(words, p) for p in before[-NEARBY_PARAGRAPHS:]):
                    dropped.append(element)
            continue
        if not any(a.tag == "blockquote" for a in element.iterancestors()):
            before.append(_simplify(element.text_content()).split())
    for quote in dropped:
        quote.drop_tree()
    return len(dropped)


def _condensable(quote) -> bool:
    words = len(_quoted_words(quote))
    return (
        MIN_CONDENSED_WORDS <= words <= MAX_PULL_QUOTE_WORDS
        and not any(a.tag == "blockquote" for a in quote.iterancestors())
        and next(quote.iter("blockquote", "img", "iframe", "video"), quote) is quote
    )


def _quoted_words(quote) -> list[str]:
    """The quotation's words without its citation: a `<cite>` or `<footer>` set under the
    quotation ("Paul Whitmore, inspector", WordPress's and Elementor's quote blocks, audit
    48) names who said it, words the paragraph it repeats puts elsewhere or not at all."""
    parts = [quote.text or ""]
    for child in quote:
        if child.tag not in ("cite", "footer") and isinstance(child.tag, str):
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return _simplify("".join(parts)).split()


def _condensed_from(words: list[str], paragraph: list[str]) -> bool:
    """Every word of `words` in the longer `paragraph`, in the same order, within a span of
    SPREAD times their number."""
    if len(paragraph) <= len(words):
        return False
    first = last = None
    position = 0
    for word in words:
        try:
            position = paragraph.index(word, position)
        except ValueError:
            return False
        first = position if first is None else first
        last = position
        position += 1
    return last - first + 1 <= SPREAD * len(words)


_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’']?\s+")
# The speaker after the quotation, on its line: "“At 2am there is no one to ask.” – Daniel
# Koh". The article says the sentence with the name elsewhere ("… ask,” said Mr Koh).
_ATTRIBUTION = re.compile(r"(?<=[.!?”\"’'])\s*[-–—]+\s*[^-–—.!?“”\"]{1,60}$")


def _repeated(quote: str, body: str) -> bool:
    """The box's own copy is in the body text once; a repeat makes it twice. Or each of its
    sentences is, when the article puts the speaker between them ("'… take a hit,' said
    Rana Karim. 'If the startups …'", CNN's pull quotes, audit 41)."""
    quote = _ATTRIBUTION.sub("", quote.strip())
    whole = _simplify(quote)
    if len(whole.split()) >= MIN_QUOTE_WORDS and body.count(whole) >= 2:
        return True
    sentences = [_simplify(part) for part in _SENTENCE_END.split(quote.strip())]
    return len(sentences) >= 2 and all(
        len(sentence.split()) >= MIN_QUOTE_WORDS and body.count(sentence) >= 2
        for sentence in sentences
    )


def _is_marked(element) -> bool:
    marks = f"{element.get('class') or ''} {element.get('id') or ''}"
    if "quote" in marks.lower() and PULL_QUOTE_CLASS.search(marks) is not None:
        return True
    return _is_tweet_box(element)


def _is_tweet_box(element) -> bool:
    """A click-to-tweet box; not one set inside a paragraph, whose sentence the paragraph's
    own text is (an inline "tweetable" highlight)."""
    marks = f"{element.get('class') or ''} {element.get('id') or ''}"
    lowered = marks.lower()
    if "tweet" not in lowered and "bctt" not in lowered:  # the common case, without a search
        return False
    return TWEET_BOX_CLASS.search(marks) is not None and not any(
        ancestor.tag == "p" for ancestor in element.iterancestors()
    )


def _simplify(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.casefold()).split())


# A quotation set in a figure, as HTML recommends and WordPress prints every pull quote
# (`<figure class="wp-block-pullquote"><blockquote>`): trafilatura drops a figure's
# blockquote in every mode (docs/upstream.md). Once the repeated pull quotes are gone, what
# stays is said once and is the article's: its figure, holding no picture, is unwrapped.
_MEDIA = ("img", "picture", "video", "audio", "iframe", "svg", "canvas", "object", "embed")


# A code listing set in a figure is dropped alike: Jekyll's and Rouge's `{% highlight %}`
# print `<figure class="highlight"><pre><code>` for every listing (audit 27).
_TEXT_IN_FIGURE = ("blockquote", "pre")


def unwrap_text_figures(tree) -> int:
    """Unwrap figures that hold a blockquote or a code listing and no media; how many."""
    figures = [
        figure
        for figure in tree.iter("figure")
        if next(figure.iter(*_TEXT_IN_FIGURE), None) is not None
        and next(figure.iter(*_MEDIA), None) is None
    ]
    for figure in figures:
        figure.drop_tag()
    return len(figures)
