"""`scrapy view` without a run directory or state writes (see this package's docstring)."""

from scrapy.commands.view import Command as _ScrapyView

from crawler.integration.commands import inspecting

Command = inspecting(_ScrapyView, __name__)
