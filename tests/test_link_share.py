"""crawler.core.clean._link_share: how much of a line is one link's text, found through an
index of the page's link texts rather than by trying each of them on every line."""

from __future__ import annotations

import random
import time

from crawler.core.clean import HEADLINE_SEPARATOR, LIST_ITEM, _link_share, _words, clean_lines


def plain_link_share(line: str, links: frozenset[str]) -> float:
    """The definition, one link at a time (what _link_share did before the index)."""
    text = LIST_ITEM.sub("", line).strip().lower()
    if not text or not links:
        return 0.0
    if text in links:
        return 1.0
    best = 0.0
    for link in links:
        if len(link) < 0.1 * len(text) or link not in text:
            continue
        if (
            _words(link) >= 2
            and HEADLINE_SEPARATOR.match(text, len(link))
            and text.startswith(link)
        ):
            return 1.0
        best = max(best, len(link) / len(text))
    return best


def test_the_share_is_the_plain_definitions():
    rng = random.Random(36)

    def text(most: int) -> str:  # few letters, so that texts often hold one another
        return "".join(rng.choice("ab -:|é") for _ in range(rng.randint(0, most)))

    for _ in range(3000):
        links = frozenset(text(rng.choice((3, 8, 20))) for _ in range(rng.randint(0, 30)))
        line = rng.choice(("", "- ", "* ", "1. ")) + text(rng.choice((5, 20, 60)))
        if links and rng.random() < 0.4:  # a link text opening the line, then a summary
            line = rng.choice(sorted(links)) + rng.choice((" - ", ": ", " ", "")) + text(30)
        assert _link_share(line, links) == plain_link_share(line, links), (line, links)


def test_a_transcript_beside_thirty_thousand_archive_links_is_cleaned_in_time():
    """Audit 36: every line tried every link text; 2,500 lines beside 30,000 archive links
    took 20 s, 90% of it here, and a long article with 100,000 links timed out."""
    months = ("january", "february", "march", "april", "may", "june", "july")
    links = frozenset(
        f"{month} {day} {year} archive: story {n}"
        for n, (month, day, year) in enumerate(
            (m, d, y) for y in range(1990, 2026) for m in months for d in range(1, 121)
        )
    )
    assert len(links) == 30_240
    lines = [
        f"Speaker {n % 3}: we talked about the {months[n % 7]} {n} figures and what they mean."
        for n in range(2500)
    ]
    started = time.monotonic()
    result = clean_lines(lines, links=links)
    assert time.monotonic() - started < 5  # 25 s one link at a time; 0.2 s by the index
    assert result.lines == lines
