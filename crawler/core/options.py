"""What `process_page` is asked to do. Its own module, so the crawl's main process can build
Options without importing trafilatura, langdetect and wordfreq, which only workers need."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Options:
    languages: tuple[str, ...] = ("en",)  # empty: keep every language, flagged
    min_words: int = 50  # fewer words after cleaning: rejected as too_short
    max_words: int = 30_000  # more is a dump, not an article (and costly downstream): too_long
    favor_precision: bool = True
    ai_relevance_threshold: float = 0.2  # below it, a record from a mixed source is off_topic
    keep_off_topic: bool = False  # True: keep off-topic records, flagged
