"""htmldate's extensive date search reads whole English dates with a regular expression,
not dateparser (crawler.compat.htmldate)."""

from __future__ import annotations

import htmldate
import htmldate.extractors
import pytest
from lxml import html as lxml_html

import crawler.compat.trafilatura.metadata  # noqa: F401  (installs the English parser)
from crawler.compat.htmldate import (
    UPSTREAM_FREE_TEXT,
    UPSTREAM_PARSER,
    english_date_parser,
    free_text,
)

FRENCH = "5 février 2025"
# The forms dateparser parsed on the benchmark pages, and their neighbours.
ENGLISH = (
    "Aug. 9, 2012",
    "9/21/2016",
    "21/9/2016",
    "5 Feb 2025",
    "February 5, 2025",
    "Tuesday, Aug. 9, 2012 3:04 PM EST",
    "Sept. 3rd, 2024 at 10:00 a.m.",
    "Dec 1, 2020 12:30 am",
    "5-Nov-2025",  # a press release's date line, its only date (audit 24)
)
# What a comment thread hands it: no year, or no whole date.
NOT_DATES = ("on Monday July 23, @08:24PM (", "Aug 9, 6:06 PM", "13/13/2020", "Feb 30, 2020")


def _parsed(parser, text):
    return parser().get_date_data(text)["date_obj"]


def test_upstream_parser_tries_every_locale():
    # Why it is slow: dateparser, given no language, detects one among ~200 for each string.
    assert UPSTREAM_PARSER().languages is None
    assert _parsed(UPSTREAM_PARSER, FRENCH).date().isoformat() == "2025-02-05"


@pytest.mark.parametrize("text", ENGLISH + NOT_DATES)
def test_ours_reads_what_dateparser_reads_in_english(text):
    assert _parsed(english_date_parser, text) == _parsed(UPSTREAM_PARSER, text)


def test_ours_reads_no_other_language():
    assert _parsed(english_date_parser, FRENCH) is None


def test_htmldate_uses_ours_in_its_extensive_search():
    assert htmldate.extractors.get_external_parser is english_date_parser
    page = lxml_html.fromstring(
        "<html><body><article><p>Posted by Jane Roe</p><p>Sept. 3rd, 2019 at 10:00 a.m.</p>"
        "<p>The lab released its model.</p></article></body></html>"
    )
    found = htmldate.find_date(page, extensive_search=True, original_date=True)
    assert found == "2019-09-03"


# A page whose only date has a zone offset of 99 hours, which dateutil reads and
# datetime.timestamp() refuses.
BAD_OFFSET_PAGE = (
    '<html><head><meta property="article:published_time" content="2026-11-20T09:00:00+99:00">'
    "</head><body><article><h1>Offsets</h1><p>Text.</p></article></body></html>"
)


def test_upstream_find_date_raises_on_a_zone_offset_of_a_day_or_more():
    with pytest.raises(ValueError, match="offset must be a timedelta"):
        htmldate.find_date(lxml_html.fromstring(BAD_OFFSET_PAGE), extensive_search=False)


def test_ours_reads_such_a_page_as_undated():
    from crawler.compat.trafilatura.metadata import undeclared_date

    assert undeclared_date(lxml_html.fromstring(BAD_OFFSET_PAGE), "https://n.example/a") is None


# Text before, between and after children, inside a comment's neighbours, in nested FAST_TAGS
# and in tags htmldate does not read (b, td): every kind of text node the XPath selects.
FREE_TEXT_PAGE = (
    "<html><body><div>Posted <b>by Ann</b> on March 3, 2024<!-- c --> at noon"
    "<p>Updated <span>4/5/2024</span> again</p> tail of p</div>"
    "<table><tr><td>In a cell May 6, 2023</td></tr></table>"
    "<ul><li>One</li>between<li>Two <time>June 1, 2022</time></li></ul></body></html>"
)


def test_upstream_free_text_is_one_xpath_over_every_text_node():
    """Why it is slow on a page of many small elements (bench/pathological.py): libxml2 builds
    the node set of `.//*[self::div or ...]/text()` step by step, quadratic in the page."""
    assert UPSTREAM_FREE_TEXT.path.startswith(".//*[self::div or ")
    assert UPSTREAM_FREE_TEXT.path.endswith("]/text()")


def test_the_walk_selects_the_same_text_as_the_xpath():
    tree = lxml_html.fromstring(FREE_TEXT_PAGE)
    upstream = sorted(str(text) for text in UPSTREAM_FREE_TEXT(tree))
    assert sorted(free_text(tree)) == upstream
    assert " on March 3, 2024" in upstream and " at noon" in upstream and "between" in upstream


def test_find_date_reads_free_text_with_the_walk():
    assert htmldate.core.FREE_TEXT_EXPRESSIONS is free_text
    page = "<html><body><div><p>" + "x " * 20 + "</p>Filed on March 3, 2024</div></body></html>"
    assert htmldate.find_date(page, extensive_search=True) == "2024-03-03"
