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

    def run(self, args, opts) -> None:
        self._track_crawlers()
        super().run(args, opts)
        if any(crawler.stats.get_value("output/error") for crawler in self.crawlers_run):
            self.exitcode = 1

    def _track_crawlers(self) -> None:
        """Keep every crawler the process creates, through its public `create_crawler`
        (CrawlerProcess forgets a crawler when its crawl ends)."""
        process = self.crawler_process
        create = process.create_crawler

        def create_and_keep(spidercls):
            crawler = create(spidercls)
            self.crawlers_run.append(crawler)
            return crawler

        process.create_crawler = create_and_keep
