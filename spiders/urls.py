"""`scrapy crawl urls -a urls_file=PATH` or `-a url=U1,U2`: fetch exactly these pages."""

from __future__ import annotations

from collections.abc import Iterator

from scrapy import Request

from crawler.core.canonical import url_problem
from crawler.core.items import FetchFailed
from crawler.core.model import Hints
from crawler.core.url_lists import MAX_LINE_CHARS, listed_lines, url_list_file
from crawler.core.values import url_list
from spiders.base import ArticleSpider


class UrlsSpider(ArticleSpider):
    name = "urls"
    # Entries are checked one by one when requested: a broken one is a `bad_url` reject.
    ARGUMENTS = {"urls_file": url_list_file, "url": url_list}
    REQUIRED = (("urls_file", "url"), "-a urls_file=PATH or -a url=U1,U2")

    def listed_requests(self) -> Iterator[Request | FetchFailed | None]:
        """A request (or reject) per listed URL, the file streamed line by line; an overlong
        line or an entry that is no http(s) URL is a `bad_url` reject; a repeated entry None
        (counted)."""
        for url in self.args.get("url", []):
            yield self._request_for(url)
        if not self.args.get("urls_file"):
            return
        listed = False
        for line in listed_lines(self.args["urls_file"]):
            listed = True
            if not line.too_long:
                yield from map(self._request_for, line.urls)
                continue
            self.count("outcomes/requests")
            yield self.bad_url(
                line.text + "…",
                f"line {line.number} of urls_file has {line.length:,} characters "
                f"(over {MAX_LINE_CHARS:,}): not a URL",
                Hints(discovered_via="urls"),
            )
        if not listed:  # a generated list that came out empty: say so, it is no error
            self.logger.warning("urls_file %s lists no URL: nothing to crawl from it",
                                self.args["urls_file"])  # fmt: skip

    def _request_for(self, url: str) -> Request | FetchFailed | None:
        hints = Hints(discovered_via="urls")
        problem = url_problem(url)
        if problem and problem[0] == "unfetchable":
            # Listed, so asked for: a reject naming it, where a link found on a page that
            # is no http(s) URL (mailto:, javascript:) is only counted.
            self.count("outcomes/requests")
            return self.bad_url(url, problem[1], hints)
        request = self.article_request(url, hints)
        if request is None:
            self.logger.warning("Not requested (repeated or already seen): %r", url[:200])
        return request

    async def start(self):
        for request in self.listed_requests():
            if request is not None:
                yield request
