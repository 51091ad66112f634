"""Sign-up, appeal and poll boxes: the words around a form that asks for an e-mail
address, around a button that asks the reader to subscribe, donate or join (or, on a
company's blog, to book a demo), and around a poll's radio buttons (its heading and
question: "Poll", "Would you pay for ...?").

trafilatura deletes `<form>` elements, but the box around a newsletter form keeps its pitch
("Stay connected", "Get the latest updates from …", "Privacy Policy"), and that pitch sits
in the article's container, so it comes out as the article's last lines. The form is the
sign that nothing else does: a field for an e-mail address (`type="email"`, or a field named
for mail). A comment form has one too, and its labels are chrome as well. An appeal box
("Support truly independent journalism … Support Now") has a button instead: a link or
button standing alone whose whole text is the call ("Support Now", "Donate", "Subscribe").

The box is the largest ancestor of the form with at most MAX_BOX_WORDS, with no headline,
time or byline, whose every long paragraph is a pitch (it names the newsletter, the inbox,
the updates): never the article around it, even a brief one, nor a header with a
follow-by-e-mail field. Around an e-mail form the box may reach MAX_FORM_BOX_WORDS, and a
pitch may speak to the reader instead ("If you want to impress your boss, …"), unless it
quotes or reports. A form larger than that is left alone: ASP.NET wraps the whole
page in one.

A newsletter platform's own card needs no form nor a call standing alone: Ghost's CTA card
(`div.kg-cta-card`), Substack's and Beehiiv's subscribe and upgrade widgets. Its call may sit
inside its sentence ("Brussels Byte is reader-supported. <a>Become a paid member</a> to get
the Friday deep dive.", audit 51). Such a card is chrome when it pitches membership, a
subscription or an upgrade; a CTA card that points to the story's own dataset or report stays.
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.core.boxes import add_box, drop_boxes, largest_box
from crawler.core.prose import text_before

MAX_BOX_WORDS = 60
MAX_NAMED_BOX_WORDS = 150  # a box its template names a newsletter or donation box
PROSE_WORDS = 20  # a paragraph this long is a pitch or the article's prose
PITCH = re.compile(
    r"\b(newsletters?|subscri\w*|sign(ing)? up|inbox|e-?mails?|updates|offers|privacy"
    r"|support\w*|donat\w+|contribut\w+|members?(hip)?|gifts?"
    r"|tickets?|passes|registration"
    # an event's box: "tickets are just $292", "Secure your spot now - space is limited"
    r"|(secure|save|reserve|claim) your (spot|seat|place))\b",
    re.IGNORECASE,
)
CALL = re.compile(
    r"((support|donate|contribute|subscribe|sign up|join|register|give"
    r"|become a (paid )?(member|subscriber|supporter)|make a (donation|contribution|gift))"
    r"( now| today| us| here"
    r"| for free"
    # the site by name: "Support HuffPost", "Join Vox", "Subscribe to The Atlantic"
    r"|(?-i:( to)?( The)? [A-Z][\w.&'-]*( [A-Z][\w.&'-]*)?))?"
    # A company blog's call to buy, in a box between paragraphs: "Book a demo".
    r"|(book|request|schedule|get) a( free)? demo|start (a |your )?free trial"
    r"|try (it |us )?(for )?free|get started( now| today| for free)?"
    r"|(contact|talk to) (sales|our sales team|an expert)"
    # An event's box: "Get your tickets now", "Book your pass", "Secure your spot now".
    r"|(get|buy|grab|book|reserve) (your )?(tickets?|seats?|pass(es)?)( now| today| here)?"
    r"|(secure|save|reserve|claim) your (spot|seat|place)( now| today| here)?)\W*",
    re.IGNORECASE,
)
# Around an e-mail form a pitch may speak to the reader instead of naming the newsletter:
# "If you want to impress your boss, VB Daily has you covered." A story's paragraph that
# says "you" is a quote, said or reported: those never pass.
READER = re.compile(r"\b(you|your|you're|you'll)\b", re.IGNORECASE)
REPORTED = re.compile(r"[\"“”]|\b(said|says|told|according to)\b", re.IGNORECASE)
MAX_FORM_BOX_WORDS = 80  # a box around an e-mail form: its blurb, form, privacy note, thanks
# A donation box's amounts, each a link or button of its own: "$2", "£5", "$120/year".
AMOUNT = re.compile(
    r"[$£€¥]\s?\d[\d,.]*\s*((/|per |a |an |each )\s*(year|yr|month|mo|week))?", re.IGNORECASE
)
MIN_AMOUNTS = 2
# An appeal in the site's own voice: "At Vox, we believe …", "Our journalists keep digging".
SITE_VOICE = re.compile(r"\b(we|our|us)\b", re.IGNORECASE)
SIGNUP_NAME = re.compile(
    r"newsletter|sign-?up|subscribe(?!r)|donat|support|contribution|membership", re.IGNORECASE
)
# The cards a newsletter platform names for a call to join: Ghost (kg-cta-card), Substack
# (subscription-widget-wrap), Beehiiv and others (subscribe-widget, upgrade-widget). Found
# from their call, a few levels up: a page-wide search by class cost 1.2 ms a page.
PLATFORM_CARD = re.compile(r"kg-cta-card|subscri(be|ption)-widget|upgrade-widget")
MAX_CARD_DEPTH = 4  # Ghost's button sits in kg-cta-content > kg-cta-content-inner
# A platform card's call to pay: "Upgrade to paid", "Go premium".
UPGRADE_CALL = re.compile(r"(upgrade|go premium)( to paid| to premium| now| today)?\W*", re.I)
MEMBERSHIP = re.compile(
    r"\b(members?(hip)?|subscri\w*|upgrade|reader-supported|paid (plan|tier))\b", re.IGNORECASE
)
MAX_TAIL_WORDS = 5  # after a call that ends its paragraph: "- space is limited."
CALL_INITIALS = frozenset("sdcjrgbtmu")  # a call's first letter: a cheap test before CALL
MAX_CALL_CHARS = 30


def _buttons(tree):
    return tree.iter("a", "button")


def _anchor_forms(tree):
    """Forms with a field for an e-mail address or a phone number, and forms of two or more
    radio buttons (a poll's, a quiz's or a survey's choices)."""
    return [form for form in tree.iter("form") if _is_anchor_form(list(form.iter("input")))]


def _is_anchor_form(fields) -> bool:
    return any(map(_is_address_field, fields)) or sum(map(_is_radio, fields)) >= 2


def _is_address_field(field) -> bool:
    """A field for the reader's e-mail address, or for a phone number: a call-back form
    ("Leave your phone number and we will call you back") is a sign-up box as well."""
    return _is_email_field(field) or _is_phone_field(field)


def _is_phone_field(field) -> bool:
    """`type="tel"`, or a name made of a phone's words only ("Phone", "phone_number",
    "mobile"): not "automobile-value" or "mobile_bill", a calculator's fields."""
    if (field.get("type") or "").lower() == "tel":
        return True
    for attribute in ("name", "id"):
        words = set(_FIELD_WORDS.findall((field.get(attribute) or "").lower()))
        if words & _PHONE and words <= _PHONE | _PHONE_EXTRAS:
            return True
    return False


_FIELD_WORDS = re.compile(r"[a-z]+")
_PHONE = frozenset({"phone", "telephone", "tel", "mobile", "cell"})
_PHONE_EXTRAS = frozenset({"number", "no", "your", "contact", "field", "input"})


def _is_radio(field) -> bool:
    return (field.get("type") or "").lower() == "radio"


def _is_email_field(field) -> bool:
    return (field.get("type") or "").lower() == "email" or any(
        "mail" in (field.get(name) or "").lower() for name in ("name", "id")
    )


# A box that holds the headline, a time or a byline is the article's header with a
# follow-by-e-mail field in it, not a sign-up box: the metadata is read from it.
_HEADLINE_OR_BYLINE = etree.XPath(
    "boolean(.//h1 | .//time | .//*[@rel='author' or contains(@class, 'author')"
    " or contains(@class, 'byline') or contains(@class, 'date')])"
)


def drop_signup_boxes(tree) -> int:
    """Remove the boxes around e-mail forms, poll forms and calls to subscribe or donate (their
    tails stay); how many there were."""
    boxes: list = []
    calls, inline_calls, rows = _calls_and_amount_rows(tree)
    anchors = [
        # A form whose own children are the amounts is read as a donation box.
        *((form, _is_small_form_box) for form in _anchor_forms(tree) if form not in rows),
        *((call, _is_small_box) for call in calls),
        *((row, _is_small_appeal_box) for row in rows),
    ]
    for anchor, is_small in anchors:
        if not is_small(anchor):
            continue  # an ASP.NET page is one form around the whole page
        box = largest_box(anchor, is_small)  # up to the article
        if box is anchor and anchor.tag != "form":
            continue  # a button alone: a menu's link, not a box with its pitch
        if box is anchor.getparent() and box.tag in ("p", "li"):
            continue  # a paragraph of the story that ends on a call ("… Register here")
        add_box(boxes, box)
    for call in (*calls, *inline_calls):
        card = _platform_card(call)
        if card is not None and _calls_to_this_site(call) and _is_membership_card(card):
            add_box(boxes, card)
    return drop_boxes(boxes)


def _platform_card(call):
    """The platform's card (PLATFORM_CARD) around `call`, up to MAX_CARD_DEPTH levels up."""
    for depth, element in enumerate(call.iterancestors()):
        if depth == MAX_CARD_DEPTH:
            break
        if PLATFORM_CARD.search(element.get("class") or ""):
            return element
    return None


# A link to the site's own sign-up: relative, Ghost's portal ("#/portal/signup"), or a path
# that names it. A card calling to "Register" on the county's site, or to "Join" a co-op the
# story is about, is the story's (the review).
_OWN_SIGNUP_PATH = re.compile(
    r"#/portal|/(subscribe|subscription|signup|sign-up|membership|members?|upgrade|join|plans?"
    r"|account)\b",
    re.IGNORECASE,
)


def _calls_to_this_site(call) -> bool:
    href = (call.get("href") or "").strip()
    if call.tag != "a" or not href.lower().startswith(("http:", "https:", "//")):
        return True
    return _OWN_SIGNUP_PATH.search(href) is not None


def _is_membership_card(card) -> bool:
    """A platform's card of a box's size that pitches membership, a subscription or an
    upgrade: not a CTA card that points to the story's dataset."""
    if _words(card) > MAX_NAMED_BOX_WORDS or _HEADLINE_OR_BYLINE(card):
        return False
    return bool(MEMBERSHIP.search(card.text_content()))


def _calls_and_amount_rows(tree) -> tuple[list, list, list]:
    """The links and buttons that are calls (`_is_call`), those whose text is a call inside
    a sentence or a call to upgrade (a platform card's, `_platform_card`), and the elements
    that hold MIN_AMOUNTS or more links or buttons that are each an amount to give (a
    donation box's choices), in one pass over the page's links."""
    calls, inline_calls, counts = [], [], {}
    for button in _buttons(tree):
        text = " ".join(button.text_content().split())
        if not text or len(text) >= MAX_CALL_CHARS:
            continue
        if text[0] in "$£€¥":
            parent = button.getparent()
            if parent is not None and AMOUNT.fullmatch(text):
                counts[parent] = counts.get(parent, 0) + 1
        elif _is_call(button, text):
            calls.append(button)
        elif text[0].lower() in CALL_INITIALS and (
            CALL.fullmatch(text) or UPGRADE_CALL.fullmatch(text)
        ):
            inline_calls.append(button)
    rows = [parent for parent, count in counts.items() if count >= MIN_AMOUNTS]
    return calls, inline_calls, rows


def _is_call(button, text: str) -> bool:
    """A button or link whose whole `text` is a call to subscribe, donate or join, standing
    alone: not a link inside a sentence ("… you can subscribe here.")."""
    if text[0].lower() not in CALL_INITIALS or not CALL.fullmatch(text):
        return False
    parent = button.getparent()
    if parent is None or parent.tag not in ("p", "li") or _words(parent) <= len(text.split()):
        return True
    # A sentence of its own at the paragraph's end, an aside at most after it: "… workflows.
    # <a>Secure your spot now</a> - space is limited." (audit 34); not "… you can <a>subscribe
    # here</a>." nor "Signs read <a>Support Ukraine</a> and more."
    before, tail = text_before(button).rstrip(), (button.tail or "").strip()
    aside = not tail or (tail[0] in "-–—|(" and len(tail.split()) <= MAX_TAIL_WORDS)
    return before.endswith((".", "!", "?")) and aside


def _words(element) -> int:
    return len(element.text_content().split())


def _is_small_box(element) -> bool:
    words = _words(element)
    if words > MAX_NAMED_BOX_WORDS or _HEADLINE_OR_BYLINE(element):
        return False
    if SIGNUP_NAME.search(f"{element.get('class', '')} {element.get('id', '')}"):
        return True  # the template names the box: its blurb need not name the newsletter
    paragraphs = _long_paragraphs(element)
    if words <= MAX_BOX_WORDS:
        return all(map(PITCH.search, paragraphs))
    # Larger, unnamed: an appeal in the site's voice or the reader's, every long paragraph
    # speaking so and reporting nothing, one of them a pitch ("At Vox, we believe …", "Would
    # you join us …"; "That's why we started the Times of Israel … to provide discerning
    # readers like you with …" before "help support our work", audit 35).
    return any(map(PITCH.search, paragraphs)) and all(
        (READER.search(text) or SITE_VOICE.search(text)) and not REPORTED.search(text)
        for text in paragraphs
    )


def _is_small_form_box(element) -> bool:
    """A box around a form for an e-mail address (or a poll): as `_is_small_box`, and also a
    little larger where every long paragraph is a pitch or speaks to the reader."""
    if _is_small_box(element):
        return True
    if _words(element) > MAX_FORM_BOX_WORDS or _HEADLINE_OR_BYLINE(element):
        return False
    return all(
        PITCH.search(text) or (READER.search(text) and not REPORTED.search(text))
        for text in _long_paragraphs(element)
    )


def _is_small_appeal_box(element) -> bool:
    """A box around a donation's amounts: up to MAX_NAMED_BOX_WORDS, where every long
    paragraph is a pitch, or speaks to the reader or for the site, and quotes no one."""
    if _words(element) > MAX_NAMED_BOX_WORDS or _HEADLINE_OR_BYLINE(element):
        return False
    return all(
        PITCH.search(text)
        or ((READER.search(text) or SITE_VOICE.search(text)) and not REPORTED.search(text))
        for text in _long_paragraphs(element)
    )


def _long_paragraphs(element):
    return [
        text
        for text in (p.text_content() for p in element.iter("p"))
        if len(text.split()) >= PROSE_WORDS
    ]
