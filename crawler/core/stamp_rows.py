"""A date row over the story: its stamp between a section's label and the byline's parts.

Many CMSs print the date in one row with what files the story: a section or kind before it
("Press release · 5 October 2021", "News · 7 July 2021", AEM's and Tilda's), the writer and a
read count after it ("12.03.2019 14:20 | Written by: Name | Read: 2211 times", an old table
layout's, Joomla's "Hits: 2211"). Each part alone is no sentence; the row is chrome when a
stamp is one of them and every other part is of these shapes. Leading edge only: further
down, a short line with a date may be a timeline's entry.
"""

from __future__ import annotations

import re

from crawler.core.chrome_patterns import BARE_DATE, STAMP_DAY, TIME_STAMP

_PART_SEPARATOR = re.compile(r"\s+[|·•]\s+")
MAX_LABEL_WORDS = 3  # "Press release", "News", "Company news": a section or a kind
# A section's or a kind's name: words, no digit, no sentence's stop, its last word a kind of
# piece ("Press release", "Company news", "Blog"). Not any word: a dateline's place ("Kyiv ·
# 24 February 2022") or a diary entry's weekday ("Monday · 5 October 2021") is the story's.
_LABEL = re.compile(rf"^[^\W\d_][\w&'’.-]*( [\w&'’.-]+){{0,{MAX_LABEL_WORDS - 1}}}$")
_KINDS = frozenset({
    "news", "release", "releases", "blog", "announcement", "announcements", "statement",
    "statements", "update", "updates", "feature", "features", "article", "articles", "story",
    "stories", "event", "events", "opinion", "analysis", "research", "insights", "report",
    "reports", "podcast", "video", "interview", "editorial", "commentary", "column", "review",
    "guide", "tutorial", "newsroom", "press", "post", "posts", "latest",
})  # fmt: skip
_AFTER_STAMP = re.compile(
    # The byline's part, with or without its colon: "Written by: Name", "By Name".
    r"^((written|posted|published) )?by\s*:?\s*\S+( \S+){0,4}$"
    # A read count: "Read: 2211 times", "Hits: 2211", "Views: 1,204", "1,204 views".
    r"|^(read|hits|views|viewed)\s*:?\s*\d[\d,.]*( times)?$"
    r"|^\d[\d,.]*k? (views|reads|hits)$"
    # A reading time: "3 min read".
    r"|^\d+ ?(minutes?|mins?|min)( read| to read| reading time)$",
    re.IGNORECASE,
)


def is_stamp_row(line: str) -> bool:
    # A table's row, as trafilatura writes one ("| Founded | 5 October 2021 |"), is data.
    if line.startswith("|"):
        return False
    parts = _PART_SEPARATOR.split(line)
    stamp = next((index for index, part in enumerate(parts) if _is_stamp(part)), None)
    if stamp is None or len(parts) < 2 or stamp > 1:
        return False
    if stamp == 1 and not _is_label(parts[0]):
        return False
    # After the date, its time may stand alone: "5 October 2021 | 14:20".
    after = parts[stamp + 1 :]
    return all(BARE_DATE.match(part) or _AFTER_STAMP.match(part) for part in after)


def _is_stamp(part: str) -> bool:
    """A date stamp, with or without its label; a time alone ("12.03") may be a score."""
    if STAMP_DAY.search(part) is None:
        return False
    return BARE_DATE.match(part) is not None or any(p.search(part) for p in TIME_STAMP)


def _is_label(part: str) -> bool:
    return _LABEL.match(part) is not None and part.split()[-1].casefold() in _KINDS
