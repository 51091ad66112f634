"""htmldate's extensive date search, with its dateparser limited to English.

htmldate builds one dateparser `DateDataParser` for its extensive search
(`htmldate.extractors.get_external_parser`) with `languages=None`, so dateparser tries
each of its ~200 locales on every date-like string it is given: about 40 ms a string,
which made a page that does not date itself in its markup cost nearly twice as much as
one that does (bench/throughput.py: 25 -> 46 ms of CPU a page over its page set). The
crawler keeps English articles only, and a German or Thai date string in an English page
is not its publication date, so the parser here reads English alone, with htmldate's own
settings. htmldate 1.11 reads `get_external_parser` from its module on every call, which
is what lets this replace it; any other release keeps htmldate's own parser.
"""

from __future__ import annotations

from functools import cache

import htmldate.extractors

from crawler.compat.versions import supported

UPSTREAM_PARSER = htmldate.extractors.get_external_parser


@cache
def english_date_parser():
    """htmldate's dateparser parser, for English only."""
    from dateparser import DateDataParser  # lazy, as htmldate's: the quick search needs none

    return DateDataParser(
        languages=["en"],
        settings={
            "NORMALIZE": True,
            "PARSERS": ["custom-formats", "absolute-time"],
            "PREFER_DATES_FROM": "past",
            "PREFER_LOCALE_DATE_ORDER": True,
            "RETURN_AS_TIMEZONE_AWARE": False,
            "STRICT_PARSING": True,
        },
    )


def use_english_date_parser() -> None:
    """Make htmldate's extensive search use `english_date_parser`; idempotent."""
    if supported("htmldate", "1.11.0", "1.12"):
        htmldate.extractors.get_external_parser = english_date_parser
