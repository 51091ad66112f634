"""`scrapy crawl urls -a urls_file=PATH` or `-a url=U1,U2`: fetch exactly these pages."""

from __future__ import annotations

from collections.abc import Iterator

from crawler.core.items import FetchFailed
from crawler.core.model import Hints
from crawler.core.url_lists import MAX_LINE_CHARS, listed_lines, url_list_file
from crawler.core.values import address_list
from spiders.base import ArticleSpider


class UrlsSpider(ArticleSpider):
    name = "urls"
    # Entries are checked one by one when requested: a broken one is a `bad_url` reject.
    ARGUMENTS = {"urls_file": url_list_file, "url": address_list}
    REQUIRED = (("urls_file", "url"), "-a urls_file=PATH or -a url=U1,U2")

    def target_urls(self) -> Iterator[str | FetchFailed]:
        """The listed URLs, streamed from the file; an overlong line is a `bad_url` reject."""
        yield from self.args.get("url", [])
        if self.args.get("urls_file"):
            for line in listed_lines(self.args["urls_file"]):
                if not line.too_long:
                    yield line.text
                    continue
                self.count("outcomes/requests")
                yield self.bad_url(
                    line.text + "…",
                    f"line {line.number} of urls_file has {line.length:,} characters "
                    f"(over {MAX_LINE_CHARS:,}): not a URL",
                    Hints(discovered_via="urls"),
                )

    async def start(self):
        for url in self.target_urls():
            if not isinstance(url, str):
                yield url  # a reject already
                continue
            request = self.article_request(url, Hints(discovered_via="urls"))
            if request is not None:
                yield request
            else:
                self.logger.warning("Not requested (not an http(s) URL or repeated): %r", url[:200])
