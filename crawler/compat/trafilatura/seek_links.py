"""A transcript's seek links: "Reporter 1 <a href="#t=(01:15)">(01:15)</a>".

Transcript sites (Rev's, podcast pages) print each speaker's turn with a link that moves the
player to the second it starts. trafilatura's link-density test reads the short speaker
line as links, drops the turn, and then the turns after it: a press conference's
transcript lost everything after its third speaker (audit 41). The link goes and its text
stays: transcripts print the time as part of the speaker's line.
"""

from __future__ import annotations

import re

# "(01:15)", "[00:02:15]", "12:04": a time of the recording and nothing else.
_SEEK_TEXT = re.compile(r"[(\[]?\d{1,2}:\d{2}(:\d{2})?[)\]]?")


# Where it points: the recording at a second ("#t=(01:15)", "?t=75", "&start=75"), or a
# script's seek (`data-time`, `data-start`). A live blog's permalink to its post ("<a
# href="#block-1">14:05</a>") is no seek, and its line goes as before (the review).
_SEEK_HREF = re.compile(r"[#?&](t|time|start|seek|timestamp)=", re.IGNORECASE)
_SEEK_DATA = ("data-time", "data-start", "data-seconds", "data-timestamp", "data-seek")


def unlink_seek_times(tree) -> int:
    """Unwrap links whose whole text is a time in the recording; how many there were."""
    links = [
        link
        for link in tree.iter("a")
        if len(link) == 0
        and _SEEK_TEXT.fullmatch((link.text or "").strip())
        and (_SEEK_HREF.search(link.get("href") or "") or any(map(link.get, _SEEK_DATA)))
    ]
    for link in links:
        link.drop_tag()
    return len(links)
