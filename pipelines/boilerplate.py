"""Strips lines a site repeats on every page (site-learned boilerplate) from accepted records.

The record is rebuilt through `ArticleRecord.model_validate`, so `word_count`,
`content_hash` and the `short` flag stay consistent with the new text; removals are
counted in `record.cleaning["site_boilerplate"]` and in the stats key
`cleaning/removed/site_boilerplate`. Rejects pass through untouched.
"""

from __future__ import annotations

from dataclasses import replace

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.core.boilerplate import BoilerplateStore, MemoryBoilerplateStore, SiteBoilerplate
from crawler.core.items import ProcessedPage
from crawler.core.model import SHORT_WORDS, ArticleRecord, content_hash, count_words
from crawler.core.sections import headings_of, split_sections
from crawler.integration.state_access import state_for

KIND = "site_boilerplate"


class SiteBoilerplatePipeline:
    def __init__(self, stats, model: SiteBoilerplate):
        self.stats, self.model = stats, model

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SiteBoilerplatePipeline:
        min_pages = crawler.settings.getint("BOILERPLATE_MIN_PAGES", 3)
        if min_pages < 2:
            raise NotConfigured("BOILERPLATE_MIN_PAGES below 2 turns site boilerplate off")
        # The state store remembers line counts across runs (and workers); without one,
        # counts live for this crawl only.
        store: BoilerplateStore = state_for(crawler) or MemoryBoilerplateStore()
        return cls(crawler.stats, SiteBoilerplate(store, min_pages))

    def process_item(self, item):
        if not isinstance(item, ProcessedPage) or item.outcome.record is None:
            return item
        record = item.outcome.record
        # The content hash as page id: the same text under two URLs is one page, not two.
        page_id = record.content_hash
        headings = headings_of(record.sections)
        stripped = self.model.learn_and_strip(
            str(record.canonical_url), page_id, record.text, headings
        )
        if not stripped.removed:
            return item
        self.stats.inc_value(f"cleaning/removed/{KIND}", stripped.removed)
        outcome = replace(item.outcome, record=rebuild(record, stripped.text, stripped.removed))
        return replace(item, outcome=outcome, unstripped_hash=record.content_hash)


def rebuild(record: ArticleRecord, text: str, removed: int) -> ArticleRecord:
    """The same record with a new text; derived fields recomputed and validated."""
    values = record.model_dump()
    words = count_words(text)
    flags = [flag for flag in record.flags if flag != "short"]
    values.update(
        text=text,
        word_count=words,
        content_hash=content_hash(text),
        cleaning=dict(sorted({**record.cleaning, KIND: removed}.items())),
        flags=[*flags, "short"] if words < SHORT_WORDS else flags,
    )
    if record.sections is not None:
        values["sections"] = split_sections(text.split("\n"), headings_of(record.sections))
    return ArticleRecord.model_validate(values)
