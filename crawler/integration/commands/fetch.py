"""`scrapy fetch` without a run directory or state writes (see this package's docstring)."""

from scrapy.commands.fetch import Command as _ScrapyFetch

from crawler.integration.commands import inspecting

Command = inspecting(_ScrapyFetch, __name__)
