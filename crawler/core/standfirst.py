"""The standfirst (dek): the one-sentence summary printed under the headline.

trafilatura starts the text at the body and drops it, though a reader sees it as the
article's first paragraph. It is found by two independent signs: it is one of the elements
that follow the page's <h1> closely in document order, and the page's own description
metadata repeats it (in full, or cut short). A blog theme's h1 is often the blog's name
with the tagline under it, and the tagline is the description too: an h1 that is the
site's name (its og:site_name, or the "Blog:" / "| Blog" part of the <title>) has no
standfirst.
"""

from __future__ import annotations

import itertools
import re

from lxml import etree
from lxml import html as lxml_html

from crawler.core.fields import site_part_of_title_tag
from crawler.core.metadata import PageMeta

DEK_TAGS = frozenset({"p", "h2", "h3", "div", "span"})
MIN_WORDS, MAX_WORDS = 5, 80  # a sentence or two, not a label and not the body
ELLIPSIS = ".…  "
MAX_HEADINGS = 10


def descriptions(page: PageMeta) -> list[str]:
    values = [page.jsonld.get("description")]
    values += page.all("og:description") + page.all("description")
    values += page.all("twitter:description")
    return [_key(value) for value in values if isinstance(value, str) and value.strip()]


def find_standfirst(tree: lxml_html.HtmlElement, page: PageMeta) -> tuple[str, str] | None:
    """(headline, standfirst) texts, when an element after an h1 repeats the description
    or is classed a dek. Only a leaf of text: a key-points box whose first bullet is the
    description ran its bullets together as the dek ("…this year.Partners say…"), before
    the same bullets as a list; its paragraphs or items come next in the walk.

    Call on the unpruned tree: trafilatura removes what it does not keep.
    """
    summaries = [d for d in descriptions(page) if len(d.split()) >= MIN_WORDS]
    site = _key(page.first("og:site_name") or "").casefold()
    # The first few h1s: a page has one or two (a logo, the headline). Each costs a walk
    # through the document after it, and 30,000 of them took 37 s.
    for heading in itertools.islice(tree.iter("h1"), MAX_HEADINGS):
        name = _text(heading)
        if name.casefold() == site or site_part_of_title_tag(name, page.title_tag):
            continue
        for after in _FOLLOWING(heading):
            if after.tag not in DEK_TAGS or _in_aside(after):
                continue
            dek = _text(after)
            key = _key(dek)
            words = len(key.split())
            if MIN_WORDS <= words <= MAX_WORDS and (
                any(summary.startswith(key) or key.startswith(summary) for summary in summaries)
                and not _HAS_BLOCKS(after)
                or _classed_dek(after)
            ):
                return name, dek
            if after.tag == "p" and words >= BODY_WORDS:
                break  # the body has begun: a "key takeaway" box after it is no dek
    return None


# The elements after the h1 in document order, not only its siblings: templates put the
# headline and the dek in sibling boxes ("entry-hero" > h1 ... "entry-summary"), a byline
# or a kicker between them. A window, not the whole page: the dek is printed near the top.
FOLLOWING_WINDOW = 100
_FOLLOWING = etree.XPath(f"following::*[position() <= {FOLLOWING_WINDOW}]")
BODY_WORDS = 12  # a paragraph this long that is not the dek starts the body
ASIDE_TAGS = frozenset({"aside", "figure", "figcaption", "li", "nav", "footer", "blockquote"})


# The second sign, for a page whose description is its first paragraph instead (a press
# release, a wire story): the template names the element a dek. A class token that ends in
# the name ("dek", "article-subtitle", "duet--article--dek", a CSS module's "Header_dek__x1"),
# not a type scale's "subtitle-2"; only a leaf of text, mostly not links (a "summary" box of
# bullet points is the article's own list, a share bar is not a dek).
DEK_TOKEN = re.compile(
    r"(?:^|[-_])(?:dek|deck|standfirst|strapline|subtitle|subhead|subheadline)(?:$|__)",
    re.IGNORECASE,
)
_HAS_BLOCKS = etree.XPath(".//*[self::p or self::li or self::h1 or self::h2 or self::h3]")


def _classed_dek(element) -> bool:
    if not any(DEK_TOKEN.search(token) for token in (element.get("class") or "").split()):
        return False
    linked = sum(len(_text(link)) for link in element.iter("a"))
    return not _HAS_BLOCKS(element) and linked < 0.5 * len(_text(element))


def _in_aside(element) -> bool:
    return any(ancestor.tag in ASIDE_TAGS for ancestor in element.iterancestors())


def add_standfirst(text: str, headline: str, dek: str) -> str:
    """The text with the standfirst first (after the headline line if the text has one),
    unless the text already holds it."""
    flat = " ".join(text.split())
    if _key(dek) in flat:
        return text
    lines = text.split("\n")
    at = 1 if lines and " ".join(lines[0].split()) == headline else 0
    return "\n".join([*lines[:at], dek, *lines[at:]])


def _text(element) -> str:
    if not isinstance(element.tag, str) or element.tag in ("script", "style", "noscript"):
        return ""
    return " ".join(element.text_content().split())


def _key(text: str) -> str:
    return " ".join(text.split()).rstrip(ELLIPSIS)
