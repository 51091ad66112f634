"""Which of a response's validators are worth sending back on the next run.

A `Last-Modified` dated in the future ("Thu, 01 Jan 2099", a server clock or CMS gone
wrong) is no validator: sent back as `If-Modified-Since`, it makes an honest server answer
304 to every later copy, until 2099, and the feed's new entries are never read (audit 36).
RFC 9110 8.8.2 has a server never send one later than its own clock; a little slack keeps
the date of a server whose clock runs ahead of ours.

A `Last-Modified` that is no HTTP date at all ("yesterday", "0", a CMS's own format) is
no validator either: RFC 9110 8.8.2 makes it an HTTP-date, and a server comparing our
`If-Modified-Since` with its own copy compares dates, so a value it cannot parse is at best
ignored and at worst taken for a date it never meant (hostile audit 4).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

CLOCK_SLACK = timedelta(hours=1)


def kept_last_modified(value: str | None, now: datetime | None = None) -> str | None:
    """`value` as sent when it is an HTTP date no later than `now` (UTC) and CLOCK_SLACK;
    else None."""
    if not value:
        return None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    when = when if when.tzinfo is not None else when.replace(tzinfo=UTC)
    return None if when > (now or datetime.now(UTC)) + CLOCK_SLACK else value
