"""Writers shown under the headline beside their pictures, with no "By" and no mark.

Company and lab blogs built on Next.js, Tailwind or a model hub print the byline as one
card per writer: a round avatar and the name, a job title or the writer's handle beside it
(`<img class="h-10 w-10 rounded-full"><div><p class="font-semibold">Maya Lindqvist</p>
<p>Inference Engineering</p></div>`; `<img alt="Avatar for kofimensah"><span>Kofi
Mensah</span>`; a handle over the name, "nrahman / Nadia Rahman"). No class, rel or label
says "author", so crawler.core.bylines finds none, and the card's words were read as the
article's first lines (audit 47).

Only where a byline is: after the page's first h1 and before the story starts (a
sub-heading, or a text node of prose length), so a commenter's, a quoted person's, a
related post's or a testimonial's card is never read. The picture must look like an
avatar (its alt, class or file says so, it is cropped round, or small and square), and
the card's text must be the name, a handle before it, and little else. The cards read are
returned to be dropped from the page: they are the byline, not the article.
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.core.authors import is_phrase, names_in, person_shaped
from crawler.core.boxes import SUBHEADINGS
from crawler.core.bylines import Byline, element_text, may_hold_byline
from crawler.core.prose import text_owner

# The header's nodes after the headline, in document order: a byline sits within the
# first few, and a page of thousands costs no more. The first h1 with words: a site's logo
# set as an h1 ("<h1 id="logo"><a><img alt="Poynter."></a></h1>") is none.
_AFTER_HEADLINE = etree.XPath(
    "(//body//h1[normalize-space()])[1]/following::node()[position() <= 250]"
)
PROSE_WORDS = 12  # a text node this long is the story (or a teaser's summary) begun
MAX_CARD_LEVELS = 3  # from the picture up to the element that holds the name beside it
MAX_CARD_CHARS = 90  # a name, a handle, a job title: never a sentence
MAX_CARDS = 12
_NOT_TEXT = frozenset({"script", "style", "template", "noscript"})
_HEADINGS = SUBHEADINGS | {"h1"}
# Where a picture beside a name is someone else: a photo's caption, a table's cell.
_NOT_CARD = frozenset({"figure", "figcaption", "table", "blockquote", "form", "nav"})

# Said of the picture by its alt text, its class or file, or a wrapper's class: an
# "avatar", a "headshot", the "author"'s or "profile" picture, or cropped to a circle
# (Tailwind's rounded-full, Bootstrap's rounded-circle).
_AVATAR_WORD = re.compile(
    r"avatar|headshot|author|profile|byline|rounded-full|rounded-circle|circle", re.IGNORECASE
)
MAX_AVATAR_PIXELS = 128  # a thumbnail-sized square picture beside a name is its writer's
# A card of the story's subject, not its writer: a podcast's guest, a customer story's
# customer, a talk's speaker, an interview's interviewee, marked by its class or id or
# labelled so in a line of its own.
_SUBJECT_CARD = re.compile(
    r"guest|customer|client|speaker|featured|interviewee|panelist", re.IGNORECASE
)
_FIRST_HEADLINE = etree.XPath("(//body//h1[normalize-space()])[1]")
_TITLE = etree.XPath("//head/title")


def avatar_byline(tree) -> Byline:
    """The names on the avatar cards under the headline, and the cards themselves."""
    names: list[str] = []
    cards: list = []
    # The person the headline or the <title> names is the story's subject (an obituary's,
    # a profile's portrait beside the name), not its writer.
    subject = " ".join(element_text(node) for node in (*_FIRST_HEADLINE(tree), *_TITLE(tree)))
    subject = _squashed(subject)
    for node in _AFTER_HEADLINE(tree):
        if isinstance(node, str):
            owner = text_owner(node)
            if (
                owner is not None
                and owner.tag not in _NOT_TEXT
                and len(node.split()) >= PROSE_WORDS
            ):
                break
            continue
        if not isinstance(node.tag, str):
            continue  # a comment
        if node.tag in _HEADINGS:
            break  # a section of the story, or another story's card (with its headline)
        if node.tag != "img" or len(cards) >= MAX_CARDS:
            continue
        card = _card(node)
        if card is None or any(card is seen for seen in cards):
            continue
        name = _name_on(card, node)
        if name and (_squashed(name) in subject or _subject_card(card, node, name)):
            continue
        if name and name not in names:
            names.append(name)
            cards.append(card)
    return Byline(tuple(names), avatar_cards=tuple(card for card in cards if _chrome(card)))


def _squashed(value: str) -> str:
    return " ".join(re.sub(r"\W+", " ", value).split()).casefold()


def _subject_card(card, img, name: str) -> bool:
    """The card is marked or labelled as the subject's (a guest's, a customer's): a label
    under the name. A model hub's "guest" badge after the writer's handle, over the name,
    marks a guest writer."""
    marks = " ".join(
        f"{node.get('class') or ''} {node.get('id') or ''}" for node in (img, *_between(img, card))
    )
    if _SUBJECT_CARD.search(marks):
        return True
    lines = [" ".join(text.split()) for text in _CARD_TEXTS(card)]
    under = lines[lines.index(name) + 1 :] if name in lines else []
    return any(len(line.split()) <= 2 and _SUBJECT_CARD.search(line) for line in under)


def _chrome(card) -> bool:
    """A card of names, handles and job titles alone, dropped from the page once read; not
    one that holds the date ("Marnie Quill · December 2, 2025"), which the date's readers
    after this one look for."""
    return card.find(".//time") is None and not any(ch.isdigit() for ch in element_text(card))


def _card(img):
    """The nearest element around the picture that has text, when that text is short and
    the element may hold a byline."""
    node = img
    for _ in range(MAX_CARD_LEVELS):
        node = node.getparent()
        if node is None or node.tag in ("body", "html") or node.tag in _NOT_CARD:
            return None
        text = element_text(node)
        if not text:
            continue
        if (
            len(text) > MAX_CARD_CHARS
            or any(child.tag in _HEADINGS for child in node.iter())  # a teaser's headline
            or any(ancestor.tag in _NOT_CARD for ancestor in node.iterancestors())
        ):
            return None
        return node if may_hold_byline(node) else None
    return None


_HANDLE = re.compile(r"@?[a-z0-9][a-z0-9_.-]*")
MAX_SKIPPED = 2  # a handle, and a badge after it ("yukit guest")
_CARD_TEXTS = etree.XPath(
    "descendant::text()[normalize-space()][not(ancestor::time or ancestor::script"
    " or ancestor::style)]"
)


def _name_on(card, img) -> str | None:
    """The card's line naming one writer or more, when the picture is an avatar: its
    first line, or the line after a handle and a badge set in lower case."""
    lines = [" ".join(text.split()) for text in _CARD_TEXTS(card)]
    for line in lines[: MAX_SKIPPED + 1]:
        names = names_in(line)
        if names and all(person_shaped(n) and not is_phrase(n) for n in names):
            return line if _is_avatar(img, card, names) else None
        if not _HANDLE.fullmatch(line):
            return None
    return None


def _is_avatar(img, card, names: list[str]) -> bool:
    """The picture is the writer's: its alt, class or file, or a wrapper's class, says so;
    its alt names the writer (or the writer's handle, the name run together); or it is a
    small square."""
    alt = img.get("alt") or ""
    wrappers = [img, *_between(img, card)]
    marks = " ".join(filter(None, [alt, img.get("src"), *(w.get("class") for w in wrappers)]))
    if _AVATAR_WORD.search(marks):
        return True
    squashed = re.sub(r"\W+", "", alt).casefold()
    if squashed and any(re.sub(r"\W+", "", n).casefold() in squashed for n in names):
        return True
    return _small_square(img)


def _between(img, card) -> list:
    """The elements from the picture's parent up to the card, the card included."""
    found = []
    for ancestor in img.iterancestors():
        found.append(ancestor)
        if ancestor is card:
            break
    return found


def _small_square(img) -> bool:
    try:
        width, height = int(img.get("width", "")), int(img.get("height", ""))
    except ValueError:
        return False
    return width == height and 0 < width <= MAX_AVATAR_PIXELS
