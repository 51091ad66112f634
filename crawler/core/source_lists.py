"""A fact-check's list of its sources at the end of the text: "Our Sources" or "Sources:"
over short citation lines ("Federal Communications Commission, Declaratory Ruling, Feb. 8,
2024"; "Li, Pengfei, et al. “Making AI Less Thirsty.” arXiv, 2023.").

PolitiFact and Snopes close every story with one. A reader copying the story leaves it, and
a summarizer would read the citations as the story's last sentences; the sets' golds drop
such a list too (The Decoder's "Sources"). What a story's writer sets under the same word
is not touched: a line "Source: Company statements" under a table, "Sources & links" over
the URLs a tutorial used (both kept by the golds). The list is the heading alone on its
line, then only citations to the end: each short, with a comma between its parts and a
year, in the text's second half.
"""

from __future__ import annotations

import re

SOURCES_HEADING = re.compile(r"^(our |the )?sources( cited| used)?\s*:?$", re.IGNORECASE)
MAX_CITATION_WORDS = 40
MAX_CITATIONS = 40
_YEAR = re.compile(r"\b(1[89]|20)\d{2}\b")


def source_list_start(lines: list[str]) -> int | None:
    """The index of a trailing sources list's heading, or None."""
    words = [len(line.split()) for line in lines]
    for index in range(max(1, len(lines) - MAX_CITATIONS - 1), len(lines) - 1):
        if not SOURCES_HEADING.match(lines[index]) or 2 * sum(words[:index]) < sum(words):
            continue
        if all(_is_citation(line) for line in lines[index + 1 :]):
            return index
    return None


def _is_citation(line: str) -> bool:
    return len(line.split()) <= MAX_CITATION_WORDS and "," in line and bool(_YEAR.search(line))
