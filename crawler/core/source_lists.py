"""A fact-check's list of its sources at the end of the text: "Our Sources" or "Sources:"
over short citation lines ("Federal Communications Commission, Declaratory Ruling, Feb. 8,
2024"; "Li, Pengfei, et al. “Making AI Less Thirsty.” arXiv, 2023.").

PolitiFact and Snopes close every story with one. A reader copying the story leaves it, and
a summarizer would read the citations as the story's last sentences; the sets' golds drop
such a list too (The Decoder's "Sources"). What a story's writer sets under the same word
is not touched: a line "Source: Company statements" under a table, "Sources & links" over
the URLs a tutorial used (both kept by the golds). The list is the heading alone on its
line, then only citations to the end: each short, with a comma between its parts and a
year, and the shape of a reference (a quoted title, "et al.", an address, or its author or
issuer before the first comma, and no verb a sentence would have outside a quoted title),
in the text's second half.
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


# What makes a line a reference and not a sentence: a quoted or cited title ("“Making AI Less
# Thirsty.”"), "et al.", an address, or an author or issuer first and a comma after it
# ("Li, Pengfei", "Federal Communications Commission, Declaratory Ruling"), never a
# sentence's subject and verb ("About 60 percent of the water, as of 2023, comes from …").
_REFERENCE = re.compile(
    r"[“\"«][^”\"»]{3,}[”\"»]|\bet al\b|https?://|\bwww\.|\bdoi\b"
    r"|^(?:[A-Z][\w.'’&-]*\s){0,5}[A-Z][\w.'’&-]*,\s"
    # A fact-check's own reporting: "Interview with Name, role, Jan. 30, 2026", "Email
    # exchange with …", "Tweet by …".
    r"|^(?i:(?:(?:phone|email|e-mail|telephone)\s+)?(?:interview|exchange|correspondence"
    r"|conversation|statement|tweet|post|press release|video)\s+(?:with|by|from)\s)"
)
# A verb a sentence of the story would have: a reference has none.
_SENTENCE_VERB = re.compile(
    r"\b(is|are|was|were|comes?|came|says?|said|has|have|had|will|would|based on)\b",
    re.IGNORECASE,
)


def _is_citation(line: str) -> bool:
    return (
        len(line.split()) <= MAX_CITATION_WORDS
        and "," in line
        and bool(_YEAR.search(line))
        and _REFERENCE.search(line) is not None
        and (_SENTENCE_VERB.search(line) is None or _QUOTED.search(line) is not None)
    )


_QUOTED = re.compile(r"[“\"«][^”\"»]{3,}[”\"»]")
