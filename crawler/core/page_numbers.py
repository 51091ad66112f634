"""A paginated article's page number, printed with its headline: "… (page 2)", "… - Page
2", "… Page 2 of 3" (audit 50: `<h1>Headline <span class="page-num">(page 2)</span></h1>`,
og:title and `<title>` carry it as well). It numbers the page, not the article, so every
page of one article gets one title.

Only a number set off at the title's end (or, "Page 2 of 3 | …", at its start) is a page's
number: brackets or a separator around it, or "of" and the count. A title about pages
keeps its words: "Page 3 of the report says …", "Page Six", "What I read on page 2".
"""

from __future__ import annotations

import re

_NUMBER = r"page\s+\d{1,3}"
_OF_COUNT = r"\s*(?:of|/)\s*\d{1,3}"
# A dash or a bar: after a colon or a comma the words are the title's own ("Stop the
# presses: Page 3", "Tabloid wars, page 3", the review).
_SEPARATOR = r"\s*[-–—|]\s*"
_TRAILING = re.compile(
    rf"(?:\s*[(\[]\s*{_NUMBER}(?:{_OF_COUNT})?\s*[)\]]"  # "(page 2)", "[Page 2 of 3]"
    rf"|{_SEPARATOR}{_NUMBER}(?:{_OF_COUNT})?"  # "- Page 2", "| Page 2 of 3"
    rf"|\s+{_NUMBER}{_OF_COUNT})$",  # "Page 2 of 3"
    re.IGNORECASE,
)
_LEADING = re.compile(rf"^{_NUMBER}{_OF_COUNT}{_SEPARATOR}", re.IGNORECASE)
MIN_TITLE_WORDS = 2  # what is left must still read as a title


def without_page_number(title: str) -> str:
    """`title` less a page number at its end or its start."""
    for label in (_TRAILING.search(title), _LEADING.match(title)):
        if label is None:
            continue
        rest = (title[: label.start()] + title[label.end() :]).strip()
        if len(rest.split()) >= MIN_TITLE_WORDS:
            return rest
    return title
