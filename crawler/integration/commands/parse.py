"""`scrapy parse` without a run directory or state writes (see this package's docstring)."""

from scrapy.commands.parse import Command as _ScrapyParse

from crawler.integration.commands import inspecting

Command = inspecting(_ScrapyParse, __name__)
