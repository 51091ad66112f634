"""Paywalls: subscriber content, the free part of its text, and texts known to be cut.

Either sign gives the record's `paywalled` flag ("the page is subscriber content"):

- the JSON-LD article, or one of its `hasPart` elements, says `isAccessibleForFree` false
  (schema.org's and Google's markup for subscription content; the value is as often the
  string "False" as the boolean). A `hasPart` with a `cssSelector` names the paid part:
  when the page serves it anyway (paywalls drawn by a script), its lines are removed, so
  the text is the free part. A paid part that leaves less than a paragraph free is a
  metered site's marking of its whole article (served whole to the reader it lets in): the
  text is kept, since removing it would lose the article, not trim it to its teaser;
- the text ends in a subscribe wall: an invitation to subscribe, sign in or register "to
  continue reading", or a line saying the article is for subscribers. The patterns
  (WALL) are applied only to the trailing edge of the text, by the cleaning
  (crawler.core.chrome_patterns.EDGE_ONLY), and the removed lines count as `paywall`.

`paywalled` alone does not say the text is incomplete: metered sites mark the articles they
serve whole. `truncated` does: a wall or the declared paid part was cut from the text, or
the JSON-LD's `wordCount` is far above the text's words (`words_missing`).
"""

from __future__ import annotations

import math
import re
from typing import Any

from cssselect import SelectorError
from lxml import etree
from lxml import html as lxml_html

from crawler.core.sections import line_key

_ACCESS = "isAccessibleForFree"
_PART_BLOCKS = ("p", "li", "blockquote", "pre", "h2", "h3", "h4", "h5", "h6")
# A free part under this many words is no teaser but a dek or a caption outside the marked
# element (and too short for a record anyway).
MIN_FREE_WORDS = 40
_LIST_MARK = re.compile(r"^([-•*–]|\d+[.)])\s+")  # "- item", as trafilatura writes list items

_SUBSCRIBE = (
    r"(subscri[bp]\w*|sign(ing)? (in|up)|log(ging)? ?in|register\w*"
    r"|become an? \w* ?(member|subscriber)|members?hip|account)"
)
_READERS = r"(paid |paying |premium |digital )?(subscribers|members|subscription holders)"
# The readers a wall names by kind: "registered", "current", "print subscribers".
_READER_KIND = (
    r"(registered|current|existing|print|digital|paying|paid|premium|verified|all-access)"
)
# The lines that say the text stops there: the rest is for subscribers. Not an offer of
# "unlimited access" or "Already a subscriber? Log in", which metered sites set under the
# articles they serve whole as well, nor a promo's "subscribe today and keep reading the
# stories that matter" or "Subscription required for our e-edition" (the review): these
# find the wall in the page tree (paragraphs_before_wall).
_STOPS_HERE = (
    rf"\b{_SUBSCRIBE}\b.{{0,60}}\b(to|and) (continue|finish) reading\b",
    rf"\bcontinue reading\b.{{0,80}}\b{_SUBSCRIBE}",
    rf"\b(this|the) (article|story|content|post|piece|report) is (only )?"
    # "… exclusive to Ledger+ subscribers": the brand's name before its readers (audit 49),
    # a name, not "available to all committee members" (the review).
    rf"((available|reserved|exclusive(ly)?) )?(to|for) (our )?((?-i:[A-Z0-9][\w+&'’.-]*) "
    rf"|{_READER_KIND} ){{0,2}}{_READERS}",
    r"\b(subscriber|member|premium)s?[- ]only (article|content|story|post)\b",
    rf"\b{_SUBSCRIBE}( now)? (to|and) (read|unlock|access|view|get) (the )?"
    r"(full|rest|entire|whole|complete|this)\b",
    # "Unlock this article — plus our daily briefing — by subscribing to Ledger+"; not "Unlock
    # the full report by registering on the agency's website, officials said" (the review).
    r"^unlock (this|the (full|rest of the)) (article|story|piece|post|report)\b.{0,100}"
    r"\b(subscri|sign(ing)? up for (a|an|our) (free )?(account|membership|subscription))",
    rf"\b(read|unlock|access) (the )?(full|rest of the|entire|whole) (article|story|piece)"
    rf"\b.{{0,40}}\b{_SUBSCRIBE}",
    r"\byou('ve| have) (reached|used( up)?|hit|exceeded) (your|all (of )?your|the)\b.{0,30}"
    r"\b(free|monthly|complimentary)\b.{0,20}\b(articles?|stories|limit)\b",
)
# As a line of the text, a wall says more: "keep" and "start reading", "subscription
# required".
_CUT_WALL = (
    *_STOPS_HERE,
    rf"\b{_SUBSCRIBE}\b.{{0,60}}\b(to|and) (keep|start) reading\b",
    rf"\bkeep reading\b.{{0,80}}\b{_SUBSCRIBE}",
    r"\bsubscription (is )?required\b",
)
STOPS_HERE = tuple(re.compile(pattern, re.IGNORECASE) for pattern in _STOPS_HERE)
CUT_WALL = tuple(re.compile(pattern, re.IGNORECASE) for pattern in _CUT_WALL)
WALL = CUT_WALL + tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"\b{_SUBSCRIBE}( now)? (to|and) (read|unlock|access|view|get) (the )?unlimited\b",
        r"^already (a subscriber|a member|subscribed|have an account)\b",
        # An access note over a story let out of the wall: "This article is free to read.
        # Create a free account to get our daily newsletter and unlock ..."
        r"^this (article|story|piece|post|report) is (free|open) (to read|for all|to all)\b",
        r"\bcreate an? (free )?account to (read|continue|unlock|get|keep)\b",
        # A paid story's badge, a line of its own: "Premium", "Subscriber only".
        r"^(premium|(subscribers?|members?)[- ](only|exclusive)|for subscribers)$",
        # The upsell under a story: "Get the HT Premium experience." (audit 39)
        r"^(get|try|unlock) (the )?([\w&'’.-]+ ){0,3}(premium|plus) (experience|access"
        r"|membership|subscription)\W*$",
    )
)

# A wall's prompt set between paragraphs, where a metered page leaves it for the reader it
# lets in: it ends in both of the wall's buttons, "… Subscribe now or log in."
WALL_PROMPT = (
    re.compile(
        r"\b(subscribe|sign up|register|join)( now| today| here)?,? or (log|sign) ?in\b[.!]?$"
        # The prompt's other lines (The Spectator's, audit 39): its question with the
        # button, "Already a subscriber? Log in", and its offer with the price after the
        # trial, "Try a month of The Spectator for free, then just £1 a week."
        r"|^already an? (subscriber|member)\?\s*(log|sign) ?in\W*$"
        r"|^try (a|one|\d+|your first) (month|week|year|\w+ (months|weeks))\b.{0,60}\bfor free\b"
        r".{0,10}\bthen (just |only )?[£$€]\s?\d[\d.,]*"
        r"( (a|per) |/)(week|month|year)\b",
        re.IGNORECASE,
    ),
)


# A subscribe wall in the page, after the free part: trafilatura's precision mode drops the
# wall's box ("Subscribe to continue reading" over a price and "Already a subscriber? Log
# in"), and the sign-up boxes go before extraction (crawler.core.signup_boxes), so the text
# ends at the teaser's last paragraph and the cleaning never sees the wall (audit 49). The
# tree is read before it is reshaped: the paragraphs right before a cut wall's line, back to
# the first of a paragraph's length and never past a heading (a list of other stories with a
# wall at the page's end), are where a text cut by the wall ends.
MAX_WALL_WORDS = 25  # a wall's line; a longer one is prose that mentions the words
WALL_PROSE_WORDS = 12  # a paragraph of the teaser, not a line of the wall's box
MAX_WALL_LOOKBACK = 6  # the box's own lines (a badge, a price) between the wall and the teaser
_INLINE = frozenset({"a", "span", "strong", "b", "em", "i", "button", "font", "small", "u"})
# A wall the page does not show: hidden, or shown by a script to the readers it stops only.
# A metered page serves the whole article with it (TownNews's `subscription-required
# hidden` box, AMP's `subscriptions-section="content-not-granted"` prompt; template pages).
_NOT_SHOWN = etree.XPath(
    "ancestor-or-self::*[@hidden or @aria-hidden='true' or self::template or self::noscript"
    " or self::script or self::style or @subscriptions-section or @subscriptions-display"
    " or contains(concat(' ', normalize-space(@class), ' '), ' hidden ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' d-none ')"
    " or contains(translate(@style, 'DISPLAYNOE ', 'displaynoe'), 'display:none')]"
)
_BEFORE = etree.XPath("preceding::*[self::p or self::h1 or self::h2 or self::h3 or self::h4]")
# descendant::, not .//: one walk (.// cost 2.2 ms a page on the corpus).
_TEXTS = etree.XPath("descendant::text()[not(parent::script or parent::style)]")
# A word every STOPS_HERE pattern holds, looked for before the patterns themselves: running
# them over the whole page's text cost 4.8 ms a page on the corpus.
_WALL_WORD = re.compile(
    r"subscri|member|premium|sign|log|regist|account|free|monthly|complimentary", re.IGNORECASE
)
MAX_WALL_CHARS = 400  # a text node longer than this is no part of a line of MAX_WALL_WORDS


def paragraphs_before_wall(tree: lxml_html.HtmlElement) -> frozenset[str]:
    """Keys (line_key) of the paragraphs a cut wall (STOPS_HERE) follows on the page. A newsletter
    box, an offer of unlimited access, a wall hidden from the reader say nothing of a cut."""
    body = tree.find("body")
    texts = _TEXTS(body) if body is not None else []
    found: set[str] = set()
    for block in _wall_blocks(texts):
        if _NOT_SHOWN(block):
            continue
        box = block.getparent()
        for before in reversed(_BEFORE(block)[-MAX_WALL_LOOKBACK:]):
            if before.tag != "p" and not _inside(box, before):
                break  # a section's heading between: the wall is not under the article
            if before.tag != "p":
                continue  # the wall box's own heading: "Ledger+ Exclusive Story"
            text = " ".join(before.text_content().split())
            found.add(line_key(text))
            if len(text.split()) >= WALL_PROSE_WORDS:
                break
    found.discard("")
    return frozenset(found)


def _inside(box, element) -> bool:
    return box is not None and any(parent is box for parent in element.iterancestors())


def _wall_blocks(texts):
    """The blocks whose whole text is a cut wall's line, in document order, each once."""
    seen = []
    for node in texts:
        if len(node) > MAX_WALL_CHARS or not _WALL_WORD.search(node):
            continue
        if not any(p.search(node) for p in STOPS_HERE):
            continue
        owner = node.getparent()
        owner = owner.getparent() if node.is_tail and owner is not None else owner
        while owner is not None and owner.tag in _INLINE and owner.getparent() is not None:
            owner = owner.getparent()
        if owner is None or any(owner is other for other in seen):
            continue
        text = " ".join(owner.text_content().split())
        if len(text.split()) <= MAX_WALL_WORDS and "newsletter" not in text.lower():
            seen.append(owner)
    return seen


def ends_before_wall(lines: list[str], before_wall: frozenset[str]) -> bool:
    """The text's last line is a paragraph a cut wall follows on the page: the free part."""
    return bool(lines and before_wall) and line_key(lines[-1]) in before_wall


# The JSON-LD's wordCount against the record's words: a text under this share of it, and
# this many words short, is missing part of the article (a teaser served to a crawler, or a
# body the extraction cut). Margins wide enough for a count that takes in captions, a
# summary box or a related list: on our template pages that carry one, the gold text holds
# 0.68 to 1.09 times the declared count.
MISSING_SHARE = 1 / 2
MISSING_WORDS = 100


def words_missing(jsonld: dict[str, Any], words: int) -> bool:
    """The page's JSON-LD counts far more words in its article than the text holds."""
    declared_words = _word_count(jsonld.get("wordCount"))
    return declared_words - words >= MISSING_WORDS and words < MISSING_SHARE * declared_words


MAX_COUNT_DIGITS = 9  # more is no article's word count (and int() refuses 4,300 digits)


def _word_count(value: Any) -> int:
    if isinstance(value, bool):
        return 0
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and 0 <= value < 10**MAX_COUNT_DIGITS else 0
    if isinstance(value, int):
        return value if 0 <= value < 10**MAX_COUNT_DIGITS else 0
    digits = value.strip().replace(",", "") if isinstance(value, str) else ""
    if digits.isascii() and digits.isdigit() and len(digits) <= MAX_COUNT_DIGITS:  # not "1²"
        return int(digits)
    return 0


def declared(jsonld: dict[str, Any]) -> bool:
    """The article, or a part of it, is marked as not free."""
    return _not_free(jsonld.get(_ACCESS)) or any(_not_free(p.get(_ACCESS)) for p in _parts(jsonld))


def paid_lines(tree: lxml_html.HtmlElement, jsonld: dict[str, Any]) -> frozenset[str]:
    """Texts of the blocks inside the elements the JSON-LD names as its paid part."""
    found: set[str] = set()
    for part in _parts(jsonld):
        selector = part.get("cssSelector")
        if not _not_free(part.get(_ACCESS)) or not isinstance(selector, str):
            continue
        try:
            elements = tree.cssselect(selector)
        except (SelectorError, ValueError):
            continue  # a selector we cannot read names nothing we can remove
        if elements and _free_lead_words(elements[0]) < MIN_FREE_WORDS:
            continue  # every paragraph is marked: a metered site's marking, served whole
        for element in elements:
            blocks = [element, *element.iter(*_PART_BLOCKS)]
            found.update(line_key(block.text_content()) for block in blocks)
    found.discard("")
    return frozenset(found)


def _free_lead_words(paid) -> int:
    """Words of the paragraphs before the paid part in its own container: the teaser. A
    dek or a summary box higher up the page is no free part of the body."""
    return sum(
        len(paragraph.text_content().split())
        for sibling in paid.itersiblings(preceding=True)
        if isinstance(sibling.tag, str)
        for paragraph in ([sibling] if sibling.tag == "p" else sibling.iter("p"))
    )


def without_paid_part(lines: list[str], paid: frozenset[str]) -> tuple[list[str], int]:
    """The lines that are not blocks of the paid part (a list item's line without the
    marker trafilatura gives it), and how many were removed; all the lines when the free
    lines before the paid part, less list items, are not even a paragraph (MIN_FREE_WORDS)."""
    if not paid:
        return lines, 0
    is_paid = [line_key(_LIST_MARK.sub("", line.strip())) in paid for line in lines]
    kept = [line for line, paid_line in zip(lines, is_paid, strict=True) if not paid_line]
    # The free part is a teaser: the lines before the paid part, less list items. What
    # follows the paid part (a list of other stories, a newsletter box) is no free part.
    lead = lines[: is_paid.index(True)] if True in is_paid else lines
    free = [line for line in lead if not _LIST_MARK.match(line.strip())]
    if sum(len(line.split()) for line in free) < MIN_FREE_WORDS:
        return lines, 0  # the whole article is the "paid part": a metered page, served whole
    return kept, len(lines) - len(kept)


def _parts(jsonld: dict[str, Any]) -> list[dict[str, Any]]:
    parts = jsonld.get("hasPart")
    parts = parts if isinstance(parts, list) else [parts]
    return [part for part in parts if isinstance(part, dict)]


def _not_free(value: Any) -> bool:
    if isinstance(value, bool):
        return value is False
    if isinstance(value, str):  # "False", "false", "https://schema.org/False"
        return value.strip().lower().rsplit("/", 1)[-1] in ("false", "no")
    return False
