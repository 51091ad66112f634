from datetime import UTC, datetime

from crawler.core.dates import date_from_url, parse_date
from crawler.integration.retry import retry_after_seconds

NOW = datetime(2026, 11, 23, tzinfo=UTC)


def test_iso_and_rfc822_become_utc():
    assert parse_date("2026-11-20T10:00:00+02:00", NOW) == datetime(2026, 11, 20, 8, tzinfo=UTC)
    assert parse_date("Fri, 20 Nov 2026 10:00:00 GMT", NOW) == datetime(
        2026, 11, 20, 10, tzinfo=UTC
    )
    assert parse_date("2026-11-20", NOW) == datetime(2026, 11, 20, tzinfo=UTC)


def test_unreadable_or_implausible_dates_are_none():
    for junk in (
        "",
        "yesterday",
        "32/13/2026",
        "2099-01-01",
        "1970-01-01",
        None,
        "x" * 100,
        "9999-12-31T23:59:59-14:00",
        "0001-01-01T00:00:00+14:00",
        "2026-11-20T10:00:00+99:00",  # offsets of a day or more, which datetime refuses
        "2026-11-20T10:00:00+2400",
        "Fri, 20 Nov 2026 10:00:00 -2400",
    ):  # past datetime's range
        assert parse_date(junk, NOW) is None


def test_date_from_url():
    assert date_from_url("https://x.example/2026/11/05/slug/") == datetime(2026, 11, 5, tzinfo=UTC)
    assert date_from_url("https://x.example/2026/13/05/slug/") is None
    assert date_from_url("https://x.example/about/") is None
    # the window parse_date keeps: a URL dated years ahead (or before 1990) is no date
    assert date_from_url("https://x.example/2030/01/01/slug/") is None
    assert date_from_url("https://x.example/1985/06/01/slug/") is None


def test_retry_after_parses_seconds_and_http_dates():
    assert retry_after_seconds(b"7") == 7.0
    assert retry_after_seconds("Mon, 23 Nov 2026 00:00:30 GMT", now=NOW) == 30.0
    assert retry_after_seconds(b"soon") is None
    # The end of time is a wait longer than any we take, not no wait at all (audit 29).
    assert retry_after_seconds("Fri, 31 Dec 9999 23:59:59 GMT", now=NOW) > 365 * 86400
    assert retry_after_seconds("²") is None  # a digit to isdigit(), not to float() (review)


def test_a_time_of_day_with_am_or_pm_and_a_us_zone_is_read_whole():
    # The RFC 822 reader took "PM" for the zone: 06:04, twelve hours and a zone early.
    evening = datetime(2026, 11, 20, 23, 4, tzinfo=UTC)
    assert parse_date("November 20, 2026 6:04 PM EST", NOW) == evening
    assert parse_date("Nov. 20, 2026 6:04 p.m. ET", NOW) == evening
    assert parse_date("20 Nov 2026 18:04 EST", NOW) == evening
    assert parse_date("November 20, 2026 10:00 am PST", NOW) == datetime(
        2026, 11, 20, 18, tzinfo=UTC
    )


def test_zone_names_outside_north_america_are_read():
    assert parse_date("2 June 2025 at 09:00 BST") == datetime(2025, 6, 2, 8, tzinfo=UTC)
    assert parse_date("2025-06-02 09:00 CEST") == datetime(2025, 6, 2, 7, tzinfo=UTC)
    assert parse_date("June 2, 2025 5:30 PM IST") == datetime(2025, 6, 2, 12, tzinfo=UTC)
    assert parse_date("June 2, 2025 9:00 AM AEST") == datetime(2025, 6, 1, 23, tzinfo=UTC)
    # In the shape the RFC 822 reader takes, which returns a zone it does not know as naive.
    assert parse_date("Mar 4, 2025, 02:15 IST") == datetime(2025, 3, 3, 20, 45, tzinfo=UTC)
    assert parse_date("Tue, 04 Mar 2025 02:15:00 IST") == datetime(2025, 3, 3, 20, 45, tzinfo=UTC)
    assert parse_date("04 July 2025 00:30 BST") == datetime(2025, 7, 3, 23, 30, tzinfo=UTC)


def test_seconds_and_milliseconds_since_1970_are_dates():
    assert parse_date("1748854800") == datetime(2025, 6, 2, 9, tzinfo=UTC)
    assert parse_date("1748854800000") == datetime(2025, 6, 2, 9, tzinfo=UTC)
    assert parse_date("0000000000") is None  # 1970: before any plausible publication
    assert parse_date("17488548") is None  # neither length, and no date either


def test_us_zone_letters_follow_daylight_time_and_more_printed_zones_are_read():
    """ "7:30 p.m. ET" in June is EDT: read as EST it was 00:30 UTC on the next day."""
    assert parse_date("June 5, 2025, 7:30 p.m. ET") == datetime(2025, 6, 5, 23, 30, tzinfo=UTC)
    assert parse_date("Jan 10, 2025, 7:30 p.m. ET") == datetime(2025, 1, 11, 0, 30, tzinfo=UTC)
    assert parse_date("June 5, 2025 4:30 pm PT") == datetime(2025, 6, 5, 23, 30, tzinfo=UTC)
    assert parse_date("Thursday, 05 Jun 2025 7:40 AM MYT") == datetime(
        2025, 6, 4, 23, 40, tzinfo=UTC
    )
    assert parse_date("June 05, 2025 02:40 GST") == datetime(2025, 6, 4, 22, 40, tzinfo=UTC)
    assert parse_date("5 June 2025, 00:30 WAT") == datetime(2025, 6, 4, 23, 30, tzinfo=UTC)


def test_a_british_clock_with_a_stop_and_a_bullet_between_day_and_time():
    assert parse_date("Thu 9 Oct 2025 21.00 BST").isoformat() == "2025-10-09T20:00:00+00:00"
    assert parse_date("9 October 2025 • 9.00pm").isoformat() == "2025-10-09T21:00:00+00:00"
    # A day written with stops is no clock.
    assert parse_date("10.11.2025").hour == 0
