"""dateutil reads "GMT+1" the POSIX way, an hour west; pages mean an hour east
(crawler.compat.dateutil, docs/upstream.md)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from dateutil import parser as dateutil_parser

from crawler.compat.dateutil import literal_offsets
from crawler.core.dates import parse_date


def test_upstream_reads_the_offset_after_gmt_backwards():
    # If this fails, dateutil reads such offsets as written: the rewrite can go.
    parsed = dateutil_parser.parse("7 Dec 2025 14:30 GMT+1")
    assert parsed.utcoffset() == timedelta(hours=-1)


def test_an_offset_after_gmt_or_utc_is_read_as_written():
    assert parse_date("7 Dec 2025 14:30 GMT+1") == datetime(2025, 12, 7, 13, 30, tzinfo=UTC)
    assert parse_date("Dec 7, 2025 10:12 UTC+05:30") == datetime(2025, 12, 7, 4, 42, tzinfo=UTC)
    # JavaScript's Date.toString(), and a zone in brackets after a US time
    assert parse_date("Tue Oct 15 2019 17:00:12 GMT+0200") == datetime(
        2019, 10, 15, 15, 0, 12, tzinfo=UTC
    )
    assert parse_date("Fri 1/03/2020 12:00 PM (GMT-04:00)") == datetime(
        2020, 1, 3, 16, 0, tzinfo=UTC
    )


def test_gmt_alone_and_other_text_are_left_as_they_are():
    assert literal_offsets("Sun, 07 Dec 2025 14:30:00 GMT") == "Sun, 07 Dec 2025 14:30:00 GMT"
    assert literal_offsets("UTC-based clocks, GMT") == "UTC-based clocks, GMT"
    assert literal_offsets("14:30 GMT+1") == "14:30 +01:00"
