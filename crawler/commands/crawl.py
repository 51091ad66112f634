"""`scrapy crawl`, exiting 1 when the run's output could not be written.

Scrapy's own command fails only when a crawl cannot start. A full disk mid-crawl closes the
spider cleanly (finish_reason `output_error`, run.json written if it still can be), and a
scheduler must still see that the run failed.
"""

from __future__ import annotations

from scrapy.commands.crawl import Command as ScrapyCrawl


class Command(ScrapyCrawl):
    def __init__(self) -> None:
        super().__init__()
        self.crawlers_run: list = []

    def _create_crawler(self, spidercls):
        crawler = super()._create_crawler(spidercls)
        self.crawlers_run.append(crawler)
        return crawler

    def run(self, args, opts) -> None:
        super().run(args, opts)
        if any(crawler.stats.get_value("output/error") for crawler in self.crawlers_run):
            self.exitcode = 1
