"""htmldate's extensive date search, with a parser of whole English dates for dateparser.

htmldate hands the date-like strings its own rules cannot read to one dateparser
`DateDataParser` (`htmldate.extractors.get_external_parser`), built with `languages=None`:
dateparser tries each of its ~200 locales on every string, about 40 ms a string. Limited
to English with htmldate's settings it still cost 3 ms a string, and a comment thread
hands it one string a comment ("on Monday July 23, @08:24PM (", 100 on a Slashdot page:
0.3 s). Over 668 pages of the corpus, the devsets and the templates, it parsed 4 of the
250 strings it was given, all whole dates of three forms: "Aug. 9, 2012" and "9/21/2016".
So the parser here reads those forms (a weekday before, a time after, "5 Feb 2025" too)
with a regular expression, and nothing else: a date in another language inside an
English page is not its publication date. htmldate 1.11 reads `get_external_parser`
from its module on every call, which is what lets this replace it; any other release
keeps htmldate's own parser.
"""

from __future__ import annotations

import re
from datetime import datetime

import htmldate.core
import htmldate.extractors

from crawler.compat.versions import supported

# htmldate 1.11's last resort walks the text of every div, p, li, span... with one XPath,
# `.//*[self::div or ...]/text()`. libxml2 merges the text nodes of each element into the
# result one step at a time, which grows with the square of the page: 50,000 short divs
# took 4.7 s, 100,000 about 20 s (bench/pathological.py). The same text in a walk of the
# tree takes 0.03 s. Order differs (an element's tails come before its children's text),
# which htmldate's use ignores: it keeps the newest or oldest date of all segments.
UPSTREAM_FREE_TEXT = htmldate.core.FREE_TEXT_EXPRESSIONS

UPSTREAM_PARSER = htmldate.extractors.get_external_parser

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = rf"(?P<month>{'|'.join(sorted(_MONTHS, key=len, reverse=True))})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:[a-z]*)\.?,?\s+)?"
# A time after the date, kept as dateparser keeps it; a zone name after it is read past,
# as htmldate's settings ask for a naive datetime.
_TIME = (
    r"(?:,?\s+(?:at\s+)?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2})?\s*(?P<half>[ap])?"
    r"(?:\.?m\.?)?(?:\s+[a-z]{2,5})?)?"
)
_WHOLE_DATES = tuple(
    re.compile(rf"{_WEEKDAY}{date}{_TIME}", re.IGNORECASE)
    for date in (
        rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",  # Aug. 9, 2012
        rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",  # 5 Feb 2025
        rf"{_DAY}-{_MONTH}-{_YEAR}",  # 5-Nov-2025, EurekAlert's releases (audit 24)
        rf"(?P<month>\d{{1,2}})/{_DAY}/{_YEAR}",  # 9/21/2016, month first as in en-US
    )
)


class EnglishDateParser:
    """What htmldate asks of a dateparser parser: `get_date_data(text)["date_obj"]`, a
    naive datetime (htmldate's settings: no time zone) or None."""

    def get_date_data(self, text: str) -> dict[str, datetime | None]:
        return {"date_obj": parse_english_date(text)}


def parse_english_date(text: str) -> datetime | None:
    text = " ".join(text.split())
    for pattern in _WHOLE_DATES:
        match = pattern.fullmatch(text)
        if match:
            month = match["month"].lower()
            month_number = int(month) if month.isdigit() else _MONTHS[month.rstrip(".")]
            day = int(match["day"])
            if month.isdigit() and month_number > 12 >= day:
                month_number, day = day, month_number  # 21/9/2016: day first after all
            hour, minute = int(match["hour"] or 0), int(match["minute"] or 0)
            if match["half"] and hour <= 12:
                hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
            try:
                return datetime(int(match["year"]), month_number, day, hour, minute)
            except ValueError:
                return None
    return None


_PARSER = EnglishDateParser()


def english_date_parser() -> EnglishDateParser:
    """The parser htmldate's extensive search gets instead of dateparser's."""
    return _PARSER


def use_english_date_parser() -> None:
    """Make htmldate's extensive search use `english_date_parser`; idempotent."""
    if supported("htmldate", "1.11.0", "1.12"):
        htmldate.extractors.get_external_parser = english_date_parser


def free_text(tree) -> list[str]:
    """The text nodes that htmldate's FREE_TEXT_EXPRESSIONS selects, in one walk: each
    FAST_TAGS descendant's text before its first child and after each child."""
    segments = []
    for element in tree.iter(*htmldate.extractors.FAST_TAGS):
        if element is tree:  # `.//`: descendants only
            continue
        if element.text is not None:
            segments.append(element.text)
        segments.extend(child.tail for child in element if child.tail is not None)
    return segments


def use_linear_free_text() -> None:
    """Make htmldate's extensive search walk the tree for its free text; idempotent."""
    if supported("htmldate", "1.11.0", "1.12"):
        htmldate.core.FREE_TEXT_EXPRESSIONS = free_text
