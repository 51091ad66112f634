"""The record contract: what downstream summarizers read, one JSON object a line.

Everything a consumer relies on lives here, and the committed JSON Schema
(`crawler/schema/article.v1.json`) is generated from `ArticleRecord`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, HttpUrl, model_validator

SCHEMA_VERSION = 1

# Documented in README.md ("Flags"); the Literal keeps the list closed.
Flag = Literal[
    "no_date",
    "no_author",
    "short",
    "aggregator",
    "syndicated",
    "foreign_fragments_removed",
    "declared_language_mismatch",
    "language_undetermined",
    "non_english",
    "off_topic",
    "updated",
    "near_duplicate",
    "paywalled",
    "truncated",
]

SHORT_WORDS = 150  # below this many words a record is flagged `short`
# Scripts written without spaces between words: Han, Hiragana, Katakana, Thai, Lao,
# Myanmar, Khmer. Each of their letters counts as a word (a character count is how
# Chinese and Japanese text is measured); combining marks do not count.
UNSPACED_LETTER = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
)

# A calendar day starts this long before its midnight in UTC somewhere (UTC+14).
DAY_STARTS_EARLIER = timedelta(hours=14)


def count_words(text: str) -> int:
    """Words in `text`: whitespace-separated, except that in scripts written without
    spaces each letter counts as one (so "新模型 GPT-5" is 3 + 1)."""
    if text.isascii() or not UNSPACED_LETTER.search(text):  # most text: curly quotes, accents
        return len(text.split())
    words = 0
    for token in text.split():
        letters = sum(
            bool(UNSPACED_LETTER.match(ch)) and unicodedata.category(ch)[0] == "L" for ch in token
        )
        rest = letters and any(ch.isalnum() and not UNSPACED_LETTER.match(ch) for ch in token)
        words += letters + rest if letters else 1
    return words


def content_hash(text: str) -> str:
    """Hash of the text with case and whitespace normalized: reflowed copies collide."""
    normalized = " ".join(unicodedata.normalize("NFC", text).lower().split())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def record_id(canonical_url: str) -> str:
    return hashlib.sha256(canonical_url.encode("utf-8")).hexdigest()[:24]


class Extraction(BaseModel):
    """How the text and metadata were obtained, so an operator can audit a record."""

    model_config = ConfigDict(extra="forbid")

    method: Literal["trafilatura", "trafilatura_recall", "jsonld"] = "trafilatura"
    title_source: str | None = None
    date_source: str | None = None
    published_at_raw: str | None = None


class Section(BaseModel):
    """A heading and the paragraphs under it, up to the next heading: a summarizer's chunk."""

    model_config = ConfigDict(extra="forbid")

    heading: str | None = Field(description="the heading line; null for the lead before it")
    paragraphs: list[str] = Field(description="the lines of `text` under the heading, in order")

    def lines(self) -> list[str]:
        return ([self.heading] if self.heading is not None else []) + self.paragraphs


class ArticleRecord(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    schema_version: Literal[1] = SCHEMA_VERSION
    id: str = Field(
        pattern=r"^[0-9a-f]{24}$",
        description="sha256 of the canonical_url the article was first emitted under, 24 hex; "
        "an update keeps it when the page later declares another canonical URL",
    )
    url: HttpUrl = Field(description="URL as fetched, after redirects")
    canonical_url: HttpUrl
    source: str | None = Field(None, description="catalogue source name, if known")
    site_name: str | None = None
    title: str = Field(min_length=1)
    authors: list[str] = Field(default_factory=list)
    published_at: AwareDatetime | None = None
    updated_at: AwareDatetime | None = None
    fetched_at: AwareDatetime
    description: str | None = None
    tags: list[str] = Field(default_factory=list)
    image_url: HttpUrl | None = None
    language: str = Field(pattern=r"^([a-z]{2}|und)$", description="ISO 639-1 or 'und'")
    language_confidence: float = Field(ge=0.0, le=1.0)
    declared_language: str | None = Field(None, description="<html lang>/og:locale, primary tag")
    text: str = Field(min_length=1)
    # Added within schema_version 1 (optional, default null: records written before it
    # stay valid); every record written now has it. Same lines as `text`, in order.
    sections: list[Section] | None = Field(
        None, description="`text` split at its headings: the same lines, in the same order"
    )
    word_count: int = Field(
        ge=1,
        description="whitespace-separated words; in Chinese, Japanese, Thai, Lao, Khmer and "
        "Myanmar script each letter counts as a word",
    )
    content_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    original_url: HttpUrl | None = Field(None, description="aggregated story's original")
    original_publisher: str | None = None
    previous_hash: str | None = Field(
        None, pattern=r"^[0-9a-f]{64}$", description="content_hash of the earlier version (updated)"
    )
    duplicate_of: str | None = Field(
        None, pattern=r"^[0-9a-f]{24}$", description="id of the record this one near-duplicates"
    )
    ai_relevance: float | None = Field(
        None, ge=0.0, le=1.0, description="AI-topic score from a lexicon (crawler.core.relevance)"
    )
    flags: list[Flag] = Field(default_factory=list)
    cleaning: dict[str, int] = Field(default_factory=dict, description="removals by kind")
    extraction: Extraction = Field(default_factory=Extraction)

    @model_validator(mode="after")
    def _consistent(self) -> ArticleRecord:
        # Derived fields must agree with the text: a consumer may trust either.
        if self.text != unicodedata.normalize("NFC", self.text):
            raise ValueError("text is not NFC-normalized")
        if self.word_count != count_words(self.text):
            raise ValueError("word_count does not match text")
        if self.content_hash != content_hash(self.text):
            raise ValueError("content_hash does not match text")
        if self.sections is not None and self.text.split("\n") != [
            line for section in self.sections for line in section.lines()
        ]:
            raise ValueError("sections do not hold the lines of text, in order")
        if self.sections and any(section.heading is None for section in self.sections[1:]):
            raise ValueError("only the first section (the lead) may have no heading")
        for name in ("published_at", "updated_at", "fetched_at"):
            value = getattr(self, name)
            if value is not None and value.utcoffset().total_seconds() != 0:
                object.__setattr__(self, name, value.astimezone(UTC))
        if self.updated_at and self.published_at and self.updated_at < self._earliest_publication():
            # An edit before the story existed: one of the two dates is wrong, and which
            # one the page does not say. published_at has the better sources (a byline's
            # date, the URL); an updated_at a reader would sort or diff on is dropped, not
            # made up as equal. Here, so every way a record is built obeys it.
            object.__setattr__(self, "updated_at", None)
        return self

    def _earliest_publication(self) -> datetime:
        """published_at; for a day without its time (midnight UTC, "2025-12-07"), that day's
        first instant anywhere: an update at 08:00 +09:00 on it is 23:00 UTC the day before
        (the review)."""
        published = self.published_at
        if published.time() == time(0, 0) and published.utcoffset() == timedelta(0):
            return published - DAY_STARTS_EARLIER
        return published

    def to_json_dict(self) -> dict[str, Any]:
        # mode="json": Scrapy's exporters cannot encode HttpUrl or datetime themselves.
        return self.model_dump(mode="json")


class Reject(BaseModel):
    """A line of rejects.jsonl: why a fetched URL produced no record."""

    model_config = ConfigDict(extra="forbid")

    url: str
    reason: str
    detail: str = ""
    http_status: int | None = None
    spider: str | None = None
    at: AwareDatetime = Field(default_factory=lambda: datetime.now(UTC))
    record: dict[str, Any] | None = None


@dataclass(frozen=True)
class Hints:
    """What discovery learned about a page before fetching it (feed item, sitemap entry).

    Lower trust than the page's own metadata; used only where the page says nothing.
    """

    title: str | None = None
    published: str | None = None
    updated: str | None = None
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    description: str | None = None
    source: str | None = None
    ai_only: bool = False
    discovered_via: str | None = None


# How much of a failure's traceback a reject's detail keeps: the end, where the exception is.
FAILURE_DETAIL_CHARS = 2000


@dataclass(frozen=True)
class Outcome:
    """Result of processing one page: a record, or the reason there is none."""

    record: ArticleRecord | None
    reason: str  # "ok" or a reject reason such as "non_english", "too_short"
    detail: str = ""
    rejected_record: dict[str, Any] | None = field(default=None)
    # SimHash of the record's text, computed with the record (in the extraction worker),
    # so near-duplicate checks in the crawl process cost a lookup, not a hash.
    simhash: int | None = None

    @property
    def accepted(self) -> bool:
        return self.record is not None
