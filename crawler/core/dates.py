"""Date parsing into tz-aware UTC, with the raw value kept by callers.

Feeds and pages spell dates as ISO 8601, RFC 822 or free text; a value that
cannot be read, or that lies outside any plausible publication window, is
`None` rather than a guess.
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, date, datetime, timedelta, tzinfo
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo

from dateutil import parser as dateutil_parser
from dateutil.parser import UnknownTimezoneWarning

from crawler.compat.dateutil import literal_offsets

EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(days=1)  # time zones and clock skew, not scheduled posts
_MERIDIEM = re.compile(r"\d\s*[ap]\.?m\b\.?", re.IGNORECASE)
# Zone names as news pages print them ("6:04 PM EST", "09:00 BST", "5:30 pm IST"); dateutil
# knows only UTC and GMT by name, and would read the others as UTC. The US letters without
# S or D ("7:30 p.m. ET") are the zone's clock, daylight time in summer: a fixed -5 put every
# summer stamp from 7 to 8 pm ET on the next UTC day. Names that stand for two zones are left
# out (AST), but IST as Indian news prints it, and GST as the Gulf's papers do (+4).
_ZONES: dict[str, int | tzinfo] = {
    name: int(hours * 3600)
    for name, hours in {
        "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
        "AKST": -9, "AKDT": -8, "HST": -10, "BST": 1, "WET": 0, "WEST": 1, "CET": 1,
        "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3, "SAST": 2, "IST": 5.5, "PKT": 5,
        "WIB": 7, "SGT": 8, "HKT": 8, "PHT": 8, "AWST": 8, "JST": 9, "KST": 9,
        "ACST": 9.5, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
        "MYT": 8, "WAT": 1, "CAT": 2, "EAT": 3, "GST": 4, "NPT": 5.75, "ICT": 7,
    }.items()
}  # fmt: skip
_ZONES.update(
    {
        name: ZoneInfo(key)
        for name, key in {
            "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
            "PT": "America/Los_Angeles",
        }.items()
    }
)  # fmt: skip
# A zone name that is not in _ZONES is read as UTC, which is what the warning says.
warnings.filterwarnings("ignore", category=UnknownTimezoneWarning)
# Seconds (10 digits) or milliseconds (13) since 1970, as some CMSes write their dates.
_EPOCH = re.compile(r"\d{10}(?:\d{3})?")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?:/|$|-)")


def parse_date(value: str | None, now: datetime | None = None) -> datetime | None:
    """Parse one date string; naive values are taken as UTC. Never raises."""
    if not value or not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 64:
        return None
    # The RFC 822 reader takes "6:04 PM EST" for 06:04 in a zone named "PM": a time of day
    # with AM/PM is free text.
    rfc822 = None if _MERIDIEM.search(text) else _parse_rfc822(text)
    if rfc822 is not None and rfc822.tzinfo is None:
        # The RFC 822 reader knows only the zones that RFC names (EST, GMT ...) and returns
        # "02:15 IST" naive, as for an unknown zone: dateutil reads it with _ZONES.
        rfc822 = None
    parsed = _parse_epoch(text) or _parse_iso(text) or rfc822 or _parse_loose(text)
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        parsed = parsed.astimezone(UTC)
    except OverflowError:  # "9999-12-31T23:59:59-14:00" is past datetime.max in UTC
        return None
    except ValueError:  # dateutil keeps an offset of 24 h or more ("+99:00"); datetime refuses it
        return None
    latest = (now or datetime.now(UTC)) + FUTURE_SLACK
    return parsed if EARLIEST <= parsed <= latest else None


def edit_dates(stamps: list[str | None]) -> list[datetime | None]:
    """The date each entry of one sitemap or feed says it last changed (lastmod, updated),
    or None. All None when two entries or more carry one and the same date and none another:
    that is when the document was generated, not when any page changed, and read as an edit
    it would fetch every page again every run."""
    reading = EditStamps()
    for stamp in stamps:
        reading.add(stamp)
    return [parse_date(stamp) if reading.edits else None for stamp in stamps]


class EditStamps:
    """edit_dates' judgement read one stamp at a time, for a document too long to hold:
    `edits` is False once two stamps or more carry one and the same date and none another.
    Each stamp is parsed only until two different dates are seen."""

    def __init__(self):
        self._first: datetime | None = None
        self._spellings: set[str] = set()  # stamps that gave the first date
        self._dated = 0
        self._differ = False

    def add(self, stamp: str | None) -> None:
        if self._differ or stamp is None:
            return
        if stamp not in self._spellings:
            date = parse_date(stamp)
            if date is None:
                return
            if self._first is not None and date != self._first:
                self._differ = True
                return
            self._first = date
            self._spellings.add(stamp)
        self._dated += 1

    @property
    def edits(self) -> bool:
        return self._differ or self._dated < 2


# A day in figures whose first two numbers either may be the month: "07/12/2025".
_FIGURES_DAY = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")


def day_readings(written: str) -> set[date]:
    """The calendar days a printed day may be: one for "Dec 7, 2025" or "2025-12-07", both
    for "07/12/2025" (December 7 in Europe, July 12 in the US), for the caller to pick the
    one another source of the page agrees with."""
    figures = _FIGURES_DAY.fullmatch(written.strip())
    if figures is None:
        parsed = parse_date(written)
        return {parsed.date()} if parsed else set()
    first, second, year = (int(part) for part in figures.groups())
    readings = set()
    for month, day in ((first, second), (second, first)):
        try:
            readings.add(date(year, month, day))
        except ValueError:
            continue
    return readings


# The English-speaking countries that write the day first, by the region of `<html lang>`.
_DAY_FIRST_REGIONS = frozenset({"gb", "uk", "ie", "au", "nz", "in", "za", "sg", "pk", "ng", "ke"})


def figure_order(days: list[tuple[int, int, int, str, str]], lang: str | None) -> str | None:
    """ "month" or "day": which number comes first in the page's days in figures. A day
    past 12 in either place tells; dots are Europe's, day first; failing those, the region
    of the page's language ("en-US": month, "en-GB": day), then the zone of a clock beside
    the days ("11:42 AM ET": month, "14:30 BST": day). None when the page says nothing or
    contradicts itself."""
    day_first = any(first > 12 or separator == "." for first, _, _, separator, _ in days)
    month_first = any(second > 12 for _, second, _, separator, _ in days if separator != ".")
    if day_first != month_first:
        return "day" if day_first else "month"
    if day_first:
        return None  # both: no one order
    region = (lang or "").lower().replace("_", "-").partition("-")[2]
    if region == "us":
        return "month"
    if region in _DAY_FIRST_REGIONS:
        return "day"
    zones = {zone for *_, zone in days if zone}
    return zones.pop() if len(zones) == 1 else None


def date_from_url(url: str, now: datetime | None = None) -> datetime | None:
    """`/2026/11/23/` style dates in article URLs; day precision, midnight UTC. The window
    parse_date keeps holds here too: `/2030/01/01/` was a publication date seven years
    ahead, and the article looked new to every run."""
    match = _URL_DATE.search(url)
    if not match:
        return None
    try:
        year, month, day = (int(part) for part in match.groups())
        found = datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        return None
    return found if EARLIEST <= found <= (now or datetime.now(UTC)) + FUTURE_SLACK else None


def _parse_epoch(text: str) -> datetime | None:
    if not _EPOCH.fullmatch(text):
        return None
    seconds = int(text) / (1000 if len(text) == 13 else 1)
    return datetime.fromtimestamp(seconds, UTC)


def _parse_iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def _parse_rfc822(text: str) -> datetime | None:
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


# A British clock, "21.00 BST", "9.00pm": the stop for dateutil's colon. Not a d.m.y date
# ("10.11.2025") nor a year's digits.
_DOTTED_CLOCK = re.compile(
    r"(?<![\d.])(\d{1,2})\.(\d{2})(?=\s*(?:[ap]\.?m\b|[A-Z]{2,4}\b|,|$))", re.IGNORECASE
)
# A byline row's separators between the day and the time: "9 October 2025 • 9:00pm", an old
# CMS's "January 29, 2026 @ 02:15PM EST" (audit 43).
_STAMP_SEPARATOR = re.compile(r"\s+[•·|—–@]\s+")
# A zone name in brackets, "10:12AM (EST)", which dateutil refuses; "(GMT-04:00)" it reads.
_BRACKETED_ZONE = re.compile(r"\((?-i:([A-Z]{2,5}))\)")


def _parse_loose(text: str) -> datetime | None:
    # Only strings that look like dates: dateutil happily reads "May" or "12".
    if not re.search(r"\d{4}", text):
        return None
    text = _STAMP_SEPARATOR.sub(" ", _DOTTED_CLOCK.sub(r"\1:\2", literal_offsets(text)))
    text = _BRACKETED_ZONE.sub(r"\1", text)
    try:
        return dateutil_parser.parse(text, fuzzy=False, tzinfos=_ZONES)
    except (ValueError, OverflowError, TypeError):
        return None
