"""`scrapy crawl urls -a urls_file=PATH` or `-a url=U1,U2`: fetch exactly these pages."""

from __future__ import annotations

from pathlib import Path

from crawler.core.model import Hints
from spiders.base import ArticleSpider, split_arg


class UrlsSpider(ArticleSpider):
    name = "urls"

    def __init__(self, urls_file: str | None = None, url: str | None = None, **kwargs):
        super().__init__(dict(urls_file=urls_file, url=url), **kwargs)
        if not urls_file and not url:
            self.missing_arguments = "urls spider needs -a urls_file=PATH or -a url=U1,U2"
        self.urls_file, self.url_arg = urls_file, url

    def target_urls(self) -> list[str]:
        urls = split_arg(self.url_arg)
        if self.urls_file:
            path = Path(self.urls_file)
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as error:
                raise ValueError(f"cannot read urls_file {path}: {error}") from error
            urls += [line.split("#", 1)[0].strip() for line in lines]
        return [u for u in urls if u]

    async def start(self):
        for url in self.target_urls():
            request = self.article_request(url, Hints(discovered_via="urls"))
            if request is not None:
                yield request
            else:
                self.logger.warning("Not requested (not an http(s) URL or repeated): %r", url)
