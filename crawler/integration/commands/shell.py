"""`scrapy shell` without a run directory or state writes (see this package's docstring)."""

from scrapy.commands.shell import Command as _ScrapyShell

from crawler.integration.commands import inspecting

Command = inspecting(_ScrapyShell, __name__)
