"""The headline the reader sees: the page's <h1> (or headline-marked heading) that agrees
with what its metadata says the title is.

Metadata titles are written for search engines and social cards ("13 Ways To …", "Headline
| Site", "Opinion | Headline (Published 2016)"); the visible heading is what the article
calls itself, and what a summarizer wants. A heading is trusted only when it agrees with a
metadata title (JSON-LD headline, og:title, twitter:title, the <title>): most of its words
are in it, or most of its words are in the heading. A site logo in an <h1>, a section label,
or a widget's heading ("More From …") does not agree, and is never the title.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from lxml import etree
from lxml import html as lxml_html

from crawler.core.heading_anchors import is_permalink

MAX_HEADINGS = 8
MAX_HEADING_CHARS = 300
MIN_AGREEMENT = 0.6  # share of the shorter one's words found in the other
# Words of the class however a theme joins them (headline__text, articleHeadline, post-title).
_HEADLINE_MARK = re.compile(
    r"(?:(?<![A-Za-z0-9])(?i:headline|(?:entry|post|article|story)(?:-|__|_)title)"
    r"|(?<=[a-z0-9])Headline)(?![a-z0-9])"
)
# A headline that is no h1-h3: an ARIA heading of level 1 (React Native Web and app-shell
# sites draw every heading as a div), or a div or p the theme marks ("article__title").
# Attribute values are walked in C (the byline marks are found so too), still 0.5 ms a page:
# only a page without an h1 is searched.
_OTHER_HEADING_MARKS = etree.XPath(
    "//@role[. = 'heading'] | //@class[contains(., 'itle') or contains(., 'eadline')]"
)
# A wrapper of the header is no headline: a "headline" div around the h1 and its dek.
_BLOCKS = frozenset({"h1", "h2", "h3", "h4", "p", "div", "ul", "ol", "section"})


def _other_headings(tree) -> list:
    found = []
    for value in _OTHER_HEADING_MARKS(tree):
        node = value.getparent()
        if value.attrname == "role":
            if node.get("aria-level") == "1":
                found.append(node)
        elif node.tag in ("div", "p") and _marked(node) and not _holds_block(node):
            found.append(node)
    return found


def _holds_block(node) -> bool:
    return any(inner.tag in _BLOCKS for inner in node.iterdescendants())


# A blog theme's h1 that is the site's name over every page: its mark says so, or it is
# nothing but a link to the home page.
_LOGO_MARK = re.compile(r"site-?(title|name|logo|branding)|blog-?(title|name)|\blogo\b|brand", re.I)
# Boxes of other articles: a heading in one is never this article's.
_WIDGET = re.compile(r"widget|sidebar|related|trending|popular|most-?read|more-?from|promo|teaser")
_SKIP = frozenset({"nav", "form", "aside", "footer", "button", "select"})
_WORD = re.compile(r"\w+")
# A label set inside the <h1> beside the headline ("LIVE", "Exclusive", "Opinion", a section
# kicker; Moneycontrol's `span.live-tag`, audit 35) and text for screen readers only: not
# words of the headline. Marks are words of the class however a theme joins them
# (headline__kicker, liveLabel, sr-only).
LABEL_MARK = re.compile(
    r"(?:(?<![A-Za-z0-9])(?i:kicker|eyebrow|overline|label|badge|flag|tag|sr-only"
    r"|visually-hidden|screen-reader-text|screenreader|a11y)"
    r"|(?<=[a-z0-9])(?:Kicker|Eyebrow|Overline|Label|Badge|Flag|Tag))s?(?![a-z0-9])"
)


# Between a <title>'s parts: "Headline | Section | Site", "Site - Headline".
TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—:·•»]|::)\s+")  # "::": Hugo's terminal theme
MIN_SHOWN_PART_WORDS = 3


def shown_title_part(tree: lxml_html.HtmlElement, title_tag: str | None) -> str | None:
    """The one part of a many-part <title> that the page prints as a text of its own
    ("Site - News - Headline" over a `<b>Headline</b>`): on an old page without an <h1>,
    og:title or JSON-LD, the headline the reader sees, wherever the site put its name."""
    every = TITLE_SEPARATORS.split(" ".join((title_tag or "").split()))
    parts = [part for part in every if len(part.split()) >= MIN_SHOWN_PART_WORDS]
    if len(every) < 2 or not parts:
        return None
    # One walk over the text nodes for all the parts; lxml XPath variables take strings.
    test = " or ".join(f"contains(., $p{i})" for i in range(len(parts)))
    found = etree.XPath(f"//body//text()[{test}]")(
        tree, **{f"p{i}": part for i, part in enumerate(parts)}
    )
    texts = {" ".join(text.split()) for text in found}
    shown = [part for part in parts if part in texts]
    return shown[0] if len(shown) == 1 else None


class Headings(NamedTuple):
    texts: tuple[str, ...]  # the theme's headline-marked ones first, then document order
    marked_h1: str | None  # the one <h1> the theme marks as its headline, if just one is
    logo: str | None = None  # an <h1> that is the site's name (its logo), left out of texts
    # The page's only <h1> when the article's prose follows it, and the h2/h3 between them.
    lone_h1: tuple[str, tuple[str, ...]] | None = None


def visible_headings(tree: lxml_html.HtmlElement) -> Headings:
    """Texts of the page's <h1> elements and of the h2/h3 marked as the headline (class or
    itemprop), outside navigation, forms, asides and widgets; on a page without an h1, its
    ARIA level-1 headings and marked divs. Marked ones come first: a theme's own headline
    mark beats a shorter heading elsewhere that agrees as well. A theme's logo h1 is no
    heading: it is returned as the site's name."""
    marked: list[str] = []
    plain: list[str] = []
    marked_h1: list[str] = []
    logo = _read_headings(tree.iter("h1", "h2", "h3"), marked, plain, marked_h1)  # by tag, in C
    if not plain and not marked_h1:
        # No h1: an app-shell page's ARIA heading, a theme's marked div (0.5 ms a page, so
        # only here).
        _read_headings(_other_headings(tree), marked, plain, marked_h1)
    texts = tuple(dict.fromkeys(marked + plain))
    marked_one = marked_h1[0] if len(set(marked_h1)) == 1 else None
    return Headings(texts, marked_one, logo, _lone_h1(tree, texts))


# What follows the <h1>: its subheadings and the short lines a theme sets as headings (a
# div.hed, a p), up to the first paragraph this long (the article's text).
_AFTER_H1 = etree.XPath(
    "following::*[self::h2 or self::h3 or self::h4 or self::p or self::div][position() <= 30]"
)
PROSE_CHARS = 150
# An h1 that names the section, archive or site rather than the story: its class or id says
# so (section-heading, category-title, archive-title, tagline, site-description, masthead).
_NOT_STORY_H1 = re.compile(
    r"section|category|archive|tagline|description|masthead|site-|site_", re.I
)


def _lone_h1(tree, texts: tuple[str, ...]):
    """The page's one <h1>, when it is a heading read above (no logo, outside navigation and
    widgets) and the article's prose follows it: (its text, the texts of the h2/h3 between
    it and the prose). An old theme's h1 is the site's tagline, the headline an h2 under it."""
    h1s = list(itertools.islice(tree.iter("h1"), 2))
    if len(h1s) != 1 or (text := heading_text(h1s[0])) not in texts:
        return None
    if _names_no_story(h1s[0]):
        return None
    between = []
    for element in _AFTER_H1(h1s[0]):
        if element.tag in ("p", "div"):
            line = " ".join(element.text_content().split())
            if element.tag == "p" and len(line) > PROSE_CHARS:
                return text, tuple(between)
            if line and len(line) <= MAX_HEADING_CHARS and not _holds_block(element):
                between.append(line)  # a theme's heading line: div.hed, p.title
            continue
        between.append(heading_text(element))
    return None


def _names_no_story(h1) -> bool:
    """The h1 is marked as a section's, archive's or site's heading, or sits in the page's
    own header (a <header> or banner outside the article): the site's tagline there."""
    if _NOT_STORY_H1.search(f"{h1.get('class') or ''} {h1.get('id') or ''}"):
        return True
    ancestors = list(h1.iterancestors())
    if any(ancestor.tag == "article" for ancestor in ancestors):
        return False  # the article's own header (an entry-header) holds its headline
    return any(a.tag == "header" or a.get("role") == "banner" for a in ancestors)


def _read_headings(nodes, marked: list, plain: list, marked_h1: list) -> str | None:
    """Adds each heading's text to `marked` or `plain` (and a marked h1's to `marked_h1`);
    returns the text of a logo h1 if one was passed over."""
    logo = None
    for node in nodes:
        mark = _marked(node)
        level_one = node.tag == "h1" or node.get("role") == "heading"
        if not level_one and not mark:
            continue
        if any(ancestor.tag in _SKIP or _widget(ancestor) for ancestor in node.iterancestors()):
            continue
        text = heading_text(node)
        if not 1 < len(text) <= MAX_HEADING_CHARS:
            continue
        if node.tag == "h1" and not mark and _is_logo(node):
            logo = logo or text
            continue
        if mark and node.tag == "h1":
            marked_h1.append(text)
        found = marked if mark else plain
        if text not in found:
            found.append(text)
        if len(marked) + len(plain) >= MAX_HEADINGS:
            break
    return logo


def _is_logo(h1) -> bool:
    """A theme's site title: marked so (on the h1 or the link in it), or all a link home."""
    links = list(h1.iter("a"))
    marks = " ".join(
        f"{node.get('class') or ''} {node.get('id') or ''}" for node in (h1, *links[:1])
    )
    if _LOGO_MARK.search(marks):
        return True
    if len(links) != 1 or links[0].text_content().strip() != h1.text_content().strip():
        return False
    href = (links[0].get("href") or "").split("?")[0]
    return href in ("/", "./", "index.html", "/index.html") or bool(_HOME.fullmatch(href))


_HOME = re.compile(r"https?://[^/]+/?")


def heading_text(node) -> str:
    """The heading's words as a reader sees them: a line break is a space, and a label or a
    screen-reader text inside it is left out (unless it is all the heading holds)."""
    pieces: list[str] = []
    _read(node, pieces, _glued_label(node), top=True)
    text = " ".join("".join(pieces).split())
    return text if len(text.split()) >= 2 else " ".join(node.text_content().split())


def _read(element, pieces: list[str], label, top: bool = False) -> None:
    if element.tag == "br":
        pieces.append(" ")
    elif isinstance(element.tag, str) and (top or not _is_label(element, label)):
        pieces.append(element.text or "")
        for child in element:
            _read(child, pieces, label)
    if not top:  # a comment's or a label's tail is still the heading's
        pieces.append(element.tail or "")


def _is_label(element, label) -> bool:
    # Sphinx and Markdown themes end a heading with a link to itself ("Setup¶").
    return (
        element is label
        or bool(LABEL_MARK.search(element.get("class") or ""))
        or is_permalink(element)
    )


def _glued_label(node):
    """A first child whose words run into the headline's with no space ("City Hall" +
    "Port Averill approves…"): it only reads apart because it is set on a line of its own,
    a kicker. Not a drop cap ("T" + "he…"), whose tail goes on in lower case."""
    children = [child for child in node if isinstance(child.tag, str)]
    if (node.text or "").strip() or not children:
        return None
    first = children[0]
    words, tail = first.text_content(), first.tail or ""
    runs_on = not words[-1:].isspace() and (tail[:1].isupper() or tail[:1].isdigit())
    return first if runs_on and len(words.strip()) >= 2 else None


def _widget(element) -> bool:
    marks = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(_WIDGET.search(marks)) and element.find(".//h1") is None


def _marked(node) -> bool:
    return node.get("itemprop") == "headline" or bool(
        _HEADLINE_MARK.search(node.get("class") or "")
    )


def agrees(heading: str, title: str) -> bool:
    """True when the heading and the title name the same article: at least two shared
    words, and MIN_AGREEMENT of the shorter one's words in the other."""
    mine, theirs = _words(heading), _words(title)
    if not mine or not theirs:
        return False
    if mine == theirs:
        return True
    common = len(mine & theirs)
    return common >= 2 and common >= MIN_AGREEMENT * min(len(mine), len(theirs))


# What a CMS or an editor writes where no headline was given: "Printer Friendly Version",
# "Untitled Document", "Article". Such a title names the kind of page, not the article, and
# says nothing against the page's one <h1>.
# fmt: off
_PAGE_KIND_WORDS = frozenset({
    "print", "printer", "printable", "friendly", "version", "untitled", "document", "page",
    "new", "home", "homepage", "article", "story", "post", "blog", "news", "index", "default",
    "view", "detail", "details", "item", "entry", "welcome", "full", "text", "only", "mobile",
    "amp", "the", "a", "an", "of", "this",
})
# Not "post" or "story": "The Post" and "Toy Story" are films' titles, a review's headline.
_KIND_OF_PAGE = frozenset({
    "print", "printer", "printable", "untitled", "document", "page", "home", "homepage",
    "article", "index", "default", "view", "detail", "details", "entry",
})
# fmt: on
MAX_PAGE_KIND_WORDS = 3  # "The Story of the Printer" is a headline


def names_page_kind(title: str | None) -> bool:
    """The title is a few words naming a kind of page (numbers aside: "New Page 1"), one of
    them at least not a word a site's name is made of ("News", "The Blog")."""
    words = {word.lower() for word in _WORD.findall(title or "") if not word.isdigit()}
    return (
        0 < len(words) <= MAX_PAGE_KIND_WORDS
        and words <= _PAGE_KIND_WORDS
        and bool(_KIND_OF_PAGE & words)
    )


def _words(text: str) -> set[str]:
    """Lower-cased words, a plural "s" dropped, so "Millennials" meets "Millennial"."""
    words = (word.lower() for word in _WORD.findall(text))
    return {word[:-1] if len(word) > 3 and word.endswith("s") else word for word in words}
