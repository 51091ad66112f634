"""`scrapy check` without a run directory or state writes (see this package's docstring)."""

from scrapy.commands.check import Command as _ScrapyCheck

from crawler.integration.commands import inspecting

Command = inspecting(_ScrapyCheck, __name__)
