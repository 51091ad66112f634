"""The page's byline, read from its markup: who the article says wrote it.

Three kinds of evidence, the first that the page has wins:

1. name links: `rel="author"` anchors and links to an author's page (`/author/jane-doe`,
   `/by/jane-doe`, `/people/…`, `/staff/…`): each one's text is one name, so a byline of
   four linked names gives four names and no glued text ("Sarah LazareTwitter");
2. byline elements: elements whose class, rel or itemprop says byline or author, the
   innermost ones (a byline box holds the name, a job title, share buttons);
3. failing both, the first short element whose text is "By" and a capitalized name (or
   whose first element is the label "By"); failing that, one under the headline that is a
   name and a newsroom role ("Naledi Mokoena, Staff Writer").

Either way only the first byline block counts: the first such element and the others
close to it (up to a few levels up, while that ancestor is byline-sized), so a second
author in the same line is kept and the author box of a related article is not. Widgets
(trending, related, sidebar, comments), forms and navigation are never bylines: a
comment form's "Name *" label is marked `author` too. An element's text is read with its
text nodes joined by spaces, without its <time>, so a counter or a date beside the name
stays a separate word that the name cleaning (crawler.core.authors) drops.
"""

from __future__ import annotations

import itertools
import re
from copy import deepcopy
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from crawler.core.authors import (
    ROLE_BEFORE_NAME,
    credited_names,
    ends_in_role,
    is_credit_label,
    is_organization,
    is_title_line,
    names_in,
    other_credit,
    person_shaped,
)
from crawler.core.boxes import SUBHEADINGS, contains
from crawler.core.prose import text_owner

# A mark is a word of a class, id, rel or itemprop value, however the theme joins its words:
# "byline", "c-article__byline" (BEM), "post_author", "FeatureByline", "authorName".
_BYLINE_MARK = re.compile(
    r"(?:(?<![A-Za-z0-9])(?i:byline|by-line|author|contributor)"
    r"|(?<=[a-z0-9])(?:Byline|ByLine|Author|Contributor))s?(?![a-z0-9])"
)
# A BEM element's footer ("headline__footer") is its block's, not the page's.
# Not Elementor's "elementor-widget": that page builder sets every block in one, the post's
# own byline ("elementor-widget-post-info") too (audit 38).
# The words are looked for inside class words, not as whole ones: "textwidget",
# "commentlist", "widgettitle", "recentcomments" and "sidebar2" are widgets' own. Three
# uses of a word are the post's (audit 45): a negated one (Weebly's "wsite-not-footer",
# the content area); "promoted" ending a class, a state of the element (Drupal's
# "node-promoted", a node shown on the front page), where "promoted-video" names a box;
# and the places of a post's link to its comments (Weebly's "blog-comments-bottom", which
# holds the byline; "comments-link", "comment-count").
_WIDGET_WORDS = (
    r"trending|popular|related|sidebar|(?<!elementor-)widget|recommend|most-?read"
    r"|more-?stories"
    r"|comment(?!s?[-_](?:top|bottom|link|count|number)\b)|teaser|promo(?!ted(?:$|\s))"
    r"|respond|reply"
)
_WIDGET = re.compile(rf"(?<!not-)(?<!not_)(?:{_WIDGET_WORDS}|(?<!__)footer)", re.IGNORECASE)
# A footer is where a post prints its credits ("This post was written by …", a Next.js
# blog's `footer.Post_footer__s2Lp7`) and a newsletter its line about itself: for a
# credit (crawler.core.writer_credits) only the other widgets count.
_WIDGET_BUT_FOOTER = re.compile(rf"(?<!not-)(?<!not_)(?:{_WIDGET_WORDS})", re.IGNORECASE)
# Not where a byline is: a site's menus (a "Member List" link to /user/memberlist) and a
# page's references (a cited web page about a person, at /people/jane-doe-biography).
_NOT_BYLINE_AREA = re.compile(
    r"menu|navbar|dropdown|reflist|references|footnote|citation"
    # a tag list ("tag-cloud", "post-tags"), not WordPress's "tag-<slug>" on the post itself
    r"|(?:^|[\s_-])(?:tags|tag-?cloud|tag-?list|topics|keywords)(?:$|[\s_-])",
    re.IGNORECASE,
)
_NOT_BYLINE_ROLES = frozenset({"navigation", "menu", "menubar", "menuitem"})
_AUTHOR_HREF = re.compile(
    r"/(?:authors?|by|people|person|profiles?|staff|contributors?|writers?|journalists?|editors?"
    r"|reporters?|columnists?|bylines?|users?|u|experts?)/[^/?#\s]+"
    # A profile at its handle, as Substack and Medium link their writers: "/@jane", not a
    # post under it ("/@jane/why-i-write", a teaser).
    r"|/@[\w.-]+/?(?:[?#]|$)",
    re.IGNORECASE,
)
_NOT_BYLINES = frozenset({"meta", "link", "script", "style", "form", "input", "textarea"})
_NEVER_INSIDE = frozenset({"form", "nav", "select", "button", "blockquote"})
MAX_BLOCK_CHARS = 300  # a byline block: names, "and", a date, a job title
MAX_BLOCK_LEVELS = 4
MAX_NAME_CHARS = 80
MAX_NAMES = 12

# Byline marks are looked for in these attribute values only: libxml2 hands them over, so
# Python does not visit every element.
# RDFa's `property="author"` too (AWS's blogs), and the layer names Framer publishes.
_MARK_VALUES = etree.XPath(
    ".//@rel | .//@itemprop | .//@class | .//@data-testid | .//@property | .//@data-framer-name"
)
# Framer sites carry no classes that say anything ("framer-kq2m1z"): the designer's name
# for each layer, `data-framer-name`, is the only mark. A layer named for the writer
# ("Author", "Author Name", "Byline", "Writer") holds the name, often with a role ("Aiko
# Brandt, CEO", audit 47); layers are named in words, so the whole name must say it, not
# one word of it ("Author Avatar" holds a picture, "Author Bio" a paragraph).
_FRAMER_BYLINE = re.compile(
    r"(?:(?:post|article|blog)\s+)?(?:authors?|bylines?|writers?|written\s+by)"
    r"(?:\s+names?)?(?:\s*\d+)?",
    re.IGNORECASE,
)
# descendant::, not .//: one walk, not a child step from every descendant with the three
# ancestor tests for each (0.75 of the time, element_text runs it 14 times a page).
_TEXTS = etree.XPath(
    "descendant::text()[not(ancestor::time or ancestor::script or ancestor::style)]"
)
# A writer's hover card, printed in the byline for a pointer to open: the name again, a bio
# and a link ("Editorial Guidelines") that is no writer (Dotdash Meredith's
# `mntl-author-tooltip`, audit 37). The element a pointer opens it from
# ("profile-hover-card-target", Substack's byline link; "has-tooltip"), and one that holds
# the writer's link, are the byline's own.
_CARD = re.compile(r"tooltip|popover|hover-?card", re.IGNORECASE)
_CARD_OPENER = re.compile(r"target|trigger|toggle|has-", re.IGNORECASE)


@dataclass(frozen=True)
class Byline:
    names: tuple[str, ...]  # the byline strings, each holding one or more names
    hover_cards: tuple = ()  # the writers' hover cards inside the byline block (chrome)
    avatar_cards: tuple = ()  # the writers' cards under the headline, read as its byline


def byline_names(tree: lxml_html.HtmlElement) -> tuple[str, ...]:
    """The byline strings of the page's first byline block, each holding one or more names."""
    return read_byline(tree).names


def read_byline(tree: lxml_html.HtmlElement) -> Byline:
    """The page's first byline block: its names, and the hover cards in it, left out of the
    names (neither their links nor their words are the byline's) but not out of the page."""
    links = [a for a in tree.iter("a") if _is_name_link(a)]
    marked, cards = _marked(tree)
    cards = [card for card in cards if not _holds_name_link(card)]
    if cards:  # rare: the XPath alone costs most pages anything
        in_cards = {id(node) for card in cards for node in card.iter()}
        marked = [node for node in marked if id(node) not in in_cards]
        links = [node for node in links if id(node) not in in_cards]
    candidates = {id(node): node for node in links + _innermost(marked)}
    first = _first_byline(tree, candidates)
    if first is None:
        return Byline(
            _by_line(tree) or _labelled_list(tree) or _name_with_role(tree) or _address(tree)
        )
    blocks = _alike_siblings(_block(first))
    held = tuple(card for card in cards if any(contains(block, card) for block in blocks))
    if held:  # rare: the names are read from a copy of the page without them
        twin = _copy_without(tree, held)
        blocks, links = [twin[block] for block in blocks], [twin[link] for link in links]
        candidates = {id(twin[node]): twin[node] for node in candidates.values()}
    return Byline(_names_in_blocks(blocks, links, candidates), held)


def _names_in_blocks(blocks: list, links: list, candidates: dict) -> tuple[str, ...]:
    inside = [node for block in blocks for node in block.iter() if id(node) in candidates]
    linked = [
        node for node in inside if node.tag == "a" and node in links and not _other_work(node)
    ]
    if not linked:  # marked by class alone: "<span>Edited By</span> <a>Alain Shepherd</a>"
        return _texts([node for node in inside if not _other_work(node) and not _job_title(node)])
    return _texts(linked) + _unlinked_names(linked)


MAX_ADDRESS_CHARS = 120


def _address(tree) -> tuple[str, ...]:
    """HTML's contact element for its article, the writer named there: Facebook Instant
    Articles' `<header><address><a>Miriam Castell</a>Technology correspondent</address>`
    (audit 43). Its links' texts, or its own short text; one under <body> alone is the
    site's (a street address in the footer)."""
    for address in tree.iter("address"):
        if next(address.iterancestors("article"), None) is None:
            continue
        links = [element_text(a) for a in address.iter("a") if element_text(a)]
        if links:
            return tuple(links)
        text = element_text(address)
        return (text,) if text and len(text) <= MAX_ADDRESS_CHARS else ()
    return ()


def _holds_name_link(card) -> bool:
    """The writer's own link, marked or wrapped as a tip's opener: `<a class="author-link
    tooltip">`, `<span class="tooltip"><a href="/author/…">` (the review). The card is the
    tip's content beside it."""
    return any(_is_name_link(link) for link in card.iter("a"))


def _copy_without(tree, cards: tuple) -> dict:
    """Each element of the page mapped to its copy, in a copy without the hover cards."""
    root = tree.getroottree().getroot()  # the whole page: a name's line may climb above `tree`
    twin = dict(zip(root.iter(), deepcopy(root).iter(), strict=True))
    drop_cards(tuple(twin[card] for card in cards))
    return twin


def drop_cards(cards: tuple) -> None:
    """Remove the writers' cards (Byline.hover_cards, Byline.avatar_cards) from their page."""
    for card in cards:
        if card.getparent() is not None:  # not inside a card dropped already
            card.drop_tree()


def _unlinked_names(linked: list) -> tuple[str, ...]:
    """Names listed in the line of the name links that are not links themselves: "By
    <a>Farah Idris</a>, <a>Lukas Brenner</a> and Tomasz Wrona", a contributor without an
    author page. Only names shaped like a person's and joined to the list by a comma or
    "and", so the line's other words (a section, a job title, a dateline) are not names."""
    first, *others = linked
    line = next((up for up in first.iterancestors() if all(contains(up, o) for o in others)), None)
    if line is None:
        return ()
    text = element_text(line)
    if len(text) > MAX_BLOCK_CHARS:
        return ()
    known = [name for node in linked for name in names_in(element_text(node))]
    found: list[str] = []
    for name in names_in(text):
        if not person_shaped(name) or any(
            re.search(rf"\b{re.escape(other)}\b", name) for other in known
        ):
            continue  # a linked name, or one glued to the next line ("Dale Henning Ledger")
        # Listed with the linked names ("A, B and C"), not beside them ("A · Climate Desk").
        listed = "|".join(re.escape(other) for other in known + found)
        if re.search(rf"(?:{listed})\s*(?:,|&|\band\b)\s*{re.escape(name)}", text, re.I):
            found.append(name)
    return tuple(found)


def _other_work(node) -> bool:
    """A name (a link, or an element marked a byline) in a credit for other work:
    "Photographs by <a>Tobias Lund</a>"."""
    own = element_text(node)
    for ancestor in node.iterancestors():
        line = element_text(ancestor)
        if line != own:
            return own in other_credit(line)
    return False


# A writer's job title in an element of its own inside the byline: "byline-role",
# "article__author-title", `itemprop="jobTitle"`.
_JOB_MARK = re.compile(r"role|job|title|position|designation", re.IGNORECASE)


def _job_title(node) -> bool:
    """An element marked as the job title whose text is a role ("Local Democracy
    Reporter"): read as a byline, its beat was a second writer, "Local Democracy". Not
    one that names the writer before it: "Jane Doe, Technology Reporter". A role and the
    company after a comma is one ("CTO, Tallyfold": Webflow's `blog-author-role`, two
    writers, audit 40)."""
    marks = " ".join(filter(None, (node.get("class"), node.get("itemprop"))))
    if not _JOB_MARK.search(marks):
        return False
    text = element_text(node)
    if _BY_LABEL.match(text):
        return False
    return is_title_line(text.split(",")[0]) if "," in text else ends_in_role(text)


_BY_LABEL = re.compile(r"by\b", re.IGNORECASE)


def _first_byline(tree, candidates: dict):
    """The first candidate in document order that may be a byline and holds a name."""
    if not candidates:
        return None
    for node in tree.iter():
        if id(node) not in candidates or _in_prose(node) or not may_hold_byline(node):
            continue
        if names_in(element_text(node)):
            return node
    return None


PROSE_WORDS = 12


def _in_prose(node) -> bool:
    """A link inside a sentence of the article ("<a>Prince</a> was married when he died
    and ..."): a mention of a person the story is about, linked to their topic page."""
    parent = node.getparent()
    if node.tag != "a" or parent is None or parent.tag not in ("p", "li", "blockquote"):
        return False
    line = element_text(parent)
    if re.match(r"(?:(?:written|words|story|reported|posted)\s+)?by\b", line, re.IGNORECASE):
        return False  # "By <a>Jane Doe</a>, a science writer who has covered ... since 2015."
    return len(line.split()) >= PROSE_WORDS and line.rstrip().endswith((".", "!", "?", "”", '"'))


# A byline without marks: a short element whose text starts with "By" and a capitalized
# name ("By <span class="x7f">Yomi Kazeem</span>"), or whose label "By" is an element of its
# own ("<span>By </span><span>Yomi Kazeem</span>").
_BY_LABELS = (
    "By",
    "BY",
    "by",  # a 1990s home page's "by Bill Harmon<BR>last updated ..."
    "Written by",
    "Words by",
    "Story by",
    "Reported by",
    # With a colon, as a table-layout or OmniUpdate news template prints the label in bold
    # after the date (audit 45): "Written by: Name", "<strong>Story by:</strong> Name".
    "Written by:",
    "Words by:",
    "Story by:",
    "Reported by:",
    "Authors:",  # a report's meta list: "Authors: Grace Mwangi, Daniel Okello"
    "Author:",
    # With a colon, as Asian and small US templates print them: "By: Name", "WRITER: Name".
    "By:",
    "BY:",
    "Posted by:",
    "Posted by",
    "Writer:",
    "WRITER:",
    "Reporter:",
    "REPORTER:",
)
# contains() first, in C: it copies nothing, and every label holds a "B" or a "by". The
# labels are then looked for in Python, the text's spaces collapsed once: the XPath's
# starts-with(normalize-space(.), …) for each of 20 labels copied every such text node 20
# times (_by_line 2.2 -> 1.9 ms a page where it runs).
_BY_CANDIDATES = etree.XPath(
    "//body//text()[contains(., 'B') or contains(., 'by') or contains(., 'Author')"
    " or contains(., 'RITER:') or contains(., 'riter:') or contains(., 'EPORTER:')"
    " or contains(., 'eporter:')]"
)
# XPath's normalize-space() collapses these four only, not a no-break space.
_XML_SPACE = re.compile(r"[ \t\n\r]+")
_BY_INITIALS = frozenset(label[0] for label in _BY_LABELS) | {"P"}
# After the date on one line: "Published 3 March 2026 | By Declan Fairweather", "Posted:
# 11/03/2012 | by J. Okafor" (an HTML 4 page's <font> line, audit 40); the separator
# padded with no-break spaces and the label a longer one, "12.03.2019 14:20 &nbsp;|&nbsp;
# Written by: Name" (audit 45).
_AFTER_DATE_LABEL = r"(?:(?:Written|Words|Story|Reported)\s+)?(?:By|by|BY)\b:?"
_BY_AFTER_DATE = re.compile(rf"[|·•]\s*{_AFTER_DATE_LABEL}\s")


def _by_texts(tree):
    """The body's text nodes that open with a byline's label, in document order, lazily:
    the caller stops at the first that is a byline."""
    return (text for text in _BY_CANDIDATES(tree) if _opens_with_by(text))


def _opens_with_by(text: str) -> bool:
    if _BY_AFTER_DATE.search(text):
        return True
    head = text.lstrip(" \t\n\r")
    if head[:1] not in _BY_INITIALS:
        return False
    # normalize-space(), but for a space left at the end: no label ends with one.
    line = _XML_SPACE.sub(" ", head)
    # A blog's "Posted February 24, 2026 by Margaret Ellison".
    return line.startswith(_BY_LABELS) or (line.startswith("Posted") and " by " in text)


# The date and its label before the byline on such a line: short, and holding a number.
_DATE_THEN_BY = re.compile(rf"^(?P<date>[^|·•]{{4,40}})[|·•]\s*(?={_AFTER_DATE_LABEL}\s)")
_POSTED_THEN_BY = re.compile(r"^Posted\s+(?:on\s+)?(?P<date>[^|·•]{4,40}?)\s+by\s+(?=[A-Z])")
_BY_NAME = re.compile(
    rf"^(?:{'|'.join(_BY_LABELS)})\s+(?:{ROLE_BEFORE_NAME})?(?:[A-Z][\w'’.-]*\s*){{2,4}}"
    # The name ends at the line's end, a separator, "and"/"on"/"with", or the desk or wire
    # after a slash or in brackets ("By Chen Hsiao-wen / Staff reporter", "By Name (CNA)"),
    # or the bio after it, as Gatsby's starter blog prints it: "Written by <strong>Kofi
    # Mensah</strong> who lives and works in Accra …" (audit 40).
    r"(?:$|[,|•·—–/(]|(?i:and|on|with|who)\b)"
)
MAX_BY_LINE_CHARS = 100


def opens_with_byline(line: str) -> bool:
    """The line is a byline's label and a name: "By Jane Roe", "BY JANE ROE, Correspondent"."""
    return _BY_NAME.match(line) is not None


def _by_line(tree) -> tuple[str, ...]:
    for text in _by_texts(tree):
        owner = text_owner(text)
        if owner is None or owner.tag in _NOT_BYLINES:
            continue
        # A lower-case "by" opens a line of its own in its element ("<font>by Bill
        # Harmon<br>"), not a credit's tail ("<b>Photo</b> by Name") or a sentence.
        lower = str(text).split()[:1] == ["by"]
        if lower and (text.is_tail or not _ends_at_break(text)):
            continue
        line = element_text(owner)
        if line in _BY_LABELS and owner.getparent() is not None:
            owner = owner.getparent()  # "<span>By </span><a>Name</a>": the label's own element
            line = element_text(owner)
        dated = _DATE_THEN_BY.match(line)
        if dated and any(ch.isdigit() for ch in dated.group("date")):
            line = line[dated.end() :]
        posted = _POSTED_THEN_BY.match(line)
        if posted and any(ch.isdigit() for ch in posted.group("date")):
            line = "By " + line[posted.end() :]
        # The byline as a line of its own in a longer element, a <br> after it: "By Carol
        # Anne Schreiber<br>Gazette Correspondent<br>Posted 04/27/2004".
        own = " ".join(str(text).split())
        if _BY_NAME.match(own) and _ends_at_break(text) and may_hold_byline(owner):
            return (own,)
        if len(line) <= MAX_BY_LINE_CHARS and _BY_NAME.match(line) and may_hold_byline(owner):
            return (line,)
        # The label, then the name in an element of its own, then a bio: "Written by
        # <strong>Kofi Mensah</strong> who lives and works in Accra …" (Gatsby's starter
        # blog, audit 40), a line too long to be read whole.
        named = _label_and_name(text, own)
        if named and _BY_NAME.match(named) and may_hold_byline(owner):
            return (named,)
    return ()


def _label_and_name(text, own: str) -> str | None:
    """ "Written by Kofi Mensah" from a label's text node and the element after it, when a
    bio follows it ("who lives …"): not a comment's signature ("Posted by: <a>Name</a> at
    August 9, 2012"), a review's "Written by <strong>Aaron Sorkin</strong> and directed by
    …" or a sentence's "By <a>Election Day</a>, …" (the review)."""
    if own not in _BY_LABELS:
        return None
    owner = text.getparent()
    name = (owner[0] if len(owner) else None) if text.is_text else owner.getnext()
    if name is None or name.tag not in ("strong", "b", "a", "span", "em"):
        return None
    after = (name.tail or "").split()
    return f"{own} {element_text(name)}" if after[:1] == ["who"] else None


# A label in an element of its own, the names in the next: DeepMind's "<dt>Authors</dt>
# <dd>Lena Fischer and the TideCast team</dd>", "<p>Author</p><p><a>OpenAI</a></p>".
_LIST_LABELS = frozenset({"authors", "author", "author(s)", "written by", "words by"})
# contains() on text nodes first, as _BY_CANDIDATES: an XPath over every element's
# normalize-space() cost 2.5 ms a page.
_LABEL_TEXTS = etree.XPath(
    "//body//text()[string-length() < 25][contains(., 'uthor') or contains(., 'UTHOR')"
    " or contains(., ' by') or contains(., ' By') or contains(., ' BY')]"
)
# Not a table's header cell: a book review's "<th>Author</th><td>Jane Austen</td>".
_LABEL_TAGS = frozenset({"dt", "span", "p", "div", "strong", "b", "h4", "h5", "h6"})


def _labelled_list(tree) -> tuple[str, ...]:
    for text in _LABEL_TEXTS(tree):
        if not text.is_text:
            continue
        label = text.getparent()
        if label.tag not in _LABEL_TAGS:
            continue
        if element_text(label).lower().rstrip(":") not in _LIST_LABELS:
            continue
        names = label.getnext()
        if (
            names is None
            or not isinstance(names.tag, str)
            or (label.tag == "dt") != (names.tag == "dd")
        ):
            continue  # a comment after the label; a <dt>'s value is its <dd>
        line = element_text(names)
        if _names_a_writer(line) and may_hold_byline(label):
            return (f"By {line}",)
    return ()


def _names_a_writer(line: str) -> bool:
    """A short line that starts with a person's or an organization's name: not "Rating: 5
    stars" after a review's "Author" label."""
    if not line or len(line) > MAX_BLOCK_CHARS or ":" in line:
        return False
    first = next(iter(names_in(line)), "")
    return first[:1].isupper() and (person_shaped(first) or is_organization(first))


def _ends_at_break(text) -> bool:
    """The text node runs to a <br> or to the end of its element."""
    after = text.getparent() if text.is_tail else None
    if after is None:  # an element's own text: its first child follows it
        children = list(text.getparent())
        return not children or children[0].tag == "br"
    following = after.getnext()
    return following is None or following.tag == "br"


# A byline without "By" and without a mark: a name and the writer's role in an element of
# their own, "Naledi Mokoena, Staff Writer", "Jane Roe | Senior Reporter". The role is a
# newsroom's, so a speaker's caption ("Jane Roe, CEO") is not taken.
_NAME_WITH_ROLE = re.compile(
    r"^(?P<name>[^,|—–]{4,60}?)\s*[,|—–]\s*"
    r"(?:(?:senior|staff|contributing|freelance|special|chief|deputy|associate|managing"
    r"|[a-z]+ (?=writer|reporter|correspondent|editor))\s*)*"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist)s?\.?$",
    re.IGNORECASE,
)
# Looked for under the headline only (the text nodes after the first h1): on the whole
# page the search cost 5% of an extraction, and a name and role further down is a quote's
# or another story's.
_ROLE_TEXTS = etree.XPath(
    "(//body//h1)[1]/following::text()[position() <= 60]"
    "[contains(., ',') or contains(., '|') or contains(., '—') or contains(., '–')]"
)


def _name_with_role(tree) -> tuple[str, ...]:
    for text in _ROLE_TEXTS(tree):
        owner = text_owner(text)
        if owner is None or owner.tag in _NOT_BYLINES:
            continue
        if owner.tag == "figcaption" or any(a.tag == "figure" for a in owner.iterancestors()):
            continue  # a picture's caption names who is in it
        match = _NAME_WITH_ROLE.match(element_text(owner))
        if match and person_shaped(match["name"].strip()) and may_hold_byline(owner):
            return (match["name"].strip(),)
    return ()


# Credits for other work ("Photographed by", "Styled by", "Edited by"), each text node
# holding " by" looked at in Python; a line this long is prose that mentions a credit.
_CREDIT_TEXTS = etree.XPath(
    "//body//text()[contains(., ' by') or contains(., ' By') or contains(., 'ditor:')"
    " or contains(., 'ontributions')]"
)
MAX_CREDIT_WORDS = 30


def other_work_names(tree) -> tuple[str, ...]:
    """Names the page credits for work other than the writing: a photographer, a stylist,
    an editor. Metadata that lists everyone (`<meta name="author">` of a magazine's shoot)
    names them beside the writer."""
    names: list[str] = []
    for text in _CREDIT_TEXTS(tree):
        if not other_credit(text):
            continue
        owner = text_owner(text)
        if owner is None or owner.tag in _NOT_BYLINES:
            continue
        line = element_text(owner)
        if is_credit_label(line):
            line = _credit_label_and_name(owner, line)
        if len(line.split()) <= MAX_CREDIT_WORDS:
            names += (name for name in credited_names(line) if name not in names)
    return tuple(names)


def _credit_label_and_name(label, text: str) -> str:
    """A credit's label set in its own element with the name after it: "<span>Reviewed by
    </span><a>Anand Mehta</a><span>Editorial Director</span>" reads "Reviewed by Anand
    Mehta": the text after the label, else the first of the next elements that has text
    (past a <br> or an icon between them), not the job title after the name."""
    tail = (label.tail or "").strip()
    if tail:
        return f"{text} {tail}"
    for sibling in itertools.islice(label.itersiblings(), MAX_SKIPPED_SIBLINGS + 1):
        name = element_text(sibling) or (sibling.tail or "").strip()
        if name:
            return f"{text} {name}"
    return text


MAX_SKIPPED_SIBLINGS = 3  # a <br>, an icon, a separator between a label and its name


def element_text(node) -> str:
    """The element's text nodes joined by spaces, less <time>, script and style."""
    text = " ".join(" ".join(_TEXTS(node)).split())
    return re.sub(r"\s+([,;])", r"\1", text)


def _is_name_link(anchor) -> bool:
    if "author" in (anchor.get("rel") or "").lower().split():
        return True
    return bool(_AUTHOR_HREF.search(anchor.get("href") or ""))


def _marked(tree) -> tuple[list, list]:
    """Elements whose rel, itemprop or class says byline or author, in document order; and
    the writers' hover cards, found in the same pass over the attribute values (an XPath
    of its own cost 0.5 ms a page)."""
    found, cards, last = [], [], None
    for value in _MARK_VALUES(tree):
        # "ool" and "ver": tooltip, ToolTip, popover, HoverCard; a cheap test before the regex
        if (
            ("ool" in value or "ver" in value)
            and value.attrname == "class"
            and _CARD.search(value)
            and not _CARD_OPENER.search(value)
        ):
            cards.append(value.getparent())
        if value.attrname == "data-framer-name":
            marked = _FRAMER_BYLINE.fullmatch(value.strip()) is not None
        else:
            marked = _BYLINE_MARK.search(value) is not None
        if marked and value.getparent() is not last:
            last = value.getparent()
            if last.tag not in _NOT_BYLINES:
                found.append(last)
    return found, cards


_HAS_TEXT = etree.XPath("boolean(descendant::text()[normalize-space()])")


# A credits section after the post, marked like a byline ("section.contributors"): its
# heading says what it is, and its lines are roles ("Research: A, B, C"), not the byline.
_CREDITS_HEADING = re.compile(r"^(contributors?|credits|acknowledge?ments?)\s*:?$", re.I)
_HEADING_TAGS = SUBHEADINGS | {"h1"}


def _credits_section(node) -> bool:
    """The section opens with such a heading: only its first child is looked at, so nested
    marked elements cost one look each."""
    first = next((child for child in node if isinstance(child.tag, str)), None)
    return (
        first is not None
        and first.tag in _HEADING_TAGS
        and bool(_CREDITS_HEADING.match(element_text(first)))
    )


def _innermost(marked: list) -> list:
    """Marked elements holding no other marked element with text: the names themselves."""
    marked = [node for node in marked if not _credits_section(node)]
    marked_ids = {id(node) for node in marked}
    parents = set()
    for node in marked:
        if not _HAS_TEXT(node):
            continue
        for ancestor in node.iterancestors():
            if id(ancestor) in marked_ids:
                parents.add(id(ancestor))
    return [node for node in marked if id(node) not in parents]


def may_hold_byline(node, footers: bool = False) -> bool:
    """Not inside a form, navigation, a menu, a quotation or the page's references, and
    not in a widget: a trending or related box, a sidebar, the comments (the element's own
    marks count too: "comment-author"); nor a footer, unless `footers`."""
    widget = _WIDGET_BUT_FOOTER if footers else _WIDGET
    marks = " ".join(filter(None, (node.get("class"), node.get("id"))))
    if marks and widget.search(marks):
        return False
    for ancestor in node.iterancestors():
        if ancestor.tag == "nav" and _names_only(ancestor):
            continue  # NDTV sets its byline as a <nav> of links to the writers' pages
        if ancestor.tag in _NEVER_INSIDE or ancestor.get("role") in _NOT_BYLINE_ROLES:
            return False
        if ancestor.tag in ("body", "html"):
            return True
        marks = " ".join(filter(None, (ancestor.get("class"), ancestor.get("id"))))
        # A wrapper around the headline is the article's, whatever its class says
        # ("main-inner with-navbar").
        in_widget = marks and (widget.search(marks) or _NOT_BYLINE_AREA.search(marks))
        if in_widget and ancestor.find(".//h1") is None:
            return False
    return True


def _names_only(navigation) -> bool:
    """A short `<nav>` whose every link goes to a writer's page: a byline ("Written by
    <a>…</a>, Edited by <a>…</a>"), not a site's menu, whose links go to its sections. At
    most MAX_NAMES links are looked at, so a nav of thousands costs no more (the review: a
    nav of 5,000 author links took 77 s, once for each link in it)."""
    anchors = list(itertools.islice(navigation.iter("a"), MAX_NAMES + 1))
    return (
        0 < len(anchors) <= MAX_NAMES
        and all(_is_name_link(anchor) for anchor in anchors)
        and len(element_text(navigation)) <= MAX_BLOCK_CHARS
    )


def _writer_blocks(node) -> list:
    """A marked element holding one block per writer, side by side and alike (BBC's
    contributors: a `<div>` of name and role, twice), gives each block as a byline of its
    own: run together they read as one name, "Jessica O'Connell Health correspondent Amir
    Tehrani" (audit 31). Only blocks with a class, nothing between them, and each naming a
    person in two words or more: never a name split into a span per word."""
    children = [child for child in node if isinstance(child.tag, str)]
    kinds = {(child.tag, child.get("class")) for child in children}
    if len(children) < 2 or len(kinds) != 1 or not children[0].get("class"):
        return [node]
    if (node.text or "").strip() or any((child.tail or "").strip() for child in children):
        return [node]  # words between them ("A, B and C"): one line, which names_in splits
    firsts = [next(iter(names_in(element_text(child))), "") for child in children]
    if any(len(name.split()) < 2 for name in firsts) or not any(map(person_shaped, firsts)):
        return [node]
    return children


def _texts(nodes: list) -> tuple[str, ...]:
    texts: list[str] = []
    previous = None
    nodes = [block for node in nodes for block in _writer_blocks(node)]
    for node in nodes[:MAX_NAMES]:
        text = element_text(_name_part(node))
        if text and len(text) <= MAX_NAME_CHARS * 3 and text not in texts:
            between = _separator_before(previous, node) if texts else None
            if between:  # "Daniel Tremblay · CBC News": one line, its "·" no list
                texts[-1] = f"{texts[-1]} {between} {text}"
            else:
                texts.append(text)
            previous = node
    return tuple(texts)


MAX_SEPARATOR_CHARS = 3
# The part of a writer's card that is the name: "fullname", "author-name", "authorName",
# itemprop or RDFa property "name"; not "username", the handle printed beside it.
_NAME_MARK = re.compile(r"(?<![A-Za-z])(?:full-?|display-?)?name(?![a-z])|(?<=[a-z])Name(?![a-z])")
_NAME_PARTS = etree.XPath(".//*[@class or @itemprop or @property]")


def _name_part(node):
    """The element of a writer's card that holds the name (Hugging Face's `a.author`:
    `span.fullname` and `span.username`, read together as "Loubna Haddad loubnah"), or the
    card itself: also when it holds several names ("<span itemprop=name>Jane Doe</span> and
    <span itemprop=name>John Roe</span>"), which are read together."""
    parts = []
    for part in _NAME_PARTS(node):
        marks = " ".join(filter(None, (part.get(k) for k in ("class", "itemprop", "property"))))
        if _NAME_MARK.search(marks) and element_text(part):
            parts.append(part)
            if len(parts) > 1:
                return node
    return parts[0] if parts else node


def _separator_before(previous, node) -> str | None:
    """The separator between two marked elements side by side ("·", "|", ","), which says
    how the second stands to the first: beside a name, a "·" sets apart the desk."""
    if previous is None or previous.getnext() is not node:
        return None
    between = (previous.tail or "").strip()
    return between if between and len(between) <= MAX_SEPARATOR_CHARS else None


def _alike_siblings(block) -> list:
    """The block and the blocks of its kind right after it: one per writer, as NPR and
    Vox set them (`<div class="byline">` twice, side by side)."""
    blocks, mark = [block], block.get("class")
    if not mark:
        return blocks
    for sibling in block.itersiblings():
        if not isinstance(sibling.tag, str):
            continue  # a comment between them
        if sibling.tag != block.tag or sibling.get("class") != mark:
            break
        blocks.append(sibling)
    return blocks


def _block(node):
    """The highest ancestor within MAX_BLOCK_LEVELS whose text is byline-sized."""
    block = node
    for level, ancestor in enumerate(node.iterancestors()):
        if level >= MAX_BLOCK_LEVELS or ancestor.tag in ("body", "html"):
            break
        if len(element_text(ancestor)) > MAX_BLOCK_CHARS:
            break
        block = ancestor
    return block
