"""Our cleaning of what trafilatura leaves: comment forms, share/newsletter lines,
"Related" blocks, aggregator chrome, credits and copyright lines.

Rules work on whole lines (trafilatura emits one paragraph a line). Strict
patterns, which never match article prose, apply anywhere; loose ones (calls to
action, bios) apply only to the trailing edge, so a sentence from the middle of
the body is never removed. Every removal is counted by kind.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from crawler.chrome_patterns import (
    AGGREGATOR,
    AGGREGATOR_MARKERS,
    AGGREGATOR_SECTION,
    COMMENT_FORM,
    COOKIE,
    CREDIT,
    EDGE_ONLY,
    LIST_ITEM,
    ORIGINAL_PUBLISHER,
    RELATED_HEADING,
    SHARE,
)

MAX_CHROME_WORDS = 25  # a matching line longer than this is prose that mentions the words


@dataclass
class CleanResult:
    lines: list[str]
    removed: Counter = field(default_factory=Counter)
    original_publisher: str | None = None
    is_aggregator: bool = False

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def clean_lines(lines: list[str], title: str | None = None) -> CleanResult:
    result = CleanResult(lines=[line for line in (normalize_space(x) for x in lines) if line])
    result.original_publisher = _find_original_publisher(result.lines)
    result.is_aggregator = any(
        _words(line) <= MAX_CHROME_WORDS and any(p.search(line) for p in AGGREGATOR_MARKERS)
        for line in result.lines
    )
    if result.is_aggregator:
        _drop_aggregator_sections(result)
    _drop_related_blocks(result)
    _drop_comment_form_tail(result)
    _drop_matching(result)
    _drop_trailing_edge(result)
    _drop_leading_title(result, title)
    return result


def normalize_space(line: str) -> str:
    return " ".join(line.split())


def _words(line: str) -> int:
    return len(line.split())


def _strict_kind(line: str) -> str | None:
    """Kinds recognised anywhere in the text: UI strings that prose never is alone."""
    if _words(line) > MAX_CHROME_WORDS:
        return None
    for kind, patterns in (
        ("comment_form", COMMENT_FORM),
        ("aggregator", AGGREGATOR),
        ("share", SHARE),
        ("cookie_banner", COOKIE),
        ("credit", CREDIT),
    ):
        if any(p.search(line) for p in patterns):
            return kind
    return None


def _edge_kind(line: str) -> str | None:
    if _words(line) > MAX_CHROME_WORDS:
        return None
    for kind, patterns in EDGE_ONLY.items():
        if any(p.search(line) for p in patterns):
            return kind
    return _strict_kind(line)


def _drop_matching(result: CleanResult) -> None:
    kept = []
    for line in result.lines:
        kind = _strict_kind(line)
        if kind:
            result.removed[kind] += 1
        else:
            kept.append(line)
    result.lines = kept


def _drop_trailing_edge(result: CleanResult) -> None:
    while result.lines:
        kind = _edge_kind(result.lines[-1])
        if not kind:
            return
        result.removed[kind] += 1
        result.lines.pop()


def _is_title_like(line: str) -> bool:
    return _words(line) <= 16 and not line.rstrip().endswith((".", ":", ";"))


def _drop_related_blocks(result: CleanResult) -> None:
    """A "Related ..." heading followed only by headline-like lines is a link list."""
    lines, index = result.lines, 0
    while index < len(lines):
        if RELATED_HEADING.search(lines[index]) and _words(lines[index]) <= 8:
            end = index + 1
            while end < len(lines) and _is_title_like(lines[end]):
                end += 1
            # Only a block that runs to the end, or that holds a list, is chrome.
            if end == len(lines) or end - index > 2:
                result.removed["related"] += end - index
                del lines[index:end]
                continue
        index += 1


def _drop_aggregator_sections(result: CleanResult) -> None:
    """On an aggregator's page, its section headings and their bullet lists are chrome."""
    kept, in_list = [], False
    for line in result.lines:
        if AGGREGATOR_SECTION.match(line):
            result.removed["aggregator"] += 1
            in_list = True
        elif in_list and LIST_ITEM.match(line) and _words(line) <= 16:
            result.removed["aggregator"] += 1
        else:
            in_list = False
            kept.append(line)
    result.lines = kept


def _drop_comment_form_tail(result: CleanResult) -> None:
    """From the first comment-form line on, a tail of short UI lines is the form."""
    lines = result.lines
    for index, line in enumerate(lines):
        if _words(line) <= MAX_CHROME_WORDS and any(p.search(line) for p in COMMENT_FORM):
            tail = lines[index:]
            if all(_words(x) <= 20 or _strict_kind(x) for x in tail):
                result.removed["comment_form"] += len(tail)
                del lines[index:]
            return


def _drop_leading_title(result: CleanResult, title: str | None) -> None:
    if title and result.lines and _same_text(result.lines[0], title):
        result.removed["duplicate_title"] += 1
        result.lines.pop(0)


def _same_text(a: str, b: str) -> bool:
    def simplify(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().lower()

    return simplify(a) == simplify(b)


def _find_original_publisher(lines: list[str]) -> str | None:
    for line in lines:
        if _words(line) > MAX_CHROME_WORDS:
            continue
        match = ORIGINAL_PUBLISHER.search(line)
        if match:
            return match.group("publisher").strip(" .")
    return None
