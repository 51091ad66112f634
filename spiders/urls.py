"""`scrapy crawl urls -a urls_file=PATH` or `-a url=U1,U2`: fetch exactly these pages."""

from __future__ import annotations

from crawler.core.model import Hints
from crawler.core.values import address_list, readable_file
from spiders.base import ArticleSpider


class UrlsSpider(ArticleSpider):
    name = "urls"
    # Entries are checked one by one when requested: a broken one is a `bad_url` reject.
    ARGUMENTS = {"urls_file": readable_file, "url": address_list}
    REQUIRED = (("urls_file", "url"), "-a urls_file=PATH or -a url=U1,U2")

    def target_urls(self) -> list[str]:
        urls = list(self.args.get("url", []))
        if self.args.get("urls_file"):
            # utf-8-sig: a list saved by Windows Notepad starts with a BOM, which would
            # otherwise be glued to the first URL.
            text = self.args["urls_file"].read_bytes().decode("utf-8-sig", "replace")
            urls += [line.split("#", 1)[0].strip() for line in text.splitlines()]
        return [u for u in urls if u]

    async def start(self):
        for url in self.target_urls():
            request = self.article_request(url, Hints(discovered_via="urls"))
            if request is not None:
                yield request
            else:
                self.logger.warning("Not requested (not an http(s) URL or repeated): %r", url)
