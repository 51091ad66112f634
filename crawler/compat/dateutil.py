"""dateutil reads the sign of an offset after "GMT" or "UTC" the POSIX way, backwards.

`dateutil.parser.parse("7 Dec 2025 14:30 GMT+1")` is 14:30-01:00 (15:30 UTC), and "UTC-4"
is +04:00: POSIX TZ strings count hours west of Greenwich (dateutil issues #70, #1478).
News pages, JavaScript's `Date.toString()` ("GMT+0200") and every reader mean the hours
east, as ISO 8601 does. The offset is written as a bare ISO offset before dateutil reads
it, which dateutil takes literally (docs/upstream.md).
"""

from __future__ import annotations

import re

# "GMT+1", "UTC+05:30", "GMT+0200", "(GMT-04:00)"; not "GMT" alone, which dateutil reads right.
_NAMED_OFFSET = re.compile(
    r"\(?\b(?:GMT|UTC)\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?\b\)?"
)


def literal_offsets(text: str) -> str:
    """`text` with each "GMT+h" / "UTC-hh:mm" written as an ISO offset ("+01:00")."""
    return _NAMED_OFFSET.sub(_iso_offset, text)


def _iso_offset(match: re.Match) -> str:
    hours, minutes = int(match["hours"]), int(match["minutes"] or 0)
    return f"{match['sign']}{hours:02d}:{minutes:02d}"
