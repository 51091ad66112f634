"""The day printed in an element the page names as its date in a data attribute.

A site builder's classes are hashes (Framer's `framer-1bq4t9d`); the designer's name for a
layer is kept in `data-framer-name`: `<div data-framer-name="Date"><p class="framer-text">
Mar 4, 2025</p></div>`. React sites name theirs for their tests: `data-testid=
"published-date"`, `data-qa="display-date"`. htmldate reads dates from classes and ids,
not from these, and a Framer post without JSON-LD was dated by its site's last deploy or
by a card of other posts (audit 47). Read for a page that dates itself nowhere in its
markup and labels no date ("Published …"), as crawler.core.page_times' labelled date is.

Not a named date inside a link (a card of another post is one link, its date in it), in
the site's chrome, or in a section named for other posts ("More Posts", "Related").
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.core.dates import date_from_url, day_readings
from crawler.core.page_times import in_chrome, written_day

_NAMED = etree.XPath("//body//*[@data-framer-name or @data-testid or @data-test-id or @data-qa]")
_NAME_ATTRIBUTES = ("data-framer-name", "data-testid", "data-test-id", "data-qa")
_MAYBE_DATE = re.compile(r"date|publish|posted|time", re.IGNORECASE)
_DATE_NAME = re.compile(r"\b(?:date|dateline|published|posted|publish|timestamp|datetime)\b")
# A date, but not the publication's: an update's, a comment's, today's, an event's. Not
# "edition": a newsletter's edition date is its publication's.
_OTHER_DATE = re.compile(
    r"updat|modif|\bedit(?:ed)?\b|comment|repl(?:y|ies)|today|event|birth|expir|\blast"
    r"|\bstart|\bend\b|\bdue\b|deadline"
)
# A section of other posts, by its layer name or test id. Not "grid", "list" or "stack":
# designers name the layout stacks around a post's own header so.
# A comment's or a sidebar's date is not the post's either (a React comment list's
# `data-testid="comment"` dated a post by its first reply, review nd_comments).
_OTHER_POSTS = re.compile(
    r"\b(?:related|more|recommend\w*|latest|recent|popular|trending|other|next|previous"
    r"|cards?|comments?|repl(?:y|ies)|sidebar)\b"
)


def named_publication_day(tree, url: str = "") -> str | None:
    """The day, as written ("Mar 4, 2025"), of the first element outside links, chrome and
    sections of other posts that a layer name or test id names as the date; None where it
    says another day than the one the URL gives (/2024/03/05/), the likelier of the two."""
    url_day = date_from_url(url)
    for element in _NAMED(tree):
        if not _MAYBE_DATE.search(_raw_name(element)):
            continue  # most of a React page's test ids: their words are not looked at
        name = _name(element)
        if not _DATE_NAME.search(name) or _OTHER_DATE.search(name):
            continue
        day = written_day(element)
        if day and not _elsewhere(element):
            return day if url_day is None or url_day.date() in day_readings(day) else None
    return None


def _raw_name(element) -> str:
    return " ".join(value for key in _NAME_ATTRIBUTES if (value := element.get(key)))


def _name(element) -> str:
    """The element's layer name or test id in lower-case words: "ContentHeaderPublishDate"
    and "post_date" as "content header publish date" and "post date"."""
    return _WORD_BREAK.sub(" ", _raw_name(element)).lower()


_WORD_BREAK = re.compile(r"(?<=[a-z])(?=[A-Z])|[-_]")


def _elsewhere(element) -> bool:
    if in_chrome(element):
        return True
    for ancestor in element.iterancestors():
        if ancestor.tag == "a" or _OTHER_POSTS.search(_name(ancestor)):
            return True
    return False
