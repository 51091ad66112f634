"""Writers a sentence on the page credits, where no byline names one.

Two kinds of credit name a writer in words rather than in a byline (audit 47):

1. the post's own credit, under it or over it: "This post was written by Irene Castellanos
   and Bao Nguyen, with contributions from the safety team", "Guest post by Amara Okafor";
2. a newsletter's or a blog's line about itself, in its sign-up box or its footer: "Hand-
   Tuned is written by Theo Lindgren: short notes on …", "Compute Margins is a weekly
   newsletter by Dana Reyes". Only when it names the page's own publication (its
   og:site_name, application-name or JSON-LD publisher): "The report is written by …" in a
   story is about another work.

The credit opens its element (a sentence about the story's people is not one), and the
element may hold a byline (crawler.core.bylines.may_hold_byline: not a comment, a quote,
a related post's card), a footer included: the post's credits and the newsletter's line
are printed there. The names run to the sentence's end, a comma, a colon or "with"
(the helpers after it are not writers), and only persons' names are taken.
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.core.authors import names_in, person_shaped
from crawler.core.bylines import element_text, may_hold_byline
from crawler.core.prose import text_owner

# The post's own credit names the post: "The report/newsletter/issue was written by …" at the
# text's last line is about another work as often (a think tank's report the story covers).
_WORK = r"(?:article|post|blog post|piece|story)"
# Boxes of other posts, whose teasers may open "Guest post by …": their writers are not ours.
_OTHER_POSTS = re.compile(
    r"recent|latest|up-?next|read-?next|next-?post|related|more-|more_", re.IGNORECASE
)


def _credit(this: str) -> re.Pattern:
    return re.compile(
        rf"^(?:guest post by|{this} {_WORK} (?:was|is) (?:(?:co-)?written|contributed"
        r"|authored) by)\s+(?P<names>\S.*)",
        re.IGNORECASE,
    )


# The post's own credit, at the start of its element: "this" post. At the text's first or
# last lines (crawler.core.pipeline), "the" article is the post too; anywhere in the page,
# "The essay was written by Joan Didion in 1967" opens a paragraph about another work.
WRITER_CREDIT = _credit("(?:this|the)")
_OWN_CREDIT = _credit("this")
# A publication's line about itself; the subject is checked against the page's own names.
_PUBLICATION_CREDIT = re.compile(
    r"^(?P<subject>[^.!?:]{2,60}?)\s+is\s+(?:"
    r"(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:newsletter|blog|publication)\s+(?:written\s+)?(?:by|from)"
    r"|(?:written|curated|authored)(?:\s+and\s+(?:edited|curated|illustrated))?\s+by"
    r")\s+(?P<names>\S.*)",
    re.IGNORECASE,
)
# Text nodes that may open or hold such a credit, found by contains() in C; the regex then
# says which, in the first LABEL_WITHIN characters only (a search of every long text node
# cost 1 ms a page). About 1.2 ms a page, asked only of a page without a byline (1 in 5).
_CREDIT_TEXTS = etree.XPath(
    "/descendant::body/descendant::text()"
    "[contains(., ' by') or contains(., ' By') or contains(., ' from')]"
)
_CREDIT_WORDS = re.compile(
    r"(?:written|contributed|authored|curated|post|newsletter|blog|publication)\s+by\b"
    r"|(?:newsletter|blog|publication)\s+from\b",
    re.IGNORECASE,
)
# The credit opens its element, so its label comes within the text's first characters
# (after a publication's name at most); a long text node is searched no further.
LABEL_WITHIN = 120
MAX_CREDIT_WORDS = 60  # the credit and a sentence after it; a paragraph of the story is longer
MAX_NAMES_CHARS = 100
# Where the list of names ends: a clause after a comma, a colon or a bracket, the
# sentence's stop (not an initial's: "J. R. Smith"), or the helpers "with" adds.
_NAMES_END = re.compile(r"[,;:()!?]|(?<=[a-z]{2})\.|\.(?=\s*$)|\s+with\s", re.IGNORECASE)


def credited_writers(tree, publications: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The persons the first credit on the page names, in its order."""
    own = {_simple(name) for name in publications if name}
    for text in _CREDIT_TEXTS(tree):
        if not _CREDIT_WORDS.search(text, 0, LABEL_WITHIN):
            continue
        owner = text_owner(text)
        if owner is None or not isinstance(owner.tag, str):
            continue
        line = element_text(owner)
        if len(line.split()) > MAX_CREDIT_WORDS:
            continue
        names = _credited(line, own)
        if names and may_hold_byline(owner, footers=True) and not _teaser(owner):
            return names
    return ()


def _teaser(owner) -> bool:
    """A link's text (a recent post's title) or a line in a box of other posts."""
    for node in (owner, *owner.iterancestors()):
        if node.tag == "a":
            return True
        if _OTHER_POSTS.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return node.find(".//h1") is None  # not a wrapper around the headline
    return False


def _credited(line: str, own: set[str]) -> tuple[str, ...]:
    credit = _OWN_CREDIT.match(line)
    if credit is None:
        credit = _PUBLICATION_CREDIT.match(line)
        if credit is None or _simple(credit["subject"]) not in own:
            return ()
    return credit_names(credit["names"])


def credit_names(rest: str) -> tuple[str, ...]:
    """The persons named at the start of `rest`, the text after a credit's "by"."""
    names = _NAMES_END.split(rest, maxsplit=1)[0].strip()
    if len(names) > MAX_NAMES_CHARS:
        return ()
    return tuple(name for name in names_in(names) if person_shaped(name))


def _simple(value: str) -> str:
    return re.sub(r"\W+", " ", value).strip().casefold()
