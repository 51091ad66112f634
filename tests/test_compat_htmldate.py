"""htmldate's extensive date search reads English only (crawler.compat.htmldate)."""

from __future__ import annotations

import htmldate.extractors

import crawler.compat.trafilatura.metadata  # noqa: F401  (installs the English parser)
from crawler.compat.htmldate import UPSTREAM_PARSER, english_date_parser

FRENCH = "5 février 2025"
ENGLISH = "February 5, 2025"


def _day(parser, text):
    found = parser().get_date_data(text)["date_obj"]
    return found.date().isoformat() if found else None


def test_upstream_parser_tries_every_locale():
    # Why it is slow: dateparser, given no language, detects one among ~200 for each string.
    assert UPSTREAM_PARSER().languages is None
    assert _day(UPSTREAM_PARSER, FRENCH) == "2025-02-05"


def test_ours_reads_english_dates_and_no_other_language():
    assert _day(english_date_parser, ENGLISH) == _day(UPSTREAM_PARSER, ENGLISH) == "2025-02-05"
    assert _day(english_date_parser, "5 Feb 2025") == "2025-02-05"
    assert _day(english_date_parser, FRENCH) is None


def test_htmldate_uses_ours():
    assert htmldate.extractors.get_external_parser is english_date_parser
