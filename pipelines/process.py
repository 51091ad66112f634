"""Runs the pure core on each fetched page and counts what cleaning removed."""

from __future__ import annotations

from scrapy.crawler import Crawler

from crawler.items import FetchedPage, ProcessedPage
from crawler.language import warm_up
from crawler.pipeline import Options, process_page


class ProcessPagePipeline:
    def __init__(self, stats, options: Options):
        self.stats, self.options = stats, options
        warm_up()  # seeded langdetect profiles loaded before the first page

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ProcessPagePipeline:
        settings, default = crawler.settings, Options()
        # Defaults come from Options too, so the pipeline behaves the same outside the project.
        languages = settings.getlist("LANGUAGES", list(default.languages))
        options = Options(
            languages=tuple(lang.strip() for lang in languages if lang.strip()),
            min_words=settings.getint("MIN_WORDS", default.min_words),
            favor_precision=settings.getbool("FAVOR_PRECISION", default.favor_precision),
        )
        return cls(crawler.stats, options)

    def process_item(self, item):
        if not isinstance(item, FetchedPage):
            return item
        outcome = process_page(
            item.body, item.url, item.hints, self.options, content_type=item.content_type
        )
        if outcome.record is not None:
            for kind, count in outcome.record.cleaning.items():
                self.stats.inc_value(f"cleaning/removed/{kind}", count)
        return ProcessedPage(
            url=item.url,
            outcome=outcome,
            spider=item.spider,
            http_status=item.status,
            source=item.hints.source,
        )
